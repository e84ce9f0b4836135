/**
 * Insights: each rule is a pure function of the journal (entries, profile dates, today) that returns one Insight or
 * null. General-wellness wording only: they describe what was logged next to reference points from docs/clinical.md
 * and suggest talking to the PT or doctor; they never diagnose, triage or tell anyone to start or stop a treatment,
 * and none of them ever speaks of an emergency (the red-flag list is the separate, fixed help page).
 *
 * Inputs are bounded so the dashboard stays fast on a 100,000-day journal: the earliest BASELINE_DAYS entries and
 * the entries of the last INSIGHT_WINDOW_DAYS days (see insightInputRange).
 */
import { addDays, daysBetween, type Day } from '../dates';
import { t, uiLocale } from '../i18n';
import type { Entry } from './schema';
import {
  DOMS_FADES_DAYS,
  DOMS_PEAK_HOURS,
  PAIN_MEANINGFUL_PERCENT,
  PAIN_MEANINGFUL_POINTS,
  PAIN_MONITOR_ACCEPTABLE_MAX,
  PAIN_MONITOR_SAFE_MAX,
  PAIN_SOURCES,
  PSFS_MEANINGFUL_MEAN,
  PSFS_SOURCES,
  type SourceId,
} from './clinical';
import {
  BASELINE_DAYS,
  adherence,
  baselineVsNow,
  dailySeries,
  isChange,
  percent,
  type BaselineResult,
  type Change,
} from './progress';

// Product rules (our choices, not research thresholds; see docs/clinical.md "Product rules").
/** "Early in PT" (rule 2): the first 3 weeks after PT start or after adding an exercise. */
export const EARLY_WEEKS = 3;
/** "Not responding" (rule 3) is only considered after this many weeks since PT start. */
export const NOT_RESPONDING_WEEKS = 6;
/** Good adherence for rule 3: home exercises (all or some) on at least this share of answered days. */
export const GOOD_ADHERENCE_SHARE = 0.7;
/** Rule 5: sharp or tingling pain on at least this many of the last SHARP_WINDOW_DAYS days. */
export const SHARP_MIN_DAYS = 3;
export const SHARP_WINDOW_DAYS = 14;
/** Rule 2: pain counts as "up" when the last days average at least this much above the level before. */
export const EARLY_PAIN_RISE = 1;
/** Rules look at most this far back (besides the baseline week), which also bounds the work. */
export const INSIGHT_WINDOW_DAYS = 84;

export type InsightId = 'progress' | 'early-soreness' | 'not-responding' | 'commitment' | 'sharp-tingling';

export interface Insight {
  id: InsightId;
  /** 'good' for progress worth celebrating, 'info' for neutral facts, 'talk' when a conversation with the PT/doctor may help. */
  tone: 'good' | 'info' | 'talk';
  title: string;
  lines: string[];
  /** Short "why" behind the reference points used, and their sources (ids of SOURCES, sections of docs/clinical.md). */
  why: string;
  sources: SourceId[];
  doc: string;
}

export interface InsightInput {
  today: Day;
  /** The journal's earliest entries (at least BASELINE_DAYS when the journal has them), sorted by date. */
  first: readonly Entry[];
  /** Entries from insightInputRange(today).from to today, sorted by date. */
  recent: readonly Entry[];
  ptStartDate: Day | null;
  /** Days exercises were added on (rule 2 also looks at a newly added exercise). */
  exerciseAddedOn: readonly Day[];
}

/** The date range the `recent` input must cover. */
export function insightInputRange(today: Day): { from: Day; to: Day } {
  return { from: addDays(today, -(INSIGHT_WINDOW_DAYS - 1)), to: today };
}

