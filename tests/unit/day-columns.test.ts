// The dashboard's per-day columns (utils/journal/day-columns.ts) and the copy the data layer keeps of them
// (utils/db/series.ts): the columns give exactly the series the entries give, a copy patched write by write equals a
// fresh build, and after ANY sequence of writes through Journal (save, edit, undo, delete, import, wipe, reads that
// rebuild in between) what the dashboard reads is what a fresh build from the entries says. Never a stale picture.
import fc from 'fast-check';
import { addDays, type Day } from '@/utils/dates';
import { Journal, watch } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import { SERIES_FORMAT } from '@/utils/db/series';
import * as series from '@/utils/db/series';
import { buildColumns, clearDay, emptyColumns, seriesOf, setDay } from '@/utils/journal/day-columns';
import { dailySeries } from '@/utils/journal/progress';
import { HOME_EXERCISES, SESSION, SORENESS, type Entry } from '@/utils/journal/schema';

const START = '2026-01-01';
const ACTIVITIES = ['a', 'b', 'c'];

const entryArb = (span: number) =>
  fc.record(
    {
      day: fc.nat(span - 1),
      pain: fc.integer({ min: 0, max: 10 }),
      stiffness: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      reachCm: fc.option(fc.double({ min: -30, max: 60, noNaN: true }), { nil: undefined }),
      session: fc.option(fc.constantFrom(...SESSION), { nil: undefined }),
      homeExercises: fc.option(fc.constantFrom(...HOME_EXERCISES), { nil: undefined }),
      soreness: fc.option(fc.constantFrom(...SORENESS), { nil: undefined }),
      function: fc.option(fc.dictionary(fc.constantFrom(...ACTIVITIES), fc.integer({ min: 0, max: 10 })), {
        nil: undefined,
      }),
    },
    { requiredKeys: ['day', 'pain'] },
  );

function toEntry({ day, ...rest }: { day: number } & Partial<Entry>): Entry {
  const e: Record<string, unknown> = { date: addDays(START, day), updatedAt: '2026-01-01T12:00:00.000Z' };
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) e[k] = v;
  if (e.function && Object.keys(e.function).length === 0) delete e.function;
  return e as Entry;
}

/** One entry per day, the last one of each day winning. */
const byDay = (entries: Entry[]) => [...new Map(entries.map((e) => [e.date, e])).values()];

describe('columns (pure)', () => {
  test('any range of the columns is the series the entries give (dailySeries), for any activity ids', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb(40), { maxLength: 30 }),
        fc.integer({ min: -10, max: 45 }),
        fc.integer({ min: 0, max: 60 }),
        (raw, a, len) => {
          const entries = byDay(raw.map(toEntry));
          const from = addDays(START, a);
          const to = addDays(from, len);
          expect(seriesOf(buildColumns(entries), from, to, ids(raw))).toEqual(
            dailySeries(entries, from, to, ids(raw)),
          );
        },
      ),
      { numRuns: 300 },
    );
    function ids(raw: unknown[]) {
      return raw.length % 2 ? ACTIVITIES : ['b', 'z'];
    }
  });

  test('set and clear, day by day, give exactly a fresh build of the days that remain', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(entryArb(30), fc.record({ clear: fc.nat(29) })), { maxLength: 40 }),
        (ops) => {
          let c = emptyColumns();
          const days = new Map<Day, Entry>();
          for (const op of ops) {
            if ('clear' in op) {
              const date = addDays(START, op.clear);
              if (days.has(date)) c = clearDay(c, date);
              days.delete(date);
            } else {
              const e = toEntry(op);
              c = setDay(c, e, days.has(e.date));
              days.set(e.date, e);
            }
            expect(c).toEqual(buildColumns([...days.values()]));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('NaN and "not logged" are told apart: a gap is a gap, a rating of 0 is a 0', () => {
    const c = buildColumns([toEntry({ day: 0, pain: 0, function: { a: 0 } }), toEntry({ day: 2, pain: 4 })]);
    const s = seriesOf(c, START, addDays(START, 2), ['a']);
    expect(Array.from(s.pain)).toEqual([0, NaN, 4]);
    expect(Array.from(s.fnBy.a!)).toEqual([0, NaN, NaN]);
    expect(Array.from(s.fnMean)).toEqual([0, NaN, NaN]);
    expect(s.logged).toBe(2);
  });
});

