/**
 * The journal's per-day values as compact columns: everything the Progress charts draw, for every day from the first
 * check-in to the last, in a few typed arrays. The data layer keeps one copy of it in the database (utils/db/series.ts)
 * and updates it with every write, so the dashboard reads one row instead of one row per day.
 *
 *   entries ──► buildColumns ──► DayColumns ──► seriesOf(from, to, activity ids) ══ dailySeries(entries, from, to, ids)
 *                setDay / clearDay (one write)    (exactly: tests/unit/day-columns.test.ts checks it on random journals)
 *
 * Canonical: `from` is the first logged day, the columns end on the last one, and `fn` has a column for exactly the
 * activities rated on some day, so a copy patched write by write deep-equals a fresh build (the property the tests hold).
 * Pure, no DOM and no database.
 */
import { addDays, type Day } from '../dates';
import type { Entry } from './schema';
import {
  dayNumber,
  emptySeries,
  rollingMeanInto,
  SESSION_CODE,
  HOME_CODE,
  SORENESS_CODE,
  type DailySeries,
} from './progress';

/** "Not logged" in the 0-10 columns. */
export const NONE = 255;

export interface DayColumns {
  /** The first logged day (null for an empty journal); slot i is the day i days after it. */
  from: Day | null;
  length: number;
  /** Logged days (entries). */
  count: number;
  pain: Uint8Array;
  stiffness: Uint8Array;
  /** Sit-and-reach in cm (any number in range, not only whole ones), NaN when not recorded. */
  reach: Float64Array;
  session: Uint8Array;
  home: Uint8Array;
  soreness: Uint8Array;
  /** One column per activity rated on at least one day, by activity id. */
  fn: Record<string, Uint8Array>;
}

function allocate(length: number): Omit<DayColumns, 'from' | 'count' | 'fn'> {
  return {
    length,
    pain: new Uint8Array(length).fill(NONE),
    stiffness: new Uint8Array(length).fill(NONE),
    reach: new Float64Array(length).fill(NaN),
    session: new Uint8Array(length),
    home: new Uint8Array(length),
    soreness: new Uint8Array(length),
  };
}

export function emptyColumns(): DayColumns {
  return { from: null, count: 0, fn: {}, ...allocate(0) };
}

const ARRAYS = ['pain', 'stiffness', 'reach', 'session', 'home', 'soreness'] as const;

/** Writes `e` into slot i (the slot must be empty or hold the same day). */
function fill(c: DayColumns, i: number, e: Entry): void {
  c.pain[i] = e.pain;
  c.stiffness[i] = e.stiffness ?? NONE;
  c.reach[i] = e.reachCm ?? NaN;
  c.session[i] = e.session ? SESSION_CODE[e.session] : 0;
  c.home[i] = e.homeExercises ? HOME_CODE[e.homeExercises] : 0;
  c.soreness[i] = e.soreness ? SORENESS_CODE[e.soreness] : 0;
  for (const id in c.fn) c.fn[id]![i] = NONE;
  if (e.function)
    for (const id in e.function) (c.fn[id] ??= new Uint8Array(c.length).fill(NONE))[i] = e.function[id]!;
}

/** The columns of `entries` (any order, one per day). */
export function buildColumns(entries: readonly Entry[]): DayColumns {
  if (entries.length === 0) return emptyColumns();
  let first = entries[0]!.date;
  let last = first;
  for (const e of entries) {
    if (e.date < first) first = e.date;
    if (e.date > last) last = e.date;
  }
  const base = dayNumber(first);
  const c: DayColumns = {
    from: first,
    count: entries.length,
    fn: {},
    ...allocate(dayNumber(last) - base + 1),
  };
  for (const e of entries) fill(c, dayNumber(e.date) - base, e);
  return c;
}

