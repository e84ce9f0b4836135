import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createLifetime } from '@/utils/caution/lifetime';
import { startCaution } from '@/utils/caution/content';

// The caution note's content script (issues #4, #9), on every http(s) page: a small prefilter and a question to the
// background; the note's UI loads only where a note may show (utils/caution/content.ts).
//
// Registered in wxt.config.ts (manifest content_scripts) as an unlisted script rather than a `*.content` entrypoint on
// purpose: WXT wraps content scripts in a context that posts `wxt:content-script-started` (with the script's name) to
// the page on every load, and `wxt:locationchange` events on single-page sites, which any page can listen to. Our own
// lifetime (utils/caution/lifetime.ts) tells the page nothing. An anonymous IIFE: not even a variable in the
// content script's world.
export default defineUnlistedScript({
  globalName: false,
  main() {
    startCaution(createLifetime());
  },
});
