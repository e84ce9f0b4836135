import Dexie from 'dexie';
import { Journal, StorageError, guardWrite } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import { ValidationError, type Activity } from '@/utils/journal/schema';

let n = 0;
function freshJournal(onChange = vi.fn()) {
  const journal = new Journal(new JournalDB(`test-${n++}`), {
    onChange,
    now: () => new Date('2026-03-10T19:00:00Z'),
  });
  return { journal, onChange };
}

describe('Journal data layer', () => {
  test('one check-in per day: saving again edits, never duplicates', async () => {
    const { journal, onChange } = freshJournal();
    await journal.saveEntry({ date: '2026-03-10', pain: 6 });
    await journal.saveEntry({ date: '2026-03-10', pain: 4, note: 'better after walking' });
    const all = await journal.listEntries();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ date: '2026-03-10', pain: 4, note: 'better after walking' });
    // The clock is frozen here: the second save is still dated after the first (1 ms later), never equal.
    expect(all[0]?.updatedAt).toBe('2026-03-10T19:00:00.001Z');
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  test('invalid entries are rejected and nothing is stored', async () => {
    const { journal, onChange } = freshJournal();
    await expect(journal.saveEntry({ date: '2026-03-10', pain: 11 })).rejects.toBeInstanceOf(ValidationError);
    await expect(journal.saveEntry({ date: '2026-02-30', pain: 1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(journal.saveEntry({ date: '2026-03-10', pain: 2, reachCm: Number.NaN })).rejects.toThrow(
      /Reach/,
    );
    expect(await Journal.tables(journal).entries.count()).toBe(0);
    expect(onChange).not.toHaveBeenCalled();
  });

  test('ratings must refer to known activities and exercises', async () => {
    const { journal } = freshJournal();
    const act = await journal.saveActivity({ name: 'Sitting through a film' });
    const ex = await journal.saveExercise({ name: 'Pelvic tilts', source: 'clinician' });
    await journal.saveEntry({
      date: '2026-03-10',
      pain: 3,
      function: { [act.id]: 4 },
      exercisesDone: [ex.id],
    });
    const err = await journal
      .saveEntry({ date: '2026-03-09', pain: 3, function: { ghost: 4 }, exercisesDone: ['nope'] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems.map((p) => p.path)).toEqual([
      'function.ghost',
      'exercisesDone[0]',
    ]);
    expect(await journal.getEntry('2026-03-09')).toBeUndefined();
  });

  test('a sixth active activity is refused; archiving frees a slot and keeps history', async () => {
    const { journal } = freshJournal();
    const acts: Activity[] = [];
    for (const name of ['Sitting', 'Lifting a child', 'Gardening', 'Running', 'Driving'])
      acts.push(await journal.saveActivity({ name }));
    await expect(journal.saveActivity({ name: 'Cycling' })).rejects.toThrow(/At most 5/);
    await journal.saveEntry({ date: '2026-03-10', pain: 3, function: { [acts[0]!.id]: 5 } });
    expect(await journal.removeActivity(acts[0]!.id)).toBe('archived');
    expect(await journal.removeActivity(acts[1]!.id)).toBe('deleted');
    await journal.saveActivity({ name: 'Cycling' });
    const profile = await journal.getProfile();
    expect(profile.activities.filter((a) => !a.archived)).toHaveLength(4);
    expect(profile.activities.find((a) => a.id === acts[0]!.id)?.archived).toBe(true);
    expect((await journal.getEntry('2026-03-10'))?.function).toEqual({ [acts[0]!.id]: 5 });
  });

  test('profile dates are validated and stored', async () => {
    const { journal } = freshJournal();
    await journal.setDates({ ptStartDate: '2026-02-01', surgeryDate: null });
    expect(await journal.getProfile()).toMatchObject({ ptStartDate: '2026-02-01', surgeryDate: null });
    await expect(journal.setDates({ ptStartDate: '01/02/2026', surgeryDate: null })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await journal.getProfile()).ptStartDate).toBe('2026-02-01');
  });

  test('a full disk becomes a clear StorageError and the journal is unchanged', async () => {
    const { journal } = freshJournal();
    await journal.saveEntry({ date: '2026-03-09', pain: 5 });
    const quota = new Dexie.AbortError(
      'Transaction aborted',
      Object.assign(new Error('quota'), { name: 'QuotaExceededError' }),
    );
    vi.spyOn(Journal.tables(journal).entries, 'put').mockRejectedValueOnce(quota);
    const err = await journal.saveEntry({ date: '2026-03-10', pain: 4 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).full).toBe(true);
    expect((err as StorageError).message).toMatch(/out of storage space/);
    expect(await journal.listEntries()).toHaveLength(1);
  });

  test('guardWrite names other storage failures without losing validation errors', async () => {
    await expect(guardWrite(() => Promise.reject(new DOMException('x', 'UnknownError')))).rejects.toThrow(
      /UnknownError/,
    );
    const v = new ValidationError([{ path: 'pain', message: 'bad' }]);
    await expect(guardWrite(() => Promise.reject(v))).rejects.toBe(v);
  });

  test('lists entries by range using the date key', async () => {
    const { journal } = freshJournal();
    for (const d of ['2026-03-01', '2026-03-05', '2026-03-09', '2026-03-10'])
      await journal.saveEntry({ date: d, pain: 2 });
    expect((await journal.listEntries('2026-03-05', '2026-03-09')).map((e) => e.date)).toEqual([
      '2026-03-05',
      '2026-03-09',
    ]);
    expect(await journal.isLogged('2026-03-10')).toBe(true);
    expect(await journal.isLogged('2026-03-11')).toBe(false);
    expect(await journal.deleteEntry('2026-03-01')).toMatchObject({ pain: 2 });
    expect(await Journal.tables(journal).entries.count()).toBe(3);
  });
});
