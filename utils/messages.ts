/**
 * Typed runtime messages, named by direction (sender:receiver/what). One module, so every sender and receiver
 * agrees on the shapes; receivers validate with valibot before trusting anything (a content script runs next to an
 * untrusted page).
 *
 *   content → background  "caution:addExercise"   save the page as an exercise found online
 *   content → background  "caution:openJournal"   open the dashboard (content scripts cannot open extension pages)
 *   content → background  "caution:openHelp"      open the fixed "When to get help now" page
 *   content → background  "caution:status"        surgery date recent? banner dismissed for this URL this session?
 *   content → background  "caution:dismiss"       hide the banner on this URL until the browser closes (memory only)
 *   content → background  "caution:mute"          "Don't show on this site": add the sender page's host to the muted hosts
 *   page    → background  "journal:changed"       a check-in or the profile was written (badge, reminders)
 */
import * as v from 'valibot';

export const AddExerciseMessage = v.strictObject({
  type: v.literal('caution:addExercise'),
  title: v.pipe(v.string(), v.maxLength(500)),
  url: v.pipe(v.string(), v.maxLength(2048)),
});
export const OpenJournalMessage = v.strictObject({ type: v.literal('caution:openJournal') });
export const OpenHelpMessage = v.strictObject({ type: v.literal('caution:openHelp') });
export const CautionStatusMessage = v.strictObject({
  type: v.literal('caution:status'),
  url: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});
export const DismissMessage = v.strictObject({
  type: v.literal('caution:dismiss'),
  url: v.pipe(v.string(), v.maxLength(2048)),
});
/** No host field: the background mutes the host of the page that sent it, so a page can only mute itself. */
export const MuteSiteMessage = v.strictObject({ type: v.literal('caution:mute') });
export const JournalChangedMessage = v.strictObject({
  type: v.literal('journal:changed'),
  what: v.picklist(['entries', 'profile', 'settings']),
});

export const Message = v.variant('type', [
  AddExerciseMessage,
  OpenJournalMessage,
  OpenHelpMessage,
  CautionStatusMessage,
  DismissMessage,
  MuteSiteMessage,
  JournalChangedMessage,
]);
export type Message = v.InferOutput<typeof Message>;

export type AddExerciseReply = { ok: true; id: string; duplicate: boolean } | { ok: false; error: string };
/** Only the one fact the banner needs, never the date itself: the page's content script runs beside untrusted code. */
export const CautionStatusReply = v.strictObject({ earlyPostSurgery: v.boolean(), dismissed: v.boolean() });
export type CautionStatusReply = v.InferOutput<typeof CautionStatusReply>;

/**
 * The same check as CautionStatusReply without valibot, for the content script: it runs on every page and this
 * one shape does not justify ~3 KB of validator in its bundle (tests/unit/caution-guards.test.ts keeps them equal).
 */
export function isCautionStatusReply(raw: unknown): raw is CautionStatusReply {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const keys = Object.keys(raw);
  const r = raw as Record<string, unknown>;
  return keys.length === 2 && typeof r.earlyPostSurgery === 'boolean' && typeof r.dismissed === 'boolean';
}

export function parseMessage(raw: unknown): Message | null {
  const r = v.safeParse(Message, raw);
  return r.success ? r.output : null;
}
