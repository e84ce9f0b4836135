/**
 * The caution note's module: loaded by the every-page content script (utils/caution/content.ts) only on pages that
 * passed the prefilter and the background's check (the classifier runs there), as a web-accessible ES module
 * (entrypoints/caution-ui) imported into the content script's isolated world. It mounts the note.
 *
 * The host `<pt-journal-caution>` holds a CLOSED shadow root: the page's scripts get `shadowRoot === null`, cannot
 * query, read or press anything inside, and see only the host's fixed size, the same for everyone.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Lifetime } from './lifetime';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { sendMessage as send } from '../messages';
import { buildNote } from './note';
import { isMuted, watchCaution } from './settings';
import themeCss from '@/components/theme.css?inline';
import noteCss from '@/entrypoints/caution-ui/note.css?inline';

export const HOST_TAG = 'pt-journal-caution';

export interface ShowOptions {
  /** The page's address without its fragment. */
  href: string;
  hostname: string;
  /** Reason ids from the background's classifier, strongest first. */
  reasons: readonly string[];
  /** False once the page navigated (single-page sites) or the content script was replaced: then do nothing. */
  isCurrent(): boolean;
}

export interface NoteHandle {
  remove(): void;
}

export interface CautionUi {
  show(life: Lifetime, options: ShowOptions): Promise<NoteHandle | null>;
}

/** theme.css speaks of :root (extension pages); inside a shadow root the same variables belong to :host. */
const CSS = `${themeCss}\n${noteCss}`.replaceAll(':root', ':host');

export const cautionUi: CautionUi = {
  async show(life, { href, hostname, reasons, isCurrent }) {
    if (!isCurrent()) return null;

    // A stale note from an older copy of this script (extension updated or reloaded) must not double up.
    document.querySelectorAll(HOST_TAG).forEach((node) => node.remove());
    let stopWatching: (() => void) | null = null;
    // createShadowRootUi asks its context for two things only: `onInvalidated` (take the UI down) and `options`
    // (CSS injection mode: none here, the CSS is inlined below). Our lifetime provides the first, without WXT's
    // announcements to the page (see ./lifetime.ts).
    const ctx = { onInvalidated: life.onInvalidated, options: undefined } as unknown as ContentScriptContext;
    const ui = await createShadowRootUi(ctx, {
      name: HOST_TAG,
      mode: 'closed',
      css: CSS,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      isolateEvents: true, // typing or Space on our buttons must not trigger the page's keyboard shortcuts
      onMount(container) {
        const panel = buildNote(document, {
          reasons,
          actions: {
            // The page's title and address only prefill the confirmation page; the person confirms there.
            add: () => void send('caution:openAdd', { title: document.title.slice(0, 500), url: href }),
            openJournal: () => void send('caution:openJournal'),
            help: () => void send('caution:openHelp'),
            mute: () => {
              handle.remove();
              void send('caution:mute');
            },
            dismiss: () => {
              handle.remove();
              void send('caution:dismiss', { url: href });
            },
          },
        });
        container.append(panel);
        return panel;
      },
      onRemove() {
        stopWatching?.();
        stopWatching = null;
      },
    });
    const handle: NoteHandle = { remove: () => ui.remove() };
    if (!isCurrent()) {
      ui.remove();
      return null;
    }
    ui.mount();
    // Turned off or muted from the settings page while the note is up: take it down.
    stopWatching = watchCaution((s) => {
      if (!s.enabled || isMuted(hostname, s.mutedHosts)) handle.remove();
    });
    return handle;
  },
};
