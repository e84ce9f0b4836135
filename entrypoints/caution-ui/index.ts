import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cautionUi } from '@/utils/caution/ui';

// The caution note's UI (issue #9), built as a web-accessible ES MODULE (see wxt.config.ts, 'vite:build:extendConfig')
// that the every-page content script imports only on pages that may get a note. Its default export is what main()
// returns; it runs nothing by itself.
export default defineUnlistedScript({
  globalName: false,
  main: () => cautionUi,
});
