/**
 * Field-by-field comparison of two versions of one day, for the merge view shown when a save meets a day that
 * changed elsewhere (ConflictError) or when an older draft is found (issue #11).
 *
 *   mine    the check-in form the person typed (or the older draft)
 *   theirs  the day as stored now (undefined when it was deleted meanwhile)
 *   base    the day as it was when the person started typing (null: an empty day), when known. Then a field the
 *           person did not touch defaults to the stored value, and a field they changed defaults to theirs-as-typed.
 *           Without a base (an older draft), a field defaults to the stored value when it has one, so nothing saved
 *           is dropped by default; the person sees every difference and picks.
 *
 * Each activity rating is its own field ("function.<id>"), so a rating added elsewhere and another added here both
 * survive a merge.
 */
import { EMPTY_FORM, entryToForm, parseReach, type CheckinForm } from './form';
import type { Entry } from './schema';

export type Side = 'mine' | 'theirs';
type Scalar = number | string | boolean | undefined;

export interface FieldDiff {
  /** "pain", "soreness", …, or "function.<activity id>". */
  field: string;
  mine: Scalar | string[];
  theirs: Scalar | string[];
  /** Which side the merge takes unless the person picks the other. */
  preferred: Side;
}

const SIMPLE = [
  'pain',
  'soreness',
  'session',
  'homeExercises',
  'stiffness',
  'reach',
  'note',
  'noteForClinician',
] as const;

/** The value of one field, normalised so that spellings of "not recorded" compare equal. */
function valueOf(form: CheckinForm, field: string): Scalar | string[] {
  if (field.startsWith('function.')) return form.function[field.slice('function.'.length)];
  switch (field) {
    case 'reach': {
      const n = parseReach(form.reach);
      return n === undefined ? undefined : Number.isNaN(n) ? form.reach.trim() : n;
    }
    case 'note':
      return form.note.trim() === '' ? undefined : form.note;
    case 'noteForClinician':
      return form.note.trim() !== '' && form.noteForClinician ? true : undefined;
    case 'exercisesDone':
      return form.exercisesDone.length ? [...form.exercisesDone].sort() : undefined;
    default:
      return form[field as (typeof SIMPLE)[number]] as Scalar;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldsOf(...forms: Array<CheckinForm | undefined>): string[] {
  const ids = new Set<string>();
  for (const f of forms) for (const id of Object.keys(f?.function ?? {})) ids.add(id);
  return [
    ...SIMPLE.slice(0, 5),
    'exercisesDone',
    ...[...ids].sort().map((id) => `function.${id}`),
    ...SIMPLE.slice(5),
  ];
}

/** The fields where the two versions differ, in the form's order, each with the side a merge takes by default. */
export function diffDay(mine: CheckinForm, theirs: Entry | undefined, base?: Entry | null): FieldDiff[] {
  const theirForm = entryToForm(theirs);
  const baseForm = base === undefined ? undefined : entryToForm(base ?? undefined);
  const out: FieldDiff[] = [];
  for (const field of fieldsOf(mine, theirForm)) {
    const m = valueOf(mine, field);
    const th = valueOf(theirForm, field);
    if (same(m, th)) continue;
    let preferred: Side;
    if (baseForm) preferred = same(m, valueOf(baseForm, field)) ? 'theirs' : 'mine';
    else preferred = th === undefined ? 'mine' : 'theirs';
    out.push({ field, mine: m, theirs: th, preferred });
  }
  return out;
}

/** The default choice for every differing field. */
export function defaultChoices(diffs: readonly FieldDiff[]): Record<string, Side> {
  return Object.fromEntries(diffs.map((d) => [d.field, d.preferred]));
}

/** The stored day with the fields chosen as "mine" taken from the person's form. */
export function mergeDay(
  mine: CheckinForm,
  theirs: Entry | undefined,
  choices: Readonly<Record<string, Side>>,
): CheckinForm {
  const out = theirs ? entryToForm(theirs) : structuredClone(EMPTY_FORM);
  for (const [field, side] of Object.entries(choices)) {
    if (side !== 'mine') continue;
    if (field.startsWith('function.')) {
      const id = field.slice('function.'.length);
      const rating = mine.function[id];
      out.function = { ...out.function };
      if (rating === undefined) delete out.function[id];
      else out.function[id] = rating;
    } else if (field === 'exercisesDone') out.exercisesDone = [...mine.exercisesDone];
    else if (field === 'note') {
      out.note = mine.note;
      if (!('noteForClinician' in choices))
        out.noteForClinician = out.noteForClinician && mine.note.trim() !== '';
    } else if (field === 'reach') out.reach = mine.reach;
    else (out as unknown as Record<string, unknown>)[field] = mine[field as keyof CheckinForm];
  }
  return out;
}
