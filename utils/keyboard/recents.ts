/**
 * Recently run palette commands, most recent first. Stored in the page's localStorage as a list of command ids and
 * nothing else (no queries, no journal data); whatever is read back is filtered to known ids, so a foreign or broken
 * value only means "no recents".
 */
export const RECENTS_KEY = 'pt-journal:recent-commands';
export const MAX_RECENTS = 5;

export function pushRecent(list: readonly string[], id: string, max = MAX_RECENTS): string[] {
  return [id, ...list.filter((x) => x !== id)].slice(0, max);
}

export function parseRecents(raw: string | null, known: ReadonlySet<string>, max = MAX_RECENTS): string[] {
  if (!raw || raw.length > 10_000) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const id of value) if (typeof id === 'string' && known.has(id) && !out.includes(id)) out.push(id);
  return out.slice(0, max);
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

export function loadRecents(storage: KeyValue | undefined, known: ReadonlySet<string>): string[] {
  try {
    return parseRecents(storage?.getItem(RECENTS_KEY) ?? null, known);
  } catch {
    return []; // storage blocked: the palette works without recents
  }
}

export function saveRecents(storage: KeyValue | undefined, list: readonly string[]): void {
  try {
    storage?.setItem(RECENTS_KEY, JSON.stringify(list));
  } catch {
    // full or blocked: recents are a convenience
  }
}
