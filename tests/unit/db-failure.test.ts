import { Journal, DatabaseUnavailableError } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import { classifyOpenError } from '@/utils/db/errors';
import { rescueCopy } from '@/utils/db/rescue';

/** A database left by a "newer PT Journal": version 3 of the schema, with a day in it. */
function newerDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 30);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('entries', { keyPath: 'date' }).put({
        date: '2026-03-01',
        pain: 4,
        mood: 'new field',
      });
      db.createObjectStore('meta', { keyPath: 'key' }).put({
        key: 'profile',
        value: { ptStartDate: '2026-02-01' },
      });
      db.createObjectStore('futureTable', { keyPath: 'id' });
    };
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error);
  });
}

describe('a database that cannot be opened', () => {
  test('a newer schema (after a downgrade) is refused, not opened as an empty journal', async () => {
    await newerDatabase('newer-1');
    const journal = new Journal(new JournalDB('newer-1'));
    const err = (await journal.open().catch((e: unknown) => e)) as DatabaseUnavailableError;
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err.kind).toBe('newerVersion');
    // Reads fail too (they never show "no days logged"), and writes change nothing.
    await expect(journal.listEntries()).rejects.toThrow();
    await expect(journal.saveEntry({ date: '2026-03-02', pain: 1 }, null)).rejects.toThrow();
  });

  test('the stored rows can still be copied, read-only, at the version they are', async () => {
    await newerDatabase('newer-2');
    const copy = JSON.parse(await rescueCopy({ version: 1 }, new Date('2026-03-05T10:00:00Z'), 'newer-2'));
    expect(copy).toMatchObject({
      format: 'pt-journal-backup',
      profile: { ptStartDate: '2026-02-01', surgeryDate: null, activities: [], exercises: [] },
      entries: [{ date: '2026-03-01', pain: 4, mood: 'new field' }],
    });
    const versions = await indexedDB.databases();
    expect(versions.find((d) => d.name === 'newer-2')?.version).toBe(30);
  });

  test('a blocked upgrade ends in a clear failure instead of waiting forever', async () => {
    const journal = new Journal(new JournalDB('blocked-1'));
    vi.spyOn(JournalDB.prototype, 'open').mockReturnValue(new Promise(() => {}) as never);
    const err = (await journal.open(50).catch((e: unknown) => e)) as DatabaseUnavailableError;
    expect(err.kind).toBe('blocked');
  });

  test('storage failures are named as such', () => {
    expect(classifyOpenError({ name: 'OpenFailedError', inner: { name: 'UnknownError' } }).kind).toBe(
      'storage',
    );
    expect(classifyOpenError({ name: 'DatabaseClosedError', inner: { name: 'VersionError' } }).kind).toBe(
      'newerVersion',
    );
    expect(classifyOpenError(new Error('odd')).kind).toBe('unknown');
  });
});
