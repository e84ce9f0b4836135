/**
 * The popup's hand-written checks (utils/journal/quick-check.ts) against the valibot schemas they stand in for, on
 * generated values: valid ones, values around the schema (one field wrong, missing, extra, reserved keys, edge
 * numbers and dates) and junk. The rule that protects a person's draft: the hand check never turns down what the
 * schema accepts. It is held to more: the same decision both ways and the same output (fields, order, trimmed names).
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { quickDraft, quickEntry, quickProfile, quickSnapshot } from '@/utils/journal/quick-check';
import { EntrySchema, ProfileSchema, RESERVED_IDS } from '@/utils/journal/schema';
import { SnapshotSchema } from '@/utils/db/snapshot-schema';
import { DraftSchema } from '@/utils/draft-schema';
import { snapshotHolds } from '@/entrypoints/popup/store';

const RUNS = 1500;

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    null,
    undefined,
    '',
    ' ',
    -0,
    0.5,
    10.000001,
    11,
    -1,
    -31,
    60.5,
    Number.NaN,
    Infinity,
    -Infinity,
    1e308,
    true,
    false,
    [],
    {},
    [1],
    '__proto__',
    'toString',
    '2026-02-30',
    '2026-13-01',
    'x'.repeat(65),
    'javascript:alert(1)',
    'https://a.example/',
    'ftp://a.example/',
    '2026-01-01T00:00:00Z',
    '9999-01-01T00:00:00.000Z',
  ),
);
/**
 * The generators, twice: `valid` builds values the schemas accept (so that acceptance is tested often), the other
 * builds values around them: any field wrong, missing or junk, other fields added, edge dates, numbers and names.
 */
