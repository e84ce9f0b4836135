import { liveQuery } from 'dexie';

/**
 * Runs `query` (any chain of Journal reads) now and again whenever a table it read changes, in this page or another
 * extension page of the same origin (Dexie liveQuery). Returns the unsubscribe function.
 */
export function watch<T>(
  query: () => Promise<T>,
  next: (value: T) => void,
  error: (err: unknown) => void,
): () => void {
  const sub = liveQuery(query).subscribe({ next, error });
  return () => sub.unsubscribe();
}
