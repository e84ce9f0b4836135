/**
 * The runtime message protocol: one map from message name to request schema and reply type, used by both ends.
 * Names say the direction (sender:receiver/what). Receivers validate every request with valibot before trusting it
 * (a content script runs next to an untrusted page); senders get the reply type from the same map, so no end casts.
 *
 *   content → background  "caution:check"         the page's excerpt (passed the prefilter) → may a note show, and why?
 *                                                the same answer for everyone: nothing from the journal
 *   content → background  "caution:openAdd"       open the add-exercise page prefilled with the page's title and URL;
 *                                                the person confirms there (nothing is written from this message)
 *   content → background  "caution:openJournal"   open the dashboard (content scripts cannot open extension pages)
 *   content → background  "caution:openHelp"      open (or bring back) the one "When to get help now" tab
 *   content → background  "caution:dismiss"       hide the note on this URL until the browser closes (memory only)
 *   content → background  "caution:mute"          "Don't show on this site": add the sender page's host to the muted hosts
 *   page    → background  "journal:changed"       a check-in or the profile was written (badge, reminders)
 *
 * Adding a message: one entry in `requests` (its schema) and one in `Replies` (its reply, `void` for none); tsc then
 * checks every `sendMessage` and every handler given to `onMessages`. On the wire a message stays `{ type, ...data }`.
 *
 *   sender:   const check = await sendMessage('caution:check', { excerpt });   // CautionCheckReply | null
 *   receiver: onMessages({ 'caution:check': (m, s) => checkPage(m.excerpt, s.url) }, { accept: fromOurContentScript });
 */
import * as v from 'valibot';
import type { browser, Browser } from 'wxt/browser';
import { extensionApi } from './extension-api';

const url = v.pipe(v.string(), v.maxLength(2048));

/**
 * Every request, by name. Plain valibot calls on purpose: rollup can prove them pure and drops them from the content
 * script, which only sends (a local helper around v.strictObject kept all of valibot in its bundle, +1.4 KB gzip).
 */
const requests = {
  /** The page's excerpt (utils/classify/excerpt.ts), every field capped: a page can make it, so it is untrusted. */
  'caution:check': v.strictObject({
    type: v.literal('caution:check'),
    excerpt: v.strictObject({
      url,
      title: v.pipe(v.string(), v.maxLength(300)),
      description: v.pipe(v.string(), v.maxLength(500)),
      ogType: v.pipe(v.string(), v.maxLength(200)),
      types: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(100)),
      h1: v.pipe(v.string(), v.maxLength(300)),
      headings: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(40)),
      text: v.pipe(v.string(), v.maxLength(4000)),
    }),
  }),
  /** Open the confirmation page; the page's title and address only prefill it. */
  'caution:openAdd': v.strictObject({
    type: v.literal('caution:openAdd'),
    title: v.pipe(v.string(), v.maxLength(500)),
    url,
  }),
  'caution:openJournal': v.strictObject({ type: v.literal('caution:openJournal') }),
  'caution:openHelp': v.strictObject({ type: v.literal('caution:openHelp') }),
  'caution:dismiss': v.strictObject({ type: v.literal('caution:dismiss'), url }),
  /** No host field: the background mutes the host of the page that sent it, so a page can only mute itself. */
  'caution:mute': v.strictObject({ type: v.literal('caution:mute') }),
  'journal:changed': v.strictObject({
    type: v.literal('journal:changed'),
    what: v.picklist(['entries', 'profile', 'settings']),
  }),
};

export type Ok = { ok: boolean };
/**
 * The background's answer to "caution:check": may a note show, and the reasons it may give (fixed reason ids,
 * strongest first; the note turns them into fixed sentences). One shape for everyone, never anything from the journal.
 */
export const CautionCheckReply = v.strictObject({
  show: v.boolean(),
  reasons: v.pipe(v.array(v.pipe(v.string(), v.maxLength(40))), v.maxLength(5)),
});
export type CautionCheckReply = v.InferOutput<typeof CautionCheckReply>;

