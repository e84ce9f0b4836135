// The Progress dashboard's view model (utils/journal/progress-view.ts) and its range arithmetic (utils/journal/range.ts):
// what each figure shows, computed from plain entries without a DOM.
import fc from 'fast-check';
import { addDays, type Day } from '@/utils/dates';
import { EMPTY_PROFILE, type Entry, type Profile } from '@/utils/journal/schema';
import { buildProgressView } from '@/utils/journal/progress-view';
import { comparePain } from '@/utils/journal/compare';
import { ROLLING_MIN_DAYS } from '@/utils/journal/progress';
import { rangeBounds, sliceByDate, xSeconds } from '@/utils/journal/range';

const FROM = '2026-03-01';
const day = (i: number) => addDays(FROM, i);
const entry = (i: number, pain: number, more: Partial<Entry> = {}): Entry => ({
  date: day(i),
  pain,
  updatedAt: '2026-03-01T12:00:00.000Z',
  ...more,
});
const profile = (more: Partial<Profile> = {}): Profile => ({ ...EMPTY_PROFILE, ...more });
const act = { id: 'a1', name: 'Sitting through a film', addedOn: FROM, archived: false };

describe('buildProgressView', () => {
  test('one slot per calendar day of the range: gaps are NaN in the series and null in the chart', () => {
    // logged on days 0, 1, 3 of a 7-day range; an entry before and after the range is ignored
    const entries = [entry(-1, 9), entry(0, 6), entry(1, 5), entry(3, 4), entry(7, 9)];
    const v = buildProgressView(entries, { from: day(0), to: day(6) }, profile());
    expect(v.series.length).toBe(7);
    expect(v.series.logged).toBe(3);
    expect(Array.from(v.series.pain.slice(0, 4))).toEqual([6, 5, NaN, 4]);
    expect(v.pain.data[0]).toEqual([6, 5, null, 4, null, null, null]);
    expect(v.x).toHaveLength(7);
    expect(v.x[1]! - v.x[0]!).toBe(86_400);
    expect(new Date(v.x[0]! * 1000).getHours()).toBe(12);
    expect(v.pain.summary).toContain('3 of 7 days logged.');
    expect(v.pain.summary).toContain('Average pain 5 (lowest 4, highest 6).');
    // too few days for the 7-day average: the hint says how many more
    const one = buildProgressView(entries.slice(1, 2), { from: day(0), to: day(6) }, profile());
    expect(one.pain.hint).toBe(`Log ${ROLLING_MIN_DAYS - 1} more days to see a trend (the 7-day average).`);
  });

  test('first vs last week sentence is the shared comparison of compare.ts', () => {
    const pains = [7, 7, 6, 7, 7, 6, 7, 5, 4, 4, 3, 4, 3, 4];
    const entries = pains.map((p, i) => entry(i, p));
    const v = buildProgressView(entries, { from: day(0), to: day(13) }, profile());
    const c = comparePain(
      entries.map((e) => e.date),
      pains,
    );
    if ('notYet' in c) throw new Error('expected a comparison');
    const n1 = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
    expect(v.pain.summary).toContain(`averaged ${n1(c.baseline)}; the latest week`);
    expect(v.pain.summary).toContain(`averaged ${n1(c.now)}.`);
    // the 7-day average is there once 7 days are logged: no hint
    expect(v.pain.hint).toBe('');
  });

  test('markers: PT start and surgery lines only when set, sessions attended and missed at their days', () => {
    const entries = [
      entry(0, 5, { session: 'attended' }),
      entry(1, 5, { session: 'missed' }),
      entry(2, 5, { session: 'none' }),
    ];
    const none = buildProgressView(entries, { from: day(0), to: day(6) }, profile());
    expect(none.markers.lines).toEqual([]);
    const v = buildProgressView(
      entries,
      { from: day(0), to: day(6) },
      profile({ ptStartDate: day(1), surgeryDate: day(-30) }),
    );
    expect(v.markers.lines.map((l) => [l.label, l.x])).toEqual([
      ['PT start', xSeconds(day(1), 1)[0]],
      ['Surgery', xSeconds(day(-30), 1)[0]],
    ]);
    expect(v.markers.attended).toEqual([v.x[0]]);
    expect(v.markers.missed).toEqual([v.x[1]]);
    expect(v.adherence.summary).toContain('PT sessions: 1 attended, 1 missed (50% attended).');
  });

  test('function: why it is empty, or the PSFS mean with a column per rated activity', () => {
    const range = { from: day(0), to: day(6) };
    expect(buildProgressView([entry(0, 5)], range, profile()).fn.empty).toMatch(/Add up to 5 activities/);
    const withAct = profile({ activities: [act] });
    expect(buildProgressView([entry(0, 5)], range, withAct).fn.empty).toMatch(/Rate your activities/);
    const v = buildProgressView(
      [entry(0, 5, { function: { a1: 3 } }), entry(2, 5, { function: { a1: 5 } })],
      range,
      withAct,
    );
    expect(v.fn.empty).toBeUndefined();
    expect(v.fn.data[0]).toEqual([3, null, 5, null, null, null, null]);
    expect(v.fn.columns.map((c) => c.label)).toEqual(['Function (average)', act.name]);
  });

  test('stiffness and reach have a figure only when logged in the range', () => {
    const range = { from: day(0), to: day(6) };
    const bare = buildProgressView([entry(0, 5)], range, profile());
    expect(bare.stiff).toBeNull();
    expect(bare.reach).toBeNull();
    const v = buildProgressView(
      [entry(0, 5, { stiffness: 4 }), entry(1, 5, { reachCm: 12 })],
      range,
      profile(),
    );
    expect(v.stiff?.data[0]?.slice(0, 2)).toEqual([4, null]);
    expect(v.reach?.data[0]?.slice(0, 2)).toEqual([null, 12]);
    expect(v.stiff?.summary).toMatch(/1/);
  });
});

describe('range arithmetic', () => {
  test('a range ends today (or on a later last entry), never starts before the first entry, is a week wide', () => {
    expect(rangeBounds('4w', '2026-03-31', '2026-01-01', '2026-03-30')).toEqual({
      from: '2026-03-04',
      to: '2026-03-31',
    });
    expect(rangeBounds('1y', '2026-03-31', '2026-03-20', null)).toEqual({
      from: '2026-03-20',
      to: '2026-03-31',
    });
    expect(rangeBounds('all', '2026-03-31', '2026-03-29', '2026-04-02')).toEqual({
      from: '2026-03-27',
      to: '2026-04-02',
    });
  });

  test('sliceByDate returns exactly the entries inside the bounds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 60 })),
        fc.integer({ min: -5, max: 65 }),
        fc.integer({ min: -5, max: 65 }),
        (days, a, b) => {
          const entries = [...days].sort((x, y) => x - y).map((i) => ({ date: day(i) as Day }));
          const [from, to] = [day(Math.min(a, b)), day(Math.max(a, b))];
          expect(sliceByDate(entries, from, to)).toEqual(
            entries.filter((e) => e.date >= from && e.date <= to),
          );
        },
      ),
    );
  });
});
