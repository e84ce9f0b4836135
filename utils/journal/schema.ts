/**
 * The journal's data shapes, validated with valibot. These are the single source of truth for what may be stored,
 * imported or received in a message: every write in utils/db goes through them (see README "Backup format").
 * Error messages are looked up lazily through t(), so they show in the person's language wherever they surface.
 */
import * as v from 'valibot';
import { isDay } from '../dates';
import { t, type MessageKey } from '../i18n';

export const MAX_ACTIVE_ACTIVITIES = 5;
export const MAX_NOTE_LENGTH = 2000;
export const MAX_NAME_LENGTH = 80;
export const REACH_MIN_CM = -30;
export const REACH_MAX_CM = 60;

const msg =
  (key: MessageKey, ...subs: Array<string | number>) =>
  () =>
    t(key, ...subs);

const DaySchema = (label: string) => v.custom<string>(isDay, msg('errBadDay', label));
const NullableDay = (label: string) => v.nullable(DaySchema(label));
/**
 * A moment as this extension writes it (Date.toISOString()): UTC with "Z", a real date, years 2000-2100. Stricter
 * than ISO 8601 on purpose (issue #11): "2026-02-30T…" or year 9999 would otherwise be stored, and 9999 would then
 * always win "keep the newer version" on import.
 */
const ISO_UTC = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/;
export function isIsoTimestamp(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_UTC.exec(s);
  if (!m || !isDay(m[1])) return false;
  const year = Number(s.slice(0, 4));
  return year >= 2000 && year <= 2100;
}
export const IsoTimestamp = v.pipe(
  v.string(msg('errBadTimestamp')),
  v.check((s: string) => isIsoTimestamp(s), msg('errBadTimestamp')),
);

/**
 * Names an object must not have as an id or rating key: the schema library skips them silently (prototype safety),
 * so a rating keyed "__proto__" would vanish instead of being refused.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
export const hasReservedKey = (o: unknown): boolean =>
  !!o && typeof o === 'object' && Object.keys(o).some((k) => RESERVED_IDS.has(k));

const Id = v.pipe(
  v.string(msg('errBadId')),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, msg('errBadId')),
  v.check((id) => !RESERVED_IDS.has(id), msg('errReservedId')),
);
const Name = v.pipe(
  v.string(msg('errNameRequired')),
  v.trim(),
  v.minLength(1, msg('errNameRequired')),
  v.maxLength(MAX_NAME_LENGTH, msg('errNameTooLong', MAX_NAME_LENGTH)),
);

/** A whole number 0-10: pain, stiffness, and each PSFS activity rating. */
export const Score = (label: string) =>
  v.pipe(
    v.number(msg('errScore', label)),
    v.check((n) => Number.isFinite(n), msg('errScore', label)),
    v.integer(msg('errScore', label)),
    v.minValue(0, msg('errScore', label)),
    v.maxValue(10, msg('errScore', label)),
  );

export const SORENESS = ['none', 'muscle', 'sharp', 'tingling'] as const;
export const SESSION = ['attended', 'missed', 'none'] as const;
export const HOME_EXERCISES = ['all', 'some', 'none'] as const;

export const EntrySchema = v.strictObject(
  {
    date: DaySchema('date'),
    pain: Score('Pain'),
    soreness: v.optional(v.picklist(SORENESS, msg('errChoice', 'soreness', SORENESS.join(', ')))),
    function: v.optional(
      v.pipe(
        v.custom<Record<string, unknown>>(
          (o) => !!o && typeof o === 'object' && !Array.isArray(o) && !hasReservedKey(o),
          msg('errFunction'),
        ),
        v.record(Id, Score('Activity rating'), msg('errFunction')),
      ),
    ),
    stiffness: v.optional(Score('Stiffness')),
    reachCm: v.optional(
      v.pipe(
        v.number(msg('errReach', REACH_MIN_CM, REACH_MAX_CM)),
        v.check((n) => Number.isFinite(n), msg('errReach', REACH_MIN_CM, REACH_MAX_CM)),
        v.minValue(REACH_MIN_CM, msg('errReach', REACH_MIN_CM, REACH_MAX_CM)),
        v.maxValue(REACH_MAX_CM, msg('errReach', REACH_MIN_CM, REACH_MAX_CM)),
      ),
    ),
    session: v.optional(v.picklist(SESSION, msg('errChoice', 'session', SESSION.join(', ')))),
    homeExercises: v.optional(
      v.picklist(HOME_EXERCISES, msg('errChoice', 'homeExercises', HOME_EXERCISES.join(', '))),
    ),
    exercisesDone: v.optional(v.array(Id, msg('errExercisesDone'))),
    note: v.optional(
      v.pipe(v.string(msg('errNote')), v.maxLength(MAX_NOTE_LENGTH, msg('errNoteTooLong', MAX_NOTE_LENGTH))),
    ),
    /** The person marked this day's note to appear in the report for their clinician. */
    noteForClinician: v.optional(v.boolean(msg('errBoolean', 'noteForClinician'))),
    updatedAt: IsoTimestamp,
  },
  msg('errUnknownField'),
);
export type Entry = v.InferOutput<typeof EntrySchema>;
export type Soreness = (typeof SORENESS)[number];
export type Session = (typeof SESSION)[number];
export type HomeExercises = (typeof HOME_EXERCISES)[number];

