/**
 * The address-bar grammar after the keyword "pt". Pure: text in, intent out; the background turns an intent into a
 * suggestion (what will be saved) and, on Enter, a write through the data layer (./background.ts).
 *
 *   pt 4                 pain 4 today              pt 4 sore           pain 4 and "muscle soreness" today
 *   pt y 4               pain 4 yesterday          pt 4/10 sharp       fractions of 10 are accepted
 *   pt note felt ok      adds to today's note      pt y 4 note …       pain and a note for yesterday
 *   pt report | progress | history | settings | backup | help | sources | dashboard   opens that page
 *
 * Anything not understood (a word from another language, "11", "4.5", "-1") is refused with the reason, never
 * guessed at: nothing is saved from a half-understood line.
 */
import { MAX_NOTE_LENGTH, type Soreness } from '../journal/schema';

export const OMNIBOX_PAGES = [
  'dashboard',
  'progress',
  'history',
  'settings',
  'backup',
  'report',
  'help',
  'sources',
] as const;
export type OmniboxPage = (typeof OMNIBOX_PAGES)[number];
export type OmniboxDay = 'today' | 'yesterday';

export type OmniboxIntent =
  | { kind: 'empty' }
  | { kind: 'log'; day: OmniboxDay; pain: number; soreness?: Soreness; note?: string }
  | { kind: 'note'; day: OmniboxDay; note: string }
  | { kind: 'open'; page: OmniboxPage }
  | {
      kind: 'invalid';
      reason: 'painRange' | 'unknownWord' | 'needPain' | 'noteEmpty' | 'noteTooLong' | 'repeated';
      word?: string;
    };

export interface OmniboxWords {
  today: readonly string[];
  yesterday: readonly string[];
  note: readonly string[];
  soreness: Readonly<Record<Soreness, readonly string[]>>;
  pages: Readonly<Record<OmniboxPage, readonly string[]>>;
}

/**
 * English words, matching the check-in's soreness kinds ("Muscle soreness: achy, like after a workout", "Sharp or
 * shooting: stabbing…", "Tingling or numbness: pins and needles…").
 */
export const ENGLISH_WORDS: OmniboxWords = {
  today: ['t', 'today'],
  yesterday: ['y', 'yday', 'yesterday'],
  note: ['note', 'n'],
  soreness: {
    none: ['none', 'no-soreness'],
    muscle: ['muscle', 'sore', 'soreness', 'achy', 'ache', 'aching', 'doms'],
    sharp: ['sharp', 'shooting', 'stabbing'],
    tingling: ['tingling', 'tingly', 'tingle', 'numb', 'numbness', 'pins'],
  },
  pages: {
    dashboard: ['dashboard', 'journal', 'options', 'open'],
    progress: ['progress', 'charts', 'chart'],
    history: ['history', 'days'],
    settings: ['settings', 'preferences', 'prefs'],
    backup: ['backup', 'export', 'import'],
    report: ['report', 'clinician', 'print'],
    help: ['help', 'urgent'],
    sources: ['sources', 'references'],
  },
};

/** Lower case, accents kept (a word is matched whole, never fuzzily: "nota" is not "note"). */
const norm = (w: string) => w.toLocaleLowerCase('en');

function lookup<K extends string>(
  table: Readonly<Record<K, readonly string[]>>,
  word: string,
): K | undefined {
  for (const [key, words] of Object.entries(table) as Array<[K, readonly string[]]>)
    if (words.some((x) => norm(x) === word)) return key;
  return undefined;
}

const PAIN_RE = /^(\d{1,3})(?:\/10)?$/;

export function parseOmnibox(input: string, words: OmniboxWords = ENGLISH_WORDS): OmniboxIntent {
  const text = input.replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'empty' };
  const tokens = text.split(' ');

  // Everything after the first note word is the note, verbatim (spacing inside it as typed, trimmed).
  const noteAt = tokens.findIndex((w) => words.note.some((x) => norm(x) === norm(w)));
  const head = noteAt < 0 ? tokens : tokens.slice(0, noteAt);
  let note: string | undefined;
  if (noteAt >= 0) {
    const raw = input.trim();
    // Find the note word in the original input to keep the person's own spacing and line of text.
    const re = new RegExp(`^(?:\\S+\\s+){${noteAt}}\\S+\\s*`);
    note = raw.replace(re, '').trim();
    if (note === '') return { kind: 'invalid', reason: 'noteEmpty' };
    if (note.length > MAX_NOTE_LENGTH) return { kind: 'invalid', reason: 'noteTooLong' };
  }

  if (head.length === 1 && noteAt < 0) {
    const page = lookup(words.pages, norm(head[0]!));
    if (page) return { kind: 'open', page };
  }

  let day: OmniboxDay | undefined;
  let pain: number | undefined;
  let soreness: Soreness | undefined;
  for (const token of head) {
    const w = norm(token);
    const m = PAIN_RE.exec(w);
    if (m) {
      if (pain !== undefined) return { kind: 'invalid', reason: 'repeated', word: token };
      const n = Number(m[1]);
      if (n > 10 || m[1]!.length > 2) return { kind: 'invalid', reason: 'painRange', word: token };
      pain = n;
      continue;
    }
    if (/^[-+]?\d*[.,]\d+$|^[-+]\d+$/.test(w)) return { kind: 'invalid', reason: 'painRange', word: token };
    const d: OmniboxDay | undefined = words.today.some((x) => norm(x) === w)
      ? 'today'
      : words.yesterday.some((x) => norm(x) === w)
        ? 'yesterday'
        : undefined;
    if (d) {
      if (day !== undefined) return { kind: 'invalid', reason: 'repeated', word: token };
      day = d;
      continue;
    }
    const kind = lookup(words.soreness, w);
    if (kind) {
      if (soreness !== undefined && soreness !== kind)
        return { kind: 'invalid', reason: 'repeated', word: token };
      soreness = kind;
      continue;
    }
    return { kind: 'invalid', reason: 'unknownWord', word: token };
  }

  if (pain === undefined) {
    if (note !== undefined && soreness === undefined) return { kind: 'note', day: day ?? 'today', note };
    return { kind: 'invalid', reason: 'needPain' };
  }
  return {
    kind: 'log',
    day: day ?? 'today',
    pain,
    ...(soreness ? { soreness } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}
