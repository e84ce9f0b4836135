/**
 * The popup snapshot's schema (utils/db/snapshot.ts). The popup's first load checks a snapshot by hand
 * (utils/journal/quick-check.ts, held to this schema's decisions by tests); this is loaded with the database side.
 */
import * as v from 'valibot';
import { EntrySchema, ProfileSchema } from '../journal/schema';

export const SnapshotSchema = v.object({
  date: v.string(),
  entry: v.nullable(EntrySchema),
  profile: ProfileSchema,
});
