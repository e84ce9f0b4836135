// @vitest-environment happy-dom
/** The caution settings: the switch and the muted hosts list both write validated settings to storage.local. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { CautionSettings } from '@/components/settings/CautionSettings';
import { loadSettings, updateSettings } from '@/utils/settings';

const flush = () => act(() => new Promise((r) => setTimeout(r, 20)));

test('switch off, then remove a muted host', async () => {
  await updateSettings((s) => ({
    ...s,
    caution: { enabled: true, mutedHosts: ['www.example.com', 'videos.example.org'] },
  }));
  const root = document.createElement('div');
  document.body.append(root);
  render(<CautionSettings />, root);
  await flush();

  const box = root.querySelector<HTMLInputElement>('#caution-enabled')!;
  expect(box.checked).toBe(true);
  expect(root.querySelector('label[for="caution-enabled"]')?.textContent).toMatch(/caution/i);
  await act(() => box.click());
  await flush();
  expect((await loadSettings()).caution.enabled).toBe(false);

  const remove = root.querySelector<HTMLButtonElement>('button[aria-label*="www.example.com"]')!;
  expect(remove.textContent).toBe('Show again');
  await act(() => remove.click());
  await flush();
  expect((await loadSettings()).caution.mutedHosts).toEqual(['videos.example.org']);
  expect(root.textContent).not.toContain('www.example.com');
  render(null, root);
});
