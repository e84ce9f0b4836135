import { addDays, daysBetween } from '@/utils/dates';
import type { Entry } from '@/utils/journal/schema';
import {
  adherence,
  baselineVsNow,
  classifyFunction,
  classifyPain,
  dailySeries,
  dayNumber,
  isChange,
  rollingMeanInto,
} from '@/utils/journal/progress';
import {
  allInsights,
  commitmentInsight,
  contextLine,
  earlySorenessInsight,
  notRespondingInsight,
  progressInsight,
  sharpTinglingInsight,
  type InsightInput,
} from '@/utils/journal/insights';
import { syntheticBackup } from '../fixtures/synthetic';

const START = '2026-01-01';
/** Consecutive entries from START with the given pains and extra fields. */
function days(pains: number[], extra: (i: number) => Partial<Entry> = () => ({})): Entry[] {
  return pains.map((pain, i) => ({
    date: addDays(START, i),
    pain,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra(i),
  }));
}
function input(entries: Entry[], over: Partial<InsightInput> = {}): InsightInput {
  return {
    today: entries.at(-1)?.date ?? START,
    first: entries.slice(0, 7),
    recent: entries,
    ptStartDate: null,
    exerciseAddedOn: [],
    ...over,
  };
}
const rep = (n: number, v: number) => Array<number>(n).fill(v);

describe('meaningful-change math', () => {
  test('pain: 2 points is meaningful, 1.9 is not (baseline high enough that 30% does not apply)', () => {
    expect(classifyPain(8, 6).kind).toBe('meaningful-better');
    expect(classifyPain(8, 6.1).kind).toBe('small-better');
    expect(classifyPain(6, 8).kind).toBe('meaningful-worse');
  });
  test('pain: 30% of the baseline is meaningful even below 2 points', () => {
    expect(classifyPain(5, 3.5).kind).toBe('meaningful-better'); // 1.5 = 30% of 5
    expect(classifyPain(5, 3.6).kind).toBe('small-better'); // 28%
    expect(classifyPain(5, 3.5).percent).toBeCloseTo(30);
  });
  test('pain: under half a point is "same"; no change from a baseline of 0 is not meaningful', () => {
    expect(classifyPain(5, 4.6).kind).toBe('same');
    expect(classifyPain(5, 4.5).kind).toBe('small-better');
    expect(classifyPain(0, 0).kind).toBe('same');
  });
  test('function: 2 points of the PSFS mean is meaningful, 1.9 is a small change', () => {
    expect(classifyFunction(3, 5).kind).toBe('meaningful-better');
    expect(classifyFunction(3, 4.9).kind).toBe('small-better');
    expect(classifyFunction(5, 3).kind).toBe('meaningful-worse');
  });
  test('baseline vs now needs 14 logged days and says how many are missing', () => {
    const r = baselineVsNow(days(rep(13, 5)), days(rep(13, 5)));
    expect(r.pain).toEqual({ needMore: 1 });
    const e = days([...rep(7, 7), ...rep(7, 4)]);
    const ok = baselineVsNow(e, e);
    expect(isChange(ok.pain) && ok.pain.improvement).toBe(3);
    expect(isChange(ok.pain) && ok.pain.kind).toBe('meaningful-better');
    expect(ok.fn).toEqual({ needMore: 14, none: true });
  });
  test('baseline vs now merges a "first" and a "last" list without counting shared days twice', () => {
    const e = days([...rep(7, 6), ...rep(20, 5), ...rep(7, 3)]);
    const r = baselineVsNow(e.slice(0, 7), e.slice(-10));
    expect(isChange(r.pain) && [r.pain.baseline, r.pain.now]).toEqual([6, 3]);
    expect(isChange(r.pain) && r.pain.baselineDays[0]).toBe(START);
  });
  test('function uses only the days with activity ratings', () => {
    const e = days(rep(30, 5), (i) =>
      i % 2 === 0 ? { function: { a: i < 14 ? 2 : 6, b: i < 14 ? 4 : 6 } } : {},
    );
    const r = baselineVsNow(e, e);
    expect(isChange(r.fn) && r.fn.baseline).toBe(3);
    expect(isChange(r.fn) && r.fn.now).toBe(6);
  });
});

