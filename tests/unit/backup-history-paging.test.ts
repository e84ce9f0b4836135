// History pages (entrypoints/options/sections/History.tsx): newest first, PAGE_SIZE per page, from either end.
import { JournalDB } from '@/utils/db/database';
import { PAGE_SIZE, pageOfDays } from '@/entrypoints/options/sections/History';
import { syntheticBackup } from '../fixtures/synthetic';

test('every page holds the right days, newest first, whichever end it is read from', async () => {
  const db = new JournalDB('history-paging');
  const { entries } = syntheticBackup({ days: PAGE_SIZE * 7 + 11, gapRate: 0.15 });
  await db.entries.bulkPut(entries);
  const newestFirst = [...entries].reverse().map((e) => e.date);
  const pages = Math.ceil(entries.length / PAGE_SIZE);
  const seen: string[] = [];
  for (let p = 0; p < pages; p++) {
    const rows = await pageOfDays(db, p);
    expect(rows.length).toBe(Math.min(PAGE_SIZE, entries.length - p * PAGE_SIZE));
    seen.push(...rows.map((e) => e.date));
  }
  expect(seen).toEqual(newestFirst);
  // with the count known (the section passes it), the newer half is read without counting: same pages
  for (let p = 0; p < pages; p++)
    expect((await pageOfDays(db, p, entries.length)).map((e) => e.date)).toEqual(
      newestFirst.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE),
    );
  expect(await pageOfDays(db, pages)).toEqual([]);
  expect((await pageOfDays(db, pages - 1))[0]).toEqual(entries[entries.length - 1 - (pages - 1) * PAGE_SIZE]);
  db.close();
  await db.delete();
});
