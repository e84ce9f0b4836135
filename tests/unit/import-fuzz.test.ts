/**
 * Property-based fuzzing of import (issue #11), with fast-check: at least 500 generated JSON files and 500 generated
 * CSV files. Each is either refused, with the journal (days, profile, settings) byte-identical to before, or stored;
 * then everything stored is valid (schemas, no day after tomorrow) and survives export -> import unchanged.
 *
 * JSON files are built from valid parts with junk mixed in (wrong types, impossible dates and time stamps, reserved
 * ids, empty names, unknown and missing fields, future days); CSV files are real exports cut, spliced and garbled.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { Journal } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import { applyImport, checkImport, ImportError } from '@/utils/backup/import';
import { backupToCsv, backupToJson, buildBackup, snapshot } from '@/utils/backup/export';
import { EntrySchema, ProfileSchema, ValidationError } from '@/utils/journal/schema';
import { isAllowedEntryDay } from '@/utils/dates';
import { loadSettings, saveSettings, DEFAULT_SETTINGS } from '@/utils/settings';
import { syntheticBackup } from '../fixtures/synthetic';

const TODAY = '2026-11-22';
const RUNS = 500;
const journal = new Journal(new JournalDB('import-fuzz'), { now: () => new Date(`${TODAY}T12:00:00Z`) });

async function seed(): Promise<void> {
  await journal.clearAll();
  await saveSettings({ ...DEFAULT_SETTINGS, badge: { eveningHour: 19 } });
  const sit = await journal.saveActivity({ id: 'act-sit', name: 'Sitting', addedOn: '2026-10-01' });
  await journal.saveEntry({
    date: '2026-11-01',
    pain: 4,
    function: { [sit.id]: 5 },
    updatedAt: '2026-11-01T19:00:00.000Z',
  });
  await journal.saveEntry({
    date: '2026-11-02',
    pain: 3,
    note: 'mine',
    updatedAt: '2026-11-02T19:00:00.000Z',
  });
}

/** Everything the journal holds, as one string (the "byte-identical" check). */
async function dump(): Promise<string> {
  return JSON.stringify({ ...(await snapshot(journal)), settings: await loadSettings() });
}

type Outcome = 'refused' | 'stored';

/** The property: refused with nothing changed, or stored valid and round-tripping. */
async function importOnce(
  text: string,
  fileName: string,
  mode: 'newer' | 'mine' | 'replace',
): Promise<Outcome> {
  await seed();
  const before = await dump();
  try {
    const checked = await checkImport(text, { fileName, today: TODAY });
    await applyImport(journal, checked, mode);
  } catch (err) {
    if (!(err instanceof ImportError || err instanceof ValidationError)) throw err;
    expect(await dump()).toBe(before);
    return 'refused';
  }
  const { profile, entries } = await snapshot(journal);
  expect(v.safeParse(ProfileSchema, profile).success).toBe(true);
  for (const e of entries) {
    expect(v.safeParse(EntrySchema, e).success, JSON.stringify(e)).toBe(true);
    expect(isAllowedEntryDay(e.date, TODAY)).toBe(true);
  }
  // export -> import gives the same journal back
  const exported = await buildBackup(journal, await loadSettings());
  const again = await checkImport(backupToJson(exported), { today: TODAY });
  expect(again.entries).toEqual(entries);
  expect(again.profile).toEqual(profile);
  const csvAgain = await checkImport(backupToCsv(exported), { fileName: 'x.csv', today: TODAY }).catch(
    (e) => e,
  );
  if (entries.length > 0) expect((csvAgain as { entries: unknown }).entries).toEqual(entries);
  return 'stored';
}

// ---- JSON -------------------------------------------------------------------------------------------------------

const junk = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.integer({ min: -5, max: 20 }),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 8 }),
  fc.constant([]),
  fc.constant({}),
);
// Mostly valid values with some junk: many files are entirely valid, the rest break somewhere.
const mix = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: junk });
const ID_POOL = [
  'act-sit',
  'act-shoes',
  'act-new',
  'ex-bridge',
  'ex-x',
  '__proto__',
  'constructor',
  'bad id',
  '',
];
/** Mostly good values (weight 15), now and then a wrong one of the same type (weight 1). */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 15, arbitrary: good }, { weight: 1, arbitrary: bad });
const day = mix(
  mostly(
    fc
      .integer({ min: 0, max: 360 })
      .map((k) => new Date(Date.UTC(2025, 10, 24 + k)).toISOString().slice(0, 10)),
    fc.constantFrom('2026-02-30', '2999-01-01', '2026-11-23', '2026-11-24', '1899-12-31', '2026-1-5'),
  ),
);
const stamp = mix(
  mostly(
    fc
      .integer({ min: 0, max: 690 * 86_400 })
      .map((s) => new Date(Date.UTC(2025, 0, 1) + s * 1000).toISOString()),
    fc.constantFrom('2026-02-30T10:00:00.000Z', '9999-12-31T00:00:00.000Z', '2026-03-01T10:00:00+02:00', 'x'),
  ),
);
const score = mix(fc.integer({ min: 0, max: 10 }));
const id = fc.oneof(
  { weight: 12, arbitrary: fc.constant('act-sit') },
  { weight: 1, arbitrary: fc.constantFrom(...ID_POOL) },
);
const exId = fc.oneof(
  { weight: 12, arbitrary: fc.constant('ex-bridge') },
  { weight: 1, arbitrary: fc.constantFrom(...ID_POOL) },
);
const entry = fc
  .record(
    {
      date: day,
      pain: score,
      soreness: mix(fc.constantFrom('none', 'muscle', 'sharp', 'tingling')),
      function: mix(fc.dictionary(id, score, { maxKeys: 2 })),
      stiffness: score,
      reachCm: mix(fc.double({ min: -40, max: 70, noNaN: true })),
      session: mix(fc.constantFrom('attended', 'missed', 'none')),
      exercisesDone: mix(fc.array(exId, { maxLength: 1 })),
      note: mix(fc.string({ maxLength: 30 })),
      noteForClinician: mix(fc.boolean()),
      updatedAt: stamp,
    },
    { requiredKeys: ['date', 'pain', 'updatedAt'] },
  )
  .chain((e) =>
    // now and then a field the format does not have, or a required one missing
    fc.integer({ min: 0, max: 15 }).map((k) => {
      const out: Record<string, unknown> = { ...e };
      if (k === 1) out.mood = 'ok';
      if (k === 2) delete out.pain;
      return out;
    }),
  );
