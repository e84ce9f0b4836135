/** Chunked and paged reads of the entries table, run by ./journal.ts on its own database. */
import type { JournalDB } from './database';
import type { Entry } from '../journal/schema';
import type { Day } from '../dates';

/** Rows per read: a few thousand rows deserialise in tens of milliseconds, so a 100,000-day read never freezes a tab. */
export const READ_CHUNK = 4000;

/** Entries from..to inclusive, oldest first, read with the date index in chunks of `chunk` rows. */
export async function readRange(db: JournalDB, from: Day, to: Day, chunk = READ_CHUNK): Promise<Entry[]> {
  const out: Entry[] = [];
  let lower = from;
  let inclusive = true;
  for (;;) {
    const rows = await db.entries.where('date').between(lower, to, inclusive, true).limit(chunk).toArray();
    for (const e of rows) out.push(e);
    if (rows.length < chunk) return out;
    lower = rows[rows.length - 1]!.date;
    inclusive = false;
  }
}

/** Page `page` (0 = newest) of `size` days, newest first (see Journal.historyPage). */
export function historyPage(db: JournalDB, page: number, size: number, totalHint = 0): Promise<Entry[]> {
  const entries = db.entries;
  return db.transaction('r', entries, async () => {
    const total = totalHint > 0 ? totalHint : await entries.count();
    const skipFromNewest = page * size;
    const rows = Math.max(0, Math.min(size, total - skipFromNewest));
    if (rows === 0) return [];
    const skipFromOldest = total - skipFromNewest - rows;
    const keys = (
      skipFromNewest <= skipFromOldest
        ? await entries.orderBy('date').reverse().offset(skipFromNewest).limit(rows).primaryKeys()
        : (await entries.orderBy('date').offset(skipFromOldest).limit(rows).primaryKeys()).reverse()
    ) as string[];
    const found = await entries.bulkGet(keys);
    return found.filter((e): e is Entry => e !== undefined);
  });
}
