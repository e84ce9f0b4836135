/**
 * One definition of each comparison PT Journal shows, used by every surface that shows it (dashboard summaries, the
 * insights, the popup's after-save line, the clinician report). Pure functions of plain data; no DOM, no database.
 *
 *   values by day (entries or a DailySeries slot array)
 *        │
 *        ├─► compareWeeks()     "first logged week vs last logged week": the earliest 7-day window that starts on a
 *        │                      logged day and holds ≥ MIN_DAYS_PER_WEEK values, against the latest 7-day window that
 *        │                      ends on a logged day and holds as many; the two must not overlap. Otherwise: no
 *        │                      comparison (NotYet), never a comparison of two or three days.
 *        ├─► classifyPain()     meaningful only with ≥ MIN_MEANINGFUL_POINTS (1) absolute AND (≥ 2 points or ≥ 30%)
 *        ├─► classifyFunction() PSFS mean: ≥ 2 points
 *        │                      Both directions use the same thresholds: worsening is treated with the same care as
 *        │                      improvement (the research thresholds were built for improvement; docs/clinical.md).
 *        └─► painRising()       the weekly means of the last 3 calendar weeks go up (used to refuse any soreness
 *                               note or "not changed" message while pain is going up)
 *
 * Reference points, never verdicts: a "meaningful" kind is only ever shown as "a change of this size is often
 * considered meaningful".
 */
import { addDays, type Day } from '../dates';
import type { Entry } from './schema';
import {
  PAIN_MEANINGFUL_PERCENT,
  PAIN_MEANINGFUL_POINTS,
  PAIN_MIN_MEANINGFUL_POINTS,
  PSFS_MEANINGFUL_MEAN,
} from './clinical';
import { dayNumber, functionMean } from './progress';

/** Calendar days in a "week" of the comparison. */
export const WEEK_DAYS = 7;
/** A week counts for a comparison only with at least this many logged values in it (product rule: more than half). */
export const MIN_DAYS_PER_WEEK = 4;
/** Below half a point either way a change reads "about the same" (product rule; always under the 1-point floor). */
export const SAME_BELOW = 0.5;
/** A week-over-week rise of the weekly pain mean of at least this much counts as "rising" (product rule). */
export const RISE_POINTS = 0.5;
/** Floating-point tolerance so that a change of exactly 2 points counts as 2 points. */
const EPS = 1e-9;

export type ChangeKind = 'meaningful-better' | 'small-better' | 'same' | 'small-worse' | 'meaningful-worse';

/** One week of the comparison: its calendar bounds, the days with a value in it, and their mean. */
export interface Week {
  from: Day;
  to: Day;
  days: Day[];
  mean: number;
}

/** The first and the last logged week of some values, not overlapping, each with ≥ MIN_DAYS_PER_WEEK values. */
export interface WeekPair {
  first: Week;
  last: Week;
}

export interface Change {
  baseline: number;
  now: number;
  /** Improvement in points (positive = better: lower pain, higher function). */
  improvement: number;
  /** Improvement as % of the baseline (pain only; NaN for function or a baseline of 0). */
  percent: number;
  kind: ChangeKind;
  /** The two weeks compared (dates, so every number shown can be traced to the entries). */
  first: Week;
  last: Week;
  /** Same as first.days / last.days (kept for callers written against the older shape). */
  baselineDays: Day[];
  nowDays: Day[];
}

/** Why there is no comparison yet: how many values there are, over how many calendar days. */
export interface NotYet {
  notYet: true;
  /** Days with a value. */
  logged: number;
}

export const isChange = (c: Change | NotYet): c is Change => !('notYet' in c);

// ---- the weeks -------------------------------------------------------------------------------------------------------

/**
 * First and last logged week of `n` values at day numbers `day[0..n)` (strictly increasing). Returns the index ranges
 * [a, b) and [c, d), or null when there are not two separate weeks with MIN_DAYS_PER_WEEK values each. O(n).
 */
function weekIndexes(day: ArrayLike<number>, n: number): [number, number, number, number] | null {
  if (n < 2 * MIN_DAYS_PER_WEEK) return null;
  // Earliest start a whose window [day[a], day[a] + 6] holds enough values.
  let a = -1;
  let b = 0;
  for (let i = 0, j = 0; i < n; i++) {
    if (j < i) j = i;
    while (j < n && day[j]! <= day[i]! + WEEK_DAYS - 1) j++;
    if (j - i >= MIN_DAYS_PER_WEEK) {
      a = i;
      b = j;
      break;
    }
  }
  if (a < 0) return null;
  // Latest end d-1 whose window [day[d-1] - 6, day[d-1]] holds enough values.
  let c = -1;
  let d = 0;
  for (let i = n - 1, j = n - 1; i >= 0; i--) {
    if (j > i) j = i;
    while (j >= 0 && day[j]! >= day[i]! - (WEEK_DAYS - 1)) j--;
    if (i - j >= MIN_DAYS_PER_WEEK) {
      c = j + 1;
      d = i + 1;
      break;
    }
  }
  if (c < 0) return null;
  // The last week's calendar start must come after the first week's calendar end: two separate weeks.
  if (day[d - 1]! - (WEEK_DAYS - 1) <= day[a]! + WEEK_DAYS - 1) return null;
  return [a, b, c, d];
}