// ---- the stored copy ----------------------------------------------------------------------------------------------

let n = 0;
async function freshJournal() {
  const journal = new Journal(new JournalDB(`columns-${n++}`), {
    now: () => new Date('2026-06-01T12:00:00Z'),
  });
  for (const id of ACTIVITIES) await journal.saveActivity({ id, name: `Activity ${id}` });
  return journal;
}

/** What the copy holds when it claims to be current (its rev is the counter's), else null. */
async function currentCopy(journal: Journal) {
  const db = Journal.tables(journal);
  const [rev, days] = await Promise.all([db.series.get('rev'), db.series.get('days')]);
  const counter = rev?.key === 'rev' ? rev.value : 0;
  return days?.key === 'days' && days.rev === counter ? days : null;
}

type Op =
  | { kind: 'save'; entry: Entry }
  | { kind: 'undo'; entry: Entry }
  | { kind: 'delete'; day: number }
  | { kind: 'import'; entries: Entry[] }
  | { kind: 'wipe' }
  | { kind: 'read'; settle: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: entryArb(20).map((e) => ({ kind: 'save' as const, entry: toEntry(e) })) },
  // Undo writes the previous version back with its own updatedAt
  { weight: 1, arbitrary: entryArb(20).map((e) => ({ kind: 'undo' as const, entry: toEntry(e) })) },
  { weight: 3, arbitrary: fc.nat(19).map((day) => ({ kind: 'delete' as const, day })) },
  {
    weight: 1,
    arbitrary: fc
      .array(entryArb(80), { maxLength: 8 })
      .map((xs) => ({ kind: 'import' as const, entries: byDay(xs.map(toEntry)) })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'wipe' as const }) },
  { weight: 3, arbitrary: fc.boolean().map((settle) => ({ kind: 'read' as const, settle })) },
);

async function run(journal: Journal, op: Op): Promise<void> {
  if (op.kind === 'save') await journal.saveEntry(op.entry);
  else if (op.kind === 'undo')
    await journal.saveEntry({ ...op.entry, updatedAt: '2025-12-31T00:00:00.000Z' });
  else if (op.kind === 'delete') await journal.deleteEntry(addDays(START, op.day));
  else if (op.kind === 'import') await journal.bulkWrite((db) => db.entries.bulkPut(op.entries));
  else if (op.kind === 'wipe') {
    await journal.clearAll();
    for (const id of ACTIVITIES) await journal.saveActivity({ id, name: `Activity ${id}` });
  } else {
    await journal.dayColumns();
    if (op.settle) await series.stored;
  }
}

test('after any sequence of writes, what the dashboard reads equals a fresh build from the entries', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
      const journal = await freshJournal();
      for (const op of ops) {
        await run(journal, op);
        const fresh = buildColumns(await journal.listEntries());
        const copy = await currentCopy(journal);
        // The invariant itself: a copy that claims to be current IS current.
        if (copy) expect(copy.columns).toEqual(fresh);
        expect(await journal.dayColumns()).toEqual(fresh);
      }
      await series.stored;
      Journal.tables(journal).close();
    }),
    { numRuns: 60 },
  );
});

test('the copy is used: once stored, a read takes it (and saves patch it) instead of reading the entries', async () => {
  const journal = await freshJournal();
  await journal.saveEntry(toEntry({ day: 0, pain: 5 }));
  await journal.dayColumns();
  await series.stored;
  expect((await currentCopy(journal))?.format).toBe(SERIES_FORMAT);
  const db = Journal.tables(journal);
  const spy = vi.spyOn(db.entries, 'where');
  await journal.saveEntry(toEntry({ day: 3, pain: 2, function: { a: 7 } }));
  const columns = await journal.dayColumns();
  expect(spy).not.toHaveBeenCalled(); // no readRange: the patched copy was current
  expect(Array.from(columns.pain)).toEqual([5, 255, 255, 2]);
  expect(Array.from(columns.fn.a!)).toEqual([255, 255, 255, 7]);
});

