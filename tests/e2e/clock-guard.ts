/**
 * e2e setup (vitest.e2e.config.ts): no test starts in the last CLEAR_OF_MIDNIGHT_MS before local midnight.
 *
 * Many e2e tests read "today" twice, in the extension and in the test (the popup's day, the seeded journal's last day,
 * the badge's day); if local midnight passes in between, the two disagree and a correct extension fails. CI may run at
 * any hour in any zone, so a test that would start within the margin waits until just after midnight instead. The wait
 * happens at most once per run and only near midnight; it never sleeps otherwise. The browsers inherit this process's
 * clock and TZ, so "local" is the same for both sides.
 */
export const CLEAR_OF_MIDNIGHT_MS = 90_000;

/** Milliseconds from `now` to the next local midnight (or to the first local instant of tomorrow where DST skips it). */
export function msToLocalMidnight(now: Date = new Date()): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
}

beforeEach(async () => {
  const left = msToLocalMidnight();
  if (left < CLEAR_OF_MIDNIGHT_MS) {
    console.info(`[clock-guard] ${Math.ceil(left / 1000)} s to local midnight: waiting for the new day`);
    await new Promise((resolve) => setTimeout(resolve, left + 1000));
  }
}, CLEAR_OF_MIDNIGHT_MS + 30_000);
