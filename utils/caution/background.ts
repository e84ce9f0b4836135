/**
 * Background side of the caution note (issues #4, #9): handles content → background messages. The note's content
 * script runs in the page's origin next to the page's own scripts, so every message is treated as possibly steered by
 * the page: validated (utils/messages.ts), only from our own content scripts on http(s) pages, rate-limited per tab,
 * answered with generic replies (never an internal error text), and never with anything from the journal.
 *
 *   caution:check        → { show, reasons }: the page's excerpt through the classifier (classifyExcerpt, issue #8),
 *                          and the switch on, the sender's site not muted, the page not dismissed this session
 *   caution:openAdd      → the add-exercise confirmation page, prefilled; ONE such tab, reused (nothing is written
 *                          here: the person confirms on that extension page)
 *   caution:openJournal  → runtime.openOptionsPage()
 *   caution:openHelp     → the ONE "When to get help now" tab, reused
 *   caution:mute         → add the sender page's host to settings.caution.mutedHosts (validated by updateSettings)
 *   caution:dismiss      → remember "dismissed on this URL" in storage.session: memory only, gone when the browser
 *                          closes, and kept as a hash so even that memory holds no readable address
 */
import { browser, type Browser } from 'wxt/browser';
import { onMessages, type CautionCheckReply, type Ok } from '../messages';
import { classifyExcerpt, type PageExcerpt, type Reason } from '../classify';
import { loadSettings, updateSettings } from '../settings';
import { addPagePath } from './add';
import { isMuted } from './settings';

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

/** Reason ids worth telling, strongest first, each once, at most 5 (the note shows each as a fixed sentence). */
export function topReasons(reasons: readonly Reason[]): string[] {
  const ids = [...reasons]
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .map((r) => r.id);
  return [...new Set(ids)].slice(0, 5);
}

const NO: CautionCheckReply = { show: false, reasons: [] };

/**
 * May a note show on this page, and why? Not a caution page, notes off, site muted and page dismissed all answer the
 * same `{ show: false, reasons: [] }`; nothing from the journal is ever part of the answer. (A page can still see
 * whether a note appeared: see docs/caution.md, threat model.)
 */
