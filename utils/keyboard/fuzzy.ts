/**
 * Fuzzy matching for the command palette, like a code editor's "Go to command": the query's characters must appear
 * in order in the text (case and accents ignored); a match scores higher when its characters start words, follow
 * each other, or start the text. Pure: no DOM, no browser API.
 *
 *   score("exj", "Export JSON")  → match (E·xport J·SON), indices [0, 1, 7]
 *   score("jx",  "Export JSON")  → null (out of order)
 */

export interface FuzzyMatch {
  score: number;
  /** Indices in the original text of the matched characters (for highlighting). */
  indices: number[];
}

/** Lower case without accents, one output unit per input UTF-16 unit (so match indices line up with the text). */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const base = (ch.normalize('NFD')[0] ?? ch).toLowerCase();
    out += base.length === 1 ? base : ch;
  }
  return out;
}

const isWordStart = (text: string, i: number) => i === 0 || /[\s\-_/.,:;()·]/.test(text[i - 1]!);

function walk(q: string, t: string, preferWordStarts: boolean): FuzzyMatch | null {
  const indices: number[] = [];
  let score = 0;
  let from = 0;
  for (const c of q) {
    let found = t.indexOf(c, from);
    if (found < 0) return null;
    const prev = indices[indices.length - 1];
    // Outside a run, a later occurrence that starts a word is the better match ("ej" → E·xport J·SON).
    if (preferWordStarts && !(prev !== undefined && found === prev + 1) && !isWordStart(t, found)) {
      for (let j = found + 1; j < t.length; j++)
        if (t[j] === c && isWordStart(t, j)) {
          found = j;
          break;
        }
    }
    score += 1;
    if (isWordStart(t, found)) score += 8;
    if (prev !== undefined && found === prev + 1) score += 5;
    if (prev !== undefined) score -= Math.min(3, found - prev - 1) * 0.5;
    indices.push(found);
    from = found + 1;
  }
  return { score, indices };
}

/**
 * Best in-order match of `query` in `text`, or null. Spaces in the query are ignored (so "exp json" finds
 * "Export JSON"). Greedy, preferring word starts, with a plain greedy walk as fallback: linear-ish in the length of
 * short command names.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = fold(query).replace(/\s+/g, '');
  if (q === '') return { score: 0, indices: [] };
  const t = fold(text);
  // Whole-query substring: the strongest signal, scored by where it starts.
  const at = t.indexOf(q);
  if (at >= 0) {
    const indices = Array.from({ length: q.length }, (_, k) => at + k);
    return { score: 100 + q.length * 10 + (at === 0 ? 50 : isWordStart(t, at) ? 30 : 0), indices };
  }
  return walk(q, t, true) ?? walk(q, t, false);
}

export interface Searchable {
  id: string;
  title: string;
  /** Other words people may type for the same thing ("backup" for export, "pdf" for print). */
  synonyms: readonly string[];
}

export interface Ranked<T extends Searchable> {
  item: T;
  score: number;
  /** Matched indices in the title (empty when only a synonym matched). */
  indices: number[];
}

/**
 * The items matching `query`, best first. An empty query lists the recent commands first (most recent first), then
 * every other command in its registry order. A synonym match counts a little less than a title match; a recent
 * command wins a tie.
 */
export function rank<T extends Searchable>(
  query: string,
  items: readonly T[],
  recent: readonly string[] = [],
): Array<Ranked<T>> {
  const recency = new Map(recent.map((id, i) => [id, recent.length - i]));
  if (query.trim() === '') {
    const recentItems = recent
      .map((id) => items.find((c) => c.id === id))
      .filter((c): c is T => c !== undefined);
    const rest = items.filter((c) => !recency.has(c.id));
    return [...recentItems, ...rest].map((item) => ({ item, score: 0, indices: [] }));
  }
  const out: Array<Ranked<T>> = [];
  items.forEach((item) => {
    const title = fuzzyMatch(query, item.title);
    let best = title ? title.score : -Infinity;
    for (const word of item.synonyms) {
      const m = fuzzyMatch(query, word);
      if (m && m.score * 0.9 > best) best = m.score * 0.9;
    }
    if (best === -Infinity) return;
    out.push({ item, score: best + (recency.get(item.id) ?? 0) * 0.5, indices: title?.indices ?? [] });
  });
  // Stable: equal scores keep registry order.
  return out.sort((a, b) => b.score - a.score);
}
