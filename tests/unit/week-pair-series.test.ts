// weekPairOfSeries looks for the first and the last logged week from each end of the series (the dashboard's ten-year
// "all" reads only as far as the two weeks). It must find exactly the weeks weekPair finds over all the logged days,
// on any pattern of gaps: held here against weekPair on random sparse series, edge lengths included.
import fc from 'fast-check';
import { addDays, type Day } from '@/utils/dates';
import { weekPair, weekPairOfSeries } from '@/utils/journal/compare';

const FROM: Day = '2024-02-26'; // a leap day inside the first weeks

/** A daily series of `length` slots; `logged[i]` false leaves slot i NaN. */
const seriesArb = fc
  .integer({ min: 0, max: 60 })
  .chain((length) =>
    fc.record({
      logged: fc.array(fc.boolean(), { minLength: length, maxLength: length }),
      values: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: length, maxLength: length }),
      // Mostly sparse: gaps are where the two weeks can be found in the wrong place.
      density: fc.constantFrom(0.2, 0.4, 0.55, 0.7, 1),
      coin: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: length, maxLength: length }),
    }),
  )
  .map(({ logged, values, density, coin }) =>
    Float64Array.from(values, (v, i) => (logged[i] || coin[i]! < density ? v : NaN)),
  );

test('the same weeks as weekPair over the logged days, on any gaps', () => {
  fc.assert(
    fc.property(seriesArb, (values) => {
      const dates: Day[] = [];
      const logged: number[] = [];
      values.forEach((v, i) => {
        if (v === v) {
          dates.push(addDays(FROM, i));
          logged.push(v);
        }
      });
      expect(weekPairOfSeries(values, FROM)).toEqual(weekPair(dates, logged));
    }),
    { numRuns: 2000 },
  );
});

test('two separate weeks are needed: weeks that touch or overlap are not compared', () => {
  const x = NaN;
  // Slots 0-3 logged and 7-10 logged: the first week is 0..6, the last 4..10 (they overlap): no comparison.
  expect(weekPairOfSeries(Float64Array.from([1, 1, 1, 1, x, x, x, 2, 2, 2, 2]), FROM)).toEqual({
    notYet: true,
    logged: 8,
  });
  // Slots 0-3 and 13-16: first week 0..6, last 10..16: compared.
  const p = weekPairOfSeries(Float64Array.from([1, 1, 1, 1, x, x, x, x, x, x, x, x, x, 3, 3, 3, 3]), FROM);
  expect(p).toMatchObject({
    first: { from: FROM, to: addDays(FROM, 6), mean: 1 },
    last: { from: addDays(FROM, 10), to: addDays(FROM, 16), mean: 3 },
  });
});
