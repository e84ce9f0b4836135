/** How the insights put numbers, days and changes in words (re-exported by ../insights.ts where public). */
import { formatDay, type Day } from '../../dates';
import { t, uiLocale, type MessageKey } from '../../i18n';
import type { Change } from '../compare';

export const fmt = (x: number) =>
  x.toLocaleString(uiLocale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const fmtPts = (x: number) => Math.abs(x).toLocaleString(uiLocale(), { maximumFractionDigits: 1 });
/** "1 point" / "2.5 points" (the key text carries the word, so each language can say it its own way). */
export const points = (x: number) => {
  const n = fmtPts(x);
  return t(n === '1' ? 'progPoint1' : 'progPoints', n);
};
export const dayText = (d: Day) => formatDay(d, uiLocale(), { weekday: undefined });
export const weekText = (c: Change, which: 'first' | 'last') => dayText(c[which].from);

/** One message per kind of change and measure: the same sizes and the same tone for a rise and a fall. */
const CHANGE_TEXT = {
  pain: {
    'meaningful-better': 'progInsPainMeaningfulBetter',
    'small-better': 'progInsPainSmallBetter',
    same: 'progInsPainSame',
    'small-worse': 'progInsPainSmallWorse',
    'meaningful-worse': 'progInsPainMeaningfulWorse',
  },
  fn: {
    'meaningful-better': 'progInsFnMeaningfulBetter',
    'small-better': 'progInsFnSmallBetter',
    same: 'progInsFnSame',
    'small-worse': 'progInsFnSmallWorse',
    'meaningful-worse': 'progInsFnMeaningfulWorse',
  },
} as const satisfies Record<'pain' | 'fn', Record<Change['kind'], MessageKey>>;

function changeLine(measure: keyof typeof CHANGE_TEXT, c: Change): string {
  return t(
    CHANGE_TEXT[measure][c.kind],
    fmt(c.baseline),
    weekText(c, 'first'),
    fmt(c.now),
    weekText(c, 'last'),
    points(c.improvement),
  );
}

/** The kind of change in words. */
export const painLine = (c: Change): string => changeLine('pain', c);
export const fnLine = (c: Change): string => changeLine('fn', c);
