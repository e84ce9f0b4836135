/**
 * The content script's lifetime, in place of WXT's ContentScriptContext (issue #9). WXT's context announces every
 * content script to the page it runs in: `window.postMessage({ type: 'wxt:content-script-started',
 * contentScriptName })` and a `wxt:content-script-started` event on `document` on every page load, and a
 * `wxt:locationchange` event on `window` at every single-page navigation. A page's own script can listen to all
 * three, so on every site it would learn that a script named "caution" (a health extension) is installed. This one
 * tells the page nothing: timers and listeners tied to an AbortSignal, invalidation when the extension is reloaded or
 * updated (`runtime.id` disappears from the old script's world), and address changes seen through the Navigation API
 * where the browser has it, else a once-a-second look at the address (`document.URL`: the same as `location.href`,
 * without building Location's bindings in this world).
 */
import { extensionApi } from '../extension-api';

export interface Lifetime {
  /** False once invalidated (the extension was reloaded, updated or removed): then do nothing more. */
  readonly isValid: boolean;
  onInvalidated(cb: () => void): void;
  setTimeout(fn: () => void, ms: number): void;
  /** Calls back with the new address whenever the page's address changes without a page load. */
  onLocationChange(cb: (href: string) => void): void;
}

/**
 * Plain callbacks rather than an AbortController: this runs on every page, and each DOM interface a content script
 * uses first (AbortController, AbortSignal and its listeners) costs script time in its fresh world (issue #9).
 */
export function createLifetime(): Lifetime {
  let ended = false;
  const onEnd: (() => void)[] = [];
  const alive = () => {
    if (ended) return false;
    let id: string | undefined;
    try {
      id = extensionApi().runtime?.id;
    } catch {
      id = undefined;
    }
    if (!id) {
      ended = true;
      for (const cb of onEnd.splice(0)) {
        try {
          cb();
        } catch {
          // one failing clean-up must not keep the others from running
        }
      }
    }
    return !!id;
  };
  return {
    get isValid() {
      return alive();
    },
    onInvalidated(cb) {
      if (ended) cb();
      else onEnd.push(cb);
    },
    setTimeout(fn, ms) {
      const t = setTimeout(() => {
        if (alive()) fn();
      }, ms);
      onEnd.push(() => clearTimeout(t));
    },
    onLocationChange(cb) {
      let last = document.URL;
      const changed = (href: string) => {
        if (href === last || !alive()) return;
        last = href;
        cb(href);
      };
      const nav = (globalThis as { navigation?: EventTarget }).navigation;
      if (typeof nav?.addEventListener === 'function') {
        const listener = (e: Event) =>
          changed((e as Event & { destination: { url: string } }).destination.url);
        nav.addEventListener('navigate', listener);
        onEnd.push(() => nav.removeEventListener('navigate', listener));
      } else {
        const timer = setInterval(() => changed(document.URL), 1000);
        onEnd.push(() => clearInterval(timer));
      }
    },
  };
}
