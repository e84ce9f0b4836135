/**
 * Progress math shared by the dashboard charts, the insights and the clinician report (pure, no DOM, no database).
 *
 *   entries (sorted by date) ──► dailySeries(from, to)   one slot per calendar day in typed arrays; NaN = not logged,
 *                                                        so charts can draw gaps (never zeros) and stay fast at 100k days
 *                         └───► compare.ts               first logged week vs last logged week, meaningful-change
 *                                                        reference points from clinical.ts (defined once, reused)
 *                         └───► adherence()              sessions and home-exercise days as plain counts and streaks
 */
import { addDays, daysBetween, type Day } from '../dates';
import type { Entry } from './schema';

/** Days in a week of the first-vs-last comparison (the comparison itself lives in ./compare.ts). */
export const BASELINE_DAYS = 7;
/** The 7-day rolling mean needs at least this many logged days inside its window (product rule: 1-2 points is noise). */
export const ROLLING_MIN_DAYS = 3;

/** PSFS score of one day: the mean of the activity ratings recorded that day, or NaN. */
export function functionMean(e: Entry): number {
  const f = e.function;
  if (!f) return NaN;
  let sum = 0;
  let n = 0;
  for (const k in f) {
    sum += f[k]!;
    n++;
  }
  return n ? sum / n : NaN;
}

/** Day codes in the Uint8Arrays (plain objects, not enums: esbuild compiles files one by one). */
export const SessionCode = { Unlogged: 0, Attended: 1, Missed: 2, None: 3 } as const;
export const HomeCode = { Unlogged: 0, All: 1, Some: 2, None: 3 } as const;
export const SESSION_CODE = {
  attended: SessionCode.Attended,
  missed: SessionCode.Missed,
  none: SessionCode.None,
} as const;
export const HOME_CODE = { all: HomeCode.All, some: HomeCode.Some, none: HomeCode.None } as const;

/** One slot per calendar day from `from` to `to`; NaN (or 0 codes) where nothing was logged or recorded. */
export interface DailySeries {
  from: Day;
  to: Day;
  length: number;
  logged: number;
  pain: Float64Array;
  painMean7: Float64Array;
  fnMean: Float64Array;
  fnBy: Record<string, Float64Array>;
  stiffness: Float64Array;
  reach: Float64Array;
  session: Uint8Array;
  home: Uint8Array;
  soreness: Uint8Array; // 0 unlogged/not recorded, 1 none, 2 muscle, 3 sharp, 4 tingling
}
export const SORENESS_CODE = { none: 1, muscle: 2, sharp: 3, tingling: 4 } as const;

/**
 * Days since 1970-01-01 of a valid "YYYY-MM-DD" day, by integer arithmetic (Hinnant's days_from_civil): the same as
 * utils/dates daysBetween('1970-01-01', day) without a regex and a Date per call, which matters for 100,000 rows.
 */
export function dayNumber(d: string): number {
  const y =
    (d.charCodeAt(0) - 48) * 1000 +
    (d.charCodeAt(1) - 48) * 100 +
    (d.charCodeAt(2) - 48) * 10 +
    d.charCodeAt(3) -
    48;
  const m = (d.charCodeAt(5) - 48) * 10 + d.charCodeAt(6) - 48;
  const day = (d.charCodeAt(8) - 48) * 10 + d.charCodeAt(9) - 48;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** A series of `length` days from..to with nothing logged (NaN values, zero codes): what both builders fill. */
export function emptySeries(from: Day, to: Day, length: number, activityIds: readonly string[]): DailySeries {
  const nan = () => new Float64Array(length).fill(NaN);
  return {
    from,
    to,
    length,
    logged: 0,
    pain: nan(),
    painMean7: nan(),
    fnMean: nan(),
    fnBy: Object.fromEntries(activityIds.map((id) => [id, nan()])),
    stiffness: nan(),
    reach: nan(),
    session: new Uint8Array(length),
    home: new Uint8Array(length),
    soreness: new Uint8Array(length),
  };
}

/** Builds the daily series of `entries` (any order; those outside from..to are ignored). */
export function dailySeries(
  entries: readonly Entry[],
  from: Day,
  to: Day,
  activityIds: readonly string[] = [],
): DailySeries {
  const s = emptySeries(from, to, Math.max(0, daysBetween(from, to) + 1), activityIds);
  const length = s.length;
  if (length === 0) return s;
  const base = dayNumber(from);
  const fnBy = s.fnBy;
  for (const e of entries) {
    const i = dayNumber(e.date) - base;
    if (i < 0 || i >= length) continue;
    s.logged++;
    s.pain[i] = e.pain;
    s.fnMean[i] = functionMean(e);
    if (e.function) for (const id in e.function) if (fnBy[id]) fnBy[id][i] = e.function[id]!;
    if (e.stiffness !== undefined) s.stiffness[i] = e.stiffness;
    if (e.reachCm !== undefined) s.reach[i] = e.reachCm;
    if (e.session) s.session[i] = SESSION_CODE[e.session];
    if (e.homeExercises) s.home[i] = HOME_CODE[e.homeExercises];
    if (e.soreness) s.soreness[i] = SORENESS_CODE[e.soreness];
  }
  rollingMeanInto(s.pain, s.painMean7);
  return s;
}

/**
 * Trailing mean over the last `window` calendar days (logged days only), NaN on unlogged days and where fewer than
 * ROLLING_MIN_DAYS were logged in the window. O(n) with a running sum.
 */
export function rollingMeanInto(
  values: Float64Array,
  out: Float64Array,
  window = 7,
  minDays = ROLLING_MIN_DAYS,
): Float64Array {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) {
      sum += v;
      n++;
    }
    const drop = i - window;
    if (drop >= 0) {
      const d = values[drop]!;
      if (d === d) {
        sum -= d;
        n--;
      }
    }
    out[i] = v === v && n >= minDays ? sum / n : NaN;
  }
  return out;
}

