// @vitest-environment happy-dom
/**
 * The palette component alone: the combobox + listbox contract (roles, aria-controls, aria-activedescendant that
 * follows the arrows and always names an option), Enter runs the active command, Escape closes, recents first.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { CommandPalette } from '@/components/palette/CommandPalette';
import { commandsFor } from '@/utils/keyboard/commands';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(recents: string[] = []) {
  const ran: string[] = [];
  let closed = 0;
  act(() => {
    render(
      <CommandPalette
        commands={commandsFor('options')}
        recents={recents}
        onRun={(id) => ran.push(id)}
        onClose={() => closed++}
      />,
      root,
    );
  });
  const input = root.querySelector<HTMLInputElement>('[role=combobox]')!;
  const key = (k: string) =>
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    });
  const type = (text: string) =>
    act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const active = () => {
    const id = input.getAttribute('aria-activedescendant');
    const el = id ? document.getElementById(id) : null;
    return el?.getAttribute('role') === 'option' ? el.querySelector('.palette-name')!.textContent : null;
  };
  return { input, key, type, active, ran, closed: () => closed };
}

test('combobox controls a listbox; the active option follows the arrows and wraps', () => {
  const p = mount();
  expect(p.input.getAttribute('aria-expanded')).toBe('true');
  const list = document.getElementById(p.input.getAttribute('aria-controls')!)!;
  expect(list.getAttribute('role')).toBe('listbox');
  const options = list.querySelectorAll('[role=option]');
  expect(options.length).toBe(commandsFor('options').length);
  expect(p.active()).toBe('Go to Progress');
  p.key('ArrowDown');
  expect(p.active()).toBe('Go to Insights');
  p.key('ArrowUp');
  p.key('ArrowUp');
  expect(p.active()).toBe(options[options.length - 1]!.querySelector('.palette-name')!.textContent);
  expect(list.querySelectorAll('[aria-selected=true]')).toHaveLength(1);
});

test('typing filters, Enter runs the active command; no match leaves nothing to run', () => {
  const p = mount();
  p.type('csv');
  expect(p.active()).toBe('Export a spreadsheet (CSV)');
  p.key('Enter');
  expect(p.ran).toEqual(['export.csv']);
  p.type('qqqzzz');
  expect(p.active()).toBeNull();
  expect(p.input.hasAttribute('aria-activedescendant')).toBe(false);
  p.key('Enter');
  expect(p.ran).toEqual(['export.csv']);
  expect(root.textContent).toContain('No command matches “qqqzzz”.');
});

test('Escape closes; recents come first and are marked', () => {
  const p = mount(['toggle.caution', 'go.history']);
  expect(p.active()).toBe('Turn the caution note on exercise pages on or off');
  expect(root.querySelectorAll('.palette-tag')).toHaveLength(2);
  p.key('Escape');
  expect(p.closed()).toBe(1);
});

test('a command with keys shows them', () => {
  mount();
  const history = [...root.querySelectorAll('[role=option]')].find((o) =>
    o.textContent?.includes('Go to History'),
  )!;
  expect([...history.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['g', 'h']);
});
