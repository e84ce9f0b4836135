// The dashboard's live read shows a re-read only when it differs from the picture shown (sameLoaded).
import { sameLoaded } from '@/entrypoints/options/sections/progress/useProgressData';
import { buildColumns } from '@/utils/journal/day-columns';
import { EMPTY_PROFILE, type Entry } from '@/utils/journal/schema';

const entries: Entry[] = [
  { date: '2026-03-01', pain: 4, updatedAt: '2026-03-01T20:00:00.000Z' },
  { date: '2026-03-03', pain: 5, reachCm: 2.5, updatedAt: '2026-03-03T20:00:00.000Z' },
];
const loaded = (list = entries, profile = EMPTY_PROFILE) => ({
  profile,
  columns: buildColumns(list),
  first: '2026-03-01',
  last: '2026-03-03',
});

test('two reads of the same journal are the same picture (NaN gaps included)', () => {
  expect(sameLoaded(loaded(), loaded())).toBe(true);
});

test('any change of a day, a column or the profile is a new picture', () => {
  expect(sameLoaded(loaded(), loaded([entries[0]!, { ...entries[1]!, pain: 6 }]))).toBe(false);
  expect(sameLoaded(loaded(), loaded([entries[0]!, { ...entries[1]!, reachCm: 3 }]))).toBe(false);
  expect(sameLoaded(loaded(), loaded([entries[0]!, { ...entries[1]!, stiffness: 2 }]))).toBe(false);
  expect(sameLoaded(loaded(), loaded([entries[0]!]))).toBe(false);
  expect(sameLoaded(loaded(), loaded(entries, { ...EMPTY_PROFILE, surgeryDate: '2026-01-02' }))).toBe(false);
  expect(sameLoaded({ a: new Uint8Array([1, 2]) }, { a: new Uint8Array([1, 2, 3]) })).toBe(false);
  expect(sameLoaded({ a: new Uint8Array([1]) }, { a: [1] })).toBe(false);
  expect(sameLoaded({ a: 1 }, { a: 1, b: undefined })).toBe(false);
});