describe('daily series', () => {
  test('unlogged days are gaps (NaN), not zeros, and the rolling mean needs 3 days in its window', () => {
    const e = days([4, 6, 8]).filter((_, i) => i !== 1); // Jan 1 and Jan 3
    const s = dailySeries(e, START, addDays(START, 3));
    expect(s.length).toBe(4);
    expect(s.logged).toBe(2);
    expect([...s.pain]).toEqual([4, NaN, 8, NaN]);
    expect([...s.painMean7].every(Number.isNaN)).toBe(true);
    const out = rollingMeanInto(new Float64Array([1, 2, 3, NaN, 5, 6, 7, 8, 9]), new Float64Array(9));
    expect([...out].slice(0, 3)).toEqual([NaN, NaN, 2]);
    expect(out[3]).toBeNaN();
    expect(out[8]).toBeCloseTo((3 + 5 + 6 + 7 + 8 + 9) / 6); // the 7-day window (days 2-8) drops days 0 and 1
  });
  test('dayNumber agrees with daysBetween over four centuries, leap days included', () => {
    for (let i = 0; i < 146_097; i += 1 + (i % 5)) {
      const d = addDays('1900-01-01', i);
      expect(dayNumber(d)).toBe(daysBetween('1970-01-01', d));
    }
    expect(dayNumber('2000-02-29') + 1).toBe(dayNumber('2000-03-01'));
    expect(dayNumber('1900-02-28') + 1).toBe(dayNumber('1900-03-01'));
  });
  test('entries outside the range are ignored', () => {
    const e = days(rep(10, 3));
    const s = dailySeries(e, addDays(START, 2), addDays(START, 4));
    expect(s.logged).toBe(3);
  });
  test('adherence counts sessions and exercise days; an unlogged today does not break the streak', () => {
    const e = days(rep(6, 3), (i) => ({
      session: i === 1 ? 'attended' : i === 3 ? 'missed' : 'none',
      homeExercises: i === 0 ? 'none' : i === 2 ? 'some' : 'all',
    }));
    const a = adherence(dailySeries(e, START, addDays(START, 6)));
    expect(a).toMatchObject({ sessionsAttended: 1, sessionsMissed: 1, homeDays: 6, homeDone: 5, homeAll: 4 });
    expect(a.currentStreak).toBe(5);
    expect(a.longestStreak).toBe(5);
  });
});

describe('rule 1: progress against baseline', () => {
  test('asks for more days first', () => {
    const i = progressInsight(input(days(rep(10, 5))));
    expect(i.lines[0]).toContain('Log 4 more days');
  });
  test('meaningful improvement is named with the reference point and its sources', () => {
    const i = progressInsight(input(days([...rep(7, 6), ...rep(7, 4)])));
    expect(i.tone).toBe('good');
    expect(i.lines[0]).toContain('2 points lower');
    expect(i.lines[0]).toContain('often considered meaningful');
    expect(i.sources).toEqual(expect.arrayContaining(['ostelo2008', 'abbott2014']));
  });
  test('a smaller real improvement is encouraged ("small improvements count")', () => {
    const i = progressInsight(input(days([...rep(7, 8), ...rep(7, 7)])));
    expect(i.tone).toBe('info');
    expect(i.lines.join(' ')).toContain('Small improvements count');
    expect(i.lines.join(' ')).not.toContain('meaningful');
  });
  test('function meaningful change is reported too', () => {
    const e = days(rep(14, 5), (i) => ({ function: { a: i < 7 ? 3 : 5 } }));
    const i = progressInsight(input(e));
    expect(i.lines[1]).toContain('2 points better');
  });
});

