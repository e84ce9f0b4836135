/**
 * The entry and profile checks of utils/journal/schema.ts, and those of the snapshot and the draft, written by hand, for the popup's first load (the popup
 * paints from its snapshot, utils/db/snapshot.ts, before valibot is loaded). Each returns what the valibot schema's
 * parse returns (the same fields in the same order, names trimmed) or null where the schema reports a problem:
 * tests/unit/quick-check.test.ts holds the two to the same decision and output on generated values, valid and junk.
 * The schemas stay the rule for every write: nothing checked here is stored without passing them (see snapshot.ts).
 */
import { isDay } from '../dates';
import type { Activity, Entry, Profile } from './schema';
import type { Draft } from '../draft';
import type { Snapshot } from '../db/snapshot';
import {
  HOME_EXERCISES,
  ID_RE,
  MAX_ACTIVE_ACTIVITIES,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  REACH_MAX_CM,
  REACH_MIN_CM,
  RESERVED_IDS,
  SESSION,
  SORENESS,
  hasReservedKey,
  isIsoTimestamp,
  isWebUrl,
} from './rules';

type Obj = Record<string, unknown>;
/** A field's check: the value to keep, or FAIL. */
type Check = (x: unknown) => unknown;
const FAIL = Symbol('fail');

// valibot's object schemas take any non-null object (arrays too) and read fields with `in`.
const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
export const isObject = (x: unknown): x is Obj => !!x && typeof x === 'object';

const same =
  (ok: (x: unknown) => boolean): Check =>
  (x) =>
    ok(x) ? x : FAIL;
const optional =
  (check: Check): Check =>
  (x) =>
    x === undefined ? x : check(x);
const nullable =
  (check: Check): Check =>
  (x) =>
    x === null ? x : check(x);
const oneOf = (options: readonly string[]) => same((x) => options.includes(x as string));
const isScore = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 10;
const isId = (x: unknown) => typeof x === 'string' && ID_RE.test(x) && !RESERVED_IDS.has(x);
const day = same(isDay);
const bool = same((x) => typeof x === 'boolean');
const name: Check = (x) => {
  if (typeof x !== 'string') return FAIL;
  const s = x.trim();
  return s.length >= 1 && s.length <= MAX_NAME_LENGTH ? s : FAIL;
};
const arrayOf =
  (check: Check): Check =>
  (x) => {
    if (!Array.isArray(x)) return FAIL;
    const out: unknown[] = [];
    for (const item of x) {
      const kept = check(item);
      if (kept === FAIL) return FAIL;
      out.push(kept);
    }
    return out;
  };

/**
 * An object with these fields (`optional` ones may be missing), or FAIL; `strict`: no other fields (valibot's
 * strictObject), else other fields are dropped (object). Fields are read with `in`, as valibot reads them.
 */
function fields(shape: Record<string, Check>, optionalKeys: readonly string[], strict = true): Check {
  const checks = Object.entries(shape);
  return (x) => {
    if (!isObject(x)) return FAIL;
    const out: Obj = {};
    for (const [key, check] of checks) {
      if (key in x) {
        const kept = check(x[key]);
        if (kept === FAIL) return FAIL;
        out[key] = kept;
      } else if (!optionalKeys.includes(key)) return FAIL;
    }
    if (strict) for (const key in x) if (!hasOwn(shape, key)) return FAIL;
    return out;
  };
}

/** The ratings map: no reserved key, each key an id, each rating a score. */
const ratings: Check = (x) => {
  if (!isObject(x) || Array.isArray(x) || hasReservedKey(x)) return FAIL;
  const out: Obj = {};
  for (const key in x) {
    if (!hasOwn(x, key)) continue;
    if (!isId(key) || !isScore(x[key])) return FAIL;
    out[key] = x[key];
  }
  return out;
};

const entry = fields(
  {
    date: day,
    pain: same(isScore),
    soreness: optional(oneOf(SORENESS)),
    function: optional(ratings),
    stiffness: optional(same(isScore)),
    reachCm: optional(same((x) => typeof x === 'number' && x >= REACH_MIN_CM && x <= REACH_MAX_CM)),
    session: optional(oneOf(SESSION)),
    homeExercises: optional(oneOf(HOME_EXERCISES)),
    exercisesDone: optional(arrayOf(same(isId))),
    note: optional(same((x) => typeof x === 'string' && x.length <= MAX_NOTE_LENGTH)),
    noteForClinician: optional(bool),
    updatedAt: same(isIsoTimestamp),
  },
  // Every field but date, pain and updatedAt.
  [
    'soreness',
    'function',
    'stiffness',
    'reachCm',
    'session',
    'homeExercises',
    'exercisesDone',
    'note',
    'noteForClinician',
  ],
);

const activity = fields({ id: same(isId), name, addedOn: day, archived: bool }, []);
const exercise = fields(
  {
    id: same(isId),
    name,
    source: oneOf(['clinician', 'online']),
    url: nullable(same(isWebUrl)),
    addedOn: day,
    archived: bool,
  },
  [],
);
const profileFields = fields(
  {
    ptStartDate: nullable(day),
    surgeryDate: nullable(day),
    activities: arrayOf(activity),
    exercises: arrayOf(exercise),
  },
  [],
);

const profile: Check = (x) => {
  const out = profileFields(x);
  if (out === FAIL) return FAIL;
  const active = (out as Profile).activities.filter((a: Activity) => !a.archived).length;
  return active <= MAX_ACTIVE_ACTIVITIES ? out : FAIL;
};

/** The snapshot's schema (utils/db/snapshot.ts): other fields are dropped, as valibot's object() does. */
const snapshot = fields(
  { date: same((x) => typeof x === 'string'), entry: nullable(entry), profile },
  [],
  false,
);

const number = same((x) => typeof x === 'number' && !Number.isNaN(x));
const text = same((x) => typeof x === 'string');
/** valibot's record(string(), number()): own keys but the three it skips for prototype safety, each a number. */
const numbers: Check = (x) => {
  if (!isObject(x)) return FAIL;
  const out: Obj = {};
  for (const key in x) {
    if (!hasOwn(x, key) || key === '__proto__' || key === 'prototype' || key === 'constructor') continue;
    if (number(x[key]) === FAIL) return FAIL;
    out[key] = x[key];
  }
  return out;
};
/** The draft's schema (utils/draft.ts): lenient on purpose, a draft is what the person typed. */
const draft = fields(
  {
    form: fields(
      {
        pain: optional(number),
        soreness: optional(oneOf(SORENESS)),
        function: numbers,
        stiffness: optional(number),
        reach: text,
        session: optional(oneOf(SESSION)),
        homeExercises: optional(oneOf(HOME_EXERCISES)),
        exercisesDone: arrayOf(text),
        note: text,
        noteForClinician: bool,
      },
      ['pain', 'soreness', 'stiffness', 'session', 'homeExercises'],
      false,
    ),
    savedAt: text,
    base: optional(nullable(text)),
  },
  ['base'],
  false,
);

const orNull =
  <T>(check: Check) =>
  (x: unknown): T | null => {
    const out = check(x);
    return out === FAIL ? null : (out as T);
  };

/** EntrySchema's parse without valibot: the entry, or null. */
export const quickEntry = orNull<Entry>(entry);
/** ProfileSchema's parse without valibot: the profile, or null. */
export const quickProfile = orNull<Profile>(profile);
/** The snapshot's parse without valibot (utils/db/snapshot.ts). */
export const quickSnapshot = orNull<Snapshot>(snapshot);
/** The draft's parse without valibot (utils/draft.ts). */
export const quickDraft = orNull<Draft>(draft);
