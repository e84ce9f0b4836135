/**
 * The Progress dashboard's ranges as plain day arithmetic: which days a range covers, slicing sorted entries by date,
 * and chart x positions.
 */
import { addDays, daysBetween, type Day } from '../dates';
import type { MessageKey } from '../i18n';

export type RangeId = '4w' | '3m' | '1y' | 'all';
export const RANGES: Array<{ id: RangeId; days: number | null; label: MessageKey }> = [
  { id: '4w', days: 28, label: 'progRange4w' },
  { id: '3m', days: 91, label: 'progRange3m' },
  { id: '1y', days: 365, label: 'progRange1y' },
  { id: 'all', days: null, label: 'progRangeAll' },
];

export interface Span {
  from: Day;
  to: Day;
}

/** Bounds of any valid day (utils/dates isDay), for "everything from/to". */
export const EARLIEST_DAY = '1900-01-01';
export const LATEST_DAY = '2999-12-31';

/**
 * The days a range covers: ends today (or on the last entry if that is later); starts N-1 days before, but never
 * before the first check-in, so a new journal is not a chart of empty weeks.
 */
export function rangeBounds(range: RangeId, today: Day, first: Day, last: Day | null): Span {
  const to = last && last > today ? last : today;
  const days = RANGES.find((r) => r.id === range)!.days;
  let from = days === null ? first : addDays(to, -(days - 1));
  if (from < first) from = first;
  if (daysBetween(from, to) < 6) from = addDays(to, -6); // at least a week wide
  return { from, to };
}

/** The entries (sorted by date) from..to inclusive, found by binary search: no copy when all of them are inside. */
export function sliceByDate<E extends { date: Day }>(
  entries: readonly E[],
  from: Day,
  to: Day,
): readonly E[] {
  const lowerBound = (day: Day, after: boolean) => {
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const d = entries[mid]!.date;
      if (d < day || (after && d === day)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const a = lowerBound(from, false);
  const b = lowerBound(to, true);
  return a === 0 && b === entries.length ? entries : entries.slice(a, b);
}

/** Local noon of each day, in seconds (uPlot's time unit); noon keeps DST shifts from moving a point to another day. */
export function xSeconds(from: Day, length: number): Float64Array {
  const x = new Float64Array(length);
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7)) - 1;
  const d = Number(from.slice(8, 10));
  for (let i = 0; i < length; i++) x[i] = new Date(y, m, d + i, 12).getTime() / 1000;
  return x;
}
