/**
 * The popup's database side, loaded after the popup is ready (entrypoints/popup/day.ts): the data layer (Dexie) is
 * not part of the popup's first load, which paints from the snapshot of utils/db/snapshot.ts.
 */
import { pageJournal } from '@/utils/db/journal';
import { addDays } from '@/utils/dates';
import { formToEntryInput, type CheckinForm } from '@/utils/journal/form';
import type { Entry, Profile } from '@/utils/journal/schema';

const journal = () => pageJournal();

export function readDay(date: string): Promise<[Entry | undefined, Profile]> {
  return Promise.all([journal().getEntry(date), journal().getProfile()]);
}

/** Saves the day; `base` is the updatedAt the form started from (a ConflictError when the day changed since). */
export function saveDay(date: string, form: CheckinForm, base: string | null): Promise<Entry> {
  return journal().saveEntry(formToEntryInput(date, form), base);
}

/**
 * The after-save line. It compares the first logged week with the last one, which must hold this day: only the
 * journal's first FIRST_READ entries and the days from two weeks before this one are read, never the whole journal
 * (every 7-day window holding this day lies inside the second read). Its code is loaded only now.
 */
export async function contextLineFor(date: string): Promise<string | null> {
  const [{ contextLine, FIRST_READ }, { mergeUnique }] = await Promise.all([
    import('@/utils/journal/insights'),
    import('@/utils/journal/compare'),
  ]);
  const [first, recent] = await Promise.all([
    journal().firstEntries(FIRST_READ),
    journal().listEntries(addDays(date, -13)),
  ]);
  return contextLine(mergeUnique(first, recent), date, first);
}

/** Opens the database (JournalGate shows a failure instead of the form). */
export function open(): Promise<void> {
  return journal().open();
}
