/**
 * Migration scaffolding: every schema version after the first must ship an upgrade and a fixture of the previous
 * shape (tests/fixtures/db/v<N-1>.json) that this test opens with the old declaration, fills, and upgrades.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { JournalDB, VERSIONS } from '@/utils/db/database';
import { Journal } from '@/utils/db/journal';
import { EntrySchema, parseOrThrow } from '@/utils/journal/schema';

const fixtures = join(__dirname, '..', 'fixtures', 'db');

test('versions are declared in increasing order and never removed', () => {
  const numbers = VERSIONS.map((v) => v.version);
  expect(numbers[0]).toBe(1);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  expect(new Set(numbers).size).toBe(numbers.length);
});

test('the current schema opens an empty database and stores a check-in', async () => {
  const journal = new Journal(new JournalDB('mig-empty'));
  await journal.saveEntry({ date: '2026-01-01', pain: 3 });
  expect(Journal.tables(journal).verno).toBe(VERSIONS.at(-1)!.version);
});

test.each(VERSIONS.slice(1).map((v) => [v.version] as const))(
  'version %i has an upgrade and a fixture of the previous shape',
  async (version) => {
    const declared = VERSIONS.find((v) => v.version === version)!;
    expect(declared.upgrade, `version ${version} must have an upgrade function`).toBeTypeOf('function');
    const file = join(fixtures, `v${version - 1}.json`);
    expect(existsSync(file), `missing fixture ${file}`).toBe(true);
    const old = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown[]>;
    const name = `mig-v${version}`;
    const before = new JournalDB(
      name,
      VERSIONS.filter((v) => v.version < version),
    );
    for (const [table, rows] of Object.entries(old)) await before.table(table).bulkPut(rows);
    before.close();
    const after = new JournalDB(
      name,
      VERSIONS.filter((v) => v.version <= version),
    );
    for (const entry of await after.entries.toArray())
      expect(() => parseOrThrow(EntrySchema, entry)).not.toThrow();
    after.close();
  },
);

test('a database written by version 1 (raw IndexedDB, no Dexie) opens with the current schema intact', async () => {
  // The v1 shape as a person's browser would have it on disk.
  const v1 = new Dexie('mig-raw');
  v1.version(1).stores(VERSIONS[0]!.stores);
  await v1
    .table('entries')
    .put({ date: '2026-01-02', pain: 7, soreness: 'muscle', updatedAt: '2026-01-02T10:00:00.000Z' });
  await v1.table('meta').put({ key: 'profile', value: { ptStartDate: '2026-01-01', surgeryDate: null } });
  v1.close();
  const journal = new Journal(new JournalDB('mig-raw'));
  expect(await journal.getEntry('2026-01-02')).toMatchObject({ pain: 7, soreness: 'muscle' });
  expect((await journal.getProfile()).ptStartDate).toBe('2026-01-01');
});
