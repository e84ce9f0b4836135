/**
 * Drafts of the check-in, so nothing typed is lost when the popup closes (it closes the moment it loses focus, with
 * no chance to run async code). Written synchronously to the extension origin's localStorage on every change;
 * cleared when the check-in is saved or discarded. One draft per day; only this device, never synced.
 *
 * Each draft records its base: the updatedAt of the saved day the person started typing over (null: an empty day).
 * A draft whose base is not the day's current updatedAt was typed before the day changed elsewhere (another window,
 * an import): draftState() calls it "older", and the popup offers it in the merge view, never restores it silently
 * over the newer entry (issue #11).
 */
import * as v from 'valibot';
import type { CheckinForm } from './journal/form';

const PREFIX = 'pt-journal:draft:';

const DraftSchema = v.object({
  form: v.object({
    pain: v.optional(v.number()),
    soreness: v.optional(v.picklist(['none', 'muscle', 'sharp', 'tingling'])),
    function: v.record(v.string(), v.number()),
    stiffness: v.optional(v.number()),
    reach: v.string(),
    session: v.optional(v.picklist(['attended', 'missed', 'none'])),
    homeExercises: v.optional(v.picklist(['all', 'some', 'none'])),
    exercisesDone: v.array(v.string()),
    note: v.string(),
    noteForClinician: v.boolean(),
  }),
  savedAt: v.string(),
  /** Absent in drafts written before issue #11: then savedAt is compared with the entry's updatedAt. */
  base: v.optional(v.nullable(v.string())),
});

export interface Draft {
  form: CheckinForm;
  savedAt: string;
  base?: string | null;
}

/**
 * "current": typed over the day as it is stored now, restore it. "older": the day changed after the person started
 * typing; offer it for merging, clearly marked.
 */
export function draftState(draft: Draft, stored: { updatedAt: string } | undefined): 'current' | 'older' {
  const now = stored?.updatedAt ?? null;
  if (draft.base !== undefined) return draft.base === now ? 'current' : 'older';
  return now === null || now <= draft.savedAt ? 'current' : 'older';
}

export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function store(): DraftStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function saveDraft(
  date: string,
  form: CheckinForm,
  base: string | null,
  s: DraftStore | null = store(),
  now = new Date(),
): void {
  try {
    s?.setItem(PREFIX + date, JSON.stringify({ form, savedAt: now.toISOString(), base }));
  } catch {
    // storage full or unavailable: the form still works, only the safety net is missing
  }
}

export function loadDraft(date: string, s: DraftStore | null = store()): Draft | null {
  try {
    const raw = s?.getItem(PREFIX + date);
    if (!raw) return null;
    const r = v.safeParse(DraftSchema, JSON.parse(raw));
    return r.success ? (r.output as Draft) : null;
  } catch {
    return null;
  }
}

export function clearDraft(date: string, s: DraftStore | null = store()): void {
  try {
    s?.removeItem(PREFIX + date);
  } catch {
    // nothing to do
  }
}
