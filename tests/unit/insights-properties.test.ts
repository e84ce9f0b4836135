/**
 * Property-based tests of the insights (issue #10): random journals (fast-check, 500+ per invariant) and the three
 * trap journals. The oracles below are written independently of utils/journal (brute force over the entries), so a
 * number in a sentence is "traceable" when the oracle finds the same number in the entries.
 */
import fc from 'fast-check';
import { addDays, daysBetween, type Day } from '@/utils/dates';
import type { Entry } from '@/utils/journal/schema';
import * as clinical from '@/utils/journal/clinical';
import * as compareMod from '@/utils/journal/compare';
import * as insightsMod from '@/utils/journal/insights';
import { comparePain, weekPair, weekPairOfSeries, isChange, classifyPain } from '@/utils/journal/compare';
import {
  allInsights,
  contextLine,
  insightInputRange,
  FIRST_READ,
  type Insight,
  type InsightInput,
} from '@/utils/journal/insights';
import { dailySeries, functionMean, homeOverAllDays } from '@/utils/journal/progress';
import { trapNoise, trapNotResponding, trapRisingPain, TRAP_FIXED_TODAY } from '../fixtures/trap-journals';

const RUNS = 500;
const TODAY = '2026-06-30';

// ---- journals ----------------------------------------------------------------------------------------------------

interface Journal {
  entries: Entry[];
  ptStartDate: Day | null;
  surgeryDate: Day | null;
  exerciseAddedOn: Day[];
  today: Day;
}

const SORENESS = [undefined, 'none', 'muscle', 'muscle', 'sharp', 'tingling'] as const;
const HOME = [undefined, 'all', 'all', 'all', 'some', 'none'] as const;
const SESSION = [undefined, undefined, 'none', 'attended', 'attended', 'missed'] as const;

/** Journals with a story (a trend plus noise), gaps, PT start, surgery and new exercises near the interesting days. */
const journalArb: fc.Arbitrary<Journal> = fc
  .record({
    length: fc.integer({ min: 1, max: 120 }),
    endsAgo: fc.integer({ min: 0, max: 6 }),
    base: fc.integer({ min: 0, max: 10 }),
    slope: fc.constantFrom(-0.2, -0.08, -0.03, 0, 0, 0, 0.03, 0.08, 0.25),
    noise: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 120, maxLength: 120 }),
    noiseScale: fc.constantFrom(0, 0, 0.5, 1),
    logRate: fc.constantFrom(0.4, 0.7, 0.9, 1, 1),
    coin: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 120, maxLength: 120 }),
    picks: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5), fc.nat(10)), {
      minLength: 120,
      maxLength: 120,
    }),
    homeMode: fc.constantFrom('mixed', 'steady', 'rare'),
    soreMode: fc.constantFrom('mixed', 'muscle', 'none'),
    withFn: fc.boolean(),
    ptFromStart: fc.option(fc.integer({ min: -20, max: 60 }), { nil: null }),
    surgeryAgo: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    exercisesAgo: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 2 }),
  })
  .map((r): Journal => {
    const today = TODAY;
    const last = addDays(today, -r.endsAgo);
    const start = addDays(last, -(r.length - 1));
    const entries: Entry[] = [];
    for (let i = 0; i < r.length; i++) {
      if (r.coin[i]! > r.logRate) continue;
      const [s, h, se, f] = r.picks[i]!;
      const pain = Math.max(0, Math.min(10, Math.round(r.base + r.slope * i + r.noiseScale * r.noise[i]!)));
      const home =
        r.homeMode === 'steady'
          ? h === 5
            ? 'none'
            : 'all'
          : r.homeMode === 'rare'
            ? h === 0
              ? 'some'
              : undefined
            : HOME[h];
      const soreness =
        r.soreMode === 'muscle' ? (s < 5 ? 'muscle' : 'none') : r.soreMode === 'none' ? 'none' : SORENESS[s];
      entries.push({
        date: addDays(start, i),
        pain,
        updatedAt: '2026-01-01T00:00:00.000Z',
        ...(soreness ? { soreness } : {}),
        ...(home ? { homeExercises: home } : {}),
        ...(SESSION[se] ? { session: SESSION[se] } : {}),
        ...(r.withFn && f < 9
          ? { function: { a: Math.min(10, f + (i > 40 ? 1 : 0)), b: Math.max(0, 10 - f) } }
          : {}),
      });
    }
    return {
      entries,
      ptStartDate:
        r.ptFromStart === null
          ? null
          : addDays(start, r.ptFromStart) > today
            ? null
            : addDays(start, r.ptFromStart),
      surgeryDate: r.surgeryAgo === null ? null : addDays(today, -r.surgeryAgo),
      exerciseAddedOn: r.exercisesAgo.map((d) => addDays(today, -d)),
      today,
    };
  });

