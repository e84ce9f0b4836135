import { useEffect, useRef } from 'preact/hooks';
import { onPageCommand, type PageCommand } from '@/utils/keyboard/bus';

/**
 * Lets a section carry out palette commands (utils/keyboard/bus.ts). The handler may change on every render; the
 * subscription stays, and always calls the latest one. Return true for a command handled.
 */
export function usePageCommand(handler: (command: PageCommand) => boolean | void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => onPageCommand((c) => latest.current(c)), []);
}
