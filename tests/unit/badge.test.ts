/**
 * The toolbar tooltip (streak) and badge as the background sets them, with real journal data in fake IndexedDB.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Journal } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import { addDays } from '@/utils/dates';
import { registerReminders, streakText, BADGE_COLOR } from '@/utils/reminders/background';

const NY = 'America/New_York';
let n = 0;

async function tooltipAfter(days: string[], now: string, zone = NY) {
  const clock = Date.parse(now);
  const journal = new Journal(new JournalDB(`badge-${n++}`), { now: () => new Date(clock) });
  for (const date of days) await journal.saveEntry({ date, pain: 3 });
  const rem = registerReminders(journal, {
    browser: fakeBrowser as unknown as typeof import('wxt/browser').browser,
    now: () => clock,
    timeZone: () => zone,
    notificationButtons: true,
  });
  await rem.ready;
  return { title: await fakeBrowser.action.getTitle({}), badge: await fakeBrowser.action.getBadgeText({}) };
}

const run = (last: string, length: number) => Array.from({ length }, (_, i) => addDays(last, -i));

test('streak wording: none, one, many', () => {
  expect(streakText(0)).toBe('No days logged in a row yet.');
  expect(streakText(1)).toBe('1 day logged in a row.');
  expect(streakText(12)).toBe('12 days logged in a row.');
});

test('tooltip names the product, today’s status and the streak', async () => {
  const { title, badge } = await tooltipAfter(run('2026-01-15', 3), '2026-01-15T15:00:00Z');
  expect(title.split('\n')).toEqual(['PT Journal', "Today's check-in is saved.", '3 days logged in a row.']);
  expect(badge).toBe('');
  expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x0b, 0x5c, 0xad, 255]);
  expect(BADGE_COLOR).toBe('#0b5cad');
});

test('an unlogged evening shows the badge and keeps yesterday’s streak', async () => {
  const { title, badge } = await tooltipAfter(run('2026-01-14', 2), '2026-01-16T00:30:00Z'); // 19:30 on the 15th
  expect(badge).toBe('1');
  expect(title).toContain('not logged yet');
  expect(title).toContain('2 days logged in a row.');
});

test('the day is the local one: 23:30 in New York is already tomorrow in UTC', async () => {
  const { title } = await tooltipAfter(['2026-01-15'], '2026-01-16T04:30:00Z');
  expect(title).toContain("Today's check-in is saved.");
  const berlin = await tooltipAfter(['2026-01-15'], '2026-01-16T04:30:00Z', 'Europe/Berlin');
  expect(berlin.title).toContain('not logged yet');
  expect(berlin.title).toContain('1 day logged in a row.');
});

test('a long streak is counted past the first window of entries read', async () => {
  const { title } = await tooltipAfter(run('2026-03-10', 150), '2026-03-10T20:00:00Z');
  expect(title).toContain('150 days logged in a row.');
});

test('a gap ends the streak, whichever side of a DST change it is on', async () => {
  const days = [...run('2026-03-09', 3), ...run('2026-03-05', 10)]; // 03-07…03-09 (spring forward on 03-08), gap on 03-06
  const { title } = await tooltipAfter(days, '2026-03-09T20:00:00Z');
  expect(title).toContain('3 days logged in a row.');
});
