/**
 * Insights: each rule is a pure function of the journal (entries, profile dates, today) that returns one Insight or
 * null. Each rule first checks its preconditions and says nothing without them (listed above each rule and in
 * docs/clinical.md "Insight rules"): it is better to stay silent than to say something false about someone's pain.
 *
 * General-wellness wording only: the insights describe what was logged next to reference points with sources, and
 * suggest talking to the PT or doctor; they never diagnose, triage, judge a treatment, or tell anyone to start, stop,
 * increase or shorten anything; a logged rise in pain is never read as reassuring; none of them speaks of an
 * emergency (the red-flag list is the separate, fixed help page). Every comparison comes from ./compare.ts, the one
 * definition the dashboard, the popup line and the report use too.
 *
 * Inputs are bounded so the dashboard stays fast on a 100,000-day journal: the earliest FIRST_READ entries, the
 * entries of the last INSIGHT_WINDOW_DAYS days, and the first weeks after the PT start date (insightInputRange).
 */
import { addDays, daysBetween, type Day } from '../dates';
import { t, type MessageKey } from '../i18n';
import type { Entry } from './schema';
import {
  DOMS_FADES_DAYS,
  DOMS_PEAK_HOURS,
  EARLY_POST_SURGERY_WEEKS,
  isEarlyAfterSurgery,
  PAIN_MEANINGFUL_PERCENT,
  PAIN_MEANINGFUL_POINTS,
  PAIN_MIN_MEANINGFUL_POINTS,
  PAIN_SOURCES,
  PSFS_MEANINGFUL_MEAN,
  PSFS_SOURCES,
} from './clinical';
import {
  MIN_DAYS_PER_WEEK,
  baselineVsNow,
  comparePain,
  compareFunction,
  isChange,
  mergeUnique,
  painRising,
  weeklyRise,
  type Change,
} from './compare';
import { adherence, dailySeries, functionMean, percent } from './progress';
import { dayText, fmt, fnLine, painLine, points, weekText } from './insights/text';
import {
  FIRST_READ,
  GOOD_ADHERENCE_SHARE,
  NOT_RESPONDING_WEEKS,
  PT_BASELINE_GRACE_DAYS,
  SHARP_MIN_DAYS,
  SHARP_WINDOW_DAYS,
  SORENESS_DAYS,
  insightInputRange,
  type Insight,
  type InsightInput,
} from './insights/types';

export { dayText, points } from './insights/text';
export {
  FIRST_READ,
  GOOD_ADHERENCE_SHARE,
  INSIGHT_WINDOW_DAYS,
  NOT_RESPONDING_WEEKS,
  PT_BASELINE_GRACE_DAYS,
  SHARP_MIN_DAYS,
  SHARP_WINDOW_DAYS,
  SORENESS_DAYS,
  insightInputRange,
  type Insight,
  type InsightId,
  type InsightInput,
} from './insights/types';

const isSurgeryRecent = isEarlyAfterSurgery;

// ---- rule 1: then and now ---------------------------------------------------------------------------------------------

/**
 * Rule 1: the first logged week vs the latest, pain and function (compare.ts).
 * Preconditions: two separate weeks with MIN_DAYS_PER_WEEK check-ins each (else it says what it needs); function only
 * when activities were rated in two such weeks. Always shown.
 */
export function progressInsight(input: Pick<InsightInput, 'first' | 'recent'>): Insight {
  const r = baselineVsNow(input.first, input.recent);
  const lines: string[] = [];
  if (!isChange(r.pain)) lines.push(t('progInsNotYet', MIN_DAYS_PER_WEEK));
  else lines.push(painLine(r.pain));
  if (isChange(r.fn)) lines.push(fnLine(r.fn));
  else if (isChange(r.pain) && !r.fn.none) lines.push(t('progInsFnNotYet', MIN_DAYS_PER_WEEK));
  const kinds = [r.pain, r.fn].filter(isChange).map((c) => c.kind);
  const tone: Insight['tone'] = kinds.includes('meaningful-worse')
    ? 'talk'
    : kinds.includes('meaningful-better')
      ? 'good'
      : 'info';
  return {
    id: 'progress',
    tone,
    title: t('progInsProgressTitle'),
    lines,
    why: t(
      'progInsProgressWhy',
      PAIN_MEANINGFUL_POINTS,
      PAIN_MEANINGFUL_PERCENT,
      PAIN_MIN_MEANINGFUL_POINTS,
      PSFS_MEANINGFUL_MEAN,
      MIN_DAYS_PER_WEEK,
    ),
    sources: [...PAIN_SOURCES, ...PSFS_SOURCES],
  };
}

// ---- rule 2: muscle soreness after something new ------------------------------------------------------------------

