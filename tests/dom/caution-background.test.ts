/** Background handlers of the caution banner: sender checks, "Add to my exercises" (deduplicated), surgery window. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Journal } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import {
  addExercise,
  cautionStatus,
  dismiss,
  muteHost,
  exerciseName,
  fromOurContentScript,
  isEarlyPostSurgery,
  registerCautionHandlers,
} from '@/utils/caution/background';
import { EARLY_POST_SURGERY_WEEKS } from '@/utils/journal/clinical';
import { addDays, localDay } from '@/utils/dates';
import { loadSettings } from '@/utils/settings';

let journal: Journal;
beforeEach(async () => {
  journal = new Journal(new JournalDB(`test-${Math.random()}`));
});

const page = 'https://www.example-physio.com/blog/neck-stretches';
const sender = (over: object = {}) => ({
  id: fakeBrowser.runtime.id,
  tab: { id: 3 } as never,
  url: page,
  ...over,
});

test('only our own content scripts on web pages are heard', () => {
  expect(fromOurContentScript(sender())).toBe(true);
  expect(fromOurContentScript(sender({ id: 'another-extension' }))).toBe(false);
  expect(fromOurContentScript(sender({ tab: undefined }))).toBe(false);
  expect(fromOurContentScript(sender({ url: 'chrome-extension://abc/options.html' }))).toBe(false);
  expect(fromOurContentScript(sender({ url: 'not a url' }))).toBe(false);
});

test('adds the page once as an exercise found online; the second time reports the duplicate', async () => {
  const first = await addExercise(journal, '  Neck   stretches for desk workers ', `${page}#step-2`, page);
  expect(first).toMatchObject({ ok: true, duplicate: false });
  const again = await addExercise(journal, 'Neck stretches', page, page);
  expect(again).toEqual({ ok: true, id: first.ok ? first.id : '', duplicate: true });
  const { exercises } = await journal.getProfile();
  expect(exercises).toHaveLength(1);
  expect(exercises[0]).toMatchObject({
    name: 'Neck stretches for desk workers',
    source: 'online',
    url: page,
  });
});

test('refuses a URL from another origin than the sender, or not http(s)', async () => {
  expect(await addExercise(journal, 'x', 'https://evil.example.net/', page)).toEqual({
    ok: false,
    error: 'bad-url',
  });
  expect(await addExercise(journal, 'x', 'javascript:alert(1)', page)).toEqual({
    ok: false,
    error: 'bad-url',
  });
  expect((await journal.getProfile()).exercises).toHaveLength(0);
});

test('long or empty titles still make a valid name', () => {
  const u = new URL(page);
  expect(exerciseName('', u)).toBe('www.example-physio.com');
  const long = exerciseName('a'.repeat(300), u);
  expect(long.length).toBeLessThanOrEqual(80);
  expect(long.endsWith('…')).toBe(true);
});

test(`"early after surgery" means within ${EARLY_POST_SURGERY_WEEKS} weeks after the date, not before it`, () => {
  const today = '2026-05-20';
  expect(isEarlyPostSurgery(null, today)).toBe(false);
  expect(isEarlyPostSurgery(today, today)).toBe(true);
  expect(isEarlyPostSurgery(addDays(today, -(EARLY_POST_SURGERY_WEEKS * 7 - 1)), today)).toBe(true);
  expect(isEarlyPostSurgery(addDays(today, -EARLY_POST_SURGERY_WEEKS * 7), today)).toBe(false);
  expect(isEarlyPostSurgery(addDays(today, 3), today)).toBe(false);
  expect(isEarlyPostSurgery('garbage', today)).toBe(false);
});

test('status reads the profile and tells only the fact', async () => {
  expect(await cautionStatus(journal)).toEqual({ earlyPostSurgery: false, dismissed: false });
  await journal.setDates({ ptStartDate: null, surgeryDate: addDays(localDay(), -10) });
  expect(await cautionStatus(journal)).toEqual({ earlyPostSurgery: true, dismissed: false });
});

test('dismissing remembers the page (fragment ignored) in session storage, as a hash, not the address', async () => {
  expect(await dismiss(`${page}#top`)).toBe(true);
  expect((await cautionStatus(journal, page)).dismissed).toBe(true);
  expect((await cautionStatus(journal, `${page}-other`)).dismissed).toBe(false);
  const stored = JSON.stringify(await fakeBrowser.storage.session.get(null));
  expect(stored).not.toContain('example-physio');
  expect(await dismiss('not a url')).toBe(false);
});

test('the listener answers valid caution messages from our content script and ignores the rest', async () => {
  registerCautionHandlers(journal);
  const reply = (msg: unknown, s = sender()) =>
    new Promise((resolve) => {
      // the fake's trigger is typed with two arguments; the real event also passes sendResponse
      const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (
        ...a: unknown[]
      ) => Promise<unknown[]>;
      void trigger(msg, s, resolve).then((r) => {
        if (!r.includes(true)) resolve('no reply');
      });
    });
  expect(await reply({ type: 'caution:addExercise', title: 'Neck stretches', url: page })).toMatchObject({
    ok: true,
    duplicate: false,
  });
  expect(await reply({ type: 'caution:status' })).toEqual({ earlyPostSurgery: false, dismissed: false });
  expect(await reply({ type: 'caution:dismiss', url: page })).toEqual({ ok: true });
  expect(await reply({ type: 'caution:status', url: page })).toEqual({
    earlyPostSurgery: false,
    dismissed: true,
  });
  expect(await reply({ type: 'caution:addExercise', title: 'x', url: page, extra: 1 })).toBe('no reply');
  expect(await reply({ type: 'caution:status' }, sender({ id: 'other' }))).toBe('no reply');
  expect(await reply({ type: 'journal:changed', what: 'entries' })).toBe('no reply');
  const created: string[] = [];
  fakeBrowser.tabs.create = (async (p: { url: string }) => {
    created.push(p.url);
    return {} as never;
  }) as never;
  await reply({ type: 'caution:openHelp' });
  expect(created[0]).toMatch(/help\.html$/);
});

test("muting adds the sender page's host once, lower-cased", async () => {
  expect(await muteHost('https://WWW.Example-Physio.com/blog/x')).toBe(true);
  expect(await muteHost('https://www.example-physio.com/other')).toBe(true);
  expect((await loadSettings()).caution.mutedHosts).toEqual(['www.example-physio.com']);
  expect(await muteHost('not a url')).toBe(false);
});
