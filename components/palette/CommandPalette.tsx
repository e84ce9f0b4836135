/**
 * The command palette: a modal dialog holding a WAI-ARIA combobox (the text field) that controls a listbox of
 * commands, with aria-activedescendant (focus stays in the field while the arrows move the active option).
 * https://www.w3.org/WAI/ARIA/apg/patterns/combobox/
 *
 *   [ Type a command…            ]   ↑ ↓ choose · Enter runs · Esc closes
 *   ▸ Export a backup (JSON)    Your data          (recent)
 *     Go to History             Go to        G H
 *
 * Matching and ranking are pure (utils/keyboard/fuzzy.ts); what a command does is components/palette/actions.ts.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import { rank, type Searchable } from '@/utils/keyboard/fuzzy';
import type { CommandDef } from '@/utils/keyboard/commands';
import { Chord, Sequence } from './Keys';

interface Item extends Searchable {
  def: CommandDef;
}

export interface CommandPaletteProps {
  commands: readonly CommandDef[];
  recents: readonly string[];
  /** Message keys that name a command better right now (a switch says which way it will turn). */
  titles?: Readonly<Record<string, MessageKey>>;
  onRun: (id: string) => void;
  onClose: () => void;
}

const optionId = (id: string) => `palette-opt-${id.replace(/[^a-z0-9-]/gi, '-')}`;

/** The title with its matched characters marked. */
function Highlighted({ text, indices }: { text: string; indices: number[] }) {
  if (!indices.length) return <>{text}</>;
  const hit = new Set(indices);
  const parts: Array<{ s: string; on: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const on = hit.has(i);
    const last = parts[parts.length - 1];
    if (last && last.on === on) last.s += text[i];
    else parts.push({ s: text[i]!, on });
  }
  return <>{parts.map((p, i) => (p.on ? <mark key={i}>{p.s}</mark> : p.s))}</>;
}

export function CommandPalette({ commands, recents, titles = {}, onRun, onClose }: CommandPaletteProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  const items = useMemo<Item[]>(
    () =>
      commands.map((def) => ({
        id: def.id,
        title: t(titles[def.id] ?? def.title),
        synonyms: t(def.synonyms)
          .split(',')
          .map((w) => w.trim())
          .filter(Boolean),
        def,
      })),
    [commands, titles],
  );
  const results = useMemo(() => rank(query, items, recents), [query, items, recents]);
  const recentSet = new Set(recents);
  const current = results[Math.min(active, results.length - 1)];

  useLayoutEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    input.current?.focus();
  }, []);

  useEffect(() => {
    if (current) document.getElementById(optionId(current.item.id))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  // Leave the top layer before the command runs: while a modal dialog is open the page is inert and cannot take
  // the focus a command moves (to a section heading, a field).
  const runItem = (id: string) => {
    dialog.current?.close();
    onRun(id);
  };

  const move = (delta: number) => {
    if (!results.length) return;
    setActive((a) => (Math.min(a, results.length - 1) + delta + results.length) % results.length);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        move(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        move(-1);
        break;
      case 'PageDown':
        e.preventDefault();
        setActive(results.length - 1);
        break;
      case 'PageUp':
        e.preventDefault();
        setActive(0);
        break;
      case 'Enter':
        e.preventDefault();
        if (current) runItem(current.item.id);
        break;
      case 'Escape':
        e.preventDefault();
        onClose();
        break;
      case 'Tab':
        // One control in the dialog: Tab would leave for the browser's toolbar.
        e.preventDefault();
        break;
    }
  };

  return (
    <dialog
      ref={dialog}
      class="palette"
      aria-labelledby="palette-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (outside the dialog's box) closes it.
        if (e.target === dialog.current) onClose();
      }}
    >
      <h2 id="palette-title" class="visually-hidden">
        {t('paletteTitle')}
      </h2>
      <input
        ref={input}
        class="palette-input"
        type="text"
        role="combobox"
        aria-label={t('paletteLabel')}
        aria-expanded="true"
        aria-controls="palette-list"
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current.item.id) : undefined}
        aria-describedby="palette-hint"
        placeholder={t('palettePlaceholder')}
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p id="palette-hint" class="palette-hint">
        {t('paletteHint')}
      </p>
      <ul id="palette-list" role="listbox" class="palette-list" aria-label={t('paletteListLabel')}>
        {results.map(({ item, indices }) => {
          const selected = item === current?.item;
          const { def } = item;
          return (
            <li
              key={item.id}
              id={optionId(item.id)}
              role="option"
              aria-selected={selected}
              class={selected ? 'palette-option active' : 'palette-option'}
              onMouseMove={() => !selected && setActive(results.findIndex((r) => r.item === item))}
              onClick={() => runItem(item.id)}
            >
              <span class="palette-name">
                <Highlighted text={item.title} indices={indices} />
              </span>
              {query === '' && recentSet.has(item.id) && (
                <span class="palette-tag">{t('paletteRecent')}</span>
              )}
              <span class="palette-group">{t(`cmdGroup_${def.group}`)}</span>
              {def.keys && <Sequence keys={def.keys} />}
              {def.browserKeys && <Chord keys={def.browserKeys} />}
            </li>
          );
        })}
      </ul>
      {results.length === 0 && <p class="palette-empty">{t('paletteNoMatch', query)}</p>}
      <p class="visually-hidden" role="status">
        {query ? t('paletteCount', results.length) : ''}
      </p>
    </dialog>
  );
}
