/**
 * Every schema shape a person's browser may hold, opened by today's code. tests/fixtures/db/v<N>.json describes the
 * database exactly as version N left it on disk (object stores, key paths, indexes, and rows), and is frozen once that
 * version ships. For each fixture this test builds the database with RAW IndexedDB (fake-indexeddb; no Dexie touches
 * the old shape, so a Dexie behaviour cannot hide a gap), then opens it through Journal with the current VERSIONS and
 * checks that every row reads back, passes today's schema, and that the native stores match today's declaration.
 *
 * One test per fixture, so a new version (v2 in VERSIONS) adds a run from v1 and one from v2, and requires v2.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { JournalDB, VERSIONS, type SchemaVersion } from '@/utils/db/database';
import { Journal } from '@/utils/db/journal';
import { readColumns } from '@/utils/db/series';
import { buildColumns } from '@/utils/journal/day-columns';
import { ActivitySchema, EntrySchema, ExerciseSchema, type Entry } from '@/utils/journal/schema';

interface StoreShape {
  keyPath: string;
  /** index name → key path */
  indexes: Record<string, string>;
}
interface Fixture {
  version: number;
  stores: Record<string, StoreShape>;
  rows: Record<string, Array<Record<string, unknown>>>;
}

const DIR = join(__dirname, '..', 'fixtures', 'db');
const fixtures: Fixture[] = readdirSync(DIR)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture)
  .sort((a, b) => a.version - b.version);

/**
 * The shape Dexie gives a list of declarations: later versions only name the stores they change (null deletes one).
 * Only the forms this project uses are understood (primary key path, plain indexes); anything else fails loudly so
 * this test is extended together with the schema.
 */
export function shapeOf(versions: readonly SchemaVersion[]): Record<string, StoreShape> {
  const shape: Record<string, StoreShape> = {};
  for (const { stores } of versions)
    for (const [name, spec] of Object.entries(stores)) {
      if (spec === null) {
        delete shape[name];
        continue;
      }
      const [primary, ...rest] = spec.split(',').map((s) => s.trim());
      for (const part of [primary ?? '', ...rest])
        if (!/^[A-Za-z_][\w.]*$/.test(part)) throw new Error(`extend shapeOf for "${part}" in ${name}`);
      shape[name] = { keyPath: primary!, indexes: Object.fromEntries(rest.map((i) => [i, i])) };
    }
  return shape;
}

/** The native shape of an open IndexedDB database. */
function nativeShape(db: IDBDatabase): Record<string, StoreShape> {
  const names = [...db.objectStoreNames];
  if (names.length === 0) return {};
  const tx = db.transaction(names, 'readonly');
  return Object.fromEntries(
    names.map((name) => {
      const store = tx.objectStore(name);
      const indexes = Object.fromEntries(
        [...store.indexNames].map((i) => [i, String(store.index(i).keyPath)]),
      );
      return [name, { keyPath: String(store.keyPath), indexes }];
    }),
  );
}

/** Fixture rows are JSON: typed arrays are written {"$Uint8Array": [...]} / {"$Float64Array": [...]} (null = NaN). */
function decode(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(decode);
  if (!x || typeof x !== 'object') return x;
  const o = x as Record<string, unknown>;
  if (Array.isArray(o.$Uint8Array)) return Uint8Array.from(o.$Uint8Array as number[]);
  if (Array.isArray(o.$Float64Array))
    return Float64Array.from(o.$Float64Array as Array<number | null>, (v) => v ?? NaN);
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decode(v)]));
}

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** Writes the fixture as its version left it: native version 10·N (Dexie's numbering), stores, indexes, rows. */
async function writeRaw(name: string, fixture: Fixture): Promise<void> {
  const open = indexedDB.open(name, fixture.version * 10);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const [store, shape] of Object.entries(fixture.stores)) {
      const os = db.createObjectStore(store, { keyPath: shape.keyPath });
      for (const [index, keyPath] of Object.entries(shape.indexes)) os.createIndex(index, keyPath);
    }
  };
  const db = await request(open);
  const tx = db.transaction(Object.keys(fixture.rows), 'readwrite');
  for (const [store, rows] of Object.entries(fixture.rows))
    for (const row of rows) tx.objectStore(store).put(decode(row));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