/** The same columns over `length` days from `from`, copied at their offset (a wider or narrower window). */
function reframe(c: DayColumns, from: Day, length: number): DayColumns {
  const shift = c.from === null ? 0 : dayNumber(c.from) - dayNumber(from);
  const out: DayColumns = { from, count: c.count, fn: {}, ...allocate(length) };
  const copy = <A extends Uint8Array | Float64Array>(src: A, dst: A) => {
    const a = Math.max(0, -shift);
    const b = Math.min(src.length, length - shift);
    if (b > a) dst.set(src.subarray(a, b), a + shift);
  };
  for (const k of ARRAYS) copy(c[k], out[k]);
  for (const id in c.fn) copy(c.fn[id]!, (out.fn[id] = new Uint8Array(length).fill(NONE)));
  return out;
}

/** `c` with the day of `e` written (a new day, or an edit of a logged one). `wasLogged`: that day had an entry. */
export function setDay(c: DayColumns, e: Entry, wasLogged: boolean): DayColumns {
  let out = c;
  if (c.from === null) out = reframe(c, e.date, 1);
  else {
    const i = dayNumber(e.date) - dayNumber(c.from);
    if (i < 0) out = reframe(c, e.date, c.length - i);
    else if (i >= c.length) out = reframe(c, c.from, i + 1);
  }
  fill(out, dayNumber(e.date) - dayNumber(out.from!), e);
  if (!wasLogged) out.count++;
  dropUnrated(out);
  return out;
}

/** `c` without the day `date` (which had an entry): trimmed to the logged days that remain. */
export function clearDay(c: DayColumns, date: Day): DayColumns {
  if (c.from === null) return c;
  const i = dayNumber(date) - dayNumber(c.from);
  if (i < 0 || i >= c.length || c.pain[i] === NONE) return c;
  fill(c, i, { date, pain: NONE, updatedAt: '' });
  c.count--;
  let a = 0;
  let b = c.length;
  while (a < b && c.pain[a] === NONE) a++;
  while (b > a && c.pain[b - 1] === NONE) b--;
  const out =
    a === b ? emptyColumns() : a === 0 && b === c.length ? c : reframe(c, addDays(c.from, a), b - a);
  out.count = c.count;
  dropUnrated(out);
  return out;
}

/** Removes the columns of activities no day rates any more (canonical form). */
function dropUnrated(c: DayColumns): void {
  for (const id in c.fn) if (c.fn[id]!.every((v) => v === NONE)) delete c.fn[id];
}

/**
 * The dashboard's daily series of days from..to, as utils/journal/progress dailySeries builds it from the entries
 * (NaN where not logged, fnBy for exactly `activityIds`, the 7-day average inside the range only).
 */
export function seriesOf(
  c: DayColumns,
  from: Day,
  to: Day,
  activityIds: readonly string[] = [],
): DailySeries {
  const s = emptySeries(from, to, Math.max(0, dayNumber(to) - dayNumber(from) + 1), activityIds);
  const length = s.length;
  if (length === 0 || c.from === null) return s;
  const shift = dayNumber(c.from) - dayNumber(from); // slot i of c is slot i + shift of s
  const a = Math.max(0, -shift);
  const b = Math.min(c.length, length - shift);
  if (b <= a) return s;
  const cols = Object.values(c.fn);
  const k = cols.length;
  for (let i = a; i < b; i++) {
    const p = c.pain[i]!;
    if (p === NONE) continue;
    const j = i + shift;
    s.logged++;
    s.pain[j] = p;
    const st = c.stiffness[i]!;
    if (st !== NONE) s.stiffness[j] = st;
    s.reach[j] = c.reach[i]!;
    let sum = 0;
    let n = 0;
    for (let q = 0; q < k; q++) {
      const v = cols[q]![i]!;
      if (v !== NONE) {
        sum += v;
        n++;
      }
    }
    if (n) s.fnMean[j] = sum / n;
  }
  s.session.set(c.session.subarray(a, b), a + shift);
  s.home.set(c.home.subarray(a, b), a + shift);
  s.soreness.set(c.soreness.subarray(a, b), a + shift);
  for (const id of activityIds) {
    const col = c.fn[id];
    const out = s.fnBy[id]!;
    if (col) for (let i = a; i < b; i++) if (col[i] !== NONE) out[i + shift] = col[i]!;
  }
  rollingMeanInto(s.pain, s.painMean7);
  return s;
}
