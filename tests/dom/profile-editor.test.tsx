// @vitest-environment happy-dom
/**
 * ProfileEditor (components/ProfileEditor.tsx) on the data layer in fake IndexedDB: adding activities up to five,
 * archiving one that has ratings (its history stays), exercises with a validated web address, and the dates.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ProfileEditor } from '@/components/ProfileEditor';
import { pageJournal } from '@/utils/db/journal';

const flush = () => act(() => new Promise((r) => setTimeout(r, 30)));
/** Writes go through IndexedDB and a live query: wait for the outcome instead of a fixed delay (flaky under load). */
const eventually = (check: () => Promise<void> | void) =>
  vi.waitFor(
    async () => {
      await flush();
      await check();
    },
    { timeout: 5_000, interval: 20 },
  );

async function type(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function submit(form: Element | null | undefined) {
  await act(() => {
    form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await flush();
}

test('activities (at most 5 active, archive keeps history), exercises and dates go through the data layer', async () => {
  const journal = pageJournal();
  await journal.clearAll();
  const root = document.createElement('div');
  document.body.append(root);
  render(<ProfileEditor />, root);
  // The profile comes through IndexedDB and a live query ("Loading…" until then): wait for it, not for 30 ms.
  await eventually(() => expect(root.textContent).toContain('Name up to 5 activities'));

  const newActivity = () => root.querySelector<HTMLInputElement>('#pe-new-activity');
  const names = ['Sitting', 'Bending', 'Walking', 'Lifting', 'Driving'];
  for (const [i, name] of names.entries()) {
    await type(newActivity()!, name);
    await submit(newActivity()!.form);
    await eventually(async () => expect((await journal.getProfile()).activities).toHaveLength(i + 1));
  }
  expect((await journal.getProfile()).activities.map((a) => a.name).sort()).toEqual([...names].sort());
  // five active: the add field is replaced by an explanation
  await eventually(() => expect(newActivity()).toBeNull());
  expect(root.textContent).toContain('5 activities are active');

  // an activity with ratings is archived, not deleted
  const sitting = (await journal.getProfile()).activities.find((a) => a.name === 'Sitting')!;
  await journal.saveEntry({ date: '2026-03-01', pain: 4, function: { [sitting.id]: 6 } });
  await flush();
  const removeSitting = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Remove Sitting')!;
  await act(() => removeSitting.click());
  await eventually(async () =>
    expect((await journal.getProfile()).activities.find((a) => a.id === sitting.id)?.archived).toBe(true),
  );
  expect((await journal.getEntry('2026-03-01'))?.function).toEqual({ [sitting.id]: 6 });
  await eventually(() =>
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Archived “Sitting”'),
  );
  expect(newActivity()).not.toBeNull();

  // the archived activity is listed with Restore, which is disabled while five are active again
  const restoreSitting = () =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Restore Sitting');
  expect(restoreSitting()?.disabled).toBe(false);
  await type(newActivity()!, 'Cycling');
  await submit(newActivity()!.form);
  await eventually(() => expect(restoreSitting()?.disabled).toBe(true));
  const removeCycling = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Remove Cycling')!;
  await act(() => removeCycling.click()); // never rated: deleted for good, not archived
  await eventually(async () =>
    expect((await journal.getProfile()).activities.some((a) => a.name === 'Cycling')).toBe(false),
  );
  await eventually(() => expect(restoreSitting()?.disabled).toBe(false));
  await act(() => restoreSitting()!.click());
  await eventually(async () =>
    expect((await journal.getProfile()).activities.find((a) => a.id === sitting.id)?.archived).toBe(false),
  );
  await eventually(() => expect(restoreSitting()).toBeUndefined());

  // exercise with a bad address: the data layer's message shows and nothing is stored
  const name = root.querySelector<HTMLInputElement>('#pe-new-ex-name')!;
  const url = root.querySelector<HTMLInputElement>('#pe-new-ex-url')!;
  await type(name, 'Bridges');
  await type(url, 'javascript:alert(1)');
  await submit(name.form);
  await eventually(() => expect(root.querySelector('[role="status"]')?.textContent).toContain('web address'));
  expect((await journal.getProfile()).exercises).toEqual([]);
  await type(url, 'https://example.org/bridges');
  await submit(name.form);
  await eventually(async () =>
    expect((await journal.getProfile()).exercises).toMatchObject([
      { name: 'Bridges', source: 'clinician', url: 'https://example.org/bridges' },
    ]),
  );
  expect((await journal.getProfile()).exercises).toMatchObject([
    { name: 'Bridges', source: 'clinician', url: 'https://example.org/bridges' },
  ]);

  const pt = root.querySelector<HTMLInputElement>('#pe-pt-start')!;
  await type(pt, '2026-02-10');
  await submit(pt.form);
  await eventually(async () =>
    expect(await journal.getProfile()).toMatchObject({ ptStartDate: '2026-02-10', surgeryDate: null }),
  );
  render(null, root);
});
