/**
 * The caution note's DOM, built with plain createElement/textContent (no HTML strings: nothing is ever parsed as
 * markup). It lives in a CLOSED shadow root (utils/caution/ui.ts); styles in entrypoints/caution-ui/note.css.
 *
 *   compact (default, ≤ 6% of a 1280×720 window)      expanded ("More")
 *   ┌ role="note" ─────────────── [Dismiss] ┐          ┌ … ──────────────────────────── [Dismiss] ┐
 *   │ Exercises found online                │          │ Exercises found online                   │
 *   │ one sentence                          │          │ one sentence                             │
 *   │ [More]                                │          │ [Less]                                   │
 *   └───────────────────────────────────────┘          │ the longer caution, why (reasons)        │
 *                                                      │ [Add to my exercises] [Open my journal]  │
 *                                                      │ [When to get help now] [Don't show …]    │
 *                                                      └──────────────────────────────────────────┘
 *
 * The page is an adversary (issue #9): every control ignores events the page made up (`!event.isTrusted`), the text
 * and size are the same for everyone (nothing from the journal: no surgery wording, no "already saved"), and no
 * control reports a result in the page: "Add" opens an extension page where the person confirms.
 * Passive: nothing takes focus, nothing moves the page (the host is position: fixed).
 */
import { t, type MessageKey } from '../i18n';

export interface NoteActions {
  add(): void;
  openJournal(): void;
  help(): void;
  mute(): void;
  dismiss(): void;
}

export interface NoteProps {
  /** Reason ids from the background's classifier, strongest first (utils/caution/background.ts, topReasons). */
  reasons: readonly string[];
  actions: NoteActions;
}

/** The note stays short: the strongest few reasons say enough. */
export const MAX_REASONS = 5;

/**
 * The sentence for each kind of evidence FOR a caution (evidence against, e.g. shop or booking, is never told).
 * Typed keys: a sentence without a message in locales/en/caution.json fails the type-check.
 */
const REASON_TEXT: Readonly<Record<string, MessageKey>> = {
  urlTopic: 'cautionReason_urlTopic',
  titleTopic: 'cautionReason_titleTopic',
  metaTopic: 'cautionReason_metaTopic',
  headingsTopic: 'cautionReason_headingsTopic',
  textTopic: 'cautionReason_textTopic',
  hold: 'cautionReason_hold',
  reps: 'cautionReason_reps',
  position: 'cautionReason_position',
  steps: 'cautionReason_steps',
  howTo: 'cautionReason_howTo',
  video: 'cautionReason_video',
};

/** One fixed sentence per known reason id, at most MAX_REASONS; unknown ids are dropped, never shown raw. */
export function reasonLines(reasons: readonly string[]): string[] {
  return [...new Set(reasons)]
    .flatMap((id) => (Object.hasOwn(REASON_TEXT, id) ? [t(REASON_TEXT[id]!)] : []))
    .slice(0, MAX_REASONS);
}

type Attrs = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

/**
 * Listens for events the person made, only: a page script can dispatch clicks and key presses on any element it
 * reaches (`isTrusted` is false for those), and a button pressed with Enter or Space fires a trusted click.
 */
export function onTrusted<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  handler: (e: HTMLElementEventMap[K]) => void,
): void {
  target.addEventListener(type, (e) => {
    if (!e.isTrusted) return;
    handler(e);
  });
}

function button(doc: Document, text: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el(doc, 'button', { type: 'button', ...attrs }, text);
  onTrusted(b, 'click', (e) => {
    e.preventDefault();
    onClick();
  });
  return b;
}

export function buildNote(doc: Document, { reasons, actions }: NoteProps): HTMLElement {
  const lines = reasonLines(reasons);
  const more = el(
    doc,
    'div',
    { class: 'more', id: 'pt-caution-more' },
    el(doc, 'p', {}, t('cautionBody')),
    ...(lines.length
      ? [
          el(doc, 'p', {}, t('cautionWhyIntro')),
          el(doc, 'ul', {}, ...lines.map((line) => el(doc, 'li', {}, line))),
        ]
      : []),
    el(doc, 'p', { class: 'muted' }, t('cautionWhyPrivacy')),
    el(
      doc,
      'div',
      { class: 'actions' },
      button(doc, t('cautionAdd'), actions.add, { class: 'primary' }),
      button(doc, t('cautionOpenJournal'), actions.openJournal),
      button(doc, t('cautionHelp'), actions.help),
      button(doc, t('cautionMute'), actions.mute, { class: 'link' }),
    ),
  );
  more.hidden = true;

  const toggle = button(doc, t('cautionMore'), () => setExpanded(more.hidden), {
    class: 'link',
    'aria-expanded': 'false',
    'aria-controls': 'pt-caution-more',
  });
  const panel = el(
    doc,
    'div',
    // The note speaks the browser's language, not necessarily the page's.
    { class: 'panel', role: 'note', 'aria-labelledby': 'pt-caution-title', lang: t('langTag') },
    el(
      doc,
      'div',
      { class: 'head' },
      el(doc, 'strong', { id: 'pt-caution-title' }, t('cautionTitle')),
      button(doc, t('cautionDismiss'), actions.dismiss, {
        class: 'dismiss',
        'aria-label': t('cautionDismissLabel'),
      }),
    ),
    el(doc, 'p', { class: 'lede' }, t('cautionShort')),
    toggle,
    more,
  );
  function setExpanded(open: boolean) {
    more.hidden = !open;
    toggle.textContent = t(open ? 'cautionLess' : 'cautionMore');
    toggle.setAttribute('aria-expanded', String(open));
    panel.classList.toggle('open', open);
  }
  // Escape folds the note back (only a real key press, and only while focus is inside the note).
  onTrusted(panel, 'keydown', (e) => {
    if (e.key === 'Escape' && !more.hidden) {
      setExpanded(false);
      toggle.focus();
    }
  });
  return panel;
}
