/**
 * The popup's keys: Ctrl/Cmd+Enter saves from anywhere; Y / T switch to yesterday / today when not typing text.
 * Registered once; it calls the latest handlers through a ref (effects run after paint, so a re-registered listener
 * could be stale for a key pressed right after a render).
 */
import { useEffect, useRef } from 'preact/hooks';

export interface DayKeys {
  save: () => void;
  yesterday: () => void;
  today: () => void;
}

function isTyping(el: HTMLElement | null): boolean {
  if (!el) return false;
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return type !== 'radio' && type !== 'checkbox';
}

export function useDayKeys(handlers: DayKeys): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const keys = latest.current;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        keys.save();
        return;
      }
      if (isTyping(e.target as HTMLElement | null) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'y' || e.key === 'Y') {
        e.preventDefault();
        keys.yesterday();
      } else if (e.key === 't' || e.key === 'T') {
        e.preventDefault();
        keys.today();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