/**
 * Rule 2: education about delayed-onset muscle soreness, after PT start or a newly added exercise.
 * Preconditions (all): the change was 0 to SORENESS_DAYS days ago; muscle soreness on at least 2 check-ins since
 * then and on most check-ins that answered the soreness question; no sharp or tingling pain in the last
 * SHARP_WINDOW_DAYS days; no rise at all between the weekly pain means of the last 3 weeks; not in the first EARLY_POST_SURGERY_WEEKS
 * weeks after surgery. It never comments on the level of pain, so a rise is never explained away.
 */
export function earlySorenessInsight(input: InsightInput): Insight | null {
  const starts = [input.ptStartDate, ...input.exerciseAddedOn].filter(
    (d): d is Day =>
      d !== null && daysBetween(d, input.today) >= 0 && daysBetween(d, input.today) <= SORENESS_DAYS,
  );
  if (starts.length === 0) return null;
  if (isSurgeryRecent(input.surgeryDate, input.today)) return null;
  const anchor = starts.sort().at(-1)!; // the most recent change is the likeliest cause of new soreness
  const sharpFrom = addDays(input.today, -(SHARP_WINDOW_DAYS - 1));
  if (
    input.recent.some(
      (e) =>
        e.date >= sharpFrom && e.date <= input.today && (e.soreness === 'sharp' || e.soreness === 'tingling'),
    )
  )
    return null;
  // Stricter than painRising: any week-over-week rise of the weekly means in the last 3 weeks silences this note.
  if (weeklyRise(input.recent, input.today) > 0) return null;
  const after = input.recent.filter((e) => e.date >= anchor && e.date <= input.today);
  const answered = after.filter((e) => e.soreness !== undefined);
  const muscle = answered.filter((e) => e.soreness === 'muscle').length;
  if (muscle < 2 || muscle * 2 <= answered.length) return null;
  return {
    id: 'early-soreness',
    tone: 'info',
    title: t('progInsEarlyTitle'),
    lines: [
      t(
        anchor === input.ptStartDate ? 'progInsEarlyPt' : 'progInsEarlyExercise',
        muscle,
        after.length,
        dayText(anchor),
      ),
      t('progInsEarlyDoms', DOMS_PEAK_HOURS[0], DOMS_PEAK_HOURS[1], DOMS_FADES_DAYS[1]),
      t('progInsEarlyTell'),
    ],
    why: t('progInsEarlyWhy', SORENESS_DAYS, EARLY_POST_SURGERY_WEEKS),
    sources: ['cheung2003', 'thomee1997', 'silbernagel2007'],
  };
}

// ---- rule 3: little change after weeks of regular exercise -----------------------------------------------------------

/**
 * Rule 3: a suggestion that the PT or doctor may want to look at the plan again.
 * Preconditions (all): a PT start date at least NOT_RESPONDING_WEEKS weeks ago; a first compared week that starts on
 * or after the PT start date and within PT_BASELINE_GRACE_DAYS of it (never earlier than PT start); a latest week
 * that ends within the last 7 days; at least NOT_RESPONDING_WEEKS weeks between them; pain changed less than the
 * meaningful size in EITHER direction (a meaningful rise is shown by rule 1, never as "not changed") and weekly means
 * not rising; the same for function when activities were rated in both weeks (otherwise activities are not
 * mentioned); home exercises logged (all or some) on at least GOOD_ADHERENCE_SHARE of ALL calendar days of the
 * period read; sessions mentioned only when sessions were logged, and then most of them attended.
 */
export function notRespondingInsight(input: InsightInput): Insight | null {
  const start = input.ptStartDate;
  if (!start || daysBetween(start, input.today) < NOT_RESPONDING_WEEKS * 7) return null;
  const all = mergeUnique(input.ptWeeks ?? [], input.recent).filter(
    (e) => e.date >= start && e.date <= input.today,
  );
  const dates = all.map((e) => e.date);
  const pain = comparePain(
    dates,
    all.map((e) => e.pain),
  );
  if (!isChange(pain)) return null;
  if (daysBetween(start, pain.first.from) > PT_BASELINE_GRACE_DAYS) return null;
  if (daysBetween(pain.last.to, input.today) > 6) return null;
  if (daysBetween(pain.first.from, pain.last.to) + 1 < NOT_RESPONDING_WEEKS * 7) return null;
  const flat = (c: Change) => c.kind === 'same' || c.kind === 'small-better' || c.kind === 'small-worse';
  if (!flat(pain) || painRising(input.recent, input.today)) return null;
  const fn = compareFunction(dates, all.map(functionMean));
  if (isChange(fn) && !flat(fn)) return null;

  // Adherence over every calendar day from the first compared week (or the window's start) to today.
  const { from: windowFrom } = insightInputRange(input.today);
  const from = pain.first.from > windowFrom ? pain.first.from : windowFrom;
  const s = dailySeries(input.recent, from, input.today);
  const a = adherence(s);
  if (a.homeDone < GOOD_ADHERENCE_SHARE * s.length - 1e-9) return null;
  const sessions = a.sessionsAttended + a.sessionsMissed;
  if (sessions > 0 && a.sessionsAttended <= a.sessionsMissed) return null;

  const lines = [
    t(
      'progInsNotRespPain',
      fmt(pain.baseline),
      weekText(pain, 'first'),
      fmt(pain.now),
      weekText(pain, 'last'),
    ),
  ];
  if (isChange(fn)) lines.push(t('progInsNotRespFn', fmt(fn.baseline), fmt(fn.now)));
  lines.push(t('progInsNotRespHome', a.homeDone, s.length, percent(a.homeDone, s.length)!));
  if (sessions > 0) lines.push(t('progInsNotRespSessions', a.sessionsAttended, sessions));
  lines.push(t('progInsNotRespTalk'));
  return {
    id: 'not-responding',
    tone: 'talk',
    title: t('progInsNotRespTitle'),
    lines,
    why: t(
      'progInsNotRespWhy',
      NOT_RESPONDING_WEEKS,
      MIN_DAYS_PER_WEEK,
      PT_BASELINE_GRACE_DAYS,
      Math.round(GOOD_ADHERENCE_SHARE * 100),
    ),
    sources: [...PAIN_SOURCES, ...PSFS_SOURCES, 'guidelines'],
  };
}

