// @vitest-environment happy-dom
/** The banner's DOM: passive note, plain-words reasons, actions wired, stronger wording early after surgery. */
import { buildBanner, reasonLines } from '@/utils/caution/banner';
import { isMuted, shouldShow } from '@/utils/caution/content';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { readCaution } from '@/utils/caution/settings';
import type { Reason } from '@/utils/classify';

const reasons: Reason[] = [
  { id: 'titleTopic', weight: 6 },
  { id: 'hold', weight: 4.5 },
  { id: 'shop', weight: -2 },
];

function setup(earlyPostSurgery = false, addReply: unknown = { ok: true, id: 'x1', duplicate: false }) {
  const calls: string[] = [];
  const panel = buildBanner(document, {
    reasons,
    earlyPostSurgery,
    actions: {
      add: async () => {
        calls.push('add');
        return addReply as never;
      },
      openJournal: () => calls.push('journal'),
      help: () => calls.push('help'),
      mute: () => calls.push('mute'),
      dismiss: () => calls.push('dismiss'),
    },
  });
  document.body.replaceChildren(panel);
  const byText = (text: string) => [...panel.querySelectorAll('button')].find((b) => b.textContent === text)!;
  return { panel, calls, byText };
}

test('a labelled note that does not take focus', () => {
  const before = document.activeElement;
  const { panel } = setup();
  expect(panel.getAttribute('role')).toBe('note');
  expect(panel.querySelector(`#${panel.getAttribute('aria-labelledby')}`)?.textContent).toBe(
    'Exercises found online',
  );
  expect(panel.textContent).toContain('not tailored to you');
  expect(panel.textContent).toContain('evaluation by a healthcare professional may be helpful');
  expect(panel.textContent).not.toContain('weeks ago');
  expect(document.activeElement).toBe(before);
  expect(panel.querySelector('[autofocus]')).toBeNull();
});

test('early after surgery, the wording is stronger and names the window', () => {
  const { panel } = setup(true);
  expect(panel.textContent).toContain('less than 12 weeks ago');
  expect(panel.textContent).toContain('surgeon or physical therapist');
});

test('"Why am I seeing this?" expands the positive reasons in plain words, strongest first', () => {
  const { panel, byText } = setup();
  const why = byText('Why am I seeing this?');
  const list = panel.querySelector<HTMLElement>('#pt-caution-why')!;
  expect(list.hidden).toBe(true);
  expect(why.getAttribute('aria-expanded')).toBe('false');
  why.click();
  expect(list.hidden).toBe(false);
  expect(why.getAttribute('aria-expanded')).toBe('true');
  const items = [...list.querySelectorAll('li')].map((li) => li.textContent);
  expect(items).toEqual([
    'The page title talks about pain or an injury and about exercises or stretches.',
    'It says how long to hold positions (like "hold for 30 seconds").',
  ]);
});

test('each action is wired; "Add" reports the result in a live status line', async () => {
  const { panel, calls, byText } = setup();
  byText('Open my journal').click();
  byText('When to get help now').click();
  byText("Don't show on this site").click();
  byText('Dismiss').click();
  byText('Add to my exercises').click();
  await new Promise((r) => setTimeout(r, 0));
  expect(calls).toEqual(['journal', 'help', 'mute', 'dismiss', 'add']);
  const status = panel.querySelector('[role="status"]')!;
  expect(status.textContent).toBe('Added to your exercises, marked as found online.');
  expect(byText('Add to my exercises').disabled).toBe(true);
});

test('a duplicate and a failure are told apart', async () => {
  let s = setup(false, { ok: true, id: 'x', duplicate: true });
  s.byText('Add to my exercises').click();
  await new Promise((r) => setTimeout(r, 0));
  expect(s.panel.querySelector('[role="status"]')!.textContent).toBe(
    'This page is already in your exercises.',
  );
  s = setup(false, { ok: false, error: 'bad-url' });
  s.byText('Add to my exercises').click();
  await new Promise((r) => setTimeout(r, 0));
  expect(s.panel.querySelector('[role="status"]')!.textContent).toBe('Could not add it (bad-url).');
  expect(s.byText('Add to my exercises').disabled).toBe(false);
});

test('page text never becomes markup: reasons are fixed sentences, never page content', () => {
  expect(reasonLines([{ id: '<img src=x onerror=alert(1)>' as never, weight: 9 }])).toEqual([]);
});

test('muted hosts cover subdomains and ignore www.', () => {
  expect(isMuted('www.example.com', ['example.com'])).toBe(true);
  expect(isMuted('example.com', ['www.example.com'])).toBe(true);
  expect(isMuted('m.videos.example.com', ['example.com'])).toBe(true);
  expect(isMuted('notexample.com', ['example.com'])).toBe(false);
  const caution = { caution: true, score: 12, reasons: [] };
  expect(shouldShow(caution, DEFAULT_SETTINGS.caution, 'a.com')).toBe(true);
  expect(shouldShow(caution, { enabled: false, mutedHosts: [] }, 'a.com')).toBe(false);
  expect(shouldShow(caution, { enabled: true, mutedHosts: ['a.com'] }, 'a.com')).toBe(false);
  expect(shouldShow({ ...caution, caution: false }, DEFAULT_SETTINGS.caution, 'a.com')).toBe(false);
});

test('at most five reasons, so the note stays compact', () => {
  const many = (
    ['urlTopic', 'titleTopic', 'metaTopic', 'headingsTopic', 'textTopic', 'hold', 'reps', 'position'] as const
  ).map((id, i) => ({ id, weight: 10 - i }));
  expect(reasonLines(many)).toHaveLength(5);
});

test('the content script reads only the caution section, with the same fallbacks as the settings module', () => {
  expect(readCaution(undefined)).toEqual(DEFAULT_SETTINGS.caution);
  expect(readCaution({ caution: { enabled: false } })).toEqual({ enabled: false, mutedHosts: [] });
  expect(readCaution({ caution: { enabled: 'yes', mutedHosts: ['a.com'] } })).toEqual(
    DEFAULT_SETTINGS.caution,
  );
  expect(readCaution({ caution: { enabled: true, mutedHosts: ['a.com'], extra: 1 } })).toEqual(
    DEFAULT_SETTINGS.caution,
  );
  expect(readCaution({ version: 1, caution: { enabled: true, mutedHosts: ['a.com'] } })).toEqual({
    enabled: true,
    mutedHosts: ['a.com'],
  });
});
