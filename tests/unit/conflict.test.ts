import { Journal, ConflictError } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import { defaultChoices, diffDay, mergeDay } from '@/utils/journal/conflict';
import { EMPTY_FORM, entryToForm, formToEntryInput } from '@/utils/journal/form';
import type { Entry } from '@/utils/journal/schema';

let n = 0;
// 19:00 local time on 10 March: "today" and "tomorrow" below are local days, the same in every time zone.
let clock = new Date(2026, 2, 10, 19).getTime();
function freshJournal() {
  return new Journal(new JournalDB(`conflict-${n++}`), { now: () => new Date((clock += 1000)) });
}

describe('saveEntry with the updatedAt the editor started from', () => {
  test('refuses a stale base with a ConflictError carrying the stored entry; nothing is written', async () => {
    const journal = freshJournal();
    const first = await journal.saveEntry({ date: '2026-03-10', pain: 3 }, null);
    // Another page saves the same day from the same starting point.
    const other = await journal.saveEntry(
      { date: '2026-03-10', pain: 8, note: 'after gardening' },
      first.updatedAt,
    );
    const err = await journal
      .saveEntry({ date: '2026-03-10', pain: 4 }, first.updatedAt)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).stored).toEqual(other);
    expect((err as ConflictError).base).toBe(first.updatedAt);
    expect(await journal.getEntry('2026-03-10')).toEqual(other);
  });

  test('null means "a new day": refused when the day was logged meanwhile, and when deleted, an old base is refused', async () => {
    const journal = freshJournal();
    const saved = await journal.saveEntry({ date: '2026-03-09', pain: 2 }, null);
    await expect(journal.saveEntry({ date: '2026-03-09', pain: 5 }, null)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await journal.deleteEntry('2026-03-09');
    const err = (await journal
      .saveEntry({ date: '2026-03-09', pain: 5 }, saved.updatedAt)
      .catch((e: unknown) => e)) as ConflictError;
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.stored).toBeUndefined();
    expect(await journal.getEntry('2026-03-09')).toBeUndefined();
  });

  test('a new version is always later than the stored one, even when the clock went back', async () => {
    const journal = freshJournal();
    const a = await journal.saveEntry({ date: '2026-03-10', pain: 3 }, null);
    clock -= 3_600_000;
    const b = await journal.saveEntry({ date: '2026-03-10', pain: 4 }, a.updatedAt);
    expect(b.updatedAt > a.updatedAt).toBe(true);
  });

  test('the one future-day policy: tomorrow is accepted (time zones), the day after is not', async () => {
    const journal = freshJournal();
    await expect(journal.saveEntry({ date: '2026-03-11', pain: 1 }, null)).resolves.toBeTruthy();
    await expect(journal.saveEntry({ date: '2026-03-12', pain: 1 }, null)).rejects.toThrow(
      /at most tomorrow/,
    );
    await expect(journal.saveEntry({ date: '2999-01-01', pain: 1 }, null)).rejects.toThrow(
      /at most tomorrow/,
    );
  });
});

const stored: Entry = {
  date: '2026-03-10',
  pain: 8,
  note: 'Worse after gardening',
  stiffness: 6,
  function: { sit: 4, walk: 5 },
  updatedAt: '2026-03-10T20:00:00.000Z',
};
const base: Entry = {
  date: '2026-03-10',
  pain: 5,
  function: { sit: 4 },
  updatedAt: '2026-03-10T18:00:00.000Z',
};

describe('diff and merge of two versions of a day', () => {
  test('with a base: fields I changed default to mine, the rest to the stored version; nothing saved is lost', () => {
    const mine = { ...entryToForm(base), pain: 3, function: { sit: 6 } };
    const diffs = diffDay(mine, stored, base);
    expect(diffs.map((d) => [d.field, d.mine, d.theirs, d.preferred])).toEqual([
      ['pain', 3, 8, 'mine'],
      ['stiffness', undefined, 6, 'theirs'],
      ['function.sit', 6, 4, 'mine'],
      ['function.walk', undefined, 5, 'theirs'],
      ['note', undefined, 'Worse after gardening', 'theirs'],
    ]);
    const merged = mergeDay(mine, stored, defaultChoices(diffs));
    expect(formToEntryInput('2026-03-10', merged)).toEqual({
      date: '2026-03-10',
      pain: 3,
      stiffness: 6,
      function: { sit: 6, walk: 5 },
      note: 'Worse after gardening',
    });
  });

  test('an older draft (no base): the stored values win by default, mine only fill what is empty', () => {
    const draft = { ...EMPTY_FORM, pain: 3, session: 'attended' as const };
    const diffs = diffDay(draft, stored);
    const choice = defaultChoices(diffs);
    expect(choice).toMatchObject({ pain: 'theirs', session: 'mine', note: 'theirs' });
    const merged = formToEntryInput('2026-03-10', mergeDay(draft, stored, choice));
    expect(merged).toMatchObject({ pain: 8, session: 'attended', note: 'Worse after gardening' });
    // The person may still take any of their own values.
    expect(mergeDay(draft, stored, { ...choice, pain: 'mine' }).pain).toBe(3);
  });

  test('taking "mine" for an empty field clears it; keeping theirs gives the stored day back exactly', () => {
    const mine = { ...entryToForm(stored), note: '', function: { sit: 4 } };
    const all = diffDay(mine, stored, stored);
    expect(all.map((d) => d.field)).toEqual(['function.walk', 'note']);
    const merged = mergeDay(mine, stored, { note: 'mine', 'function.walk': 'mine' });
    expect(formToEntryInput('2026-03-10', merged)).toEqual({
      date: '2026-03-10',
      pain: 8,
      stiffness: 6,
      function: { sit: 4 },
    });
    const { updatedAt: _u, ...rest } = stored;
    expect(formToEntryInput('2026-03-10', mergeDay(mine, stored, {}))).toEqual(rest);
  });

  test('same content spelled differently is no difference; a deleted day diffs against nothing', () => {
    expect(diffDay({ ...entryToForm(stored), note: 'Worse after gardening', reach: '' }, stored)).toEqual([]);
    const diffs = diffDay({ ...EMPTY_FORM, pain: 2 }, undefined, base);
    expect(diffs).toEqual([{ field: 'pain', mine: 2, theirs: undefined, preferred: 'mine' }]);
  });
});
