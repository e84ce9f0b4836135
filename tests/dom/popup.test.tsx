// @vitest-environment happy-dom
/** The popup's day logic with a controlled clock: the small-hours question and the early-after-surgery line. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '@/entrypoints/popup/App';
import { pageJournal } from '@/utils/db/journal';
import { addDays } from '@/utils/dates';

let container: HTMLElement;
beforeEach(async () => {
  await pageJournal().clearAll();
  localStorage.clear();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(now: Date) {
  await act(() => {
    render(<App now={() => now} />, container);
  });
  await vi.waitFor(() =>
    expect(container.querySelector('main[data-loaded]:not([data-loaded=""])')).not.toBeNull(),
  );
}

const text = () => container.textContent ?? '';

test('between midnight and 3 a.m. it asks whether the check-in is for the day that just ended', async () => {
  await mount(new Date(2026, 10, 24, 1, 30)); // 01:30 on Tue 24 Nov
  expect(text()).toMatch(/after midnight/);
  const yes = [...container.querySelectorAll('button')].find((b) => /^Yes, log/.test(b.textContent ?? ''))!;
  await act(() => yes.click());
  await vi.waitFor(() =>
    expect(container.querySelector('main')?.getAttribute('data-loaded')).toBe('2026-11-23'),
  );
  expect(container.querySelector('h1')?.textContent).toMatch(/Yesterday · Mon, Nov 23/);
  expect(text()).not.toMatch(/after midnight/);
});

test('from 3 a.m. there is no question', async () => {
  await mount(new Date(2026, 10, 24, 3, 0));
  expect(text()).not.toMatch(/after midnight/);
  expect(container.querySelector('main')?.getAttribute('data-loaded')).toBe('2026-11-24');
});

test('a surgery within the last 12 weeks adds the gentle line; older or future dates do not', async () => {
  const today = '2026-11-24';
  const now = new Date(2026, 10, 24, 18, 0);
  for (const [surgery, shown] of [
    [addDays(today, -10), true],
    [addDays(today, -83), true],
    [addDays(today, -84), false],
    [addDays(today, 5), false],
  ] as const) {
    await pageJournal().setDates({ ptStartDate: null, surgeryDate: surgery });
    await mount(now);
    expect(/surgery was less than 12 weeks ago/.test(text()), surgery).toBe(shown);
    render(null, container);
  }
});

test('the exercise checklist lists only active exercises and saves the ticked ones', async () => {
  const journal = pageJournal();
  const kept = await journal.saveExercise({ name: 'Bird dog', source: 'clinician' });
  await journal.saveExercise({
    name: 'Old stretch',
    source: 'online',
    url: 'https://example.org/x',
    archived: true,
  });
  await mount(new Date(2026, 10, 24, 18, 0));
  expect(text()).toContain('Bird dog');
  expect(text()).not.toContain('Old stretch');
  const box = [...container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].find((b) =>
    b.parentElement?.textContent?.includes('Bird dog'),
  )!;
  await act(() => box.click());
  const pain = container.querySelector<HTMLElement>('#pain')!;
  await act(() => void pain.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true })));
  await act(
    () =>
      void document.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
      ),
  );
  await vi.waitFor(async () =>
    expect(await journal.getEntry('2026-11-24')).toMatchObject({ pain: 3, exercisesDone: [kept.id] }),
  );
});