export async function checkPage(excerpt: PageExcerpt, senderUrl: string): Promise<CautionCheckReply> {
  let page: URL;
  try {
    page = new URL(excerpt.url);
    // The excerpt speaks for the frame that sent it, never for another site.
    if (page.origin !== new URL(senderUrl).origin) return NO;
  } catch {
    return NO;
  }
  const result = classifyExcerpt(excerpt);
  if (!result.caution) return NO;
  try {
    const { caution } = await loadSettings();
    if (!caution.enabled || isMuted(page.hostname, caution.mutedHosts)) return NO;
  } catch {
    return NO;
  }
  try {
    const key = await pageKey(excerpt.url);
    if (key !== null && (await dismissedKeys()).includes(key)) return NO;
  } catch {
    // no session storage (older browser): the note simply shows again
  }
  return { show: true, reasons: topReasons(result.reasons) };
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

// ---- rate limit ------------------------------------------------------------------------------------------------

/**
 * Requests a tab may make per minute: a check per page load or single-page navigation (two on single-page sites),
 * plus a person's few clicks. Generous for fast browsing, a wall for a script hammering the background.
 */
export const MAX_PER_MINUTE = 120;
/** Of those, pages opened (help, add, journal) per tab per minute. */
export const MAX_OPENS_PER_MINUTE = 4;

/**
 * Sliding one-minute windows per tab, in memory: a restarted background starts afresh, which is fine (bounded
 * anyway by how fast it restarts). Tabs are forgotten when closed.
 */
export function createRateLimiter(max: number, windowMs = 60_000) {
  const seen = new Map<number, number[]>();
  return {
    allow(tabId: number, now = Date.now()): boolean {
      const recent = (seen.get(tabId) ?? []).filter((t) => now - t < windowMs);
      const ok = recent.length < max;
      if (ok) recent.push(now);
      seen.set(tabId, recent);
      return ok;
    },
    forget(tabId: number): void {
      seen.delete(tabId);
    },
  };
}

// ---- opening extension pages -----------------------------------------------------------------------------------

const OPENED_KEY = 'cautionOpenedTabs';
type Opened = Partial<Record<'help' | 'add', number>>;

/**
 * Opens `path` in the one tab kept for `slot`, or a new one: if the tab we opened last time still shows one of our
 * pages it is reused (navigated and brought forward), so no page can pile up tabs. The tab ids live in
 * storage.session, because the background sleeps between messages.
 */
export function openOnce(slot: 'help' | 'add', path: string, openerTab?: Browser.tabs.Tab): Promise<void> {
  // One at a time: two requests at once would both find no tab and open two.
  const next = opening.then(() => openNow(slot, path, openerTab));
  opening = next.catch(() => undefined);
  return next;
}
let opening: Promise<void> = Promise.resolve();

async function openNow(slot: 'help' | 'add', path: string, openerTab?: Browser.tabs.Tab): Promise<void> {
  const url = browser.runtime.getURL(path as '/help.html');
  const base = browser.runtime.getURL('/');
  const stored: Record<string, unknown> = await browser.storage.session.get(OPENED_KEY).catch(() => ({}));
  const opened = (stored[OPENED_KEY] ?? {}) as Opened;
  const id = opened[slot];
  if (typeof id === 'number') {
    const tab = await browser.tabs.get(id).catch(() => null);
    // Reuse only a tab still showing our own page: a tab the person has since used for something else is theirs.
    if (tab?.url?.startsWith(base)) {
      await browser.tabs.update(id, { url, active: true });
      if (tab.windowId !== undefined)
        await browser.windows?.update(tab.windowId, { focused: true }).catch(() => {});
      return;
    }
  }
  const created = await browser.tabs.create({
    url,
    ...(openerTab?.index !== undefined ? { index: openerTab.index + 1 } : {}),
    ...(openerTab?.windowId !== undefined ? { windowId: openerTab.windowId } : {}),
  });
  if (created.id !== undefined)
    await browser.storage.session.set({ [OPENED_KEY]: { ...opened, [slot]: created.id } }).catch(() => {});
}

/** Same origin as the frame that sent it: a page can only offer itself, never another site's address. */
function sameOrigin(rawUrl: string, senderUrl: string): boolean {
  try {
    return new URL(rawUrl).origin === new URL(senderUrl).origin;
  } catch {
    return false;
  }
}

export function registerCautionHandlers(): () => void {
  const requests = createRateLimiter(MAX_PER_MINUTE);
  const opens = createRateLimiter(MAX_OPENS_PER_MINUTE);
  browser.tabs?.onRemoved?.addListener((tabId) => {
    requests.forget(tabId);
    opens.forget(tabId);
  });
  const yes: Ok = { ok: true };
  const no: Ok = { ok: false };
  const tabOf = (sender: Sender) => sender.tab?.id ?? -1;
  /** Pages opened: bounded per tab on top of the general limit; over it, the same generic "no". */
  const opening =
    (open: (sender: Sender) => Promise<unknown>) =>
    (_m: unknown, sender: Sender): Promise<Ok> =>
      opens.allow(tabOf(sender))
        ? open(sender).then(
            () => yes,
            () => no,
          )
        : Promise.resolve(no);

  // Errors never reach the page: a failed handler answers null (onMessages), every other reply is generic.
  return onMessages(
    {
      'caution:check': (m, sender) => checkPage(m.excerpt, sender.url ?? ''),
      'caution:dismiss': (m) =>
        dismiss(m.url).then(
          (ok) => (ok ? yes : no),
          () => no,
        ),
      'caution:mute': (_m, sender) => muteHost(sender.url ?? '').then((ok) => (ok ? yes : no)),
      'caution:openAdd': (m, sender) => {
        const path = sameOrigin(m.url, sender.url ?? '') ? addPagePath(m.title, m.url) : null;
        return path ? opening((s) => openOnce('add', path, s.tab))(m, sender) : Promise.resolve(no);
      },
      'caution:openJournal': opening(() =>
        browser.runtime
          .openOptionsPage()
          .catch(() => browser.tabs.create({ url: browser.runtime.getURL('/options.html') })),
      ),
      'caution:openHelp': opening((s) => openOnce('help', '/help.html', s.tab)),
    },
    // Our own content scripts on web pages only, and a bounded number of requests per tab per minute (over it: no
    // answer at all, as for any message nobody handles).
    { accept: (sender) => fromOurContentScript(sender) && requests.allow(tabOf(sender)) },
  );
}
