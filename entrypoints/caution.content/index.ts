import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCaution } from '@/utils/caution/content';

// The caution note (issues #4, #9), every http(s) page: a small prefilter and a question to the background; the
// note's UI and the full classifier load only where a note may show (utils/caution/content.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The note's module brings its own CSS into its shadow root; nothing is injected into pages without a note.
  cssInjectionMode: 'manual',
  // An anonymous IIFE: not even a variable in the content script's world.
  globalName: false,
  main(ctx) {
    startCaution(ctx);
  },
});
