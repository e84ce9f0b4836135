// The read model of utils/db/journal.ts: what pages read (bounds, a range in chunks, a history page, counts, first
// entries) and the live query that re-runs them.
import { Journal, watch } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import { syntheticBackup } from '../fixtures/synthetic';

const PAGE_SIZE = 30;
let n = 0;

async function journalWith(days: number, gapRate = 0.15) {
  const journal = new Journal(new JournalDB(`reads-${n++}`));
  const { entries } = syntheticBackup({ days, gapRate });
  await Journal.tables(journal).entries.bulkPut(entries);
  return { journal, entries };
}

async function drop(journal: Journal) {
  Journal.tables(journal).close();
  await Journal.tables(journal).delete();
}

test('every history page holds the right days, newest first, whichever end it is read from', async () => {
  const { journal, entries } = await journalWith(PAGE_SIZE * 7 + 11);
  const newestFirst = [...entries].reverse().map((e) => e.date);
  const pages = Math.ceil(entries.length / PAGE_SIZE);
  const seen: string[] = [];
  for (let p = 0; p < pages; p++) {
    const rows = await journal.historyPage(p, PAGE_SIZE);
    expect(rows.length).toBe(Math.min(PAGE_SIZE, entries.length - p * PAGE_SIZE));
    seen.push(...rows.map((e) => e.date));
  }
  expect(seen).toEqual(newestFirst);
  // with the count known (the section passes it), the newer half is read without counting: same pages
  for (let p = 0; p < pages; p++)
    expect((await journal.historyPage(p, PAGE_SIZE, entries.length)).map((e) => e.date)).toEqual(
      newestFirst.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE),
    );
  expect(await journal.historyPage(pages, PAGE_SIZE)).toEqual([]);
  expect((await journal.historyPage(pages - 1, PAGE_SIZE))[0]).toEqual(
    entries[entries.length - 1 - (pages - 1) * PAGE_SIZE],
  );
  await drop(journal);
});

test('bounds, counts and first entries', async () => {
  const empty = new Journal(new JournalDB(`reads-${n++}`));
  expect(await empty.bounds()).toEqual({ first: null, last: null });
  expect(await empty.countEntries()).toBe(0);
  await drop(empty);

  const { journal, entries } = await journalWith(200);
  const dates = entries.map((e) => e.date);
  expect(await journal.bounds()).toEqual({ first: dates[0], last: dates.at(-1) });
  expect(await journal.countEntries()).toBe(entries.length);
  const mid = dates[50]!;
  expect(await journal.countEntries(mid)).toBe(dates.filter((d) => d > mid).length);
  expect((await journal.firstEntries(7)).map((e) => e.date)).toEqual(dates.slice(0, 7));
  await drop(journal);
});

test('a range read in chunks returns exactly the days of the range, in order, whatever the chunk size', async () => {
  const { journal, entries } = await journalWith(500);
  const dates = entries.map((e) => e.date);
  const from = dates[37]!;
  const to = dates[411]!;
  const want = dates.filter((d) => d >= from && d <= to);
  for (const chunk of [1, 7, 100, want.length, want.length + 1, 4000])
    expect((await journal.readRange(from, to, chunk)).map((e) => e.date)).toEqual(want);
  // bounds between logged days: inclusive, nothing outside
  expect((await journal.readRange('1900-01-01', '2999-12-31', 64)).map((e) => e.date)).toEqual(dates);
  expect(await journal.readRange(to, from)).toEqual([]);
  await drop(journal);
});

test('watch re-runs a read when the journal changes, and stops after unsubscribing', async () => {
  const journal = new Journal(new JournalDB(`reads-${n++}`));
  const seen: number[] = [];
  let wake = () => {};
  const stop = watch(
    () => journal.countEntries(),
    (count) => {
      seen.push(count);
      wake();
    },
    (err) => {
      throw err;
    },
  );
  const next = () => new Promise<void>((r) => (wake = r));
  await next();
  await Promise.all([next(), journal.saveEntry({ date: '2026-03-10', pain: 4 })]);
  expect(seen).toEqual([0, 1]);
  stop();
  await journal.saveEntry({ date: '2026-03-11', pain: 3 });
  await new Promise((r) => setTimeout(r, 50));
  expect(seen).toEqual([0, 1]);
  await drop(journal);
});
