/**
 * Reading the popup's day: started before the first render (main.tsx calls preloadDay at once), so opening IndexedDB
 * overlaps with Preact's first render instead of waiting for an effect after the first paint (popup time-to-ready).
 */
import type { Journal } from '@/utils/db/journal';
import type { Entry, Profile } from '@/utils/journal/schema';

export type DayData = [Entry | undefined, Profile];
const preloaded = new Map<string, Promise<DayData>>();

export function preloadDay(journal: Journal, date: string): void {
  if (preloaded.has(date)) return;
  const read = Promise.all([journal.getEntry(date), journal.getProfile()]);
  read.catch(() => {}); // an unopenable database is shown by JournalGate, not as an unhandled rejection
  preloaded.set(date, read);
}

export function readDay(journal: Journal, date: string): Promise<DayData> {
  const early = preloaded.get(date);
  preloaded.delete(date); // used once: a later switch back to this day reads fresh data
  return early ?? Promise.all([journal.getEntry(date), journal.getProfile()]);
}
