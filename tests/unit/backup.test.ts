import { Journal, StorageError } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import { ValidationError, type Entry } from '@/utils/journal/schema';
import { loadSettings, DEFAULT_SETTINGS } from '@/utils/settings';
import {
  buildBackup,
  backupToJson,
  backupToCsv,
  exportParts,
  snapshot,
  EXPORT_CHUNK,
} from '@/utils/backup/export';
import {
  ImportError,
  applyImport,
  checkFileSize,
  checkImport,
  previewImport,
  type ImportProgress,
} from '@/utils/backup/import';
import { MAX_IMPORT_BYTES } from '@/utils/backup/format';
import { escapeFormula, parseCsv, unescapeFormula } from '@/utils/backup/csv';
import { splitEntries } from '@/utils/backup/json-slices';
import { syntheticBackup } from '../fixtures/synthetic';

let n = 0;
let journal: Journal;
beforeEach(() => {
  journal = new Journal(new JournalDB(`backup-test-${++n}`));
});
afterEach(async () => {
  Journal.tables(journal).close();
  await Journal.tables(journal).delete();
});

const text = (x: unknown) => JSON.stringify(x);

async function restore(backup: unknown, mode: 'newer' | 'mine' | 'replace' = 'replace') {
  const checked = await checkImport(typeof backup === 'string' ? backup : text(backup));
  return applyImport(journal, checked, mode);
}

