// @vitest-environment happy-dom
/** The reminder settings component writes validated settings to storage.local and follows changes made elsewhere. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ReminderSettings } from '@/components/settings/ReminderSettings';
import { loadSettings, updateSettings } from '@/utils/settings';

const flush = () => act(() => new Promise((r) => setTimeout(r, 20)));

function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  render(<ReminderSettings idPrefix="t" />, root);
  return root;
}

function change(el: HTMLInputElement | HTMLSelectElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

test('off by default; turning on, picking a time and an evening hour are saved at once', async () => {
  const root = mount();
  await flush();
  const enabled = root.querySelector<HTMLInputElement>('#t-enabled')!;
  const time = root.querySelector<HTMLInputElement>('#t-time')!;
  const evening = root.querySelector<HTMLSelectElement>('#t-evening')!;
  expect(root.querySelector('label[for="t-enabled"]')?.textContent).toBe('Remind me to check in every day');
  expect(root.querySelector('label[for="t-time"]')).not.toBeNull();
  expect(root.querySelector('label[for="t-evening"]')).not.toBeNull();
  expect(enabled.checked).toBe(false);
  expect(time.disabled).toBe(true);
  expect(root.textContent).toContain('Nothing about them leaves your device');

  await act(() => enabled.click());
  await flush();
  expect((await loadSettings()).reminder).toEqual({ enabled: true, time: '20:00' });
  expect(time.disabled).toBe(false);

  await act(() => change(time, '07:45'));
  await flush();
  expect((await loadSettings()).reminder.time).toBe('07:45');
  expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved.');

  // A cleared or half-typed field is not saved.
  await act(() => change(time, ''));
  await flush();
  expect((await loadSettings()).reminder.time).toBe('07:45');

  expect(evening.options).toHaveLength(24);
  await act(() => change(evening, '21'));
  await flush();
  expect((await loadSettings()).badge.eveningHour).toBe(21);
  render(null, root);
});

test('shows settings changed in another page', async () => {
  const root = mount();
  await flush();
  await act(async () => {
    await updateSettings((s) => ({ ...s, reminder: { enabled: true, time: '06:30' } }));
  });
  await flush();
  expect(root.querySelector<HTMLInputElement>('#t-enabled')!.checked).toBe(true);
  expect(root.querySelector<HTMLInputElement>('#t-time')!.value).toBe('06:30');
  render(null, root);
});
