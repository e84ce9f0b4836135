/**
 * What the Progress section reads, and the view it shows. One live read of the profile and the data layer's per-day
 * columns of the whole journal (Journal.dayColumns: one stored row that every write keeps current, so "all" on ten
 * years is one read, not 3,653), re-run after any write in any extension page. A range is then a slice of those
 * columns (utils/journal/day-columns.ts seriesOf): switching ranges reads nothing. The range ends today, or on the
 * last entry when one is dated later (an imported journal can be).
 *
 * The live read starts before the page's first render (startProgressData, called by entrypoints/options/main.tsx), so
 * the database opens and reads while the page is parsed and painted, not after its effects run; the section then
 * subscribes to it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { addDays, type Day } from '@/utils/dates';
import type { Journal } from '@/utils/db/journal';
import { takeFirstPicture } from '@/utils/db/first-read';
import type { Profile } from '@/utils/journal/schema';
import { seriesOf, type DayColumns } from '@/utils/journal/day-columns';
import { progressView, type ProgressView } from '@/utils/journal/progress-view';
import { rangeBounds, type RangeId } from '@/utils/journal/range';

export interface Loaded {
  first: Day | null;
  last: Day | null;
  profile: Profile;
  columns: DayColumns;
}

interface Source {
  value: Loaded | undefined;
  listeners: Set<() => void>;
}
let source: Source | null = null;

/** Same journal picture: equal profile, bounds and columns (typed arrays compared element by element). */
export function sameLoaded(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => k in b && sameLoaded((a as never)[k], (b as never)[k]));
}

/** The data layer (Dexie) is loaded when first needed: the first picture is read without it (utils/db/first-read.ts). */
const dataLayer = () => import('@/utils/db/journal');
const pageJournal = (): Promise<Journal> => dataLayer().then((m) => m.pageJournal());

/**
 * Starts the section's live read (once per page); the section calls it too, in case the page did not. The first
 * picture is read at once: Dexie's live query starts its first run on a timer, which waits behind the page's first
 * frame. The live query is subscribed once that read is in (its own first run then comes after the charts are drawn)
 * and follows every write; a result equal to the picture shown is not shown again.
 */
export function startProgressData(load: () => Promise<Journal> = pageJournal): Source {
  if (source) return source;
  const s: Source = { value: undefined, listeners: new Set() };
  const loaded = (profile: Profile, columns: DayColumns): Loaded => {
    const first = columns.from;
    return { profile, columns, first, last: first && addDays(first, columns.length - 1) };
  };
  const read = async (): Promise<Loaded> => {
    const journal = await load();
    const [profile, columns] = await Promise.all([journal.getProfile(), journal.dayColumns()]);
    return loaded(profile, columns);
  };
  // The first picture without waiting for the data layer's open when the stored columns are current (plain
  // IndexedDB, utils/db/first-read.ts: the same values); otherwise through the data layer. When the page's first
  // script has already read it, the section's first render draws it (no render of "Loading" and a frame first).
  const early = takeFirstPicture();
  if (early.result?.value) s.value = loaded(early.result.value.profile, early.result.value.columns);
  const firstRead = async (): Promise<Loaded> => {
    const picture = await early.promise;
    return picture ? loaded(picture.profile, picture.columns) : read();
  };
  const show = (value: Loaded) => {
    if (s.value && sameLoaded(s.value, value)) return;
    s.value = value;
    for (const listener of s.listeners) listener();
  };
  // A failed first read is left to the live query (it logs) and to JournalGate (it shows the failure).
  void firstRead()
    .then(show, () => {})
    .then(() => dataLayer())
    .then(({ watch }) =>
      watch(read, show, (err: unknown) => console.error('PT Journal: reading the journal failed', err)),
    );
  return (source = s);
}

export function useProgressData(
  range: RangeId,
  today: Day,
): {
  loaded: Loaded | undefined;
  /** The view of the chosen range (null before the first read, or for an empty journal). */
  view: ProgressView | null;
  boundsKey: string | null;
} {
  const live = startProgressData();
  const [loaded, setLoaded] = useState(live.value);
  useEffect(() => {
    const update = () => setLoaded(live.value);
    update(); // it may have arrived between the first render and now
    live.listeners.add(update);
    return () => void live.listeners.delete(update);
  }, [live]);

  const bounds = loaded?.first ? rangeBounds(range, today, loaded.first, loaded.last) : null;
  const boundsKey = bounds ? `${bounds.from}..${bounds.to}` : null;
  const view = useMemo(
    () =>
      loaded && bounds
        ? progressView(
            seriesOf(
              loaded.columns,
              bounds.from,
              bounds.to,
              loaded.profile.activities.map((a) => a.id),
            ),
            loaded.profile,
          )
        : null,
    [loaded, boundsKey],
  );
  return { loaded, view, boundsKey };
}