describe('JSON backup', () => {
  test('export, wipe, import gives identical data (and the export equals the imported file)', async () => {
    const source = syntheticBackup({ days: 120, gapRate: 0.1 });
    source.settings.reminder = { enabled: true, time: '07:45' };
    source.entries[3]!.noteForClinician = true;
    source.entries[3]!.note = '=cmd|calc';
    await restore(source);

    const exported = await buildBackup(journal, await loadSettings());
    // The journal lists activities and exercises by date added, then id; otherwise the export is the file.
    const byAdded = <T extends { addedOn: string; id: string }>(xs: T[]) =>
      [...xs].sort((a, b) => a.addedOn.localeCompare(b.addedOn) || a.id.localeCompare(b.id));
    const expected = {
      ...source,
      profile: {
        ...source.profile,
        activities: byAdded(source.profile.activities),
        exercises: byAdded(source.profile.exercises),
      },
    };
    expect({ ...exported, exportedAt: source.exportedAt }).toEqual(expected);
    const before = await snapshot(journal);

    await journal.clearAll();
    await Journal.tables(journal).meta.clear();
    expect(await Journal.tables(journal).entries.count()).toBe(0);

    const json = backupToJson(exported);
    expect(JSON.parse(json)).toEqual(exported);
    const result = await restore(json);
    expect(result.written).toBe(source.entries.length);
    expect(await snapshot(journal)).toEqual(before);
    expect((await loadSettings()).reminder).toEqual({ enabled: true, time: '07:45' });
  });

  test('the sliced export (used by the page) gives the same bytes as the whole-journal functions', async () => {
    const source = syntheticBackup({ days: EXPORT_CHUNK * 2 + 17, gapRate: 0.05 });
    await restore(source);
    const now = new Date('2026-11-23T10:00:00Z');
    const settings = await loadSettings();
    const seen: number[] = [];
    const json = await exportParts(journal, 'json', settings, now, (d) => seen.push(d));
    expect(json.parts.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(source.entries.length);
    expect(json.parts.join('')).toBe(backupToJson(await buildBackup(journal, settings, now)));
    const csv = await exportParts(journal, 'csv', settings, now);
    expect(csv.parts.join('')).toBe(backupToCsv(await buildBackup(journal, settings, now)));
    expect(csv.days).toBe(source.entries.length);
    const empty = new Journal(new JournalDB('backup-empty-export'));
    const none = await exportParts(empty, 'json', settings, now);
    expect(JSON.parse(none.parts.join(''))).toMatchObject({ entries: [] });
    await Journal.tables(empty).delete();
  });

  test('an empty journal exports a valid, importable backup', async () => {
    const backup = await buildBackup(journal, DEFAULT_SETTINGS, new Date('2026-01-02T03:04:05Z'));
    expect(backup).toMatchObject({
      format: 'pt-journal-backup',
      version: 1,
      exportedAt: '2026-01-02T03:04:05.000Z',
    });
    const checked = await checkImport(backupToJson(backup));
    expect(checked.entries).toEqual([]);
  });

  test('an out-of-range pain at entry 5 is reported with its index and field, and nothing changes', async () => {
    await restore(syntheticBackup({ days: 10, seed: 7 }));
    const before = await snapshot(journal);
    const broken = syntheticBackup({ days: 30 });
    (broken.entries[5] as { pain: number }).pain = 11;
    const err = await checkImport(text(broken)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const { problems } = err as ImportError;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'entries[5].pain', day: broken.entries[5]!.date });
    expect(problems[0]!.message).toMatch(/0 to 10/);
    expect(await snapshot(journal)).toEqual(before);
  });

  test('invalid JSON, another format and a newer version are refused with one clear message', async () => {
    await expect(checkImport('{"format": "pt-journal-backup", ')).rejects.toMatchObject({
      problems: [{ path: '(file)', message: expect.stringMatching(/not valid JSON/) }],
    });
    await expect(checkImport(text({ hello: 1 }))).rejects.toMatchObject({
      problems: expect.arrayContaining([expect.objectContaining({ path: 'format' })]),
    });
    const newer = { ...syntheticBackup({ days: 2 }), version: 2 };
    await expect(checkImport(text(newer))).rejects.toMatchObject({
      problems: [{ path: 'version', message: expect.stringMatching(/version/) }],
    });
  });

  test('duplicate dates, unknown references, unknown fields, bad settings and duplicate ids are all listed', async () => {
    const b = syntheticBackup({ days: 20 }) as unknown as {
      entries: Array<Record<string, unknown>>;
      settings: Record<string, unknown>;
      profile: { exercises: Array<{ id: string }> };
    };
    b.entries[2]!.date = b.entries[1]!.date;
    b.entries[4]!.function = { 'no-such-activity': 3 };
    b.entries[6]!.exercisesDone = ['ex-bridge', 'ghost'];
    b.entries[7]!.mood = 'great';
    b.entries[8]!.reachCm = Number.NaN;
    b.settings.reminder = { enabled: true, time: '25:00' };
    b.profile.exercises.push({ ...b.profile.exercises[0]! });
    const err = (await checkImport(text(b)).catch((e: unknown) => e)) as ImportError;
    const paths = err.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'entries[2].date',
        'entries[4].function.no-such-activity',
        'entries[6].exercisesDone[1]',
        'entries[7].mood',
        'entries[8].reachCm',
        'settings.reminder.time',
        'profile.exercises[3].id',
      ]),
    );
    // JSON turns NaN into null; either way it is not a number in range.
    expect(err.total).toBe(err.problems.length);
  });

  test('files over 50 MB are refused before reading', () => {
    expect(() => checkFileSize(MAX_IMPORT_BYTES + 1)).toThrow(/50 MB/);
    expect(() => checkFileSize(MAX_IMPORT_BYTES)).not.toThrow();
  });

  test('progress is reported while checking and writing', async () => {
    const seen: ImportProgress[] = [];
    const checked = await checkImport(text(syntheticBackup({ days: 5000 })), {
      onProgress: (p) => seen.push(p),
    });
    await applyImport(journal, checked, 'replace', (p) => seen.push(p));
    expect(seen.filter((p) => p.phase === 'checking').at(-1)).toEqual({
      phase: 'checking',
      done: 5000,
      total: 5000,
    });
    const writes = seen.filter((p) => p.phase === 'writing');
    expect(writes.length).toBeGreaterThan(2);
    expect(writes.at(-1)).toEqual({ phase: 'writing', done: 5000, total: 5000 });
  });
});

