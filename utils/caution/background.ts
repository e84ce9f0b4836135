/**
 * Background side of the caution banner (issue #4): handles content → background messages. The banner's content
 * script runs in the page's origin, so it cannot open the journal's IndexedDB; it asks here instead, with typed
 * messages (utils/messages.ts) that are validated, and only from our own content scripts on http(s) pages.
 *
 *   caution:addExercise  → journal.saveExercise({ name: title, source: 'online', url }), once per URL
 *   caution:openJournal  → runtime.openOptionsPage()
 *   caution:openHelp     → a tab with help.html
 *   caution:status       → { earlyPostSurgery, dismissed } (facts only, never the surgery date)
 *   caution:mute         → add the sender page's host to settings.caution.mutedHosts (validated by updateSettings)
 *   caution:dismiss      → remember "dismissed on this URL" in storage.session: memory only, gone when the browser
 *                          closes, and kept as a hash so even that memory holds no readable address
 */
import { browser, type Browser } from 'wxt/browser';
import type { Journal } from '../db/journal';
import { onMessages, type AddExerciseReply, type CautionStatusReply } from '../messages';
import { isEarlyAfterSurgery } from '../journal/clinical';
import { MAX_NAME_LENGTH } from '../journal/schema';
import { localDay } from '../dates';
import { updateSettings } from '../settings';

type Sender = Browser.runtime.MessageSender;

/** Our own content script in a tab showing a web page; anything else (other extensions, pages) is ignored. */
export function fromOurContentScript(sender: Sender, runtimeId = browser.runtime.id): boolean {
  if (sender.id !== runtimeId || !sender.tab) return false;
  try {
    const u = new URL(sender.url ?? '');
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The exercise name from a page title: whitespace collapsed, cut to the schema's limit, the host when empty. */
export function exerciseName(title: string, url: URL): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  const name = clean || url.hostname;
  return name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1).trimEnd()}…` : name;
}

/** True when the profile's surgery date lies within the last EARLY_POST_SURGERY_WEEKS weeks (today included). */
export function isEarlyPostSurgery(surgeryDate: string | null, today = localDay()): boolean {
  return isEarlyAfterSurgery(surgeryDate, today);
}

export async function addExercise(
  journal: Journal,
  title: string,
  rawUrl: string,
  senderUrl: string,
): Promise<AddExerciseReply> {
  let url: URL;
  try {
    url = new URL(rawUrl);
    // The page may only add itself: same origin as the frame that sent the message.
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== new URL(senderUrl).origin)
      return { ok: false, error: 'bad-url' };
  } catch {
    return { ok: false, error: 'bad-url' };
  }
  url.hash = '';
  const href = url.href;
  try {
    const existing = (await journal.getProfile()).exercises.find((e) => e.url === href);
    if (existing) return { ok: true, id: existing.id, duplicate: true };
    const saved = await journal.saveExercise({ name: exerciseName(title, url), source: 'online', url: href });
    return { ok: true, id: saved.id, duplicate: false };
  } catch (err) {
    return { ok: false, error: (err as Error)?.message || 'error' };
  }
}

const DISMISSED_KEY = 'cautionDismissed';
const MAX_DISMISSED = 500;

/** A page's identity for "dismissed": SHA-256 of the URL without its fragment, hex. */
export async function pageKey(rawUrl: string): Promise<string | null> {
  try {
    const u = new URL(rawUrl);
    u.hash = '';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(u.href));
    return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}

async function dismissedKeys(): Promise<string[]> {
  const got = await browser.storage.session.get(DISMISSED_KEY);
  const list = got[DISMISSED_KEY];
  return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
}

export async function dismiss(rawUrl: string): Promise<boolean> {
  const key = await pageKey(rawUrl);
  if (!key) return false;
  const keys = (await dismissedKeys()).filter((k) => k !== key);
  keys.push(key);
  await browser.storage.session.set({ [DISMISSED_KEY]: keys.slice(-MAX_DISMISSED) });
  return true;
}

export async function cautionStatus(journal: Journal, rawUrl?: string): Promise<CautionStatusReply> {
  let earlyPostSurgery = false;
  let dismissed = false;
  try {
    earlyPostSurgery = isEarlyPostSurgery((await journal.getProfile()).surgeryDate);
  } catch {
    // an unreadable profile only means the general wording
  }
  try {
    const key = rawUrl ? await pageKey(rawUrl) : null;
    dismissed = key !== null && (await dismissedKeys()).includes(key);
  } catch {
    // no session storage (older browser): the banner simply shows again
  }
  return { earlyPostSurgery, dismissed };
}

/** Adds the host to the muted hosts once; false when the settings could not be saved (e.g. the list is full). */
export async function muteHost(senderUrl: string): Promise<boolean> {
  let host: string;
  try {
    host = new URL(senderUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (!host) return false;
  try {
    await updateSettings((s) => {
      if (!s.caution.mutedHosts.includes(host)) s.caution.mutedHosts.push(host);
      return s;
    });
    return true;
  } catch {
    return false;
  }
}

export function registerCautionHandlers(journal: Journal): () => void {
  return onMessages(
    {
      'caution:addExercise': (m, sender) => addExercise(journal, m.title, m.url, sender.url ?? ''),
      'caution:status': (m) => cautionStatus(journal, m.url),
      'caution:dismiss': (m) =>
        dismiss(m.url).then(
          (ok) => ({ ok }),
          () => ({ ok: false }),
        ),
      'caution:mute': (_m, sender) => muteHost(sender.url ?? '').then((ok) => ({ ok })),
      'caution:openJournal': () => {
        void browser.runtime
          .openOptionsPage()
          .catch(() => browser.tabs.create({ url: browser.runtime.getURL('/options.html') }));
        return { ok: true };
      },
      'caution:openHelp': () => {
        void browser.tabs.create({ url: browser.runtime.getURL('/help.html') });
        return { ok: true };
      },
    },
    { accept: (sender) => fromOurContentScript(sender) },
  );
}
