/**
 * The content script's lifetime, in place of WXT's ContentScriptContext (issue #9). WXT's context announces every
 * content script to the page it runs in: `window.postMessage({ type: 'wxt:content-script-started',
 * contentScriptName })` and a `wxt:content-script-started` event on `document` on every page load, and a
 * `wxt:locationchange` event on `window` at every single-page navigation. A page's own script can listen to all
 * three, so on every site it would learn that a script named "caution" (a health extension) is installed. This one
 * tells the page nothing: timers and listeners tied to an AbortSignal, invalidation when the extension is reloaded or
 * updated (`runtime.id` disappears from the old script's world), and address changes seen through the Navigation API
 * where the browser has it, else a once-a-second look at `location.href`.
 */
import { extensionApi } from '../extension-api';

export interface Lifetime {
  readonly signal: AbortSignal;
  /** False once invalidated (the extension was reloaded, updated or removed): then do nothing more. */
  readonly isValid: boolean;
  onInvalidated(cb: () => void): void;
  setTimeout(fn: () => void, ms: number): void;
  /** Calls back with the new address whenever the page's address changes without a page load. */
  onLocationChange(cb: (href: string) => void): void;
}

export function createLifetime(): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  const alive = () => {
    if (signal.aborted) return false;
    let id: string | undefined;
    try {
      id = extensionApi().runtime?.id;
    } catch {
      id = undefined;
    }
    if (!id) controller.abort();
    return !!id;
  };
  const life: Lifetime = {
    signal,
    get isValid() {
      return alive();
    },
    onInvalidated(cb) {
      signal.addEventListener('abort', cb, { once: true });
    },
    setTimeout(fn, ms) {
      const t = setTimeout(() => {
        if (alive()) fn();
      }, ms);
      signal.addEventListener('abort', () => clearTimeout(t), { once: true });
    },
    onLocationChange(cb) {
      let last = location.href;
      const changed = (href: string) => {
        if (href === last || !alive()) return;
        last = href;
        cb(href);
      };
      const nav = (globalThis as { navigation?: EventTarget }).navigation;
      if (typeof nav?.addEventListener === 'function')
        nav.addEventListener(
          'navigate',
          (e) => changed((e as Event & { destination: { url: string } }).destination.url),
          { signal },
        );
      else {
        const timer = setInterval(() => changed(location.href), 1000);
        signal.addEventListener('abort', () => clearInterval(timer), { once: true });
      }
    },
  };
  return life;
}
