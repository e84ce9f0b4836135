/**
 * The data layer's copy of the per-day values the dashboard draws (utils/journal/day-columns.ts), in the "series"
 * store, so "all" on a ten-year journal reads one row instead of 3,653. It is never the truth, only a copy that must
 * never be shown stale:
 *
 *   row "rev"   a counter every write of the entries bumps, in the same transaction (Journal.saveEntry, deleteEntry,
 *               clearAll, bulkWrite: import and restore; a raw writer such as tests/fixtures/seed-journal.mjs too)
 *   row "days"  { format, schema, rev, columns }: valid only while its rev is the counter's, its format and schema
 *               are today's, and the journal's first day, last day and number of days agree with it
 *
 * A save or delete patches a valid copy in its own transaction (and moves it to the new rev). An import, a restore or
 * "delete everything" deletes the copy in its transaction (no value stays behind a wipe); a schema upgrade or a copy
 * that fails a check is not used. The next read then builds the columns from the entries (what the dashboard did
 * before this copy existed) and stores them after the read, only if no write came in between (counter unchanged).
 */
import { isNewerSchema, type JournalDB } from './database';
import { readRange } from './reads';
import type { Entry } from '../journal/schema';
import type { Day } from '../dates';
import { EARLIEST_DAY, LATEST_DAY } from '../journal/range';
import { buildColumns, clearDay, setDay, type DayColumns } from '../journal/day-columns';

export { SERIES_FORMAT, validColumns, type SeriesRow } from './series-check';
import { SERIES_FORMAT, currentAt, revOf, daysOf, validColumns, type SeriesRow } from './series-check';

type DaysRow = Extract<SeriesRow, { key: 'days' }>;

function current(db: JournalDB, days: DaysRow | undefined, rev: number): days is DaysRow {
  return currentAt(db.verno, days, rev);
}

/**
 * Inside a read-write transaction that includes `db.series`: the entries changed. With `change` (one day written or
 * deleted) a valid copy is patched; without it (a bulk write) the copy is left behind and rebuilt on the next read.
 */
export async function noteEntriesWritten(
  db: JournalDB,
  change?: { before: Entry | undefined; after: Entry | undefined },
): Promise<void> {
  const [revRow, daysRow] = await Promise.all([db.series.get('rev'), db.series.get('days')]);
  const rev = revOf(revRow);
  const days = daysOf(daysRow);
  await db.series.put({ key: 'rev', value: rev + 1 });
  if (!change || !current(db, days, rev)) {
    // A copy left behind is deleted, not kept until the next read: after "delete everything" no value stays on disk.
    if (days) await db.series.delete('days');
    return;
  }
  const { before, after } = change;
  let columns: DayColumns;
  try {
    columns = after
      ? setDay(days.columns, after, before !== undefined)
      : before
        ? clearDay(days.columns, before.date)
        : days.columns;
  } catch {
    // A copy that cannot be patched (damaged on disk) must never fail the save it rides on: it is left behind (the
    // counter has moved), and the next read builds the columns from the entries.
    return;
  }
  await db.series.put({ ...days, rev: rev + 1, columns });
}

/**
 * The columns of the whole journal: the stored copy when it is valid, else built from the entries (then `rev` is the
 * counter they were read at, for storeColumns). One read-only transaction, so it may run in a live query.
 */
export function readColumns(db: JournalDB): Promise<{ columns: DayColumns; rebuiltAt?: number }> {
  return db.transaction('r', db.series, db.entries, async () => {
    const [revRow, daysRow, count, first, last] = await Promise.all([
      db.series.get('rev'),
      db.series.get('days'),
      db.entries.count(),
      db.entries.orderBy('date').firstKey(),
      db.entries.orderBy('date').lastKey(),
    ]);
    const columns = validColumns(db.verno, { rev: revRow, days: daysRow }, count, first as Day, last as Day);
    if (columns) return { columns };
    return { columns: buildColumns(await readRange(db, EARLIEST_DAY, LATEST_DAY)), rebuiltAt: revOf(revRow) };
  });
}

/** The last store of rebuilt columns (tests wait for it). */
export let stored: Promise<void> = Promise.resolve();

/** readColumns, then (after the read, outside any live query, which may not write) storeColumns when rebuilt. */
export async function dayColumns(db: JournalDB): Promise<DayColumns> {
  const { columns, rebuiltAt } = await readColumns(db);
  if (rebuiltAt !== undefined)
    // A timer's callback runs outside the live query's zone (a promise continuation would not: Dexie carries it). A
    // failed store (a full disk) only means the next read builds the columns again.
    stored = new Promise((done) =>
      setTimeout(() => done(storeColumns(db, columns, rebuiltAt).catch(() => {}))),
    );
  return columns;
}

/** Stores columns built at counter `rev`, unless the entries were written since (then the next read rebuilds). */
export function storeColumns(db: JournalDB, columns: DayColumns, rev: number): Promise<void> {
  // Never into a database a newer PT Journal wrote (the page is about to close it and say so: JournalGate).
  if (isNewerSchema(db)) return Promise.resolve();
  return db.transaction('rw', db.series, async () => {
    if (revOf(await db.series.get('rev')) !== rev) return;
    await db.series.put({ key: 'days', format: SERIES_FORMAT, schema: db.verno, rev, columns });
  });
}
