import type { browser } from 'wxt/browser';

type Api = typeof browser;

/**
 * The extension API (`browser` in Firefox, `chrome` in Chromium: the same choice as wxt/browser), looked up when it
 * is first needed instead of when the module loads. In Chromium, merely reading `globalThis.chrome` in a content
 * script's fresh world builds its API bindings, about 0.7 ms of script time on every page (issue #9, measured with
 * `npm run bench`); the caution content script needs them only on pages that pass its prefilter.
 */
export function extensionApi(): Api {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  return (g.browser?.runtime?.id ? g.browser : g.chrome) as Api;
}
