/**
 * Commands from the palette (or a page shortcut) to the section that can carry them out, within one page: the
 * palette does not know the sections' state, the sections do not know the palette. A section subscribes with
 * components/palette/usePageCommand.ts and returns true when it handled a command.
 */
import type { Day } from '../dates';
import type { RangeId } from './commands';

export type PageCommand =
  | { type: 'range'; range: RangeId }
  | { type: 'history:add'; date?: Day }
  | { type: 'export'; kind: 'json' | 'csv' };

type Handler = (command: PageCommand) => boolean | void;
const handlers = new Set<Handler>();

/** Delivers a command to every subscriber; true when one of them handled it. */
export function sendPageCommand(command: PageCommand): boolean {
  let handled = false;
  for (const h of [...handlers]) if (h(command) === true) handled = true;
  return handled;
}

export function onPageCommand(handler: Handler): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}