const SIT = { id: 'act-sit', name: 'Sitting', addedOn: '2026-01-01', archived: false };
const BRIDGE = {
  id: 'ex-bridge',
  name: 'Bridges',
  source: 'clinician',
  url: null,
  addedOn: '2026-01-01',
  archived: false,
};
const otherId = fc.constantFrom(...ID_POOL.slice(2));
const activity = fc.record({
  id: otherId,
  name: mix(fc.constantFrom('Walking', ' ', '')),
  addedOn: day,
  archived: mix(fc.boolean()),
});
const exercise = fc.record({
  id: otherId,
  name: mix(fc.constantFrom('Tilt', '')),
  source: mix(fc.constantFrom('clinician', 'online')),
  url: mix(fc.constantFrom(null, 'https://example.org/x', 'javascript:alert(1)')),
  addedOn: day,
  archived: mix(fc.boolean()),
});
const settings = fc.oneof(
  fc.constant(undefined),
  fc.constant(DEFAULT_SETTINGS),
  fc.record({
    version: mix(fc.constant(1)),
    badge: fc.record({ eveningHour: mix(fc.integer({ min: 0, max: 30 })) }),
  }),
);
const backupFile = fc
  .record({
    format: mix(fc.constant('pt-journal-backup')),
    version: mix(fc.constant(1)),
    exportedAt: stamp,
    profile: mix(
      fc.record({
        ptStartDate: fc.oneof(fc.constant(null), day),
        surgeryDate: fc.constant(null),
        activities: fc.array(activity, { maxLength: 1 }).map((xs) => [SIT, ...xs]),
        exercises: fc.array(exercise, { maxLength: 1 }).map((xs) => [BRIDGE, ...xs]),
      }),
    ),
    settings,
    entries: mix(fc.array(entry, { maxLength: 6 })),
  })
  .map((b) => {
    const out: Record<string, unknown> = { ...b };
    if (b.settings === undefined) delete out.settings;
    return out;
  });
const jsonText = fc.oneof(
  { weight: 12, arbitrary: backupFile.map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);
const mode = fc.constantFrom('newer' as const, 'mine' as const, 'replace' as const);

// ---- CSV: real exports, then cut, spliced and garbled ----------------------------------------------------------

const base = syntheticBackup({ days: 6, end: '2026-11-05', seed: 7 });
const baseCsv = backupToCsv(base);
const edit = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        ',',
        '"',
        '\r\n',
        ',,,',
        'PSFS:  [a9]',
        '__proto__',
        '2999-01-01',
        '9999-01-01T00:00:00.000Z',
      ),
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
const csvText = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '\uFEFF', '\uFEFF\r\n', 'date,pain\r\n', baseCsv.split('\r\n')[0]!),
  },
  {
    weight: 10,
    arbitrary: fc.array(edit, { minLength: 0, maxLength: 3 }).map((edits) => {
      let s = baseCsv;
      for (const e of edits) {
        const at = e.at % (s.length + 1);
        if (e.kind === 'cut') s = s.slice(0, at) + s.slice(at + e.len);
        else if (e.kind === 'insert') s = s.slice(0, at) + e.text + s.slice(at);
        else s = s.slice(0, Math.max(1, at));
      }
      return s;
    }),
  },
);

describe('import fuzzing (fast-check)', () => {
  test(`${RUNS} JSON files: refused with the journal byte-identical, or stored valid and round-tripping`, async () => {
    const seen = { refused: 0, stored: 0 };
    await fc.assert(
      fc.asyncProperty(jsonText, mode, async (text, m) => {
        seen[await importOnce(text, 'backup.json', m)]++;
      }),
      { numRuns: RUNS, seed: 11 },
    );
    // Both branches are exercised, so the property tests something either way.
    expect(seen.refused).toBeGreaterThan(50);
    expect(seen.stored).toBeGreaterThan(20);
  }, 300_000);

  test(`${RUNS} CSV files: refused with the journal byte-identical, or stored valid and round-tripping`, async () => {
    const seen = { refused: 0, stored: 0 };
    await fc.assert(
      fc.asyncProperty(csvText, mode, async (text, m) => {
        seen[await importOnce(text, 'export.csv', m)]++;
      }),
      { numRuns: RUNS, seed: 12 },
    );
    expect(seen.refused).toBeGreaterThan(50);
    expect(seen.stored).toBeGreaterThan(20);
  }, 300_000);
});
