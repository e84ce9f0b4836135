/**
 * What the Progress section reads, and the view it shows. One live query reads the profile and the data layer's
 * per-day columns of the whole journal (Journal.dayColumns: one stored row that every write keeps current, so "all"
 * on ten years is one read, not 3,653), and re-runs after any write in any extension page. A range is then a slice of
 * those columns (utils/journal/day-columns.ts seriesOf): switching ranges reads nothing. The range ends today, or on
 * the last entry when one is dated later (an imported journal can be).
 */
import { useMemo } from 'preact/hooks';
import { addDays, type Day } from '@/utils/dates';
import type { Journal } from '@/utils/db/journal';
import type { Profile } from '@/utils/journal/schema';
import type { DayColumns } from '@/utils/journal/day-columns';
import { seriesOf } from '@/utils/journal/day-columns';
import { progressView, type ProgressView } from '@/utils/journal/progress-view';
import { rangeBounds, type RangeId } from '@/utils/journal/range';
import { useLiveQuery } from '@/components/useLiveQuery';

export interface Loaded {
  first: Day | null;
  last: Day | null;
  profile: Profile;
  columns: DayColumns;
}

export function useProgressData(
  journal: Journal,
  range: RangeId,
  today: Day,
): {
  loaded: Loaded | undefined;
  /** The view of the chosen range (null before the first read, or for an empty journal). */
  view: ProgressView | null;
  boundsKey: string | null;
} {
  const loaded = useLiveQuery<Loaded>(async () => {
    const [profile, columns] = await Promise.all([journal.getProfile(), journal.dayColumns()]);
    const first = columns.from;
    return { profile, columns, first, last: first && addDays(first, columns.length - 1) };
  }, []).value;

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
