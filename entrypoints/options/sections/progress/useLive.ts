import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The latest result of a Dexie liveQuery, tagged with the key it was computed for, so a caller can tell a fresh
 * result from the previous range's while the new query runs (and keep showing the old, consistent picture meanwhile).
 * Re-runs on its own when another extension page (the popup) writes the tables the query read.
 */
export function useLive<T>(
  key: string | null,
  query: () => Promise<T>,
): { key: string; value: T } | undefined {
  const [state, setState] = useState<{ key: string; value: T } | undefined>(undefined);
  useEffect(() => {
    if (key === null) return;
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ key, value }),
      error: (err: unknown) => console.error('PT Journal: reading the journal failed', err),
    });
    return () => sub.unsubscribe();
    // the key names everything the query depends on
  }, [key]);
  return state;
}
