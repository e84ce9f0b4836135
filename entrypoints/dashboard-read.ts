/**
 * The dashboard's first read, started as early as the options page can: this small classic script (no Dexie, no
 * Preact; utils/db/first-read.ts) is the first thing options.html runs, while the page's main bundle is still loading.
 * The Progress section takes the pending read (takeFirstPicture) instead of starting its own; when this script did not
 * run, the section reads as usual.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstPicture } from '@/utils/db/first-read';

export default defineUnlistedScript(() => {
  globalThis.__ptFirstPicture = startFirstPicture();
});
