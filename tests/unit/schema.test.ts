import {
  EntrySchema,
  ExerciseSchema,
  ProfileSchema,
  parseOrThrow,
  ValidationError,
  compactEntry,
} from '@/utils/journal/schema';

const ok = { date: '2026-03-01', pain: 4, updatedAt: '2026-03-01T20:00:00.000Z' };

function problems(input: unknown) {
  try {
    parseOrThrow(EntrySchema, input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).problems;
  }
  throw new Error('expected a ValidationError');
}

describe('EntrySchema', () => {
  test('accepts a minimal and a full entry', () => {
    expect(parseOrThrow(EntrySchema, ok)).toEqual(ok);
    const full = {
      ...ok,
      soreness: 'muscle',
      function: { act1: 3, act2: 10 },
      stiffness: 0,
      reachCm: -12.5,
      session: 'attended',
      homeExercises: 'some',
      exercisesDone: ['ex1'],
      note: 'Walked to the shop.',
      noteForClinician: true,
    };
    expect(parseOrThrow(EntrySchema, full)).toEqual(full);
  });

  test.each([
    ['pain above 10', { ...ok, pain: 11 }, 'pain'],
    ['negative pain', { ...ok, pain: -1 }, 'pain'],
    ['fractional pain', { ...ok, pain: 2.5 }, 'pain'],
    ['NaN pain', { ...ok, pain: Number.NaN }, 'pain'],
    ['pain as text', { ...ok, pain: '4' }, 'pain'],
    ['missing pain', { date: ok.date, updatedAt: ok.updatedAt }, 'pain'],
    ['impossible date', { ...ok, date: '2026-02-30' }, 'date'],
    ['badly written date', { ...ok, date: '2026-3-1' }, 'date'],
    ['unknown soreness', { ...ok, soreness: 'burning' }, 'soreness'],
    ['unknown session', { ...ok, session: 'maybe' }, 'session'],
    ['unknown home exercises', { ...ok, homeExercises: 'most' }, 'homeExercises'],
    ['function rating out of range', { ...ok, function: { a: 12 } }, 'function.a'],
    ['stiffness infinite', { ...ok, stiffness: Number.POSITIVE_INFINITY }, 'stiffness'],
    ['reach out of range', { ...ok, reachCm: 61 }, 'reachCm'],
    ['reach NaN', { ...ok, reachCm: Number.NaN }, 'reachCm'],
    ['note too long', { ...ok, note: 'x'.repeat(2001) }, 'note'],
    ['exercise id with spaces', { ...ok, exercisesDone: ['not an id'] }, 'exercisesDone[0]'],
    ['bad timestamp', { ...ok, updatedAt: 'yesterday' }, 'updatedAt'],
    ['unknown field', { ...ok, mood: 3 }, 'mood'],
  ])('rejects %s with a clear message at its path', (_name, input, path) => {
    const found = problems(input);
    expect(found.map((p) => p.path)).toContain(path);
    for (const p of found) {
      expect(p.message.length).toBeGreaterThan(10);
      expect(p.message).not.toMatch(/^err[A-Z]/); // a real sentence, not an untranslated key
    }
  });

  test('compactEntry drops fields that mean "not recorded"', () => {
    const e = compactEntry({ ...ok, note: '  ', function: {}, exercisesDone: [] });
    expect(e).toEqual(ok);
  });
});

describe('profile schemas', () => {
  const activity = (id: string, archived = false) => ({
    id,
    name: `Activity ${id}`,
    addedOn: '2026-01-01',
    archived,
  });

  test('at most five active activities; archived ones do not count', () => {
    const base = { ptStartDate: null, surgeryDate: null, exercises: [] };
    const five = ['a', 'b', 'c', 'd', 'e'].map((id) => activity(id));
    expect(() =>
      parseOrThrow(ProfileSchema, { ...base, activities: [...five, activity('f', true)] }),
    ).not.toThrow();
    expect(() => parseOrThrow(ProfileSchema, { ...base, activities: [...five, activity('f')] })).toThrow(
      ValidationError,
    );
  });

  test('exercise URLs must be web addresses', () => {
    const ex = {
      id: 'x1',
      name: 'Cat-cow',
      source: 'online',
      url: 'https://example.org/cat-cow',
      addedOn: '2026-01-01',
      archived: false,
    };
    expect(parseOrThrow(ExerciseSchema, ex)).toEqual(ex);
    expect(() => parseOrThrow(ExerciseSchema, { ...ex, url: 'javascript:alert(1)' })).toThrow(
      ValidationError,
    );
    expect(() => parseOrThrow(ExerciseSchema, { ...ex, source: 'friend' })).toThrow(ValidationError);
    expect(() => parseOrThrow(ExerciseSchema, { ...ex, name: '   ' })).toThrow(ValidationError);
  });
});
