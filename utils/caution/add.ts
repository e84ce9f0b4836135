/**
 * "Add to my exercises" from a caution note, as the confirmation page (entrypoints/add-exercise) does it. The note's
 * content script only asks the background to open this page, prefilled from the web page's title and address; only
 * the person's click on the extension page writes to the journal. Everything that depends on the journal (already
 * saved? early after surgery?) is read and shown here, never in the web page.
 */
import type { Journal } from '../db/journal';
import type { Exercise } from '../journal/schema';
import { MAX_NAME_LENGTH } from '../journal/schema';

export const ADD_PAGE = '/add-exercise.html';

/** The confirmation page's address for a web page: its title and address as query parameters (fragment dropped). */
export function addPagePath(title: string, rawUrl: string): string | null {
  const url = webUrl(rawUrl);
  if (!url) return null;
  const q = new URLSearchParams({ title: title.slice(0, 500), url: url.slice(0, 2048) });
  return `${ADD_PAGE}?${q.toString()}`;
}

/** An http(s) address without its fragment, or null for anything else (javascript:, data:, garbage). */
export function webUrl(raw: string | null | undefined): string | null {
  try {
    const u = new URL(raw ?? '');
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** The exercise name from a page title: whitespace collapsed, cut to the schema's limit, the host when empty. */
export function exerciseName(title: string, url: URL): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  const name = clean || url.hostname;
  return name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1).trimEnd()}…` : name;
}

export interface AddRequest {
  /** The proposed name (from the page title), already cut to the schema's limit. */
  name: string;
  url: string;
}

/** The confirmation page's query → what it proposes; null when the address is not a web page. */
export function readAddRequest(search: string): AddRequest | null {
  const q = new URLSearchParams(search);
  const url = webUrl(q.get('url'));
  if (!url) return null;
  return { name: exerciseName((q.get('title') ?? '').slice(0, 500), new URL(url)), url };
}

export async function findSaved(journal: Journal, url: string): Promise<Exercise | undefined> {
  return (await journal.getProfile()).exercises.find((e) => e.url === url);
}

/**
 * Saves the exercise unless the same address is already saved (then returns that one): a second click, a second
 * tab or a reload of the confirmation page never adds it twice.
 */
export async function confirmAdd(
  journal: Journal,
  name: string,
  url: string,
): Promise<{ exercise: Exercise; duplicate: boolean }> {
  const existing = await findSaved(journal, url);
  if (existing) return { exercise: existing, duplicate: true };
  return { exercise: await journal.saveExercise({ name, source: 'online', url }), duplicate: false };
}
