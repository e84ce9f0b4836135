/**
 * Commands from the palette (or a page shortcut) to the section that can carry them out, within one page: the
 * palette does not know the sections' state, the sections do not know the palette. A section subscribes with
 * components/palette/usePageCommand.ts and returns true when it handled a command. The options page mounts the
 * sections below Progress only after the charts are drawn, so a command nobody handled yet is kept for a few seconds
 * and handed to the next section that subscribes (otherwise "Add a missed day" on a fresh page did nothing).
 */
import type { Day } from '../dates';
import type { RangeId } from './commands';

export type PageCommand =
  | { type: 'range'; range: RangeId }
  | { type: 'history:add'; date?: Day }
  | { type: 'export'; kind: 'json' | 'csv' };

type Handler = (command: PageCommand) => boolean | void;
const handlers = new Set<Handler>();
/** How long an unhandled command waits for a section that is still mounting. */
export const PENDING_MS = 5_000;
let pending: { command: PageCommand; at: number } | null = null;

/** Delivers a command to every subscriber; true when one of them handled it (else it waits, see above). */
export function sendPageCommand(command: PageCommand): boolean {
  let handled = false;
  for (const h of [...handlers]) if (h(command) === true) handled = true;
  pending = handled ? null : { command, at: Date.now() };
  return handled;
}

export function onPageCommand(handler: Handler): () => void {
  handlers.add(handler);
  if (pending && Date.now() - pending.at <= PENDING_MS && handler(pending.command) === true) pending = null;
  return () => handlers.delete(handler);
}