describe('rule 2: feeling worse early', () => {
  const sore = (i: number): Partial<Entry> => ({ soreness: i >= 5 ? 'muscle' : 'none' });
  const pains = [4, 4, 4, 4, 4, 5, 5, 6, 6, 6];
  test('pain up within 3 weeks of PT start with mostly muscle soreness explains DOMS and the pain-monitoring guide', () => {
    const e = days(pains, sore);
    const i = earlySorenessInsight(input(e, { ptStartDate: addDays(START, 5) }));
    expect(i?.lines.join(' ')).toMatch(/24-72 hours/);
    expect(i?.lines.join(' ')).toMatch(/0-3 is fine and 4-5 acceptable/);
    expect(i?.sources).toContain('cheung2003');
  });
  test('also after adding an exercise', () => {
    const e = days(pains, sore);
    const i = earlySorenessInsight(input(e, { exerciseAddedOn: [addDays(START, 5)] }));
    expect(i?.lines[0]).toContain('added an exercise');
  });
  test('not after 3 weeks, not when soreness is mostly sharp, not when pain rose less than a point', () => {
    const e = days(pains, sore);
    expect(earlySorenessInsight(input(e, { ptStartDate: addDays(e.at(-1)!.date, -21) }))).toBeNull();
    expect(earlySorenessInsight(input(e, { ptStartDate: addDays(e.at(-1)!.date, -20) }))).not.toBeNull();
    const sharp = days(pains, (i) => ({ soreness: i >= 5 ? (i % 2 ? 'sharp' : 'muscle') : 'none' }));
    expect(earlySorenessInsight(input(sharp, { ptStartDate: addDays(START, 5) }))).toBeNull();
    const flat = days([4, 4, 4, 4, 4, 4, 4, 5, 5, 4], sore);
    expect(earlySorenessInsight(input(flat, { ptStartDate: addDays(START, 5) }))).toBeNull();
    expect(earlySorenessInsight(input(e))).toBeNull(); // no PT start, no new exercise
  });
});

describe('rule 3: not responding', () => {
  const good = (i: number): Partial<Entry> => ({
    homeExercises: i % 10 < 7 ? 'all' : 'none', // exactly 70%
    session: i % 7 === 2 ? 'attended' : 'none',
  });
  const flat = days(rep(50, 5), good);
  test('6+ weeks, good adherence and no meaningful change suggests a doctor evaluation', () => {
    const i = notRespondingInsight(input(flat, { ptStartDate: START }));
    expect(i?.tone).toBe('talk');
    expect(i?.lines.join(' ')).toMatch(/evaluation by your doctor may help find the source of the pain/);
    expect(i?.lines.join(' ')).not.toMatch(/emergency/i);
  });
  test('not before 6 weeks', () => {
    const flat = days(rep(50, 5), (i) => ({
      homeExercises: 'all',
      session: i % 7 === 2 ? 'attended' : 'none',
    }));
    expect(notRespondingInsight(input(flat, { ptStartDate: addDays(flat.at(-1)!.date, -41) }))).toBeNull();
    expect(
      notRespondingInsight(input(flat, { ptStartDate: addDays(flat.at(-1)!.date, -42) })),
    ).not.toBeNull();
  });
  test('not with adherence under 70% or most sessions missed', () => {
    const low = days(rep(50, 5), (i) => ({ homeExercises: i % 10 < 6 ? 'all' : 'none' }));
    expect(notRespondingInsight(input(low, { ptStartDate: START }))).toBeNull();
    const missed = days(rep(50, 5), (i) => ({ ...good(i), session: i % 7 === 2 ? 'missed' : 'none' }));
    expect(notRespondingInsight(input(missed, { ptStartDate: START }))).toBeNull();
  });
  test('not when pain improved meaningfully', () => {
    const better = days([...rep(43, 6), ...rep(7, 4)], good);
    expect(notRespondingInsight(input(better, { ptStartDate: START }))).toBeNull();
  });
});