/** What the Insights section reads for a journal (the same bounded inputs). */
function inputFor(j: Journal): InsightInput {
  const { from, to, ptWeeks } = insightInputRange(j.today, j.ptStartDate);
  return {
    today: j.today,
    first: j.entries.slice(0, FIRST_READ),
    recent: j.entries.filter((e) => e.date >= from && e.date <= to),
    ptWeeks: ptWeeks ? j.entries.filter((e) => e.date >= ptWeeks.from && e.date <= ptWeeks.to) : [],
    ptStartDate: j.ptStartDate,
    surgeryDate: j.surgeryDate,
    exerciseAddedOn: j.exerciseAddedOn,
  };
}

const textOf = (i: Insight) => [i.title, ...i.lines, i.why].join('\n');

// ---- independent oracles ----------------------------------------------------------------------------------------

type Pt = [Day, number];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** First and last logged week by brute force: 7-day windows from/to a logged day with ≥ 4 values, not overlapping. */
function oracleWeeks(
  pts: Pt[],
): { first: { from: Day; mean: number }; last: { to: Day; mean: number } } | null {
  let first: { from: Day; mean: number } | null = null;
  for (const [d] of pts) {
    const w = pts.filter(([x]) => x >= d && x <= addDays(d, 6));
    if (w.length >= 4) {
      first = { from: d, mean: mean(w.map((p) => p[1])) };
      break;
    }
  }
  let last: { to: Day; mean: number } | null = null;
  for (const [d] of [...pts].reverse()) {
    const w = pts.filter(([x]) => x <= d && x >= addDays(d, -6));
    if (w.length >= 4) {
      last = { to: d, mean: mean(w.map((p) => p[1])) };
      break;
    }
  }
  if (!first || !last || addDays(last.to, -6) <= addDays(first.from, 6)) return null;
  return { first, last };
}

/** Weekly pain means of the 3 calendar weeks ending `today`, oldest first (NaN when empty). */
function oracleWeekly(entries: Entry[], today: Day): number[] {
  return [2, 1, 0].map((w) => {
    const xs = entries
      .filter((e) => e.date <= addDays(today, -7 * w) && e.date > addDays(today, -7 * (w + 1)))
      .map((e) => e.pain);
    return xs.length ? mean(xs) : NaN;
  });
}
const anyRise = (m: number[]) => m.some((a, i) => m.slice(i + 1).some((b) => b - a > 1e-9));
const rising = (m: number[]) =>
  (m[0]! < m[1]! && m[1]! < m[2]!) || m.some((a, i) => m.slice(i + 1).some((b) => b - a >= 0.5 - 1e-9));