function generators(valid: boolean) {
  // Typed as the valid values: the schemas under test take unknown input anyway.
  const pick = <T>(good: fc.Arbitrary<T>, around: fc.Arbitrary<unknown>) =>
    (valid ? good : fc.oneof(good as fc.Arbitrary<unknown>, around)) as fc.Arbitrary<T>;
  /** Mostly the right kind of value, sometimes junk. */
  const near = <T>(good: fc.Arbitrary<T>) =>
    valid
      ? good
      : fc.oneof({ weight: 6, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk });
  const validDay = fc
    .date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const day = pick(
    validDay,
    fc.oneof(
      fc
        .date({ min: new Date('1890-01-01'), max: new Date('3010-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('2024-02-29', '2023-02-29', '1900-01-01', '2999-12-31', '3000-01-01', '2026-4-1'),
    ),
  );
  const stamp = pick(
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc.oneof(
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2110-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc.constantFrom(
        '2026-03-10T10:00:00Z',
        '2026-03-10T24:00:00Z',
        '2026-03-10T10:00:00.1234Z',
        '2026-03-10 10:00',
      ),
    ),
  );
  const id = pick(
    fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/).filter((s) => !RESERVED_IDS.has(s)),
    fc.constantFrom(...RESERVED_IDS, '', 'a b', 'é', 'x'.repeat(65), 'x'.repeat(64)),
  );
  const score = pick(
    fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(-0)),
    fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double(), fc.constantFrom(5.5, 10.000001)),
  );
  const name = pick(
    fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
    fc.oneof(
      fc.string({ maxLength: 90 }),
      fc.constantFrom(
        '',
        '  ',
        ' knee ',
        '\n\tstairs\u00a0',
        'x'.repeat(80),
        ` ${'x'.repeat(80)} `,
        'x'.repeat(81),
      ),
    ),
  );
  const url = pick(
    fc.webUrl(),
    fc.constantFrom(
      'javascript:alert(1)',
      'data:text/html,x',
      'not a url',
      'http://a',
      `https://a.example/${'x'.repeat(2040)}`,
    ),
  );
  const oneOf = (good: string[], bad: string) => pick(fc.constantFrom(...good), fc.constant(bad));

  /** Adds other fields: strict objects must refuse them, plain ones drop them. */
  const withExtra = (o: fc.Arbitrary<Record<string, unknown>>) =>
    valid
      ? o
      : fc
          .tuple(
            o,
            fc.option(fc.dictionary(fc.constantFrom('extra', 'id2', 'toString', 'constructor'), junk), {
              nil: undefined,
            }),
          )
          .map(([base, extra]) => (extra ? { ...base, ...extra } : base));
  /** An object of these fields; around the schema, any field may be missing or wrong. */
  const full = (fields: Record<string, fc.Arbitrary<unknown>>, optional: string[] = []) =>
    withExtra(
      fc.record(Object.fromEntries(Object.entries(fields).map(([k, a]) => [k, near(a)])), {
        requiredKeys: valid ? Object.keys(fields).filter((k) => !optional.includes(k)) : [],
      }),
    );

  const entryFields = {
    date: day,
    pain: score,
    soreness: oneOf(['none', 'muscle', 'sharp', 'tingling'], 'burning'),
    function: pick(fc.dictionary(id, score, { maxKeys: 4 }), fc.constant([3])),
    stiffness: score,
    reachCm: pick(
      fc.oneof(fc.double({ min: -30, max: 60, noNaN: true }), fc.integer({ min: -30, max: 60 })),
      fc.oneof(fc.double({ min: -40, max: 70 }), fc.constantFrom(-30.5, 60.1)),
    ),
    session: oneOf(['attended', 'missed', 'none'], 'cancelled'),
    homeExercises: oneOf(['all', 'some', 'none'], 'most'),
    exercisesDone: fc.array(near(id), { maxLength: 3 }),
    note: pick(fc.string({ maxLength: 30 }), fc.constantFrom('x'.repeat(2000), 'x'.repeat(2001))),
    noteForClinician: fc.boolean(),
    updatedAt: stamp,
  };
  const entry = full(
    entryFields,
    Object.keys(entryFields).filter((k) => !['date', 'pain', 'updatedAt'].includes(k)),
  );
  const activity = full({ id, name, addedOn: day, archived: fc.boolean() });
  const exercise = full({
    id,
    name,
    source: oneOf(['clinician', 'online'], 'book'),
    url: fc.option(url, { nil: null }),
    addedOn: day,
    archived: fc.boolean(),
  });
  const profile = full({
    ptStartDate: fc.option(day, { nil: null }),
    surgeryDate: fc.option(day, { nil: null }),
    // Up to 7 activities: more than 5 not archived is refused.
    activities: fc.array(near(activity), { maxLength: valid ? 5 : 7 }),
    exercises: fc.array(near(exercise), { maxLength: 3 }),
  });
  const snapshot = full({
    date: fc.string({ maxLength: 12 }),
    entry: fc.option(entry, { nil: null }),
    profile,
  });
  const form = full(
    {
      pain: pick(fc.double({ noNaN: true }), fc.double()),
      soreness: entryFields.soreness,
      function: pick(
        fc.dictionary(fc.string({ maxLength: 8 }), fc.double({ noNaN: true }), { maxKeys: 4 }),
        fc.oneof(
          fc.constant([1, 2]),
          fc.dictionary(fc.constantFrom('__proto__', 'prototype', 'constructor', 'a'), near(score), {
            maxKeys: 3,
          }),
        ),
      ),
      stiffness: score,
      reach: fc.string({ maxLength: 6 }),
      session: entryFields.session,
      homeExercises: entryFields.homeExercises,
      exercisesDone: fc.array(near(fc.string({ maxLength: 6 })), { maxLength: 3 }),
      note: fc.string({ maxLength: 20 }),
      noteForClinician: fc.boolean(),
    },
    ['pain', 'soreness', 'stiffness', 'session', 'homeExercises'],
  );
  const draft = full({ form, savedAt: stamp, base: fc.option(stamp, { nil: null }) }, ['base']);
  return { entry, profile, snapshot, draft };
}