// ---- rule 4: sessions and home exercises ------------------------------------------------------------------------------

/**
 * Rule 4: what was logged about sessions and home exercises since the first check-in of the window.
 * Preconditions: sessions are mentioned only when some were logged; home exercises only when the question was
 * answered; every percentage is over ALL calendar days of the period (unanswered days are said out loud), and the
 * "steady work" line needs exercises logged on GOOD_ADHERENCE_SHARE of all days.
 */
export function commitmentInsight(input: InsightInput): Insight | null {
  const { from: windowFrom } = insightInputRange(input.today);
  const first = input.recent[0]?.date;
  if (!first) return null;
  const from = first > windowFrom ? first : windowFrom;
  const s = dailySeries(input.recent, from, input.today);
  const a = adherence(s);
  const sessions = a.sessionsAttended + a.sessionsMissed;
  if (sessions === 0 && a.homeDays === 0) return null;
  const lines: string[] = [];
  if (sessions > 0) lines.push(t('progInsSessions', a.sessionsAttended, a.sessionsMissed));
  if (a.homeDays > 0) {
    lines.push(t('progInsHome', a.homeDone, s.length, percent(a.homeDone, s.length)!));
    if (a.homeDays < s.length) lines.push(t('progInsHomeUnanswered', s.length - a.homeDays));
  }
  if (a.currentStreak > 1) lines.push(t('progInsStreak', a.currentStreak, a.longestStreak));
  else if (a.longestStreak > 1) lines.push(t('progInsLongest', a.longestStreak));
  const steady = a.homeDone >= GOOD_ADHERENCE_SHARE * s.length - 1e-9;
  lines.push(t(steady ? 'progInsCommitGood' : 'progInsCommitTip'));
  return {
    id: 'commitment',
    tone: steady ? 'good' : 'info',
    title: t(sessions > 0 ? 'progInsCommitTitle' : 'progInsCommitTitleHome', dayText(from)),
    lines,
    why: t('progInsCommitWhy'),
    sources: ['schneiders1998', 'henry1999'],
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
  };
}

/** All insights that apply, most actionable first. */
export function allInsights(input: InsightInput): Insight[] {
  return [
    sharpTinglingInsight(input),
    notRespondingInsight(input),
    earlySorenessInsight(input),
    progressInsight(input),
    commitmentInsight(input),
  ].filter((i): i is Insight => i !== null);
}

// ---- the popup's one honest line ------------------------------------------------------------------------------------

/**
 * One line of context after a check-in is saved: the journal's latest logged week next to its first (compare.ts,
 * the same comparison as everywhere else). `entries` is the whole journal, in any order. Null when there are not two
 * separate weeks with enough check-ins, or when the latest week does not include `date` (an old day was edited).
 */
export function contextLine(
  entries: readonly Entry[],
  date: string,
  /** When `entries` is only the journal's first FIRST_READ entries plus recent days: those first entries. */
  first?: readonly Entry[],
): string | null {
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const c = comparePain(
    sorted.map((e) => e.date),
    sorted.map((e) => e.pain),
  );
  if (!isChange(c) || !c.last.days.includes(date)) return null;
  // "Your first week" must be the journal's first: with a partial read, it has to lie inside the first entries read
  // (a very sparse start could otherwise leave it among entries that were not read).
  if (first && first.length >= FIRST_READ && c.first.to > first.at(-1)!.date) return null;
  const key = (
    {
      'meaningful-better': 'progCtxMeaningfulLower',
      'small-better': 'progCtxSmallLower',
      same: 'progCtxSame',
      'small-worse': 'progCtxSmallHigher',
      'meaningful-worse': 'progCtxMeaningfulHigher',
    } satisfies Record<typeof c.kind, MessageKey>
  )[c.kind];
  return t(key, fmt(c.now), fmt(c.baseline), points(c.improvement));
}
