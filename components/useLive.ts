/**
 * Dexie liveQuery as a Preact hook: re-runs the query whenever the tables it read change, in this page or in another
 * extension page of the same origin (the popup), so open pages update without reloading.
 */
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

export function useLive<T>(
  query: () => Promise<T>,
  deps: unknown[],
): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({
    value: undefined,
    error: undefined,
  });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error: unknown) => setState((s) => ({ value: s.value, error })),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}
