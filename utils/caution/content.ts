/**
 * The caution content script's logic (entrypoints/caution.content only wires it). Order of work on every page:
 *
 *   classify(url, document)  synchronous, bounded, pure; most pages stop here and touch nothing else
 *     └ caution → read settings (switch, muted hosts) → ask the background: dismissed? early after surgery?
 *         └ mount the banner in an open shadow root <pt-journal-caution>, at most once
 *
 * Single-page sites: `wxt:locationchange` (WXT's watcher, tied to ctx) re-runs the check after the new page settles.
 * Everything is tied to ctx (timers, listeners, the UI), nothing is left observing the page, nothing is stored about
 * the page, and no error ever reaches the page: every step is caught.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { classify, type Classification } from '../classify';
import { loadCaution, watchCaution, type CautionSettings } from './settings';
import { isCautionStatusReply, sendMessage as send } from '../messages';
import { buildBanner } from './banner';

export const HOST_TAG = 'pt-journal-caution';

/** Muted "example.com" also covers "www.example.com" and "m.example.com"; a leading "www." never matters. */
export function isMuted(hostname: string, muted: readonly string[]): boolean {
  const bare = (h: string) => h.toLowerCase().replace(/^www\./, '');
  const host = bare(hostname);
  return muted.some((m) => {
    const mm = bare(m);
    return host === mm || host.endsWith(`.${mm}`);
  });
}

export function shouldShow(result: Classification, settings: CautionSettings, hostname: string): boolean {
  return result.caution && settings.enabled && !isMuted(hostname, settings.mutedHosts);
}

export function startCaution(ctx: ContentScriptContext): void {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let stopWatching: (() => void) | null = null;
  let run = 0;

  const unmount = () => {
    stopWatching?.();
    stopWatching = null;
    ui?.remove();
    ui = null;
  };
  ctx.onInvalidated(unmount);

  async function check(): Promise<void> {
    const mine = ++run;
    const url = new URL(location.href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
    const result = classify(url, document);
    if (!result.caution) return unmount();

    const settings = await loadCaution();
    if (mine !== run || !ctx.isValid) return;
    if (!shouldShow(result, settings, url.hostname)) return unmount();

    const href = url.href.split('#')[0] ?? url.href;
    // A null reply (background restarting, extension updated) means the general wording.
    const raw = await send('caution:status', { url: href });
    if (mine !== run || !ctx.isValid) return;
    const status = isCautionStatusReply(raw) ? raw : { earlyPostSurgery: false, dismissed: false };
    if (status.dismissed) return unmount();

    unmount();
    // A stale banner from an older copy of this script (extension updated or reloaded) must not double up.
    document.querySelectorAll(HOST_TAG).forEach((node) => node.remove());
    const next = await createShadowRootUi(ctx, {
      name: HOST_TAG,
      mode: 'open',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      isolateEvents: true, // typing or Space on our buttons must not trigger the page's keyboard shortcuts
      onMount(container) {
        const panel = buildBanner(document, {
          reasons: result.reasons,
          earlyPostSurgery: status.earlyPostSurgery,
          actions: {
            add: () =>
              send('caution:addExercise', { title: document.title.slice(0, 500), url: href.slice(0, 2048) }),
            openJournal: () => void send('caution:openJournal'),
            help: () => void send('caution:openHelp'),
            mute: () => {
              unmount();
              void send('caution:mute');
            },
            dismiss: () => {
              unmount();
              void send('caution:dismiss', { url: href });
            },
          },
        });
        container.append(panel);
        return panel;
      },
    });
    if (mine !== run || !ctx.isValid) return;
    ui = next;
    ui.mount();
    // Turned off or muted from the settings page while the banner is up: take it down.
    stopWatching = watchCaution((s) => {
      if (!shouldShow(result, s, url.hostname)) unmount();
    });
  }

  const safeCheck = () => {
    check().catch(() => undefined); // never into the page
  };

  safeCheck();
  let lastHref = location.href;
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    // With the Navigation API the event comes before location.href changes: trust the event's new URL.
    const next = (event as Event & { newUrl?: URL }).newUrl?.href ?? location.href;
    if (next === lastHref) return;
    lastHref = next;
    unmount();
    run++;
    // Single-page sites swap title and content shortly after the URL; check once settled, then once more.
    ctx.setTimeout(safeCheck, 500);
    ctx.setTimeout(() => {
      if (!ui) safeCheck();
    }, 2500);
  });
}
