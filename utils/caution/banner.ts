/**
 * The caution banner's DOM, built with plain createElement/textContent (no Preact: the content script runs on every
 * page, so its size is a budget; and no HTML strings: nothing is ever parsed as markup). Styles live in
 * entrypoints/caution.content/banner.css inside the shadow root.
 *
 *   ┌ role="note" ──────────────────────────────── [Dismiss] ┐
 *   │ Exercises found online                                  │
 *   │ not tailored to you … (stronger early after surgery)    │
 *   │ [Why am I seeing this?]  → reasons, in plain words      │
 *   │ [Add to my exercises] [Open my journal]                 │
 *   │ [When to get help now] [Don't show on this site]        │
 *   │ status line (aria-live)                                 │
 *   └─────────────────────────────────────────────────────────┘
 *
 * Passive: nothing takes focus, nothing moves the page (the host is position: fixed).
 */
import { t } from '../i18n';
import type { Reason, ReasonId } from '../classify';
import type { AddExerciseReply } from '../messages';
import { EARLY_POST_SURGERY_WEEKS } from '../journal/clinical';

export interface BannerActions {
  add(): Promise<AddExerciseReply | null>;
  openJournal(): void;
  help(): void;
  mute(): void;
  dismiss(): void;
}

export interface BannerProps {
  reasons: readonly Reason[];
  earlyPostSurgery: boolean;
  actions: BannerActions;
}

/** The note stays compact: the strongest few reasons say enough. */
const MAX_REASONS = 5;

/** Reasons worth telling, strongest first, one line each. */
export function reasonLines(reasons: readonly Reason[]): string[] {
  const seen = new Set<ReasonId>();
  return [...reasons]
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => t(`cautionReason_${r.id}`))
    .filter((line) => !line.startsWith('cautionReason_')) // a reason without text is not shown raw
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

function button(doc: Document, text: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el(doc, 'button', { type: 'button', ...attrs }, text);
  b.addEventListener('click', (e) => {
    e.preventDefault();
    onClick();
  });
  return b;
}

export function buildBanner(doc: Document, { reasons, earlyPostSurgery, actions }: BannerProps): HTMLElement {
  const status = el(doc, 'p', { class: 'status', role: 'status' });
  const say = (text: string) => {
    status.textContent = text;
  };

  const why = el(doc, 'div', { class: 'why', id: 'pt-caution-why' });
  why.hidden = true;
  why.append(
    el(doc, 'p', {}, t('cautionWhyIntro')),
    el(doc, 'ul', {}, ...reasonLines(reasons).map((line) => el(doc, 'li', {}, line))),
    el(doc, 'p', { class: 'muted' }, t('cautionWhyPrivacy')),
  );
  const whyButton = button(
    doc,
    t('cautionWhy'),
    () => {
      why.hidden = !why.hidden;
      whyButton.setAttribute('aria-expanded', String(!why.hidden));
    },
    { class: 'link', 'aria-expanded': 'false', 'aria-controls': 'pt-caution-why' },
  );

  const add = button(
    doc,
    t('cautionAdd'),
    () => {
      add.disabled = true;
      void actions
        .add()
        .then((reply) => {
          if (reply?.ok) say(t(reply.duplicate ? 'cautionAlreadyAdded' : 'cautionAdded'));
          else {
            say(t('cautionAddFailed', reply && !reply.ok ? reply.error : '…'));
            add.disabled = false;
          }
        })
        .catch(() => {
          say(t('cautionAddFailed', '…'));
          add.disabled = false;
        });
    },
    { class: 'primary' },
  );

  const body = [el(doc, 'p', {}, t('cautionBody'))];
  if (earlyPostSurgery)
    body.push(el(doc, 'p', { class: 'surgery' }, t('cautionBodySurgery', EARLY_POST_SURGERY_WEEKS)));

  return el(
    doc,
    'div',
    {
      class: `panel${earlyPostSurgery ? ' early' : ''}`,
      role: 'note',
      'aria-labelledby': 'pt-caution-title',
      // The note speaks the browser's language, not necessarily the page's.
      lang: t('langTag'),
    },
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
    ...body,
    whyButton,
    why,
    el(
      doc,
      'div',
      { class: 'actions' },
      add,
      button(doc, t('cautionOpenJournal'), actions.openJournal),
      button(doc, t('cautionHelp'), actions.help),
      button(doc, t('cautionMute'), actions.mute, { class: 'link' }),
    ),
    status,
  );
}
