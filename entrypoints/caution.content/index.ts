import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCaution } from '@/utils/caution/content';
import '@/components/theme.css';
import './banner.css';

// The caution banner (issue #4): classify the page, maybe mount a passive note. Logic in utils/caution/content.ts.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // CSS is loaded into the shadow root only when a banner mounts; nothing is injected into pages without one.
  cssInjectionMode: 'ui',
  // An anonymous IIFE: not even a variable in the content script's world.
  globalName: false,
  main(ctx) {
    startCaution(ctx);
  },
});
