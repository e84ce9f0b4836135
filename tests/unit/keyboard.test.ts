// @vitest-environment happy-dom
/**
 * The palette's pure parts: fuzzy matching and ranking, recents, the registry, and page key handling (chords,
 * sequences, typing targets).
 */
import fc from 'fast-check';
import { fold, fuzzyMatch, rank, type Searchable } from '@/utils/keyboard/fuzzy';
import { COMMANDS, COMMAND_IDS, SECTIONS, ariaKeys, keyLabels, paletteKeys } from '@/utils/keyboard/commands';
import { isPaletteChord, isTypingTarget, sequenceMatcher, type KeyLike } from '@/utils/keyboard/keys';
import {
  MAX_RECENTS,
  RECENTS_KEY,
  loadRecents,
  parseRecents,
  pushRecent,
  saveRecents,
} from '@/utils/keyboard/recents';
import { flatMessages } from '../../scripts/locales';

const items: Searchable[] = [
  { id: 'go.history', title: 'Go to History', synonyms: ['days', 'entries'] },
  { id: 'export.json', title: 'Export a backup (JSON)', synonyms: ['backup', 'download'] },
  { id: 'export.csv', title: 'Export a spreadsheet (CSV)', synonyms: ['excel'] },
  { id: 'print', title: 'Print the report or save it as PDF', synonyms: ['pdf'] },
  { id: 'open.report', title: 'Open the report for your clinician', synonyms: ['doctor', 'physio'] },
];
const ids = (q: string, recent: string[] = []) => rank(q, items, recent).map((r) => r.item.id);

describe('fuzzy matching', () => {
  test('in-order characters match, case and accents ignored; out of order does not', () => {
    expect(fuzzyMatch('exj', 'Export JSON')).not.toBeNull();
    expect(fuzzyMatch('EXPORT', 'export json')).not.toBeNull();
    expect(fuzzyMatch('resume', 'Résumé')).not.toBeNull();
    expect(fuzzyMatch('jx', 'Export JSON')).toBeNull();
    expect(fuzzyMatch('zzz', 'Export JSON')).toBeNull();
  });

  test('indices point at the matched characters, preferring word starts', () => {
    expect(fuzzyMatch('ej', 'Export JSON')!.indices).toEqual([0, 7]);
    expect(fuzzyMatch('port', 'Export JSON')!.indices).toEqual([2, 3, 4, 5]);
  });

  test('a word-start preference never loses a match that exists', () => {
    expect(fuzzyMatch('ab', 'xab ay')).not.toBeNull();
  });

  test('fold keeps one unit per input unit, so indices line up (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => fold(s).length === s.length));
  });

  test('every in-order subsequence of a title matches it (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...items.map((i) => i.title)), fc.array(fc.boolean()), (title, keep) => {
        const q = [...title].filter((_, i) => keep[i % Math.max(1, keep.length)]).join('');
        return fuzzyMatch(q, title) !== null;
      }),
    );
  });
});

describe('ranking', () => {
  test('a title prefix beats a scattered match; synonyms find commands', () => {
    expect(ids('export')[0]).toBe('export.json');
    expect(ids('csv')[0]).toBe('export.csv');
    expect(ids('excel')).toEqual(['export.csv']);
    expect(ids('pdf')[0]).toBe('print');
    expect(ids('doctor')).toEqual(['open.report']);
    expect(ids('report').slice(0, 2).sort()).toEqual(['open.report', 'print']);
    expect(ids('qqq')).toEqual([]);
  });

  test('empty query: recents first (most recent first), then the rest in registry order', () => {
    expect(ids('', ['print', 'go.history'])).toEqual([
      'print',
      'go.history',
      'export.json',
      'export.csv',
      'open.report',
    ]);
    expect(ids('', ['unknown'])).toEqual(items.map((i) => i.id));
  });

  test('a recent command wins a tie', () => {
    expect(ids('export', ['export.csv'])[0]).toBe('export.csv');
  });
});

describe('recents', () => {
  test('push moves to the front, keeps at most MAX_RECENTS, no duplicates', () => {
    let list: string[] = [];
    for (const id of ['a', 'b', 'c', 'a', 'd', 'e', 'f', 'g']) list = pushRecent(list, id);
    expect(list).toEqual(['g', 'f', 'e', 'd', 'a']);
    expect(list).toHaveLength(MAX_RECENTS);
  });

  test('what is read back is only known command ids', () => {
    const known = new Set(['a', 'b']);
    expect(parseRecents('["a","x",3,{"a":1},"b","a"]', known)).toEqual(['a', 'b']);
    for (const bad of [null, '', 'nope', '{"a":1}', '"a"', 'x'.repeat(20_000)])
      expect(parseRecents(bad, known)).toEqual([]);
  });

  test('round trip through storage; blocked storage is no error', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    saveRecents(storage, ['go.history', 'print']);
    expect(JSON.parse(map.get(RECENTS_KEY)!)).toEqual(['go.history', 'print']);
    expect(loadRecents(storage, COMMAND_IDS)).toEqual(['go.history', 'print']);
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadRecents(blocked, COMMAND_IDS)).toEqual([]);
    expect(() => saveRecents(blocked, ['print'])).not.toThrow();
  });
});

