// @vitest-environment happy-dom
/**
 * The caution note's DOM (issue #9): compact by default, the same text for everyone, actions only in the expanded
 * view, and no control moved by events a page script made up (`isTrusted === false`).
 */
import { buildNote, reasonLines } from '@/utils/caution/note';

/** As the background sends them: reason ids, strongest first. */
const reasons = ['titleTopic', 'hold'];

function setup() {
  const calls: string[] = [];
  const panel = buildNote(document, {
    reasons,
    actions: {
      add: () => calls.push('add'),
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

/** What the person's click or key press looks like (a page script cannot set isTrusted in a real browser). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const personClicks = (el: Element) => el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));

test('compact: a title, one sentence, More and Dismiss; nothing else visible; no focus taken', () => {
  const before = document.activeElement;
  const { panel } = setup();
  expect(panel.getAttribute('role')).toBe('note');
  expect(panel.querySelector(`#${panel.getAttribute('aria-labelledby')}`)?.textContent).toBe(
    'Exercises found online',
  );
  const more = panel.querySelector<HTMLElement>('#pt-caution-more')!;
  expect(more.hidden).toBe(true);
  const visibleButtons = [...panel.querySelectorAll('button')].filter((b) => !more.contains(b));
  expect(visibleButtons.map((b) => b.textContent)).toEqual(['Dismiss', 'More']);
  expect(panel.querySelector('.lede')?.textContent).toContain(
    'evaluation by a healthcare professional may be helpful',
  );
  expect(document.activeElement).toBe(before);
  expect(panel.querySelector('[autofocus]')).toBeNull();
});

test('nothing personal: no surgery wording, no status line, the same DOM every time', () => {
  const a = setup().panel.outerHTML;
  const b = setup().panel.outerHTML;
  expect(a).toBe(b);
  expect(a).not.toMatch(/surgery|weeks ago|already/i);
  expect(setup().panel.querySelector('[role="status"], [aria-live]')).toBeNull();
});

test('More opens the longer text, the reasons in plain words and the actions; Less and Escape fold it back', () => {
  const { panel, byText } = setup();
  const more = panel.querySelector<HTMLElement>('#pt-caution-more')!;
  const toggle = byText('More');
  personClicks(toggle);
  expect(more.hidden).toBe(false);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(toggle.textContent).toBe('Less');
  expect([...more.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
    'The page title talks about pain or an injury and about exercises or stretches.',
    'It says how long to hold positions (like "hold for 30 seconds").',
  ]);
  expect(more.textContent).toContain('not tailored to you');
  personClicks(toggle);
  expect(more.hidden).toBe(true);
  personClicks(toggle);
  panel.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  expect(more.hidden).toBe(true);
});

test("each action runs on the person's click", () => {
  const { calls, byText } = setup();
  personClicks(byText('More'));
  for (const label of [
    'Add to my exercises',
    'Open my journal',
    'When to get help now',
    "Don't show on this site",
    'Dismiss',
  ])
    personClicks(byText(label));
  expect(calls).toEqual(['add', 'journal', 'help', 'mute', 'dismiss']);
});

test('synthetic clicks and key presses (isTrusted false) do nothing', () => {
  const { panel, calls, byText } = setup();
  const more = panel.querySelector<HTMLElement>('#pt-caution-more')!;
  for (const b of panel.querySelectorAll('button')) {
    b.click();
    b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    b.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    b.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
  }
  expect(calls).toEqual([]);
  expect(more.hidden).toBe(true);
  // Opened by the person, a made-up Escape does not fold it either.
  personClicks(byText('More'));
  panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  expect(more.hidden).toBe(false);
});

test('page text never becomes markup: reasons are fixed sentences; unknown ids are dropped, never shown raw', () => {
  expect(reasonLines(['<img src=x onerror=alert(1)>', 'noSuchReason', 'hold'])).toEqual([
    'It says how long to hold positions (like "hold for 30 seconds").',
  ]);
});

test('at most five reasons, so the note stays short', () => {
  const many = [
    'urlTopic',
    'titleTopic',
    'metaTopic',
    'headingsTopic',
    'textTopic',
    'hold',
    'reps',
    'position',
  ];
  expect(reasonLines(many)).toHaveLength(5);
});