describe('conflicts', () => {
  const base = () => syntheticBackup({ days: 10, end: '2026-03-10' });

  async function setup() {
    await restore(base());
    const file = base();
    // day 0: the file is newer; day 1: the journal is newer; day 2: identical; 3 new days after the end
    file.entries[0] = { ...file.entries[0]!, pain: 9, updatedAt: '2026-04-01T00:00:00.000Z' };
    await journal.saveEntry({ ...file.entries[1]!, pain: 1, updatedAt: '2026-05-01T00:00:00.000Z' });
    file.entries[1] = { ...file.entries[1]!, pain: 8, updatedAt: '2026-04-01T00:00:00.000Z' };
    await journal.saveEntry({ date: '2026-01-01', pain: 4, updatedAt: '2026-01-01T10:00:00.000Z' });
    for (const date of ['2026-03-11', '2026-03-12', '2026-03-13'])
      file.entries.push({ date, pain: 2, updatedAt: `${date}T10:00:00.000Z` });
    return checkImport(text(file));
  }

  test('the preview counts new, identical and conflicting days', async () => {
    const p = await previewImport(journal, await setup());
    expect(p).toMatchObject({
      days: 13,
      newDays: 3,
      sameDays: 8,
      conflicts: 2,
      fileNewer: 1,
      journalDays: 11,
      onlyInJournal: 1,
    });
    expect(p.conflictDates).toEqual(['2026-03-01', '2026-03-02']);
  });

  test('keep newer takes the later updatedAt per day', async () => {
    const r = await applyImport(journal, await setup(), 'newer');
    expect((await journal.getEntry('2026-03-01'))!.pain).toBe(9);
    expect((await journal.getEntry('2026-03-02'))!.pain).toBe(1);
    expect(await journal.getEntry('2026-03-13')).toBeDefined();
    expect(await journal.getEntry('2026-01-01')).toBeDefined();
    expect(r.written).toBe(4);
  });

  test('keep mine never overwrites an existing day', async () => {
    const checked = await setup();
    const before = await journal.getEntry('2026-03-01');
    expect(before).toBeDefined();
    await applyImport(journal, checked, 'mine');
    expect(await journal.getEntry('2026-03-01')).toEqual(before);
    expect((await journal.getEntry('2026-03-02'))!.pain).toBe(1);
    expect(await Journal.tables(journal).entries.count()).toBe(14);
  });

  test('replace makes the journal equal to the file', async () => {
    const r = await applyImport(journal, await setup(), 'replace');
    expect(await journal.getEntry('2026-01-01')).toBeUndefined();
    expect((await journal.getEntry('2026-03-02'))!.pain).toBe(8);
    expect(await Journal.tables(journal).entries.count()).toBe(13);
    expect(r.removed).toBe(1);
  });

  test('a merge that would leave more than 5 active activities changes nothing', async () => {
    await restore(base());
    const file = base();
    file.profile.activities = ['a1', 'a2', 'a3'].map((id) => ({
      id,
      name: id,
      addedOn: '2026-01-01',
      archived: false,
    }));
    const before = await snapshot(journal);
    const checked = await checkImport(text({ ...file, entries: [] }));
    expect((await previewImport(journal, checked)).activeAfterMerge).toBe(6);
    await expect(applyImport(journal, checked, 'newer')).rejects.toBeInstanceOf(ValidationError);
    expect(await snapshot(journal)).toEqual(before);
  });

  test('a storage failure comes back as StorageError with nothing changed', async () => {
    await restore(base());
    const before = await snapshot(journal);
    const checked = await checkImport(text(syntheticBackup({ days: 50, seed: 3 })));
    const spy = vi.spyOn(Journal.tables(journal).entries, 'bulkPut').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const err = await applyImport(journal, checked, 'replace').catch((e: unknown) => e);
    spy.mockRestore();
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).full).toBe(true);
    expect(await snapshot(journal)).toEqual(before);
  });
});