const fmt = (x: number) =>
  x.toLocaleString(uiLocale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const fmtPts = (x: number) => Math.abs(x).toLocaleString(uiLocale(), { maximumFractionDigits: 1 });

// ---- rule 1: progress against baseline ------------------------------------------------------------------------------

function painLine(c: Change): string {
  const a = fmt(c.baseline);
  const b = fmt(c.now);
  const d = fmtPts(c.improvement);
  switch (c.kind) {
    case 'meaningful-better':
      return t('progInsPainMeaningfulBetter', a, b, d, PAIN_MEANINGFUL_POINTS, PAIN_MEANINGFUL_PERCENT);
    case 'small-better':
      return t('progInsPainSmallBetter', a, b, d);
    case 'same':
      return t('progInsPainSame', a, b);
    case 'small-worse':
      return t('progInsPainSmallWorse', a, b, d);
    case 'meaningful-worse':
      return t('progInsPainMeaningfulWorse', a, b, d);
  }
}

function fnLine(c: Change): string {
  const a = fmt(c.baseline);
  const b = fmt(c.now);
  const d = fmtPts(c.improvement);
  switch (c.kind) {
    case 'meaningful-better':
      return t('progInsFnMeaningfulBetter', a, b, d, PSFS_MEANINGFUL_MEAN);
    case 'small-better':
      return t('progInsFnSmallBetter', a, b, d);
    case 'same':
      return t('progInsFnSame', a, b);
    case 'small-worse':
      return t('progInsFnSmallWorse', a, b, d);
    case 'meaningful-worse':
      return t('progInsFnMeaningfulWorse', a, b, d);
  }
}

/** Rule 1: first 7 logged days vs the last 7, pain and function, against the usual meaningful size. */
export function progressInsight(
  input: Pick<InsightInput, 'first' | 'recent'>,
  result?: BaselineResult,
): Insight {
  const r = result ?? baselineVsNow(input.first, input.recent);
  const lines: string[] = [];
  let tone: Insight['tone'] = 'info';
  if (!isChange(r.pain))
    lines.push(
      t(r.pain.needMore === 1 ? 'progInsNeedMore1' : 'progInsNeedMore', r.pain.needMore, 2 * BASELINE_DAYS),
    );
  else {
    lines.push(painLine(r.pain));
    if (r.pain.kind === 'meaningful-better') tone = 'good';
  }
  if (isChange(r.fn)) {
    lines.push(fnLine(r.fn));
    if (r.fn.kind === 'meaningful-better') tone = 'good';
  } else if (isChange(r.pain) && !r.fn.none) lines.push(t('progInsFnNeedMore', r.fn.needMore));
  const changes = [r.pain, r.fn].filter(isChange);
  if (changes.some((c) => c.kind === 'small-better') && !changes.some((c) => c.kind === 'meaningful-better'))
    lines.push(t('progInsSmallCounts'));
  if (changes.some((c) => c.kind === 'meaningful-worse')) lines.push(t('progInsWorseTalk'));
  return {
    id: 'progress',
    tone,
    title: t('progInsProgressTitle'),
    lines,
    why: t('progInsProgressWhy', PAIN_MEANINGFUL_POINTS, PAIN_MEANINGFUL_PERCENT, PSFS_MEANINGFUL_MEAN),
    sources: [...PAIN_SOURCES, ...PSFS_SOURCES],
    doc: 'docs/clinical.md#pain, #psfs',
  };
}

// ---- rule 2: feeling worse early ----------------------------------------------------------------------------------

const avg = (es: readonly Entry[]) => es.reduce((a, e) => a + e.pain, 0) / es.length;

/**
 * Rule 2: within EARLY_WEEKS of PT start (or of adding an exercise), pain went up by EARLY_PAIN_RISE or more and the
 * soreness logged on most recent days is "muscle": explain delayed-onset soreness and the pain-monitoring guide.
 */
export function earlySorenessInsight(input: InsightInput): Insight | null {
  const starts = [input.ptStartDate, ...input.exerciseAddedOn].filter(
    (d): d is Day =>
      d !== null && daysBetween(d, input.today) >= 0 && daysBetween(d, input.today) < EARLY_WEEKS * 7,
  );
  if (starts.length === 0) return null;
  const anchor = starts.sort().at(-1)!; // the most recent change is the likeliest cause of new soreness
  const before = input.recent.filter((e) => e.date < anchor && daysBetween(e.date, anchor) <= 7);
  const after = input.recent.filter((e) => e.date >= anchor && e.date <= input.today);
  // The level before: the week before the change, or else the first two days after it.
  const reference = before.length ? before : after.slice(0, 2);
  const latest = after.slice(-3);
  if (reference.length === 0 || latest.length < 2 || after.length < 3) return null;
  if (avg(latest) - avg(reference) + 1e-9 < EARLY_PAIN_RISE) return null;
  const sore = after.slice(-7).filter((e) => e.soreness !== undefined);
  const muscle = sore.filter((e) => e.soreness === 'muscle').length;
  if (muscle < 2 || muscle * 2 <= sore.length) return null;
  return {
    id: 'early-soreness',
    tone: 'info',
    title: t('progInsEarlyTitle'),
    lines: [
      t(
        anchor === input.ptStartDate ? 'progInsEarlyPt' : 'progInsEarlyExercise',
        fmt(avg(reference)),
        fmt(avg(latest)),
      ),
      t('progInsEarlyDoms', DOMS_PEAK_HOURS[0], DOMS_PEAK_HOURS[1], DOMS_FADES_DAYS[1]),
      t('progInsEarlyMonitor', PAIN_MONITOR_SAFE_MAX, PAIN_MONITOR_SAFE_MAX + 1, PAIN_MONITOR_ACCEPTABLE_MAX),
    ],
    why: t('progInsEarlyWhy', DOMS_PEAK_HOURS[0], DOMS_PEAK_HOURS[1], DOMS_FADES_DAYS[0], DOMS_FADES_DAYS[1]),
    sources: ['cheung2003', 'silbernagel2007', 'smith2017'],
    doc: 'docs/clinical.md#doms, #pain-monitoring',
  };
}

// ---- rule 3: not responding ---------------------------------------------------------------------------------------

/**
 * Rule 3: NOT_RESPONDING_WEEKS+ since PT start, good adherence (home exercises on ≥ 70% of answered days since PT start
 * within the window, most recorded sessions attended) and no meaningful change in pain or function.
 */
export function notRespondingInsight(input: InsightInput, result?: BaselineResult): Insight | null {
  const start = input.ptStartDate;
  if (!start || daysBetween(start, input.today) < NOT_RESPONDING_WEEKS * 7) return null;
  const r = result ?? baselineVsNow(input.first, input.recent);
  if (!isChange(r.pain)) return null;
  if (r.pain.kind === 'meaningful-better') return null;
  if (isChange(r.fn) && r.fn.kind === 'meaningful-better') return null;
  const { from } = insightInputRange(input.today);
  const a = adherence(dailySeries(input.recent, start > from ? start : from, input.today));
  if (a.homeDays === 0 || a.homeDone < GOOD_ADHERENCE_SHARE * a.homeDays - 1e-9) return null;
  if (a.sessionsAttended + a.sessionsMissed > 0 && a.sessionsAttended <= a.sessionsMissed) return null;
  const weeks = Math.floor(daysBetween(start, input.today) / 7);
  return {
    id: 'not-responding',
    tone: 'talk',
    title: t('progInsNotRespTitle'),
    lines: [t('progInsNotResp', weeks, percent(a.homeDone, a.homeDays)!), t('progInsNotRespTalk')],
    why: t('progInsNotRespWhy', NOT_RESPONDING_WEEKS, Math.round(GOOD_ADHERENCE_SHARE * 100)),
    sources: [...PAIN_SOURCES, ...PSFS_SOURCES, 'guidelines'],
    doc: 'docs/clinical.md#pain, #psfs, #guidelines',
  };
}

// ---- rule 4: commitment -------------------------------------------------------------------------------------------

/** Rule 4: sessions attended and home-exercise days as plain percentages and streaks over the window. */
export function commitmentInsight(input: InsightInput): Insight | null {
  const { from } = insightInputRange(input.today);
  const first = input.recent[0]?.date;
  if (!first) return null;
  const a = adherence(dailySeries(input.recent, first > from ? first : from, input.today));
  const sessions = a.sessionsAttended + a.sessionsMissed;
  if (sessions === 0 && a.homeDays === 0) return null;
  const lines: string[] = [];
  if (sessions > 0)
    lines.push(t('progInsSessions', a.sessionsAttended, sessions, percent(a.sessionsAttended, sessions)!));
  if (a.homeDays > 0) lines.push(t('progInsHome', a.homeDone, a.homeDays, percent(a.homeDone, a.homeDays)!));
  if (a.currentStreak > 1) lines.push(t('progInsStreak', a.currentStreak, a.longestStreak));
  else if (a.longestStreak > 1) lines.push(t('progInsLongest', a.longestStreak));
  // Encouraging either way: a high share is praised, a low one gets a practical tip, never a reproach.
  const share = a.homeDays ? a.homeDone / a.homeDays : sessions ? a.sessionsAttended / sessions : 0;
  lines.push(t(share >= GOOD_ADHERENCE_SHARE ? 'progInsCommitGood' : 'progInsCommitTip'));
  return {
    id: 'commitment',
    tone: share >= GOOD_ADHERENCE_SHARE ? 'good' : 'info',
    title: t('progInsCommitTitle', Math.round(INSIGHT_WINDOW_DAYS / 7)),
    lines,
    why: t('progInsCommitWhy'),
    sources: ['adherence'],
    doc: 'docs/clinical.md#adherence',
  };
}

// ---- rule 5: sharp or tingling pain -------------------------------------------------------------------------------

/** Rule 5: sharp or tingling pain on SHARP_MIN_DAYS or more of the last SHARP_WINDOW_DAYS days: tell the PT. */
export function sharpTinglingInsight(input: InsightInput): Insight | null {
  const from = addDays(input.today, -(SHARP_WINDOW_DAYS - 1));
  const days = input.recent.filter(
    (e) => e.date >= from && e.date <= input.today && (e.soreness === 'sharp' || e.soreness === 'tingling'),
  ).length;
  if (days < SHARP_MIN_DAYS) return null;
  return {
    id: 'sharp-tingling',
    tone: 'talk',
    title: t('progInsSharpTitle'),
    lines: [t('progInsSharp', days, SHARP_WINDOW_DAYS), t('progInsSharpTalk')],
    why: t('progInsSharpWhy'),
    sources: ['cheung2003'],
    doc: 'docs/clinical.md#doms',
  };
}

/** All insights that apply, most actionable first. */
export function allInsights(input: InsightInput): Insight[] {
  const r = baselineVsNow(input.first, input.recent);
  return [
    sharpTinglingInsight(input),
    notRespondingInsight(input, r),
    earlySorenessInsight(input),
    progressInsight(input, r),
    commitmentInsight(input),
  ].filter((i): i is Insight => i !== null);
}

// ---- the popup's one honest line ------------------------------------------------------------------------------------

/**
 * One line of context after a check-in is saved: today's pain next to the first logged week's average.
 * `entries` may be the whole journal or just its first BASELINE_DAYS entries plus the day's entry, in any order.
 * Null until there is a full first week before `date`, or when `date` has no entry.
 */
export function contextLine(entries: readonly Entry[], date: string): string | null {
  const day = entries.find((e) => e.date === date);
  if (!day) return null;
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const baseline = sorted.slice(0, BASELINE_DAYS);
  if (baseline.length < BASELINE_DAYS || baseline.some((e) => e.date >= date)) return null;
  const base = avg(baseline);
  const diff = base - day.pain;
  if (Math.abs(diff) < 0.5) return t('progCtxSame', fmt(base));
  const one = fmtPts(diff) === '1'; // "1 point" (English singular; other languages get their own key text)
  return t(
    diff > 0 ? (one ? 'progCtxLower1' : 'progCtxLower') : one ? 'progCtxHigher1' : 'progCtxHigher',
    fmtPts(diff),
    fmt(base),
  );
}
