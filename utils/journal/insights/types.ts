/** The insights' product rules (constants), their shape and the date ranges they read (re-exported by ../insights.ts). */
import { addDays, type Day } from '../../dates';
import type { Entry } from '../schema';
import { DOMS_FADES_DAYS, type SourceId } from '../clinical';

// Product rules (our choices, not research thresholds; see docs/clinical.md "Insight rules").
/** How many of the journal's earliest entries the insights read (enough for a first week with 4 check-ins). */
export const FIRST_READ = 28;
/** Rule 2 speaks only within this many days after PT start or a new exercise (soreness fades within about 7 days). */
export const SORENESS_DAYS = DOMS_FADES_DAYS[1];
/** "Not responding" (rule 3) is only considered this many weeks after PT start, over a journal that long. */
export const NOT_RESPONDING_WEEKS = 6;
/** Rule 3: the first compared week must start within this many days of the PT start date (a baseline near the start). */
export const PT_BASELINE_GRACE_DAYS = 14;
/** Rule 3: home exercises (all or some) logged on at least this share of ALL calendar days of the period. */
export const GOOD_ADHERENCE_SHARE = 0.7;
/** Rule 5: sharp or tingling pain on at least this many of the last SHARP_WINDOW_DAYS days. */
export const SHARP_MIN_DAYS = 3;
export const SHARP_WINDOW_DAYS = 14;
/** Rules look at most this far back (besides the first weeks), which also bounds the work. */
export const INSIGHT_WINDOW_DAYS = 84;

export type InsightId = 'progress' | 'early-soreness' | 'not-responding' | 'commitment' | 'sharp-tingling';

export interface Insight {
  id: InsightId;
  /** 'good' for a meaningful improvement, 'info' for neutral facts, 'talk' when a conversation with the PT/doctor may help. */
  tone: 'good' | 'info' | 'talk';
  title: string;
  lines: string[];
  /** Short "why": the reference points used, and when this insight is shown at all. */
  why: string;
  /** Ids of SOURCES: anchors on the extension's Sources page. */
  sources: SourceId[];
}

export interface InsightInput {
  today: Day;
  /** The journal's earliest entries (up to FIRST_READ), sorted by date. */
  first: readonly Entry[];
  /** Entries from insightInputRange(today).from to today, sorted by date. */
  recent: readonly Entry[];
  /** Entries of the first weeks after the PT start date (insightInputRange(today, ptStartDate).ptWeeks), sorted. */
  ptWeeks?: readonly Entry[];
  ptStartDate: Day | null;
  surgeryDate?: Day | null;
  /** Days exercises were added on (rule 2 also looks at a newly added exercise). */
  exerciseAddedOn: readonly Day[];
}

/** The date ranges the inputs must cover. */
export function insightInputRange(
  today: Day,
  ptStartDate: Day | null = null,
): { from: Day; to: Day; ptWeeks: { from: Day; to: Day } | null } {
  return {
    from: addDays(today, -(INSIGHT_WINDOW_DAYS - 1)),
    to: today,
    ptWeeks: ptStartDate ? { from: ptStartDate, to: addDays(ptStartDate, PT_BASELINE_GRACE_DAYS + 6) } : null,
  };
}