export interface Stats {
  count: number;
  mean: number;
  min: number;
  max: number;
}

/** Count, mean, min and max of the non-NaN values in [start, end). */
export function stats(values: Float64Array, start = 0, end = values.length): Stats {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = start; i < end; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count, mean: count ? sum / count : NaN, min: count ? min : NaN, max: count ? max : NaN };
}

// ---- adherence ----------------------------------------------------------------------------------------------------

export interface Adherence {
  sessionsAttended: number;
  sessionsMissed: number;
  /** Logged days with the home-exercise question answered, and those with all or some exercises done. */
  homeDays: number;
  homeDone: number;
  homeAll: number;
  /** Consecutive days with exercises done (all or some), ending on the last day of the series (or the day before). */
  currentStreak: number;
  longestStreak: number;
}

export function adherence(s: Pick<DailySeries, 'session' | 'home' | 'length'>): Adherence {
  let sessionsAttended = 0;
  let sessionsMissed = 0;
  let homeDays = 0;
  let homeDone = 0;
  let homeAll = 0;
  let run = 0;
  let longestStreak = 0;
  for (let i = 0; i < s.length; i++) {
    const ses = s.session[i];
    if (ses === SessionCode.Attended) sessionsAttended++;
    else if (ses === SessionCode.Missed) sessionsMissed++;
    const h = s.home[i]!;
    if (h !== HomeCode.Unlogged) homeDays++;
    if (h === HomeCode.All || h === HomeCode.Some) {
      homeDone++;
      if (h === HomeCode.All) homeAll++;
      run++;
      if (run > longestStreak) longestStreak = run;
    } else run = 0;
  }
  // Today not logged yet does not break the streak: count back from the day before when the last day is empty.
  let end = s.length - 1;
  if (end >= 0 && s.home[end] === HomeCode.Unlogged) end--;
  let currentStreak = 0;
  for (let i = end; i >= 0 && (s.home[i] === HomeCode.All || s.home[i] === HomeCode.Some); i--)
    currentStreak++;
  return { sessionsAttended, sessionsMissed, homeDays, homeDone, homeAll, currentStreak, longestStreak };
}

/**
 * Home exercises over EVERY calendar day from the first logged day of the series to its end: a share of all days,
 * never of the days that answered the question (issue #10: "1 of 1 days answered (100%)" read as "every day").
 * Null when nothing is logged or the question was never answered.
 */
export function homeOverAllDays(s: Pick<DailySeries, 'from' | 'pain' | 'home' | 'length'>): {
  from: Day;
  days: number;
  done: number;
  all: number;
  none: number;
  unanswered: number;
  percent: number;
} | null {
  let first = -1;
  for (let i = 0; i < s.length; i++)
    if (s.pain[i] === s.pain[i]) {
      first = i;
      break;
    }
  if (first < 0) return null;
  let done = 0;
  let all = 0;
  let none = 0;
  let unanswered = 0;
  for (let i = first; i < s.length; i++) {
    const h = s.home[i];
    if (h === HomeCode.All) all++;
    else if (h === HomeCode.Some) done++;
    else if (h === HomeCode.None) none++;
    else unanswered++;
  }
  done += all;
  const days = s.length - first;
  if (unanswered === days) return null;
  return {
    from: addDays(s.from, first),
    days,
    done,
    all,
    none,
    unanswered,
    percent: Math.round((done / days) * 100),
  };
}

/** Whole-number percentage, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** The first day of a range of `days` calendar days ending on `to`. */
export function rangeStart(to: Day, days: number): Day {
  return addDays(to, -(days - 1));
}