export const ActivitySchema = v.strictObject(
  { id: Id, name: Name, addedOn: DaySchema('addedOn'), archived: v.boolean(msg('errBoolean', 'archived')) },
  msg('errUnknownField'),
);
export type Activity = v.InferOutput<typeof ActivitySchema>;

const WebUrl = v.pipe(
  v.string(msg('errUrl')),
  v.maxLength(2048, msg('errUrl')),
  v.check((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, msg('errUrl')),
);

export const ExerciseSchema = v.strictObject(
  {
    id: Id,
    name: Name,
    source: v.picklist(['clinician', 'online'], msg('errChoice', 'source', 'clinician, online')),
    url: v.nullable(WebUrl),
    addedOn: DaySchema('addedOn'),
    archived: v.boolean(msg('errBoolean', 'archived')),
  },
  msg('errUnknownField'),
);
export type Exercise = v.InferOutput<typeof ExerciseSchema>;

export const ProfileSchema = v.pipe(
  v.strictObject(
    {
      ptStartDate: NullableDay('ptStartDate'),
      surgeryDate: NullableDay('surgeryDate'),
      activities: v.array(ActivitySchema),
      exercises: v.array(ExerciseSchema),
    },
    msg('errUnknownField'),
  ),
  v.check(
    (p) => p.activities.filter((a) => !a.archived).length <= MAX_ACTIVE_ACTIVITIES,
    msg('errTooManyActivities', MAX_ACTIVE_ACTIVITIES),
  ),
);
export type Profile = v.InferOutput<typeof ProfileSchema>;

export const EMPTY_PROFILE: Profile = { ptStartDate: null, surgeryDate: null, activities: [], exercises: [] };

/** A problem found while validating: where (e.g. "entries[3].pain") and what, in plain words. */
export interface Problem {
  path: string;
  message: string;
}

/** How the schema library names types, in plain words for messages. */
const TYPE_WORDS: Record<string, MessageKey> = {
  string: 'typeText',
  number: 'typeNumber',
  boolean: 'typeBoolean',
  Array: 'typeList',
  Object: 'typeObject',
};

/**
 * The message shown for an issue, in plain words (issue #11): a missing field, a field the format does not have,
 * and a value of the wrong type each get their own sentence, never the schema library's English defaults ("Invalid
 * format: Expected /^…$/") and never a strict object's own message for a field that is merely missing.
 */
function plainMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.type.endsWith('object') && issue.path?.length) {
    const key = String((issue.path.at(-1) as { key?: unknown }).key);
    if (issue.expected === 'never') return t('errUnknownField');
    if (issue.input === undefined && issue.expected === `"${key}"`) return t('errMissingField');
  }
  if (!issue.message.startsWith('Invalid ')) return issue.message; // ours, from the schema's message functions
  if (issue.kind === 'schema') {
    const words = (issue.expected ?? '')
      .split(' | ')
      .map((e) => (TYPE_WORDS[e] ? t(TYPE_WORDS[e]) : e))
      .join(' / ');
    return t('errWrongType', words);
  }
  return t('errWrongValue');
}

export function problemsOf(issues: readonly v.BaseIssue<unknown>[], prefix = ''): Problem[] {
  return issues.map((issue) => {
    let path = prefix;
    for (const item of issue.path ?? []) {
      const key = (item as { key?: unknown }).key;
      path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
    }
    return { path: path || '(root)', message: plainMessage(issue) };
  });
}

export class ValidationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

/** Parse or throw a ValidationError listing every problem. */
export function parseOrThrow<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  prefix = '',
): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw new ValidationError(problemsOf(result.issues, prefix));
  return result.output;
}

/** Drops fields that mean "not recorded" (undefined, empty note, empty lists/maps) so stored entries stay minimal. */
export function compactEntry(e: Entry): Entry {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(e)) {
    if (val === undefined || val === null) continue;
    if (k === 'note' && typeof val === 'string' && val.trim() === '') continue;
    if (Array.isArray(val) && val.length === 0) continue;
    if (k === 'function' && typeof val === 'object' && Object.keys(val).length === 0) continue;
    out[k] = val;
  }
  return out as Entry;
}

export function newId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}
