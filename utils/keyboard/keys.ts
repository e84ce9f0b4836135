/**
 * Page keyboard handling as pure decisions over key events: is this the palette chord, is the person typing, which
 * sequence ("g" then "p") did the keys complete. The components wire these to `keydown`.
 */
import { SEQUENCE_TIMEOUT_MS, type CommandDef } from './commands';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
}

export const isMacPlatform = (platform: string) => /Mac|iPhone|iPad|iPod/.test(platform);

/** Ctrl+K or Ctrl+Shift+P (⌘ on a Mac; a Mac's Ctrl+K stays the text fields' "delete to end of line"). */
export function isPaletteChord(e: KeyLike, mac: boolean): boolean {
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod || e.altKey) return false;
  const k = e.key.toLowerCase();
  return (k === 'k' && !e.shiftKey) || (k === 'p' && e.shiftKey);
}

interface ElementLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  closest?: (sel: string) => unknown;
}

const NOT_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/**
 * True when a key typed at `target` is text for a field: inputs that take text (date pickers too: they take digits
 * and letters), textareas, selects (type-to-select), contenteditable, and anything inside a role=textbox/combobox.
 */
export function isTypingTarget(target: unknown): boolean {
  const el = target as ElementLike | null;
  if (!el || typeof el !== 'object') return false;
  const tag = (el.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
  if (el.isContentEditable) return true;
  return Boolean(
    el.closest?.('[contenteditable=""],[contenteditable="true"],[role="textbox"],[role="combobox"]'),
  );
}

/**
 * Matches key sequences of one or two plain keys. feed() returns the id of a completed sequence, 'pending' after a
 * valid first key (e.g. "g"), or null. A modifier other than Shift, or a pause over the timeout, starts over.
 */
export function sequenceMatcher(defs: readonly CommandDef[], timeoutMs = SEQUENCE_TIMEOUT_MS) {
  const bindings = defs.filter((d) => d.keys?.length).map((d) => ({ id: d.id, keys: d.keys! }));
  let pending: string | null = null;
  let pendingAt = 0;
  return {
    feed(e: KeyLike, at: number): string | 'pending' | null {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) {
        pending = null;
        return null;
      }
      // Letters compare case-insensitively (Caps Lock); "?" is itself a shifted key.
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (pending !== null && at - pendingAt <= timeoutMs) {
        const first = pending;
        pending = null;
        const hit = bindings.find((b) => b.keys.length === 2 && b.keys[0] === first && b.keys[1] === key);
        if (hit) return hit.id;
      }
      pending = null;
      const single = bindings.find((b) => b.keys.length === 1 && b.keys[0] === key);
      if (single) return single.id;
      if (bindings.some((b) => b.keys.length === 2 && b.keys[0] === key)) {
        pending = key;
        pendingAt = at;
        return 'pending';
      }
      return null;
    },
    reset() {
      pending = null;
    },
  };
}
