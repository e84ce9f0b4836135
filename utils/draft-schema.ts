/**
 * The draft's schema (utils/draft.ts), in valibot: the rule the popup's hand-written draft check (quickDraft,
 * utils/journal/quick-check.ts) is held to by tests/unit/quick-check.test.ts, so a change to the draft's shape is
 * made here and there together. Lenient on purpose: a draft is what the person typed, checked again on Save.
 */
import * as v from 'valibot';

export const DraftSchema = v.object({
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