test('a rebuild read before a write is not stored after it (the counter moved): no stale copy', async () => {
  const journal = await freshJournal();
  await journal.saveEntry(toEntry({ day: 0, pain: 5 }));
  const before = await journal.dayColumns(); // rebuilt; its store waits for the next task
  await journal.saveEntry(toEntry({ day: 1, pain: 6 }));

  await series.stored;
  expect(before.count).toBe(1);
  expect(await currentCopy(journal)).toBeNull();
  expect((await journal.dayColumns()).count).toBe(2);
});

test('a copy that disagrees with the journal (a writer that went around the data layer) is rebuilt', async () => {
  const journal = await freshJournal();
  await journal.saveEntry(toEntry({ day: 0, pain: 5 }));
  await journal.dayColumns();
  await series.stored;
  // a raw write that bumps nothing: the first and last days and the count no longer agree with the copy
  await Journal.tables(journal).entries.put(toEntry({ day: 9, pain: 1 }));
  expect((await journal.dayColumns()).count).toBe(2);
  // a copy from another schema or encoding is not trusted either
  await series.stored;
  const db = Journal.tables(journal);
  const copy = (await currentCopy(journal))!;
  await db.series.put({ ...copy, format: SERIES_FORMAT + 1, columns: emptyColumns() });
  expect((await journal.dayColumns()).count).toBe(2);
  await db.series.put({ ...copy, schema: db.verno - 1, columns: emptyColumns() });
  expect((await journal.dayColumns()).count).toBe(2);
});

test('a damaged copy on disk never fails a save: the save lands, and the next read builds from the entries', async () => {
  const journal = await freshJournal();
  await journal.saveEntry(toEntry({ day: 0, pain: 5 }));
  await journal.dayColumns();
  await series.stored;
  const db = Journal.tables(journal);
  const copy = (await currentCopy(journal))!;
  // columns that claim to be current but are no typed arrays any more (a damaged row)
  await db.series.put({ ...copy, columns: { ...copy.columns, pain: null } as never });
  await journal.saveEntry(toEntry({ day: 2, pain: 3 }));
  await journal.deleteEntry(toEntry({ day: 0, pain: 5 }).date);
  expect((await journal.getEntry(toEntry({ day: 2, pain: 3 }).date))?.pain).toBe(3);
  const columns = await journal.dayColumns();
  expect(columns.count).toBe(1);
  expect(Array.from(columns.pain)).toEqual([3]);
});

test('"delete everything" leaves no copy of any value behind', async () => {
  const journal = await freshJournal();
  await journal.saveEntry(toEntry({ day: 0, pain: 5 }));
  await journal.dayColumns();
  await series.stored;
  expect(await currentCopy(journal)).not.toBeNull();
  await journal.clearAll();
  expect(await Journal.tables(journal).series.get('days')).toBeUndefined();
});

test('inside a live query: the rebuild is stored outside it, and a save re-runs it with the new day', async () => {
  const journal = await freshJournal();
  await journal.saveEntry(toEntry({ day: 0, pain: 5 }));
  const seen: number[] = [];
  const errors: unknown[] = [];
  const stop = watch(
    () => journal.dayColumns(),
    (c) => seen.push(c.count),
    (e) => errors.push(e),
  );
  await vi.waitFor(() => expect(seen).toContain(1));
  await series.stored;
  await journal.saveEntry(toEntry({ day: 1, pain: 4 }));
  await vi.waitFor(() => expect(seen.at(-1)).toBe(2));
  stop();
  expect(errors).toEqual([]);
  expect(await currentCopy(journal)).not.toBeNull();
});
