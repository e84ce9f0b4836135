/**
 * What the Progress section reads, and the view it shows. One live query reads everything in parallel (first and
 * last day, profile, and the entries from the range's earliest possible day on), so the first picture costs one round
 * of database requests. It reads from the earliest day asked for so far: switching back to a shorter range cuts a
 * slice from what is in memory (no database read), and "all" reads in chunks (Journal.readRange) so a 100,000-day
 * journal never freezes the tab. The range ends today, or on the last entry when one is dated later (an imported
 * journal can be): known after the first read, which then reads the later range it needs.
 *
 * While a new range is read the previous view stays, so a switch never flashes an empty chart.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { addDays, type Day } from '@/utils/dates';
import type { Journal } from '@/utils/db/journal';
import type { Entry, Profile } from '@/utils/journal/schema';
import { buildProgressView, type ProgressView } from '@/utils/journal/progress-view';
import {
  EARLIEST_DAY,
  LATEST_DAY,
  RANGES,
  rangeBounds,
  widen,
  type RangeId,
  type Span,
} from '@/utils/journal/range';
import { useLiveQuery } from '@/components/useLiveQuery';

export interface Loaded extends Span {
  first: Day | null;
  last: Day | null;
  profile: Profile;
  entries: Entry[];
}

export function useProgressData(
  journal: Journal,
  range: RangeId,
  today: Day,
): {
  loaded: Loaded | undefined;
  /** The view of the chosen range, or the previous one while the new range is read (null before the first). */
  view: ProgressView | null;
  /** True when `view` is the chosen range's. */
  current: boolean;
  boundsKey: string | null;
} {
  const [anchor, setAnchor] = useState<Day>(today);
  const rangeDays = RANGES.find((r) => r.id === range)!.days;
  const asked: Span =
    rangeDays === null
      ? { from: EARLIEST_DAY, to: LATEST_DAY }
      : { from: addDays(anchor, -(rangeDays - 1)), to: anchor };
  // The widest span asked for so far: derived state, updated during render (Preact re-renders before painting).
  const [widest, setWidest] = useState<Span>(asked);
  const next = widen(widest, asked);
  if (next !== widest) setWidest(next);

  const loaded = useLiveQuery<Loaded>(async () => {
    const { from, to } = next;
    const [{ first, last }, profile, entries] = await Promise.all([
      journal.bounds(),
      journal.getProfile(),
      journal.readRange(from, to),
    ]);
    return { first, last, profile, entries, from, to };
  }, [next.from, next.to]).value;

  const lastDay = loaded?.last;
  useEffect(() => {
    if (lastDay && lastDay > anchor) setAnchor(lastDay);
  }, [lastDay, anchor]);

  const bounds = loaded?.first ? rangeBounds(range, today, loaded.first, loaded.last) : null;
  const boundsKey = bounds ? `${bounds.from}..${bounds.to}` : null;
  const fresh = useMemo(
    // The rows in memory must reach back to the range's first day (they lag one query behind after a widening switch).
    () =>
      !loaded || !bounds || loaded.from > bounds.from || loaded.to < bounds.to
        ? null
        : buildProgressView(loaded.entries, bounds, loaded.profile),
    [loaded, boundsKey],
  );
  const [shown, setShown] = useState<ProgressView | null>(null);
  if (fresh && fresh !== shown) setShown(fresh);
  return { loaded, view: fresh ?? shown, current: fresh !== null, boundsKey };
}
