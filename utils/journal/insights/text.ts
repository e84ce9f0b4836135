/** How the insights put numbers, days and changes in words (re-exported by ../insights.ts where public). */
import { formatDay, type Day } from '../../dates';
import { t, uiLocale } from '../../i18n';
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

/** The kind of change in words: same sizes and same tone for a rise and a fall. */
export function painLine(c: Change): string {
  const args = [
    fmt(c.baseline),
    weekText(c, 'first'),
    fmt(c.now),
    weekText(c, 'last'),
    points(c.improvement),
  ];
  switch (c.kind) {
    case 'meaningful-better':
      return t('progInsPainMeaningfulBetter', ...args);
    case 'small-better':
      return t('progInsPainSmallBetter', ...args);
    case 'same':
      return t('progInsPainSame', ...args);
    case 'small-worse':
      return t('progInsPainSmallWorse', ...args);
    case 'meaningful-worse':
      return t('progInsPainMeaningfulWorse', ...args);
  }
}

export function fnLine(c: Change): string {
  const args = [
    fmt(c.baseline),
    weekText(c, 'first'),
    fmt(c.now),
    weekText(c, 'last'),
    points(c.improvement),
  ];
  switch (c.kind) {
    case 'meaningful-better':
      return t('progInsFnMeaningfulBetter', ...args);
    case 'small-better':
      return t('progInsFnSmallBetter', ...args);
    case 'same':
      return t('progInsFnSame', ...args);
    case 'small-worse':
      return t('progInsFnSmallWorse', ...args);
    case 'meaningful-worse':
      return t('progInsFnMeaningfulWorse', ...args);
  }
}
