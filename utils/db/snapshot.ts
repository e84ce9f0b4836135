/**
 * The popup's first picture: a small synchronous copy of one day's entry and the profile, kept by the data layer in
 * the extension origin's localStorage (this device only, never synced). The popup paints its form from it at once
 * and opens the database just after (Dexie is loaded after the popup is ready); the database stays the truth and the
 * popup reconciles the two (entrypoints/popup/App.tsx). It is rewritten after the popup reads or saves a day and
 * cleared by every write from an extension page (pageJournal's onChange), so another page's edit is never painted
 * stale; a write from the background (address bar) is caught by the reconcile a moment later.
 *
 * No Dexie here: this module is part of the popup's first load.
 */
import * as v from 'valibot';
import { EntrySchema, ProfileSchema, type Entry, type Profile } from '../journal/schema';

const KEY = 'pt-journal:snapshot';

const SnapshotSchema = v.object({
  date: v.string(),
  entry: v.nullable(EntrySchema),
  profile: ProfileSchema,
});

export interface Snapshot {
  date: string;
  entry: Entry | null;
  profile: Profile;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: no snapshot, the popup reads the database first
  }
}

/** The last text read and what it parsed to: the popup asks twice while it starts (main.tsx, App), parsed once. */
let lastRead: { raw: string; snapshot: Snapshot | null } | null = null;

/** The snapshot of `date`, or null (none, another day, or not a valid snapshot). */
export function readSnapshot(date: string): Snapshot | null {
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) return null;
    if (lastRead?.raw !== raw) {
      const parsed = v.safeParse(SnapshotSchema, JSON.parse(raw));
      lastRead = { raw, snapshot: parsed.success ? parsed.output : null };
    }
    return lastRead.snapshot?.date === date ? structuredClone(lastRead.snapshot) : null;
  } catch {
    return null;
  }
}

export function writeSnapshot(snapshot: Snapshot): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(snapshot));
  } catch {
    // full or disabled: the popup simply waits for the database next time
  }
}

export function clearSnapshot(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
