/**
 * The check-in form's state and its mapping to and from a journal entry. The form keeps "not recorded" as
 * undefined and reach as the text typed; validation happens in the data layer (utils/db/journal.ts), this only shapes.
 */
import type { Entry, HomeExercises, Session, Soreness } from './schema';
import type { EntryInput } from '../db/journal';

export interface CheckinForm {
  pain?: number;
  soreness?: Soreness;
  function: Record<string, number>;
  stiffness?: number;
  reach: string;
  session?: Session;
  homeExercises?: HomeExercises;
  exercisesDone: string[];
  note: string;
  noteForClinician: boolean;
}

export const EMPTY_FORM: CheckinForm = {
  function: {},
  reach: '',
  exercisesDone: [],
  note: '',
  noteForClinician: false,
};

export function entryToForm(entry: Entry | undefined): CheckinForm {
  if (!entry) return structuredClone(EMPTY_FORM);
  return {
    pain: entry.pain,
    soreness: entry.soreness,
    function: { ...(entry.function ?? {}) },
    stiffness: entry.stiffness,
    reach: entry.reachCm === undefined ? '' : String(entry.reachCm),
    session: entry.session,
    homeExercises: entry.homeExercises,
    exercisesDone: [...(entry.exercisesDone ?? [])],
    note: entry.note ?? '',
    noteForClinician: entry.noteForClinician ?? false,
  };
}

/** Reach as typed ("12", "-3,5", "") to a number; NaN for text the schema must reject. */
export function parseReach(text: string): number | undefined {
  const s = text.trim().replace(',', '.');
  if (s === '') return undefined;
  return /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** The entry to save; pain may be missing here (the data layer then reports it). */
export function formToEntryInput(date: string, form: CheckinForm): EntryInput {
  const input: Record<string, unknown> = { date, pain: form.pain };
  if (form.soreness) input.soreness = form.soreness;
  if (Object.keys(form.function).length) input.function = { ...form.function };
  if (form.stiffness !== undefined) input.stiffness = form.stiffness;
  const reach = parseReach(form.reach);
  if (reach !== undefined) input.reachCm = reach;
  if (form.session) input.session = form.session;
  if (form.homeExercises) input.homeExercises = form.homeExercises;
  if (form.exercisesDone.length) input.exercisesDone = [...form.exercisesDone];
  if (form.note.trim()) input.note = form.note;
  if (form.noteForClinician && form.note.trim()) input.noteForClinician = true;
  return input as EntryInput;
}

/** Same content (ignoring how "not recorded" is spelled)? Used to tell a real draft from the saved entry. */
export function sameForm(a: CheckinForm, b: CheckinForm): boolean {
  return JSON.stringify(formToEntryInput('x', a)) === JSON.stringify(formToEntryInput('x', b));
}