describe('rule 4: commitment', () => {
  test('plain percentages and streaks, encouraging when high', () => {
    const e = days(rep(10, 5), (i) => ({
      session: i === 2 ? 'attended' : i === 5 ? 'missed' : 'none',
      homeExercises: i < 2 ? 'none' : 'all',
    }));
    const i = commitmentInsight(input(e))!;
    expect(i.lines).toContain('You went to 1 of 2 PT sessions (50%).');
    expect(i.lines).toContain('You did home exercises on 8 of 10 days you answered (80%).');
    expect(i.lines.join(' ')).toContain('Current streak: 8 days');
    expect(i.tone).toBe('good');
  });
  test('a low share gets a tip, never a reproach; nothing to say without data', () => {
    const e = days(rep(10, 5), (i) => ({ homeExercises: i < 8 ? 'none' : 'some' }));
    const i = commitmentInsight(input(e))!;
    expect(i.lines.at(-1)).toContain('Every session and every set counts');
    expect(i.lines.join(' ')).not.toMatch(/only|fail|should have/i);
    expect(commitmentInsight(input(days(rep(5, 5))))).toBeNull();
  });
});

describe('rule 5: sharp or tingling pain', () => {
  test('3 of the last 14 days suggests telling the PT; 2 does not; older days do not count', () => {
    const mk = (hits: number[]) =>
      days(rep(20, 4), (i) => (hits.includes(i) ? { soreness: i % 2 ? 'sharp' : 'tingling' } : {}));
    expect(sharpTinglingInsight(input(mk([17, 18, 19])))?.lines[0]).toBe(
      'You logged sharp or tingling pain on 3 of the last 14 days.',
    );
    expect(sharpTinglingInsight(input(mk([18, 19])))).toBeNull();
    expect(sharpTinglingInsight(input(mk([2, 3, 19])))).toBeNull(); // days 2 and 3 are older than 14 days
    expect(sharpTinglingInsight(input(mk([6, 7, 8])))).not.toBeNull(); // day 6 is the 14th day back
  });
});

test('no insight ever speaks of an emergency, on a long synthetic journal either', () => {
  const { entries, profile } = syntheticBackup({ days: 200, gapRate: 0.1 });
  const today = entries.at(-1)!.date;
  const recent = entries.filter((e) => e.date >= addDays(today, -83));
  const all = allInsights({
    today,
    first: entries.slice(0, 7),
    recent,
    ptStartDate: profile.ptStartDate,
    exerciseAddedOn: profile.exercises.map((e) => e.addedOn),
  });
  expect(all.map((i) => i.id)).toEqual(expect.arrayContaining(['progress', 'commitment']));
  for (const i of all) {
    expect(`${i.title} ${i.lines.join(' ')} ${i.why}`).not.toMatch(/emergency|diagnos/i);
    expect(i.sources.length).toBeGreaterThan(0);
    for (const l of i.lines) expect(l).not.toMatch(/\{\d\}|^prog/); // every key resolved, every placeholder filled
  }
});

describe('contextLine for the popup', () => {
  test('compares the day with the first week average', () => {
    const e = days([...rep(7, 5), 6, 3]);
    expect(contextLine(e, addDays(START, 8))).toBe(
      "Pain 2 points lower than your first week's average (5.0).",
    );
    expect(contextLine(e, addDays(START, 7))).toMatch(
      /^Pain 1 point higher than your first week's average \(5\.0\)/,
    );
    expect(contextLine(days([...rep(7, 5), 5]), addDays(START, 7))).toBe(
      "Pain about the same as your first week's average (5.0).",
    );
  });
  test('null without a full first week before the day, or without an entry for the day', () => {
    const e = days(rep(7, 5));
    expect(contextLine(e, addDays(START, 6))).toBeNull();
    expect(contextLine(days(rep(9, 5)), addDays(START, 20))).toBeNull();
    expect(contextLine([], START)).toBeNull();
  });
});
