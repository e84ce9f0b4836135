// The dashboard's first read with plain IndexedDB (utils/db/first-read.ts) gives exactly what the data layer reads
// (Journal.getProfile + Journal.dayColumns), or null whenever it cannot be sure: then the page reads through Dexie.
import fc from 'fast-check';
import { Journal } from '@/utils/db/journal';
import { JournalDB, VERSIONS } from '@/utils/db/database';
import { readFirstPicture, startFirstPicture, takeFirstPicture } from '@/utils/db/first-read';
import * as series from '@/utils/db/series';
import { syntheticBackup } from '../fixtures/synthetic';

const LATEST = VERSIONS.at(-1)!.version;
let n = 0;

/** A journal of `days` synthetic days (profile too) whose per-day columns copy is stored, as after a first visit. */
async function storedJournal(days: number, gapRate = 0.2, seed = 42, withProfile = true) {
  const name = `first-read-${n++}`;
  const journal = new Journal(new JournalDB(name));
  const b = syntheticBackup({ days, gapRate, seed });
  await journal.bulkWrite(async (db) => {
    await db.entries.bulkPut(b.entries);
    await db.activities.bulkPut(b.profile.activities);
    await db.exercises.bulkPut(b.profile.exercises);
    if (withProfile)
      await db.meta.put({
        key: 'profile',
        value: { ptStartDate: b.profile.ptStartDate, surgeryDate: b.profile.surgeryDate },
      });
  });
  await journal.dayColumns(); // builds the copy from the entries...
  await series.stored; // ...and stores it
  return { name, journal };
}

async function drop(journal: Journal) {
  Journal.tables(journal).close();
  await Journal.tables(journal).delete();
}

test('the same profile and columns as the data layer reads, on random journals', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 400 }),
      fc.constantFrom(0, 0.3, 0.8),
      fc.integer({ min: 1, max: 1000 }),
      fc.boolean(),
      async (days, gapRate, seed, withProfile) => {
        const { name, journal } = await storedJournal(days, gapRate, seed, withProfile);
        const picture = await readFirstPicture(indexedDB, name);
        expect(picture).not.toBeNull();
        expect(picture!.profile).toEqual(await journal.getProfile());
        expect(picture!.columns).toEqual(await journal.dayColumns());
        await drop(journal);
      },
    ),
    { numRuns: 15 },
  );
});

test('no database: null, and none is created', async () => {
  expect(await readFirstPicture(indexedDB, 'first-read-none')).toBeNull();
  expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('first-read-none');
});

test('a copy of the columns that is not current: null (the data layer rebuilds it)', async () => {
  const { name, journal } = await storedJournal(30);
  // An import or restore leaves the copy behind (deleted in its transaction).
  await journal.bulkWrite(
    async (db) => void (await db.entries.delete((await db.entries.toCollection().firstKey()) as string)),
  );
  expect(await readFirstPicture(indexedDB, name)).toBeNull();
  // A raw writer that only bumps the counter (tests/fixtures/seed-journal.mjs does): the copy is stale.
  await journal.dayColumns();
  await series.stored;
  expect(await readFirstPicture(indexedDB, name)).not.toBeNull();
  await Journal.tables(journal).series.put({ key: 'rev', value: 1e6 });
  expect(await readFirstPicture(indexedDB, name)).toBeNull();
  await drop(journal);
});

test('an empty journal has no copy to read: null', async () => {
  const journal = new Journal(new JournalDB(`first-read-${n++}`));
  await Journal.tables(journal).open();
  expect(await readFirstPicture(indexedDB, Journal.tables(journal).name)).toBeNull();
  await drop(journal);
});

test('a database of another version is left to the data layer (older: to upgrade; newer: to refuse)', async () => {
  const older = new JournalDB(`first-read-${n++}`, VERSIONS.slice(0, -1));
  await older.open();
  older.close();
  expect(await readFirstPicture(indexedDB, older.name)).toBeNull();
  // Still openable (and upgradable) by the data layer afterwards: the read closed its connection.
  const upgraded = new JournalDB(older.name);
  await upgraded.open();
  expect(upgraded.verno).toBe(LATEST);
  upgraded.close();
  await upgraded.delete();

  // A newer PT Journal upgraded the database and left the stored copy as it was: still not read by this version.
  const { name, journal } = await storedJournal(20);
  expect(await readFirstPicture(indexedDB, name)).not.toBeNull();
  Journal.tables(journal).close();
  const newer = new JournalDB(name, [...VERSIONS, { version: LATEST + 1, stores: { later: 'key' } }]);
  await newer.open();
  newer.close();
  expect(await readFirstPicture(indexedDB, name)).toBeNull();
  await newer.delete();
});

test("the read started by the page's first script is taken once; without it the section reads itself", async () => {
  const early = startFirstPicture(() => Promise.resolve(null));
  globalThis.__ptFirstPicture = early;
  expect(takeFirstPicture()).toBe(early);
  expect(globalThis.__ptFirstPicture).toBeUndefined();
  // No early read (and here no database of that name): a read of its own, which finds nothing.
  const own = takeFirstPicture();
  expect(own).not.toBe(early);
  expect(await own.promise).toBeNull();
});

test('the result is kept on the pending read once it is in (the first render can use it at once)', async () => {
  const { name, journal } = await storedJournal(40);
  const pending = startFirstPicture(() => readFirstPicture(indexedDB, name));
  expect(pending.result).toBeUndefined();
  const value = await pending.promise;
  expect(value).not.toBeNull();
  expect(pending.result).toEqual({ value });
  expect(value!.columns).toEqual(await journal.dayColumns());
  await drop(journal);
});
