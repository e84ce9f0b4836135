/**
 * The caution content script's logic (entrypoints/caution-page only wires it). It runs on EVERY http(s) page, so
 * it is kept tiny (size and script time are budgets, issue #9): the note's UI and the full classifier are NOT in it.
 *
 *   headMayMatch(url, title)        the prefilter's first look, the address and the title only; most pages stop
 *                                   here (nothing else is read)
 *   readForPrefilter(url, document) bounded read of the page (utils/classify/excerpt.ts, issue #8)
 *   bodyMayMatch(read)              the prefilter's second look: two small regular expressions over all of it
 *     └ "caution:check" { excerpt } → background: the classifier (classifyExcerpt), the switch, muted sites,
 *         dismissed pages → { show, reasons }
 *         └ import(runtime.getURL('/caution-ui.js'))   web-accessible ES module, loaded only on these pages
 *             └ mount the note (closed shadow root), at most once
 *
 * Single-page sites: an address change (Navigation API, else a once-a-second look) re-runs the check after the new page
 * settles. Everything is tied to the lifetime (./lifetime.ts: timers, listeners, the UI), which, unlike WXT's content
 * script context, announces nothing to the page; nothing observes the page, nothing is stored about the page, and no
 * error ever reaches the page: every step is caught.
 */
import { extensionApi } from '../extension-api';
import { bodyMayMatch, extractExcerpt, headMayMatch, readForPrefilter } from '../classify/excerpt';
import { sendMessage, type CautionCheckReply } from '../messages';
import type { CautionUi, NoteHandle } from './ui';
import type { Lifetime } from './lifetime';

export const UI_MODULE = '/caution-ui.js';

/**
 * Same rule as the CautionCheckReply schema, checked by hand: valibot would be ~3 KB of this script's budget
 * (tests/unit/caution-guards.test.ts keeps the two equal).
 */
export function isCheckReply(raw: unknown): raw is CautionCheckReply {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const { show, reasons } = raw as Record<string, unknown>;
  return (
    Object.keys(raw).length === 2 &&
    typeof show === 'boolean' &&
    Array.isArray(reasons) &&
    reasons.length <= 5 &&
    reasons.every((r) => typeof r === 'string' && r.length <= 40)
  );
}

/** Loads the note's module once per content-script instance (the browser caches it too). */
let uiModule: Promise<CautionUi> | null = null;
const loadUi = (): Promise<CautionUi> =>
  (uiModule ??= import(/* @vite-ignore */ extensionApi().runtime.getURL(UI_MODULE as '/caution-ui.js')).then(
    (m: { default: CautionUi }) => m.default,
  ));

export function startCaution(ctx: Lifetime): void {
  let note: NoteHandle | null = null;
  let run = 0;
  const unmount = () => {
    note?.remove();
    note = null;
  };
  ctx.onInvalidated(unmount);

  async function check(): Promise<void> {
    const mine = ++run;
    // document.URL, not location.href: the same string, and Location is one more interface to build in this fresh
    // world on every page (issue #9: script time).
    const href = document.URL;
    if (!href.startsWith('https:') && !href.startsWith('http:')) return;
    // The address and the title first: on most pages nothing of the body is ever read (issue #9).
    if (!headMayMatch(href, document.title)) return unmount();
    const read = readForPrefilter({ href }, document);
    if (!bodyMayMatch(read)) return unmount(); // the rest of prefilter(read): its first look was just taken
    const excerpt = extractExcerpt({ href }, document, read);
    const reply = await sendMessage('caution:check', { excerpt });
    if (mine !== run || !ctx.isValid) return;
    if (!isCheckReply(reply) || !reply.show) return unmount();
    const ui = await loadUi();
    if (mine !== run || !ctx.isValid) return;
    unmount();
    // A URL object only where a note shows (its bindings cost on every page that builds one; the excerpt's address is
    // the same string either way: document.URL is already serialized).
    const url = new URL(href);
    note = await ui.show(ctx, {
      href: url.href.split('#')[0] ?? url.href,
      hostname: url.hostname,
      reasons: reply.reasons,
      isCurrent: () => mine === run && ctx.isValid,
    });
  }

  const safeCheck = () => {
    check().catch(() => undefined); // never into the page
  };

  safeCheck();
  ctx.onLocationChange(() => {
    unmount();
    run++;
    // Single-page sites swap title and content shortly after the URL; check once settled, then once more.
    ctx.setTimeout(safeCheck, 500);
    ctx.setTimeout(() => {
      if (!note) safeCheck();
    }, 2500);
  });
}
