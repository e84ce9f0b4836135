/**
 * Adversarial backups (issue #11): each is refused with a plain message and the journal unchanged, or accepted as
 * the rules say. Messages are checked in the words the person reads.
 */
import { Journal } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import {
  ImportError,
  MAX_PROBLEMS,
  applyImport,
  checkImport,
  previewImport,
  ImportConflictError,
} from '@/utils/backup/import';
import { backupToCsv, backupToJson } from '@/utils/backup/export';
import { loadSettings, DEFAULT_SETTINGS, updateSettings } from '@/utils/settings';
import { syntheticBackup } from '../fixtures/synthetic';

let n = 0;
let journal: Journal;
beforeEach(() => {
  journal = new Journal(new JournalDB(`adversarial-${++n}`), { now: () => new Date('2026-11-22T12:00:00Z') });
});

const TODAY = '2026-11-22';
const check = (text: string, fileName = '') => checkImport(text, { fileName, today: TODAY });
async function refused(text: string, fileName = ''): Promise<ImportError> {
  const err = await check(text, fileName).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}
const messages = (e: ImportError) => e.problems.map((p) => `${p.path}: ${p.message}`);
const json = (x: unknown) => JSON.stringify(x);

describe('CSV', () => {
  test('an empty or BOM-only file is refused (never "Replace everything" with nothing)', async () => {
    for (const text of ['', '\uFEFF', '\uFEFF\r\n', '\n\n'])
      expect(messages(await refused(text, 'x.csv'))[0]).toMatch(
        /does not start with PT Journal's own header/,
      );
  });

  test("another program's CSV, and our header without days, are refused", async () => {
    expect(messages(await refused('Date,Pain\r\n2026-01-01,3\r\n', 'x.csv'))[0]).toMatch(/own header/);
    const b = syntheticBackup({ days: 3 });
    const header = backupToCsv(b).split('\r\n')[0]!;
    expect(messages(await refused(`${header}\r\n`, 'x.csv'))[0]).toMatch(/no days/);
  });

  test('an activity column with an empty name is refused (the JSON export could not be imported again)', async () => {
    const b = syntheticBackup({ days: 2 });
    const lines = backupToCsv(b).split('\r\n');
    lines[0] = `${lines[0]},PSFS:  [a9]`;
    for (let i = 1; i < lines.length - 1; i++) lines[i] += ',';
    const err = await refused(lines.join('\r\n'));
    expect(messages(err).join('\n')).toMatch(/header\[16\]\.name: A name is required/);
  });

  test('a reserved id in a column is refused, not silently dropped', async () => {
    const b = syntheticBackup({ days: 2 });
    const lines = backupToCsv(b).split('\r\n');
    lines[0] = `${lines[0]},PSFS: Sneaky [__proto__]`;
    for (let i = 1; i < lines.length - 1; i++) lines[i] += ',5';
    expect(messages(await refused(lines.join('\r\n'))).join('\n')).toMatch(/reserved word/);
  });

  test('120,000+ problems are counted, not collected: no stack overflow', async () => {
    const b = syntheticBackup({ days: 1 });
    const header = backupToCsv(b).split('\r\n')[0]!;
    const text = `${header}\r\n${'x\r\n'.repeat(130_000)}`;
    const err = await refused(text);
    expect(err.problems).toHaveLength(MAX_PROBLEMS);
    expect(err.total).toBeGreaterThan(130_000);
  }, 60_000);
});