const one = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pts = (x: number) => Math.abs(x).toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Every number the insights may show for this journal, found by the oracles (plus the documented constants). */
function traceable(j: Journal): Set<string> {
  const ok = new Set<string>(['0', '10', '100']);
  for (const mod of [clinical, compareMod, insightsMod])
    for (const v of Object.values(mod)) {
      const vs = Array.isArray(v) ? v : [v];
      for (const x of vs)
        if (typeof x === 'number') {
          ok.add(String(x));
          ok.add(String(Math.round(x * 100)));
          ok.add(x.toLocaleString('en-US'));
        }
    }
  const input = inputFor(j);
  const addWeeks = (entries: Entry[], value: (e: Entry) => number) => {
    const w = oracleWeeks(entries.map((e) => [e.date, value(e)] as Pt).filter(([, v]) => v === v));
    if (!w) return;
    ok.add(one(w.first.mean));
    ok.add(one(w.last.mean));
    ok.add(pts(w.first.mean - w.last.mean));
  };
  const union = [...new Map([...input.first, ...input.recent].map((e) => [e.date, e])).values()].sort(
    (a, b) => (a.date < b.date ? -1 : 1),
  );
  addWeeks(union, (e) => e.pain);
  addWeeks(union, functionMean);
  if (j.ptStartDate) {
    const since = [...new Map([...(input.ptWeeks ?? []), ...input.recent].map((e) => [e.date, e])).values()]
      .filter((e) => e.date >= j.ptStartDate! && e.date <= j.today)
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    addWeeks(since, (e) => e.pain);
    addWeeks(since, functionMean);
  }
  // Counts over every span that ends today and starts at a day of the window: done, answered, sessions, streaks.
  const windowFrom = addDays(j.today, -83);
  const byDate = new Map(input.recent.map((e) => [e.date, e]));
  const calendar: Day[] = [];
  for (let d = windowFrom; d <= j.today; d = addDays(d, 1)) calendar.push(d);
  for (const from of calendar) {
    const span = daysBetween(from, j.today) + 1;
    const es = input.recent.filter((e) => e.date >= from);
    const done = es.filter((e) => e.homeExercises === 'all' || e.homeExercises === 'some').length;
    const answered = es.filter((e) => e.homeExercises).length;
    const att = es.filter((e) => e.session === 'attended').length;
    const mis = es.filter((e) => e.session === 'missed').length;
    for (const n of [span, done, span - answered, att, mis, att + mis, Math.round((done / span) * 100)])
      ok.add(String(n));
    // Runs of consecutive exercise days inside the span.
    let run = 0;
    for (const d of calendar) {
      if (d < from) continue;
      const e = byDate.get(d);
      run = e && (e.homeExercises === 'all' || e.homeExercises === 'some') ? run + 1 : 0;
      ok.add(String(run));
    }
  }
  // Soreness since each possible change; sharp days in the last 14.
  for (const a of [j.ptStartDate, ...j.exerciseAddedOn]) {
    if (!a) continue;
    const after = input.recent.filter((e) => e.date >= a);
    ok.add(String(after.length));
    ok.add(String(after.filter((e) => e.soreness === 'muscle').length));
  }
  ok.add(
    String(
      input.recent.filter(
        (e) => e.date > addDays(j.today, -14) && (e.soreness === 'sharp' || e.soreness === 'tingling'),
      ).length,
    ),
  );
  return ok;
}

const FACTS = new Set([...Object.values(clinical.SOURCES).map((s) => String(s.year)), '65', 'NG59', '59']);
const MONTH_DAY = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}\b/g;
const numbersIn = (s: string) =>
  [...s.replace(MONTH_DAY, 'DATE').matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);

// ---- invariants -------------------------------------------------------------------------------------------------

const seen = { notResponding: 0, soreness: 0, meaningful: 0, percentages: 0 };

