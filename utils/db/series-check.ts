/**
 * The test of the stored copy of the per-day columns (./series.ts), without Dexie: readColumns and the dashboard's
 * first read (./first-read.ts) both use it, so both accept exactly the same copies.
 */
import { addDays, type Day } from '../dates';
import type { DayColumns } from '../journal/day-columns';

/** The columns' encoding: bump it when DayColumns changes shape (old copies are then rebuilt, no upgrade needed). */
export const SERIES_FORMAT = 1;

export type SeriesRow =
  | { key: 'rev'; value: number }
  | { key: 'days'; format: number; schema: number; rev: number; columns: DayColumns };
type DaysRow = Extract<SeriesRow, { key: 'days' }>;

export const revOf = (row: SeriesRow | undefined) => (row?.key === 'rev' ? row.value : 0);
export const daysOf = (row: SeriesRow | undefined) => (row?.key === 'days' ? row : undefined);

export function currentAt(schema: number, days: DaysRow | undefined, rev: number): days is DaysRow {
  return days !== undefined && days.rev === rev && days.format === SERIES_FORMAT && days.schema === schema;
}

/**
 * The stored copy's columns when the rows read from the "series" store and the entries' count and ends say it is
 * valid for a database at `schema` (readColumns' test, shared with the dashboard's first read, ./first-read.ts);
 * undefined when it must be rebuilt from the entries.
 */
export function validColumns(
  schema: number,
  rows: { rev: SeriesRow | undefined; days: SeriesRow | undefined },
  count: number,
  first: Day | undefined,
  last: Day | undefined,
): DayColumns | undefined {
  const days = daysOf(rows.days);
  return currentAt(schema, days, revOf(rows.rev)) && agrees(days.columns, count, first, last)
    ? days.columns
    : undefined;
}

/** The copy's own check against the journal's size and ends (cheap key reads), beside the counter. */
function agrees(c: DayColumns, count: number, first: Day | undefined, last: Day | undefined): boolean {
  if (c.count !== count) return false;
  if (c.from === null) return first === undefined;
  return c.from === first && addDays(c.from, c.length - 1) === last;
}