describe('JSON', () => {
  test('impossible and far-off time stamps are refused (and cannot win "keep newer")', async () => {
    for (const updatedAt of [
      '2026-02-30T10:00:00.000Z',
      '9999-01-01T00:00:00.000Z',
      '2026-03-01T10:00:00+02:00',
      '2026-03-01 10:00:00Z',
      '1999-12-31T23:59:59.999Z',
    ]) {
      const b = syntheticBackup({ days: 2 });
      b.entries[0]!.updatedAt = updatedAt;
      const err = await refused(json(b));
      expect(err.problems[0], updatedAt).toMatchObject({ path: 'entries[0].updatedAt' });
      expect(err.problems[0]!.message).toMatch(/UTC.*between the years 2000 and 2100/);
    }
  });

  test('one future-day policy: tomorrow is accepted, a later day (year 2999) is not', async () => {
    const ok = syntheticBackup({ days: 2, end: '2026-11-23' });
    await expect(check(json(ok))).resolves.toBeTruthy();
    const far = syntheticBackup({ days: 2 });
    far.entries[1]!.date = '2999-01-01';
    expect(messages(await refused(json(far)))).toEqual([
      'entries[1].date: A check-in can be dated today, an earlier day, or at most tomorrow (for time zones).',
    ]);
  });

  test('a backup without settings is accepted (the journal keeps its own); partial settings take defaults', async () => {
    const b = syntheticBackup({ days: 3 }) as Partial<ReturnType<typeof syntheticBackup>>;
    delete b.settings;
    const checked = await check(json(b));
    expect(checked.settings).toBeNull();
    await updateSettings((s) => ({ ...s, badge: { eveningHour: 21 } }));
    await applyImport(journal, checked, 'replace');
    expect((await loadSettings()).badge.eveningHour).toBe(21);
    const partial = { ...syntheticBackup({ days: 1 }), settings: { version: 1, badge: { eveningHour: 7 } } };
    expect((await check(json(partial))).settings).toEqual({ ...DEFAULT_SETTINGS, badge: { eveningHour: 7 } });
  });

  test('missing, unknown and wrong-type fields each have their own plain message (no regexes, counted from 1)', async () => {
    const b = syntheticBackup({ days: 2 }) as unknown as Record<string, unknown>;
    delete b.profile;
    (b as { mood?: string }).mood = 'x';
    b.settings = { version: 1, reminder: { enabled: 'yes', time: '25:00' } };
    const text = messages(await refused(json(b))).join('\n');
    expect(text).toContain('profile: This field is missing.');
    expect(text).toContain('mood: This field is not part of the journal format.');
    expect(text).toContain(
      'settings.reminder.enabled: This field has the wrong type (expected true or false).',
    );
    expect(text).toContain('settings.reminder.time: This value is not allowed here.');
    expect(text).not.toMatch(/Invalid|Expected|\/\^/);
    const dup = syntheticBackup({ days: 3 });
    dup.entries[2]!.date = dup.entries[0]!.date;
    expect(messages(await refused(json(dup))).join('\n')).toMatch(/appears twice \(first as entry 1\)/);
  });

  test('reserved ids (__proto__, constructor) are refused, never vanish', async () => {
    const b = syntheticBackup({ days: 2 });
    const text = backupToJson(b as never).replace(
      '"function":{',
      '"function":{"__proto__":5,"constructor":4,',
    );
    const err = await refused(text);
    expect(messages(err).join('\n')).toMatch(/entries\[0\]\.function: Activity ratings must map/);
    const asId = syntheticBackup({ days: 1 });
    asId.profile.activities[0]!.id = 'constructor';
    expect(messages(await refused(json(asId))).join('\n')).toMatch(/reserved word/);
  });
});

test('"replace" is refused when the journal changed after the preview; nothing is written', async () => {
  await journal.saveEntry({ date: '2026-11-20', pain: 2 }, null);
  const checked = await check(json(syntheticBackup({ days: 5 })));
  const preview = await previewImport(journal, checked);
  const saved = await journal.saveEntry({ date: '2026-11-21', pain: 9, note: 'typed meanwhile' }, null);
  const err = await applyImport(journal, checked, 'replace', undefined, preview).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportConflictError);
  expect((err as Error).message).toMatch(/2026-11-21 was saved or removed meanwhile/);
  expect(await journal.getEntry('2026-11-21')).toEqual(saved);
  expect(await journal.listEntries()).toHaveLength(2);
  // With an up-to-date preview it goes through.
  await applyImport(journal, checked, 'replace', undefined, await previewImport(journal, checked));
  expect(await journal.listEntries()).toHaveLength(5);
});