describe('registry', () => {
  const en = flatMessages('en');

  test('every command has an English name and synonyms, and unique ids', () => {
    expect(COMMAND_IDS.size).toBe(COMMANDS.length);
    for (const c of COMMANDS) {
      expect(en[c.title], c.title).toBeTruthy();
      expect(en[c.synonyms], c.synonyms).toBeTruthy();
      expect(en[`cmdGroup_${c.group}`]).toBeTruthy();
    }
  });

  test('the commands the issue asks for exist', () => {
    for (const id of [
      ...SECTIONS.map((s) => `go.${s.id}`),
      'range.4w',
      'range.3m',
      'range.1y',
      'range.all',
      'log.today',
      'log.missed',
      'history.goto',
      'export.json',
      'export.csv',
      'import',
      'open.report',
      'print',
      'toggle.reminders',
      'toggle.caution',
      'muted.manage',
      'open.help',
      'open.sources',
    ])
      expect(COMMAND_IDS.has(id), id).toBe(true);
  });

  test('no two commands share keys; no key is one the browser or typing needs', () => {
    const seqs = COMMANDS.filter((c) => c.keys).map((c) => c.keys!.join(' '));
    expect(new Set(seqs).size).toBe(seqs.length);
    // A single key must not be the first key of a sequence (it would fire before the sequence could complete).
    const firsts = new Set(COMMANDS.filter((c) => c.keys?.length === 2).map((c) => c.keys![0]));
    for (const c of COMMANDS.filter((c) => c.keys?.length === 1)) expect(firsts.has(c.keys![0]!)).toBe(false);
    // "/" and "'" are Firefox's quick find; Space, Tab, Enter and arrows belong to the page.
    for (const s of seqs) expect(s).not.toMatch(/[/']|Tab|Enter|Arrow| {2}/);
  });

  test('key labels and aria-keyshortcuts', () => {
    expect(keyLabels('Mod+Shift+P', false)).toEqual(['Ctrl', 'Shift', 'P']);
    expect(keyLabels('Mod+K', true)).toEqual(['⌘', 'K']);
    expect(
      ariaKeys(
        COMMANDS.find((c) => c.id === 'print')!,
        false,
      ),
    ).toBe('Control+P');
    expect(
      ariaKeys(
        COMMANDS.find((c) => c.id === 'log.today')!,
        false,
      ),
    ).toBe('N');
    expect(
      ariaKeys(
        COMMANDS.find((c) => c.id === 'go.history')!,
        false,
      ),
    ).toBeUndefined();
  });
});

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('page keys', () => {
  test('palette chord: Ctrl+K, Ctrl+Shift+P; ⌘ on a Mac; nothing else', () => {
    expect(isPaletteChord(key('k', { ctrlKey: true }), false)).toBe(true);
    expect(isPaletteChord(key('P', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(isPaletteChord(key('k', { metaKey: true }), true)).toBe(true);
    expect(isPaletteChord(key('k', { ctrlKey: true }), true)).toBe(false); // a Mac's Ctrl+K edits text
    expect(isPaletteChord(key('p', { ctrlKey: true }), false)).toBe(false); // print
    expect(isPaletteChord(key('K', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isPaletteChord(key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isPaletteChord(key('k'), false)).toBe(false);
  });

  test('the "?" list offers only palette keys the browser lets through: Firefox keeps Ctrl+Shift+P (private window)', () => {
    expect(paletteKeys('chrome')).toEqual(['Mod+K', 'Mod+Shift+P']);
    expect(paletteKeys('firefox')).toEqual(['Mod+K']);
    // every key offered, in every browser, opens the palette (Mod = Ctrl; ⌘ on a Mac)
    for (const browser of ['chrome', 'firefox', 'edge'])
      for (const chord of paletteKeys(browser))
        for (const mac of [false, true]) {
          const parts = chord.split('+');
          const e = key(parts.at(-1)!.toLowerCase(), {
            shiftKey: parts.includes('Shift'),
            ctrlKey: !mac,
            metaKey: mac,
          });
          expect(isPaletteChord(e, mac)).toBe(true);
        }
  });

  test('typing targets: text fields, selects, contenteditable; not buttons or checkboxes', () => {
    const make = (tag: string, attrs: Record<string, string>, parent: HTMLElement = document.body) => {
      const el = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      parent.append(el);
      return el;
    };
    make('input', { id: 'text' });
    make('input', { id: 'date', type: 'date' });
    make('input', { id: 'box', type: 'checkbox' });
    make('textarea', { id: 'ta' });
    make('select', { id: 'sel' });
    make('button', { id: 'btn' });
    make('b', { id: 'inner' }, make('div', { contenteditable: 'true' }));
    make('div', { id: 'plain' });
    const $ = (id: string) => document.getElementById(id);
    for (const id of ['text', 'date', 'ta', 'sel', 'inner']) expect(isTypingTarget($(id)), id).toBe(true);
    for (const id of ['box', 'btn', 'plain']) expect(isTypingTarget($(id)), id).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  test('sequences: g then p within the timeout; single keys; modifiers and pauses start over', () => {
    const m = sequenceMatcher(COMMANDS, 1500);
    expect(m.feed(key('g'), 0)).toBe('pending');
    expect(m.feed(key('p'), 500)).toBe('go.progress');
    expect(m.feed(key('g'), 1000)).toBe('pending');
    expect(m.feed(key('h'), 3000)).toBe(null); // too late
    expect(m.feed(key('G', { shiftKey: true }), 4000)).toBe('pending'); // Caps Lock or Shift
    expect(m.feed(key('S'), 4100)).toBe('go.settings');
    expect(m.feed(key('?', { shiftKey: true }), 5000)).toBe('shortcuts');
    expect(m.feed(key('n'), 6000)).toBe('log.today');
    expect(m.feed(key('g'), 7000)).toBe('pending');
    expect(m.feed(key('p', { ctrlKey: true }), 7100)).toBe(null);
    expect(m.feed(key('p'), 7200)).toBe(null); // the chord reset the sequence
    expect(m.feed(key('x'), 8000)).toBe(null);
    expect(m.feed(key('g'), 9000)).toBe('pending');
    expect(m.feed(key('z'), 9100)).toBe(null);
  });
});