/** Every reply, by name (`void`: the receiver does not answer, so other listeners stay free to). */
export interface Replies {
  'caution:check': CautionCheckReply;
  'caution:openAdd': Ok;
  'caution:openJournal': Ok;
  'caution:openHelp': Ok;
  'caution:dismiss': Ok;
  'caution:mute': Ok;
  'journal:changed': void;
}

export type MessageName = keyof typeof requests;
export type Request<N extends MessageName> = v.InferOutput<(typeof requests)[N]>;
export type Reply<N extends MessageName> = Replies[N];
/** The protocol as one type: name → { request, reply }. */
export type ProtocolMap = { [N in MessageName]: { request: Request<N>; reply: Reply<N> } };
// Both maps name the same messages, and each schema's `type` is its own key (a compile error here means a slip).
type Slips =
  | Exclude<MessageName, keyof Replies>
  | Exclude<keyof Replies, MessageName>
  | { [N in MessageName]: Request<N>['type'] extends N ? never : N }[MessageName];
const noSlips: [Slips] extends [never] ? true : never = true;
void noSlips;

export type Message = { [N in MessageName]: Request<N> }[MessageName];

/** The message, validated against its name's schema; null for anything else (unknown name, bad or extra fields). */
export function parseMessage(raw: unknown): Message | null {
  if (!raw || typeof raw !== 'object') return null;
  const type: unknown = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(requests, type)) return null;
  const r = v.safeParse(requests[type as MessageName], raw);
  return r.success ? (r.output as Message) : null;
}

// Named schemas kept for the tests and callers that check one message.
export const CautionCheckMessage = requests['caution:check'];
export const OpenAddMessage = requests['caution:openAdd'];
export const JournalChangedMessage = requests['journal:changed'];

type Data<N extends MessageName> = Omit<Request<N>, 'type'>;

/**
 * Sends one message and resolves with its typed reply, or null when nobody answered (background restarting,
 * extension updated). No valibot runs here: content scripts import this and their size is a budget; replies come
 * from our own background.
 */
export function sendMessage<N extends MessageName>(
  type: N,
  ...[data]: Partial<Data<N>> extends Data<N> ? [data?: Data<N>] : [data: Data<N>]
): Promise<Reply<N> | null> {
  return extensionApi()
    .runtime.sendMessage({ ...data, type })
    .then(
      (reply: unknown) => (reply ?? null) as Reply<N> | null,
      () => null,
    );
}

type Sender = Browser.runtime.MessageSender;
export type Handlers = {
  [N in MessageName]?: (message: Request<N>, sender: Sender) => Reply<N> | Promise<Reply<N>>;
};

/**
 * Registers handlers for some messages. Each request is validated before its handler runs; messages this listener
 * has no handler for (or whose sender `accept` refuses) are left alone, so several listeners can share the event.
 * Returns a function that removes the listener.
 */
export function onMessages(
  handlers: Handlers,
  options: { accept?: (sender: Sender) => boolean; runtime?: Pick<typeof browser.runtime, 'onMessage'> } = {},
): () => void {
  const runtime = options.runtime ?? extensionApi().runtime;
  const listener = (
    raw: unknown,
    sender: Sender,
    sendResponse: (reply: unknown) => void,
  ): true | undefined => {
    const msg = parseMessage(raw);
    const handler = msg && (handlers[msg.type] as ((m: Message, s: Sender) => unknown) | undefined);
    if (!msg || !handler || (options.accept && !options.accept(sender))) return undefined;
    let result: unknown;
    try {
      result = handler(msg, sender);
    } catch {
      return undefined;
    }
    if (result === undefined) return undefined;
    if (!(result instanceof Promise)) {
      sendResponse(result);
      return undefined;
    }
    result.then(sendResponse, () => sendResponse(null));
    return true; // keeps the channel open for the asynchronous reply
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}