const valid = generators(true);
const around = generators(false);
const mixed = (k: keyof typeof valid) =>
  fc.oneof(
    { weight: 4, arbitrary: valid[k] as fc.Arbitrary<unknown> },
    { weight: 5, arbitrary: around[k] as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: junk },
  );

/** As read from storage (JSON.parse), also with a "__proto__" field written into the text. */
const asStored = (x: unknown): unknown[] => {
  const text = JSON.stringify(x);
  if (text === undefined) return [];
  const out = [JSON.parse(text)];
  if (text.startsWith('{'))
    out.push(JSON.parse(`{"__proto__":{"pain":1}${text.length > 2 ? ',' : ''}${text.slice(1)}`));
  return out;
};

const cases = [
  ['entry', mixed('entry'), EntrySchema, quickEntry],
  ['profile', mixed('profile'), ProfileSchema, quickProfile],
  ['snapshot', mixed('snapshot'), SnapshotSchema, quickSnapshot],
  ['draft', mixed('draft'), DraftSchema, quickDraft],
] as const;

describe.each(cases)('hand-written %s check', (_, arb, schema, quick) => {
  const compare = (input: unknown) => {
    const parsed = v.safeParse(schema as v.GenericSchema, input);
    const mine = quick(input);
    // Never stricter: whatever the schema accepts is accepted, with the same output, fields in the same order.
    if (parsed.success) {
      expect(mine).not.toBeNull();
      expect(mine).toStrictEqual(parsed.output);
      expect(JSON.stringify(mine)).toBe(JSON.stringify(parsed.output));
    }
    // And not more lenient: what it turns down, the schema turns down.
    else expect(mine).toBeNull();
    return parsed.success;
  };

  test('decides as the schema on generated values, valid, near and junk', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.oneof({ weight: 9, arbitrary: arb as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk }),
        (x) => {
          for (const input of [x, ...asStored(x)])
            if (compare(input)) accepted++;
            else refused++;
        },
      ),
      { numRuns: RUNS },
    );
    // The generators reach both sides of the rule.
    expect(accepted).toBeGreaterThan(RUNS / 10);
    expect(refused).toBeGreaterThan(RUNS / 10);
  });
});

test('a value read as JSON text: numbers out of range, reserved keys, arrays for objects', () => {
  const texts = [
    '{"form":{"pain":1e400,"function":{},"reach":"","exercisesDone":[],"note":"","noteForClinician":false},"savedAt":"x"}',
    '{"form":{"function":{"__proto__":{"b":2},"constructor":3,"prototype":4,"a":1},"reach":"","exercisesDone":[],"note":"","noteForClinician":false},"savedAt":"x","base":null}',
    '{"form":{"function":[4,5],"reach":"","exercisesDone":[],"note":"","noteForClinician":false},"savedAt":"x"}',
    '[{"form":{}}]',
  ];
  const decisions = texts.map((t) => {
    const input: unknown = JSON.parse(t);
    const parsed = v.safeParse(DraftSchema, input);
    expect(quickDraft(input)).toStrictEqual(parsed.success ? parsed.output : null);
    return parsed.success;
  });
  expect(decisions).toEqual([true, true, true, false]);
});

test('after ready, the popup keeps a painted snapshot only if the valibot schema accepts it too', () => {
  const painted = {
    date: '2026-03-10',
    entry: { date: '2026-03-10', pain: 4, updatedAt: '2026-03-10T10:00:00.000Z' },
    profile: { ptStartDate: null, surgeryDate: null, activities: [], exercises: [] },
  };
  expect(snapshotHolds(painted)).toBe(true);
  expect(snapshotHolds({ ...painted, entry: { ...painted.entry, pain: 11 } } as never)).toBe(false);
  expect(snapshotHolds({ ...painted, profile: { ...painted.profile, extra: 1 } } as never)).toBe(false);
});