describe('invariants over random journals', () => {
  test(
    `no percentage over the days answered is presented as over all days (${RUNS} journals)`,
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(journalArb, (j) => {
          const input = inputFor(j);
          for (const i of allInsights(input))
            for (const line of i.lines)
              for (const m of line.matchAll(/(\d+) of (?:the last )?(\d+) days \((\d+)%\)/g)) {
                seen.percentages++;
                const [n, of, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
                expect(p).toBe(Math.round((n / of) * 100));
                // "of N days" is every calendar day of the period, up to today: never only the answered ones.
                const from = addDays(j.today, -(of - 1));
                const answered = input.recent.filter((e) => e.date >= from && e.homeExercises).length;
                expect(of).toBeGreaterThanOrEqual(answered);
                const firstInSpan = input.recent.find((e) => e.date >= from);
                expect(firstInSpan, line).toBeDefined();
                // The period starts on the first check-in of the window (commitment) or of the compared weeks.
                if (i.id === 'commitment') expect(from).toBe(input.recent[0]!.date);
              }
        }),
        { numRuns: RUNS },
      );
      expect(seen.percentages).toBeGreaterThan(50);
    },
  );

  test(
    `nothing under 1 point is ever called meaningful, up or down (${RUNS} journals and ${RUNS} pairs)`,
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(journalArb, (j) => {
          const texts = allInsights(inputFor(j)).flatMap((i) => i.lines);
          const ctx = j.entries.length ? contextLine(j.entries, j.entries.at(-1)!.date) : null;
          if (ctx) texts.push(ctx);
          for (const t of texts) {
            if (!/A change this size is often seen as meaningful/.test(t)) continue;
            seen.meaningful++;
            const m = /(\d+(?:\.\d)?) points? (?:lower|higher)/.exec(t);
            expect(m, t).not.toBeNull();
            expect(Number(m![1]), t).toBeGreaterThanOrEqual(1);
          }
        }),
        { numRuns: RUNS },
      );
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 10, noNaN: true }),
          fc.double({ min: 0, max: 10, noNaN: true }),
          (a, b) => {
            const k = classifyPain(a, b).kind;
            if (k.startsWith('meaningful')) expect(Math.abs(a - b)).toBeGreaterThanOrEqual(1 - 1e-9);
            // Same rule both ways: a rise of the same size from the same level is meaningful exactly when a fall is.
            const up = classifyPain(a, a + Math.abs(a - b)).kind;
            const down = classifyPain(a, a - Math.abs(a - b)).kind;
            expect(up.startsWith('meaningful')).toBe(down.startsWith('meaningful'));
          },
        ),
        { numRuns: RUNS },
      );
      expect(seen.meaningful).toBeGreaterThan(10);
    },
  );

  test(
    `"not responding" and the soreness note never appear while weekly pain rises (${RUNS} journals)`,
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(journalArb, (j) => {
          const ids = allInsights(inputFor(j)).map((i) => i.id);
          const weekly = oracleWeekly(j.entries, j.today);
          if (ids.includes('not-responding')) {
            seen.notResponding++;
            expect(rising(weekly), JSON.stringify(weekly)).toBe(false);
          }
          if (ids.includes('early-soreness')) {
            seen.soreness++;
            expect(anyRise(weekly), JSON.stringify(weekly)).toBe(false);
          }
        }),
        { numRuns: RUNS },
      );
      expect(seen.notResponding).toBeGreaterThan(0);
      expect(seen.soreness).toBeGreaterThan(0);
    },
  );

  test(`every number shown is traceable to the entries (${RUNS} journals)`, { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(journalArb, (j) => {
        const ok = traceable(j);
        for (const i of allInsights(inputFor(j))) {
          const shown = [i.title, ...i.lines].join('\n');
          for (const n of numbersIn(shown)) expect(ok.has(n), `${n} in ${i.id}: ${shown}`).toBe(true);
          // The "why" holds only constants and research facts (years of the sources, "adults over 65").
          for (const n of numbersIn(i.why))
            expect(FACTS.has(n) || ok.has(n), `${n} in ${i.id} why`).toBe(true);
        }
        const ctx = j.entries.length ? contextLine(j.entries, j.entries.at(-1)!.date) : null;
        if (ctx) for (const n of numbersIn(ctx)) expect(ok.has(n), `${n} in ${ctx}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test(
    `one definition: the weeks of the entries and of the daily series agree (${RUNS} journals)`,
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(journalArb, (j) => {
          if (!j.entries.length) return;
          const from = j.entries[0]!.date;
          const s = dailySeries(j.entries, from, j.today);
          const a = weekPair(
            j.entries.map((e) => e.date),
            j.entries.map((e) => e.pain),
          );
          const b = weekPairOfSeries(s.pain, from);
          expect(b).toEqual(a);
          const o = oracleWeeks(j.entries.map((e) => [e.date, e.pain] as Pt));
          expect('notYet' in a).toBe(o === null);
          if (o && !('notYet' in a)) {
            expect(a.first.from).toBe(o.first.from);
            expect(a.last.to).toBe(o.last.to);
            expect(a.first.mean).toBeCloseTo(o.first.mean, 9);
            expect(a.last.mean).toBeCloseTo(o.last.mean, 9);
          }
        }),
        { numRuns: RUNS },
      );
    },
  );
});

// ---- the trap journals of the issue ------------------------------------------------------------------------------

function insightsOf(b: ReturnType<typeof trapNoise>, today: Day) {
  return allInsights(
    inputFor({
      entries: b.entries,
      ptStartDate: b.profile.ptStartDate,
      surgeryDate: b.profile.surgeryDate,
      exerciseAddedOn: b.profile.exercises.map((e) => e.addedOn),
      today,
    }),
  );
}

describe('trap journals', () => {
  const today = TRAP_FIXED_TODAY;

  test('trap 1: PT 10 weeks ago, 14-day journal, one "some", no sessions, pain 3 → 5: no "not responding"', () => {
    const all = insightsOf(trapNotResponding(today), today);
    const text = all.map(textOf).join('\n');
    expect(all.map((i) => i.id)).not.toContain('not-responding');
    expect(text).not.toMatch(/100%|kept up|have not changed|not changed/);
    expect(text).not.toMatch(/session/i);
    const progress = all.find((i) => i.id === 'progress')!;
    expect(progress.lines[0]).toMatch(
      /3\.0 in the week of .* and 5\.0 in the week of .*: 2 points higher\. A change/,
    );
    expect(progress.tone).toBe('talk');
    const commit = all.find((i) => i.id === 'commitment')!;
    expect(commit.lines).toContain('You logged home exercises (all or some) on 1 of 14 days (7%).');
    expect(commit.lines).toContain('Days with no answer about home exercises: 13.');
    expect(commit.tone).toBe('info');
    // The dashboard and the report count the same way: over every day since the first check-in.
    const b = trapNotResponding(today);
    const home = homeOverAllDays(dailySeries(b.entries, addDays(today, -83), today));
    expect(home).toMatchObject({ days: 14, done: 1, unanswered: 13, percent: 7 });
  });

  test('trap 2: pain rising 3 → 7 over 16 days after an online exercise: no soreness reassurance', () => {
    const all = insightsOf(trapRisingPain(today), today);
    const text = all.map(textOf).join('\n');
    expect(all.map((i) => i.id)).not.toContain('early-soreness');
    expect(all.map((i) => i.id)).not.toContain('not-responding');
    expect(text).not.toMatch(/worse at first|part of starting|ups and downs are common/i);
    expect(all.find((i) => i.id === 'progress')!.lines[0]).toMatch(
      /higher\. A change this size is often seen/,
    );
    // Also with the exercise added only 5 days ago (inside the soreness window), the rise silences the note.
    const b = trapRisingPain(today);
    b.profile.exercises[0]!.addedOn = addDays(today, -5);
    expect(insightsOf(b, today).map((i) => i.id)).not.toContain('early-soreness');
  });

  test('trap 3: first week 1.1, last week 0.3 is not "meaningful"; the same words for the same rise', () => {
    const b = trapNoise(today);
    const line = insightsOf(b, today).find((i) => i.id === 'progress')!.lines[0]!;
    expect(line).toMatch(/1\.1 in the week of .* and 0\.3 in the week of .*: 0\.9 points lower\./);
    expect(line).toContain('That is less than the change often seen as meaningful.');
    expect(line).not.toMatch(/often seen as meaningful\.(?! Changes this small)|improved|meaningful amount/);
    const c = comparePain(
      b.entries.map((e) => e.date),
      b.entries.map((e) => e.pain),
    );
    expect(isChange(c) && c.kind).toBe('small-better'); // the report reads "better, less than the reference point"
    const reversed = b.entries.map((e, i) => ({ ...e, pain: b.entries[b.entries.length - 1 - i]!.pain }));
    const up = insightsOf({ ...b, entries: reversed }, today).find((i) => i.id === 'progress')!.lines[0]!;
    expect(up.split(/ (?:lower|higher)\./)[1]).toBe(line.split(/ (?:lower|higher)\./)[1]);
  });
});
