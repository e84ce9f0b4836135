/**
 * Reading the popup's day. With a snapshot of today (utils/db/snapshot.ts) the form is painted from it and the
 * database side (./store.ts, with Dexie) is loaded only after the first frame; without one, main.tsx starts reading
 * at once, so opening IndexedDB overlaps with Preact's first render.
 */
import type { Entry, Profile } from '@/utils/journal/schema';

export type DayData = [Entry | undefined, Profile];
type Store = typeof import('./store');

let loading: Promise<Store> | undefined;
/** The database side of the popup, loaded once. */
export function store(): Promise<Store> {
  loading ??= import('./store');
  return loading;
}

const preloaded = new Map<string, Promise<DayData>>();

export function preloadDay(date: string): void {
  if (preloaded.has(date)) return;
  const read = store().then((s) => s.readDay(date));
  read.catch(() => {}); // an unopenable database is shown by JournalGate, not as an unhandled rejection
  preloaded.set(date, read);
}

export function readDay(date: string): Promise<DayData> {
  const early = preloaded.get(date);
  preloaded.delete(date); // used once: a later switch back to this day reads fresh data
  return early ?? store().then((s) => s.readDay(date));
}