function week(
  dates: readonly Day[],
  values: ArrayLike<number>,
  from: number,
  to: number,
  first: boolean,
): Week {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  const days = dates.slice(from, to);
  return first
    ? { from: days[0]!, to: addDays(days[0]!, WEEK_DAYS - 1), days, mean: sum / (to - from) }
    : { from: addDays(days.at(-1)!, -(WEEK_DAYS - 1)), to: days.at(-1)!, days, mean: sum / (to - from) };
}

/** First vs last logged week of values given by date (sorted, one per day, NaN values skipped). */
export function weekPair(dates: readonly Day[], values: ArrayLike<number>): WeekPair | NotYet {
  const ds: Day[] = [];
  const vs: number[] = [];
  const nums: number[] = [];
  for (let i = 0; i < dates.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    ds.push(dates[i]!);
    vs.push(v);
    nums.push(dayNumber(dates[i]!));
  }
  const w = weekIndexes(nums, nums.length);
  if (!w) return { notYet: true, logged: ds.length };
  return { first: week(ds, vs, w[0], w[1], true), last: week(ds, vs, w[2], w[3], false) };
}

/**
 * First vs last logged week of a daily slot array (index 0 = `from`, NaN = nothing that day). The slot index is the
 * day number, so only the days of the two weeks found become dates (a 10-year series costs no date arithmetic), and
 * the two weeks are looked for from each end: a long series is read only as far as its first and last weeks (the
 * same weeks as weekIndexes over all its logged slots; tests/unit/insights-properties.test.ts holds it to weekPair).
 */
export function weekPairOfSeries(values: Float64Array, from: Day): WeekPair | NotYet {
  const logged = (i: number) => values[i] === values[i];
  const n = values.length;
  const countIn = (a: number, b: number) => {
    let c = 0;
    for (let i = Math.max(0, a); i <= b && i < n; i++) if (logged(i)) c++;
    return c;
  };
  // Earliest logged slot whose week [s, s + 6] holds enough values; latest logged slot e whose week [e - 6, e] does.
  let s = 0;
  while (s < n && !(logged(s) && countIn(s, s + WEEK_DAYS - 1) >= MIN_DAYS_PER_WEEK)) s++;
  let e = n - 1;
  while (e >= 0 && !(logged(e) && countIn(e - (WEEK_DAYS - 1), e) >= MIN_DAYS_PER_WEEK)) e--;
  // Both found, and the last week's start after the first week's end: two separate weeks.
  if (s >= n || e < 0 || e - (WEEK_DAYS - 1) <= s + WEEK_DAYS - 1)
    return { notYet: true, logged: countIn(0, n - 1) };
  const part = (a: number, b: number, first: boolean) => {
    const picked: number[] = [];
    for (let i = Math.max(0, a); i <= b && i < n; i++) if (logged(i)) picked.push(i);
    return week(
      picked.map((i) => addDays(from, i)),
      picked.map((i) => values[i]!),
      0,
      picked.length,
      first,
    );
  };
  return { first: part(s, s + WEEK_DAYS - 1, true), last: part(e - (WEEK_DAYS - 1), e, false) };
}

const isPair = (p: WeekPair | NotYet): p is WeekPair => !('notYet' in p);

// ---- what a change means ---------------------------------------------------------------------------------------------

/**
 * Pain (0-10): meaningful when the change is at least 1 point AND at least 2 points or 30% of the first week
 * (PAIN_*; sources ostelo2008, childs2005). Same rule for a rise as for a fall.
 */
export function classifyPain(
  baseline: number,
  now: number,
): { improvement: number; percent: number; kind: ChangeKind } {
  const improvement = baseline - now;
  const percent = baseline > 0 ? (improvement / baseline) * 100 : NaN;
  const size = Math.abs(improvement);
  const pct = baseline > 0 ? (size / baseline) * 100 : 0;
  const meaningful =
    size + EPS >= PAIN_MIN_MEANINGFUL_POINTS &&
    (size + EPS >= PAIN_MEANINGFUL_POINTS || pct + EPS >= PAIN_MEANINGFUL_PERCENT);
  return { improvement, percent, kind: kindOf(improvement, meaningful) };
}

