import { addDays, daysBetween } from '@/utils/dates';
import type { Entry } from '@/utils/journal/schema';
import { adherence, dailySeries, dayNumber, rollingMeanInto } from '@/utils/journal/progress';
import { baselineVsNow, classifyFunction, classifyPain, isChange } from '@/utils/journal/compare';
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
  test('pain: 30% of the baseline is meaningful below 2 points, but never under 1 point', () => {
    expect(classifyPain(5, 3.5).kind).toBe('meaningful-better'); // 1.5 = 30% of 5
    expect(classifyPain(5, 3.6).kind).toBe('small-better'); // 28%
    expect(classifyPain(5, 3.5).percent).toBeCloseTo(30);
    expect(classifyPain(1.1, 0.3).kind).toBe('small-better'); // 73% but 0.8 points: noise
    expect(classifyPain(0.3, 1.1).kind).toBe('small-worse');
    expect(classifyPain(3, 4).kind).toBe('meaningful-worse'); // 1 point, 33%: the same rule for a rise
    expect(classifyPain(3, 2).kind).toBe('meaningful-better');
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
  test('first vs last logged week needs two separate weeks with 4 logged days each', () => {
    expect(isChange(baselineVsNow(days(rep(13, 5)), days(rep(13, 5))).pain)).toBe(false);
    const e = days([...rep(7, 7), ...rep(7, 4)]);
    const ok = baselineVsNow(e, e);
    expect(isChange(ok.pain) && ok.pain.improvement).toBe(3);
    expect(isChange(ok.pain) && ok.pain.kind).toBe('meaningful-better');
    expect(isChange(ok.pain) && [ok.pain.first.from, ok.pain.last.to]).toEqual([START, addDays(START, 13)]);
    expect(ok.fn.none).toBe(true);
    // Only 3 logged days in the first week: the first week is the first 7-day window with 4.
    const thin = days(rep(30, 5)).filter((_, i) => i >= 10 || i % 3 === 0);
    const r = baselineVsNow(thin, thin);
    expect(isChange(r.pain) && r.pain.first.from).toBe(addDays(START, 6));
  });
  test('first vs last merges a "first" and a "last" list without counting shared days twice', () => {
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

describe('rule 1: then and now', () => {
  test('says what it needs before there are two separate weeks', () => {
    const i = progressInsight(input(days(rep(10, 5))));
    expect(i.lines[0]).toBe(
      'A comparison needs two separate weeks with at least 4 check-ins in each. It appears here once you have them.',
    );
  });
  test('meaningful improvement is named with the reference point, the weeks and the sources', () => {
    const i = progressInsight(input(days([...rep(7, 6), ...rep(7, 4)])));
    expect(i.tone).toBe('good');
    expect(i.lines[0]).toBe(
      'Pain averaged 6.0 in the week of Jan 1 and 4.0 in the week of Jan 8: 2 points lower. A change this size is often seen as meaningful.',
    );
    expect(i.sources).toEqual(expect.arrayContaining(['ostelo2008', 'abbott2014']));
  });
  test('changes within noise get the same neutral words up and down', () => {
    const down = progressInsight(input(days([...rep(7, 8), ...rep(7, 7)])));
    const up = progressInsight(input(days([...rep(7, 7), ...rep(7, 8)])));
    expect(down.tone).toBe('info');
    expect(up.tone).toBe('info');
    const tail = (s: string) => s.split(/ (?:lower|higher)\./)[1];
    expect(tail(up.lines[0]!)).toBe(tail(down.lines[0]!));
    expect(up.lines[0]).toContain('1 point higher. That is less than the change often seen as meaningful.');
  });
  test('a meaningful rise is called meaningful too, and the card suggests telling the PT or doctor', () => {
    const i = progressInsight(input(days([...rep(7, 3), ...rep(7, 5)])));
    expect(i.tone).toBe('talk');
    expect(i.lines[0]).toContain('2 points higher. A change this size is often seen as meaningful.');
  });
  test('function meaningful change is reported too', () => {
    const e = days(rep(14, 5), (i) => ({ function: { a: i < 7 ? 3 : 5 } }));
    const i = progressInsight(input(e));
    expect(i.lines[1]).toContain('2 points higher (better)');
  });
});

describe('rule 2: muscle soreness after something new', () => {
  const sore = (i: number): Partial<Entry> => ({ soreness: i >= 6 ? 'muscle' : 'none' });
  const steady = days(rep(14, 4), sore); // new exercise on day 10, pain not rising
  const last = steady.at(-1)!.date;
  test('within 7 days of a change, muscle soreness on most check-ins: soreness facts, nothing about the pain level', () => {
    const i = earlySorenessInsight(input(steady, { exerciseAddedOn: [addDays(START, 10)] }));
    expect(i?.lines[0]).toBe(
      'You logged muscle soreness on 4 of your 4 check-ins since you added an exercise on Jan 11.',
    );
    expect(i?.lines.join(' ')).toMatch(/24 to 72 hours/);
    expect(i?.lines.join(' ')).not.toMatch(/0-2|2-5|acceptable|fine/);
    expect(i?.sources).toContain('cheung2003');
  });
  test('refuses: more than 7 days after, rising weekly pain, sharp or tingling pain, early after surgery', () => {
    expect(earlySorenessInsight(input(steady, { exerciseAddedOn: [addDays(last, -8)] }))).toBeNull();
    expect(earlySorenessInsight(input(steady, { exerciseAddedOn: [addDays(last, -7)] }))).not.toBeNull();
    const rising = days([...rep(10, 3), 4, 4, 5, 5], sore);
    expect(earlySorenessInsight(input(rising, { exerciseAddedOn: [addDays(START, 10)] }))).toBeNull();
    const sharp = days(rep(14, 4), (i) => ({ soreness: i === 2 ? 'sharp' : i >= 6 ? 'muscle' : 'none' }));
    expect(earlySorenessInsight(input(sharp, { exerciseAddedOn: [addDays(START, 10)] }))).toBeNull();
    const op = { exerciseAddedOn: [addDays(START, 10)], surgeryDate: addDays(last, -30) };
    expect(earlySorenessInsight(input(steady, op))).toBeNull();
    expect(earlySorenessInsight(input(steady))).toBeNull(); // no PT start, no new exercise
  });
});

describe('rule 3: little change after weeks of regular exercise', () => {
  const good = (i: number): Partial<Entry> => ({
    homeExercises: i % 10 < 7 ? 'all' : 'none', // exactly 70% of all days
    session: i % 7 === 2 ? 'attended' : 'none',
  });
  const flat = days(rep(50, 5), good);
  test('6+ weeks from a week near PT start, exercises on 70% of all days, no meaningful change: PT or doctor may look again', () => {
    const i = notRespondingInsight(input(flat, { ptStartDate: START }));
    expect(i?.tone).toBe('talk');
    expect(i?.lines.join(' ')).toContain('take another look at the plan or the diagnosis');
    expect(i?.lines).toContain('You logged home exercises (all or some) on 35 of the last 50 days (70%).');
    expect(i?.lines.join(' ')).not.toMatch(/emergency|not your fault|source of the pain/i);
  });
  test('refuses before 6 weeks, with a baseline far from PT start, or with stale weeks', () => {
    expect(notRespondingInsight(input(flat, { ptStartDate: addDays(START, 10) }))).toBeNull(); // < 6 weeks of journal after
    expect(notRespondingInsight(input(flat, { ptStartDate: addDays(START, -15) }))).toBeNull(); // journal began late
    expect(notRespondingInsight(input(flat, { ptStartDate: addDays(START, -14) }))).not.toBeNull();
    expect(notRespondingInsight(input(flat, { ptStartDate: START, today: addDays(START, 57) }))).toBeNull();
  });
  test('refuses with exercises on under 70% of all days, sessions mostly missed, or a meaningful change either way', () => {
    const low = days(rep(50, 5), (i) => ({ homeExercises: i % 10 < 6 ? 'all' : 'none' }));
    expect(notRespondingInsight(input(low, { ptStartDate: START }))).toBeNull();
    const unanswered = days(rep(50, 5), (i) => (i % 10 < 6 ? { homeExercises: 'all' } : {}));
    expect(notRespondingInsight(input(unanswered, { ptStartDate: START }))).toBeNull();
    const missed = days(rep(50, 5), (i) => ({ ...good(i), session: i % 7 === 2 ? 'missed' : 'none' }));
    expect(notRespondingInsight(input(missed, { ptStartDate: START }))).toBeNull();
    const better = days([...rep(43, 6), ...rep(7, 4)], good);
    expect(notRespondingInsight(input(better, { ptStartDate: START }))).toBeNull();
    const worse = days([...rep(43, 4), ...rep(7, 6)], good);
    expect(notRespondingInsight(input(worse, { ptStartDate: START }))).toBeNull();
  });
  test('sessions are mentioned only when some were logged; activities only when rated', () => {
    const noSessions = days(rep(50, 5), (i) => ({ homeExercises: i % 10 < 8 ? 'all' : 'none' }));
    const i = notRespondingInsight(input(noSessions, { ptStartDate: START }))!;
    expect(i.lines.join(' ')).not.toMatch(/session|activit/i);
  });
});

describe('rule 4: sessions and home exercises', () => {
  test('percentages over all days of the period, unanswered days said out loud', () => {
    const e = days(rep(10, 5), (i) => ({
      session: i === 2 ? 'attended' : i === 5 ? 'missed' : 'none',
      ...(i === 0 ? {} : { homeExercises: i < 2 ? 'none' : 'all' }),
    }));
    const i = commitmentInsight(input(e))!;
    expect(i.lines).toContain('PT sessions logged as attended: 1. Logged as missed: 1.');
    expect(i.lines).toContain('You logged home exercises (all or some) on 8 of 10 days (80%).');
    expect(i.lines).toContain('Days with no answer about home exercises: 1.');
    expect(i.lines.join(' ')).toContain('Current run: 8 days');
    expect(i.tone).toBe('good');
  });
  test('a low share gets a tip that never says to shorten anything; nothing to say without data', () => {
    const e = days(rep(10, 5), (i) => ({ homeExercises: i < 8 ? 'none' : 'some' }));
    const i = commitmentInsight(input(e))!;
    expect(i.lines.at(-1)).toContain('ask your PT whether a shorter one would help');
    expect(i.lines.join(' ')).not.toMatch(/\b(only|fail|should|shorten|short routines)\b/i);
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
    first: entries.slice(0, 28),
    recent,
    ptStartDate: profile.ptStartDate,
    surgeryDate: profile.surgeryDate,
    exerciseAddedOn: profile.exercises.map((e) => e.addedOn),
  });
  expect(all.map((i) => i.id)).toEqual(expect.arrayContaining(['progress', 'commitment']));
  for (const i of all) {
    expect(`${i.title} ${i.lines.join(' ')} ${i.why}`).not.toMatch(/emergency|diagnos(e|is|ed)\b(?! or)/i);
    expect(i.sources.length).toBeGreaterThan(0);
    for (const l of i.lines) expect(l).not.toMatch(/\{\d\}|^prog/); // every key resolved, every placeholder filled
  }
});

describe('contextLine for the popup', () => {
  test('the latest logged week next to the first, with the same comparison as the insights', () => {
    const e = days([...rep(7, 5), ...rep(7, 3)]);
    expect(contextLine(e, addDays(START, 13))).toBe(
      'Pain in your latest week averaged 3.0, 2 points lower than your first week (5.0). A change this size is often seen as meaningful.',
    );
    const up = days([...rep(7, 5), ...rep(7, 6)]);
    expect(contextLine(up, addDays(START, 13))).toBe(
      'Pain in your latest week averaged 6.0, 1 point higher than your first week (5.0). That is less than the change often seen as meaningful.',
    );
    expect(contextLine(days(rep(14, 5)), addDays(START, 13))).toBe(
      'Pain in your latest week averaged 5.0, about the same as your first week (5.0).',
    );
  });
  test('null without two separate weeks, or when the saved day is not in the latest week', () => {
    expect(contextLine(days(rep(10, 5)), addDays(START, 9))).toBeNull();
    expect(contextLine(days(rep(20, 5)), addDays(START, 2))).toBeNull();
    expect(contextLine([], START)).toBeNull();
  });
  test('with a partial read, "your first week" must lie inside the first entries read', () => {
    // 28 sparse first entries (every 3rd day: never 4 in a week), then a daily stretch.
    const sparse = Array.from({ length: 28 }, (_, i) => ({ ...days([5])[0]!, date: addDays(START, 3 * i) }));
    const daily = days(rep(30, 4)).map((e, i) => ({ ...e, date: addDays(START, 100 + i) }));
    const last = daily.at(-1)!.date;
    expect(contextLine([...sparse, ...daily], last)).not.toBeNull(); // whole journal: the first week is in the daily stretch
    expect(contextLine([...sparse, ...daily.slice(-14)], last, sparse)).toBeNull(); // partial: cannot know
  });
});