describe('CSV', () => {
  test('formula-like text is escaped and read back unchanged', () => {
    for (const s of ['=SUM(A1)', '+1', '-2', '@x', '\tx', '\rx', "'quoted", "'=x"]) {
      expect(escapeFormula(s).startsWith("'")).toBe(true);
      expect(unescapeFormula(escapeFormula(s))).toBe(s);
    }
    expect(escapeFormula('fine')).toBe('fine');
  });

  test('one row per day, RFC 4180 quoting, numbers left alone, notes escaped', () => {
    const b = syntheticBackup({ days: 3 });
    b.entries[0]!.note = '=HYPERLINK("http://x","click"), then\r\nmore';
    b.entries[1]!.reachCm = -5;
    b.profile.activities[0]!.name = '@home, "stairs"';
    const csv = backupToCsv(b);
    expect(csv.startsWith('\uFEFFdate,pain,')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(4);
    const header = rows[0]!;
    expect(header.every((h) => !/^[=+\-@]/.test(h))).toBe(true);
    expect(header).toContain(`PSFS: @home, "stairs" [act-sit]`);
    const note = header.indexOf('note');
    expect(rows[1]![note]).toBe(`'=HYPERLINK("http://x","click"), then\r\nmore`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click""), then\r\nmore"`);
    expect(rows[2]![header.indexOf('reachCm')]).toBe('-5');
    for (const row of rows.slice(1)) expect(row).toHaveLength(header.length);
    // PSFS mean is derived from the ratings
    const ratings = Object.values(b.entries[0]!.function!);
    expect(Number(rows[1]![header.indexOf('psfsMean')])).toBeCloseTo(
      ratings.reduce((a, c) => a + c) / ratings.length,
      2,
    );
  });

  test('CSV export -> import gives the same entries, and restores into an empty journal', async () => {
    const b = syntheticBackup({ days: 200, gapRate: 0.2 });
    b.entries[0]!.note = '-3 after "the" walk, ok';
    b.entries[1]!.noteForClinician = false;
    const checked = await checkImport(backupToCsv(b), { fileName: 'export.csv' });
    expect(checked.kind).toBe('csv');
    expect(checked.entries).toEqual(b.entries);
    await applyImport(journal, checked, 'newer');
    expect(await journal.listEntries()).toEqual(b.entries);
    const profile = await journal.getProfile();
    const pairs = (xs: Array<{ id: string; name: string }>) => xs.map((x) => `${x.id}=${x.name}`).sort();
    expect(pairs(profile.activities)).toEqual(pairs(b.profile.activities));
    expect(pairs(profile.exercises)).toEqual(pairs(b.profile.exercises));
  });

  test('a broken CSV lists its problems by row and field', async () => {
    const b = syntheticBackup({ days: 8 });
    const lines = backupToCsv(b).split('\r\n');
    lines[6] = lines[6]!.replace(/^(\d{4}-\d{2}-\d{2}),\d+,/, '$1,11,');
    lines[0] = `${lines[0]},mood`;
    const err = (await checkImport(lines.join('\r\n')).catch((e: unknown) => e)) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    const paths = err.problems.map((p) => p.path);
    expect(paths).toContain('entries[5].pain');
    expect(paths).toContain('header[16]');
  });
});

test('entries written by import are stored compacted like the data layer does', async () => {
  const b = syntheticBackup({ days: 2 });
  (b.entries[0] as Entry).note = '';
  (b.entries[0] as Entry).exercisesDone = [];
  await restore(b);
  const stored = await journal.getEntry(b.entries[0]!.date);
  expect(stored).not.toHaveProperty('note');
  expect(stored).not.toHaveProperty('exercisesDone');
});

describe('sliced JSON reading', () => {
  const noPause = () => Promise.resolve();

  test('finds the entries array and each element, whatever the formatting and string contents', async () => {
    const doc = {
      format: 'x',
      note: 'a "quoted" ], { tricky } \\ string, "entries": [1]',
      nested: { entries: [9, 9], list: [[1], { a: ']' }] },
      entries: [{ a: 1, s: 'x,]}' }, { b: [1, 2, { c: '\\"' }] }, 3],
      after: true,
    };
    for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, 2), JSON.stringify(doc, null, '\t')]) {
      const split = await splitEntries(text, noPause);
      expect(split).not.toBeNull();
      expect(JSON.parse(split!.envelope)).toEqual({ ...doc, entries: [] });
      expect(split!.spans.map(([s, e]) => JSON.parse(text.slice(s, e)))).toEqual(doc.entries);
    }
    expect((await splitEntries('{"entries": [  ]}', noPause))!.spans).toEqual([]);
  });

  test('anything unexpected falls back (null): no object, no entries, two entries keys, unbalanced', async () => {
    for (const text of [
      '[1,2]',
      '{"a": 1}',
      '{"entries": [], "entries": []}',
      '{"entries": [1, 2}',
      '{"entries": "x"}',
    ])
      expect(await splitEntries(text, noPause), text).toBeNull();
  });

  test('a broken entry inside a well-formed file is reported at its index', async () => {
    const good = backupToJson(syntheticBackup({ days: 6 }) as never);
    const lines = good.split('\n');
    const at = lines.findIndex((l) => l.includes('"date"'));
    lines[at + 3] = lines[at + 3]!.replace('"pain":', '"pain":,');
    const err = (await checkImport(lines.join('\n')).catch((e: unknown) => e)) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    expect(err.problems[0]!.path).toBe('entries[3]');
    expect(err.problems[0]!.message).toMatch(/not valid JSON/);
  });
});