/** PSFS mean (0-10): meaningful when the change is at least 2 points (PSFS_MEANINGFUL_MEAN; stratford1995, abbott2014). */
export function classifyFunction(baseline: number, now: number): { improvement: number; kind: ChangeKind } {
  const improvement = now - baseline;
  const size = Math.abs(improvement);
  return {
    improvement,
    kind: kindOf(improvement, size + EPS >= PSFS_MEANINGFUL_MEAN && size + EPS >= PAIN_MIN_MEANINGFUL_POINTS),
  };
}

function kindOf(improvement: number, meaningful: boolean): ChangeKind {
  if (meaningful) return improvement > 0 ? 'meaningful-better' : 'meaningful-worse';
  if (improvement + EPS >= SAME_BELOW) return 'small-better';
  if (-improvement + EPS >= SAME_BELOW) return 'small-worse';
  return 'same';
}

/** Pain: first vs last logged week, classified. */
export function comparePain(dates: readonly Day[], pain: ArrayLike<number>): Change | NotYet {
  const p = weekPair(dates, pain);
  if (!isPair(p)) return p;
  return change(p, { ...classifyPain(p.first.mean, p.last.mean) });
}

/** PSFS mean: first vs last logged week of the days with ratings, classified. */
export function compareFunction(dates: readonly Day[], fnMean: ArrayLike<number>): Change | NotYet {
  const p = weekPair(dates, fnMean);
  if (!isPair(p)) return p;
  return change(p, { ...classifyFunction(p.first.mean, p.last.mean), percent: NaN });
}

function change(p: WeekPair, c: { improvement: number; percent: number; kind: ChangeKind }): Change {
  return {
    baseline: p.first.mean,
    now: p.last.mean,
    ...c,
    first: p.first,
    last: p.last,
    baselineDays: p.first.days,
    nowDays: p.last.days,
  };
}

export interface BaselineResult {
  pain: Change | NotYet;
  /** `none` when no day in the input has activity ratings (then the surfaces say nothing about function). */
  fn: (Change | NotYet) & { none: boolean };
}

/**
 * Pain and PSFS mean, first vs last logged week, over the union of `first` and `last` (sorted entry lists that may
 * be the same array; the journal's earliest entries and its latest). Entries outside the windows are not needed.
 */
export function baselineVsNow(first: readonly Entry[], last: readonly Entry[]): BaselineResult {
  const all = mergeUnique(first, last);
  const dates = all.map((e) => e.date);
  const fn = all.map(functionMean);
  const rated = fn.filter((v) => v === v).length;
  return {
    pain: comparePain(
      dates,
      all.map((e) => e.pain),
    ),
    fn: { ...compareFunction(dates, fn), none: rated === 0 },
  };
}

/** Sorted union of two sorted entry lists without duplicate days. */
export function mergeUnique(a: readonly Entry[], b: readonly Entry[]): Entry[] {
  if (a === b) return [...a];
  const byDate = new Map<string, Entry>();
  for (const e of a) byDate.set(e.date, e);
  for (const e of b) byDate.set(e.date, e);
  return [...byDate.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

// ---- is pain going up week to week? ----------------------------------------------------------------------------------

/**
 * Means of the last `weeks` calendar weeks ending on `end` (oldest first; NaN for a week with nothing logged).
 * `entries` may hold any days; only those in the weeks count.
 */
export function weeklyMeans(entries: readonly Entry[], end: Day, weeks = 3): number[] {
  const endN = dayNumber(end);
  const sum = new Array<number>(weeks).fill(0);
  const n = new Array<number>(weeks).fill(0);
  for (const e of entries) {
    const back = endN - dayNumber(e.date);
    if (back < 0 || back >= weeks * WEEK_DAYS) continue;
    const w = weeks - 1 - Math.floor(back / WEEK_DAYS);
    sum[w]! += e.pain;
    n[w]!++;
  }
  return sum.map((s, i) => (n[i] ? s / n[i]! : NaN));
}

/**
 * The largest rise of the weekly pain mean from an earlier to a later week among the last 3 calendar weeks ending on
 * `end` (0 when it never rose, or fewer than two weeks have entries).
 */
export function weeklyRise(entries: readonly Entry[], end: Day): number {
  const m = weeklyMeans(entries, end, 3);
  let rise = 0;
  for (let i = 0; i < m.length; i++)
    for (let j = i + 1; j < m.length; j++)
      if (m[i] === m[i] && m[j] === m[j]) rise = Math.max(rise, m[j]! - m[i]!);
  return rise;
}

/**
 * Pain is "rising" over the last three calendar weeks ending on `end`: some later week averages at least RISE_POINTS
 * more than an earlier one, or the three weekly means go up week after week by any amount.
 */
export function painRising(entries: readonly Entry[], end: Day): boolean {
  const [a, b, c] = weeklyMeans(entries, end, 3) as [number, number, number];
  if (a < b && b < c) return true; // false when any is NaN
  return weeklyRise(entries, end) + EPS >= RISE_POINTS;
}