test('versions are declared in increasing order and never removed; every later one has an upgrade', () => {
  const numbers = VERSIONS.map((x) => x.version);
  expect(numbers[0]).toBe(1);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  expect(new Set(numbers).size).toBe(numbers.length);
  for (const later of VERSIONS.slice(1))
    expect(later.upgrade, `version ${later.version} needs an upgrade`).toBeTypeOf('function');
});

test('there is a frozen fixture of every schema version, describing exactly the shape that version declares', () => {
  expect(fixtures.map((f) => f.version)).toEqual(VERSIONS.map((x) => x.version));
  for (const f of fixtures)
    expect(f.stores, `v${f.version}.json`).toEqual(shapeOf(VERSIONS.filter((x) => x.version <= f.version)));
});

test('the current schema opens an empty database and stores a check-in', async () => {
  const journal = new Journal(new JournalDB('mig-empty'));
  await journal.saveEntry({ date: '2026-01-01', pain: 3 });
  expect(Journal.tables(journal).verno).toBe(VERSIONS.at(-1)!.version);
});

describe.each(fixtures.map((f) => [f.version, f] as const))(
  'a database left by version %i',
  (version, fixture) => {
    test('opens with the current code, every row intact and valid today', async () => {
      const name = `mig-raw-v${version}`;
      await writeRaw(name, fixture);

      const journal = new Journal(new JournalDB(name));
      const rows = fixture.rows;
      const entries = rows.entries ?? [];
      expect(entries.length).toBeGreaterThan(0);
      const dates = entries.map((e) => e.date as string).sort();
      const read = await journal.listEntries(dates[0], dates.at(-1));
      expect(read).toEqual([...entries].sort((a, b) => String(a.date).localeCompare(String(b.date))));
      for (const entry of read) expect(v.safeParse(EntrySchema, entry).issues).toBeUndefined();

      const profile = await journal.getProfile();
      const byId = <T extends { id: string }>(xs: readonly T[]) =>
        [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(profile.activities)).toEqual(byId((rows.activities ?? []) as Array<{ id: string }>));
      expect(byId(profile.exercises)).toEqual(byId((rows.exercises ?? []) as Array<{ id: string }>));
      for (const a of profile.activities) expect(v.safeParse(ActivitySchema, a).issues).toBeUndefined();
      for (const x of profile.exercises) expect(v.safeParse(ExerciseSchema, x).issues).toBeUndefined();
      const dated = (rows.meta ?? []).find((m) => m.key === 'profile')?.value as Record<string, unknown>;
      expect({ ptStartDate: profile.ptStartDate, surgeryDate: profile.surgeryDate }).toEqual(dated);

      // The dashboard's per-day columns are those of the entries: a copy left by this very schema is used as it is,
      // anything older (or no copy) is rebuilt from the entries.
      const { columns, rebuiltAt } = await readColumns(Journal.tables(journal));
      expect(columns).toEqual(buildColumns(entries as unknown as Entry[]));
      const hasCopy = (rows.series ?? []).some((r) => r.key === 'days');
      expect(rebuiltAt === undefined).toBe(hasCopy && version === VERSIONS.at(-1)!.version);

      // Today's code can keep writing to it.
      await journal.saveEntry({ date: '2025-06-01', pain: 2 });
      expect((await journal.getEntry('2025-06-01'))?.pain).toBe(2);
      Journal.tables(journal).close();

      // And on disk it now has exactly today's shape, at today's native version.
      const db = await request(indexedDB.open(name));
      expect(db.version).toBe(VERSIONS.at(-1)!.version * 10);
      expect(nativeShape(db)).toEqual(shapeOf(VERSIONS));
      db.close();
    });
  },
);
