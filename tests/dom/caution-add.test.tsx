// @vitest-environment happy-dom
/**
 * The add-exercise confirmation page (issue #9): prefilled from the web page's title and address, writes only when
 * the person confirms, once; the journal-dependent wording (already saved, early after surgery) lives here only.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '@/entrypoints/add-exercise/App';
import { pageJournal } from '@/utils/db/journal';
import { addDays, localDay } from '@/utils/dates';

const url = 'https://www.example-physio.com/blog/neck-stretches';
const search = `?${new URLSearchParams({ title: 'Neck stretches  for desk workers', url: `${url}#top` })}`;

let container: HTMLElement;
beforeEach(async () => {
  await pageJournal().clearAll();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(q = search) {
  await act(() => {
    render(<App search={q} />, container);
  });
  const confirm = () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Add');
  await vi.waitFor(() =>
    expect(confirm()?.disabled === false || container.textContent?.includes('already')).toBe(true),
  );
  return { confirm, input: () => container.querySelector<HTMLInputElement>('#add-name')! };
}

test('prefilled with the title and address; nothing is written until the person confirms, then exactly once', async () => {
  const { confirm, input } = await mount();
  expect(input().value).toBe('Neck stretches for desk workers');
  expect(container.textContent).toContain(url);
  expect(container.textContent).not.toContain('#top');
  expect((await pageJournal().getProfile()).exercises).toEqual([]);
  await act(() => {
    input().value = 'Neck: desk stretches';
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    confirm()!.click();
    confirm()?.click();
    container.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await vi.waitFor(() => expect(container.querySelector('[role="status"]')?.textContent).toContain('Added'));
  const { exercises } = await pageJournal().getProfile();
  expect(exercises).toHaveLength(1);
  expect(exercises[0]).toMatchObject({ name: 'Neck: desk stretches', source: 'online', url });
});

test('an address already saved says so here, and Add is off', async () => {
  await pageJournal().saveExercise({ name: 'My neck page', source: 'online', url });
  const { confirm } = await mount();
  expect(container.textContent).toContain('already in your exercises as "My neck page"');
  expect(confirm()!.disabled).toBe(true);
});

test('early after surgery the stronger wording is shown here (the web page never sees it)', async () => {
  await pageJournal().setDates({ ptStartDate: null, surgeryDate: addDays(localDay(), -10) });
  await mount();
  expect(container.textContent).toContain('less than 12 weeks ago');
});

test('anything but a web address is refused', async () => {
  await act(() => {
    render(<App search="?title=x&url=javascript:alert(1)" />, container);
  });
  expect(container.textContent).toContain('only add web pages');
  expect(container.querySelector('button')).toBeNull();
});
