/**
 * The one live-query hook: the latest value of `query` (any chain of Journal reads), re-run whenever `deps` change or
 * a table it read changes, in this page or another extension page (the popup), so open pages update without
 * reloading. While a new query runs the previous value stays, so a page keeps showing a consistent picture.
 */
import { useEffect, useState } from 'preact/hooks';
import { watch } from '@/utils/db/journal';

export interface Live<T> {
  value: T | undefined;
  error: unknown;
}

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: undefined });
  useEffect(
    () =>
      watch(
        query,
        (value) => setState({ value, error: undefined }),
        (error: unknown) => {
          console.error('PT Journal: reading the journal failed', error);
          setState((s) => ({ value: s.value, error }));
        },
      ),
    // the caller's deps name everything the query depends on
    deps,
  );
  return state;
}
