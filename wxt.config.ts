import { defineConfig } from 'wxt';
import { mergedMessages } from './scripts/locales.ts';
import { noPreactInnerHtml } from './scripts/no-inner-html.ts';
import { bareUnlistedScript, eagerCompileHint } from './scripts/compile-hint.ts';
import { inlineStylesheet } from './scripts/inline-css.ts';

// One place for the extension's identity; user-visible text lives in locales/<lang>/*.json and is merged into
// _locales/<lang>/messages.json at build time (see scripts/locales.ts), so each surface owns its own strings.
export default defineConfig({
  // PT_OUT_DIR lets parallel builds (e.g. several developers' e2e runs) use separate folders.
  outDir: process.env.PT_OUT_DIR ?? '.output',
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    // Asked for only when the person turns on the automatic backup (utils/backup/auto.ts).
    optional_permissions: ['downloads'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      // Manifest V2 (our Firefox build) names the toolbar button's command differently.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandOpenCheckin__',
      },
      // Alt+Shift+K: not a Chrome, Edge or Firefox default on Windows, macOS (⌥⇧K) or Linux (see README).
      'open-dashboard': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandOpenDashboard__',
      },
    },
    // "pt 4" in the address bar logs pain 4 for today (utils/omnibox/).
    omnibox: { keyword: 'pt' },
    // The caution note's module (entrypoints/caution-ui), imported by the content script only on pages that may get a
    // note. Web-accessible means a page could fetch it to learn the extension is installed (Chrome: fixed extension
    // id; Firefox: a random per-install id, so not guessable): see docs/caution.md, threat model.
    // The caution note's every-page script (entrypoints/caution-page: why it is not a WXT `*.content` entrypoint).
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['caution-page.js'], run_at: 'document_idle' },
    ],
    web_accessible_resources: [{ resources: ['caution-ui.js'], matches: ['http://*/*', 'https://*/*'] }],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: '{c88a5848-fe20-497d-8c02-12b81549fbc4}',
              // 140 (the current ESR) is the first desktop version that knows data_collection_permissions; 115 ESR
              // is out of support. Firefox for Android learnt the key in 142.
              strict_min_version: '140.0',
              // Firefox's built-in data consent: this extension collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    // Strips Preact's only innerHTML assignment (dangerouslySetInnerHTML) from the bundle: see the plugin's comment.
    // The every-page caution script: all its functions run on every load, so V8 compiles them eagerly.
    plugins: [noPreactInnerHtml(), eagerCompileHint('caution-page.js')],
    resolve: {
      // Dexie's default export goes through a UMD wrapper that cannot be tree-shaken; its modern ESM build is the
      // same code as one module (one alias, so every page still shares a single Dexie instance).
      alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }],
    },
  }),
  // Firefox's review needs the sources; leave out generated test output (screenshots), which is not source.
  zip: { excludeSources: ['test-results/**', 'bench-results.json', 'web-ext-artifacts/**'] },
  hooks: {
    // The popup and the options page are each built on their own (WXT builds every HTML page in one Vite build by
    // default), so each page's first load is ONE script and ONE stylesheet instead of a dozen shared chunks: module
    // requests are what an extension page waits for (issue #12, scripts/bench/10-popup.mjs and 20-dashboard.mjs).
    // What they load later (Dexie after the popup is ready, the dashboard's other sections) stays in its own chunks.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const name of ['popup', 'options']) {
        const pages = groups.find((g) => Array.isArray(g) && g.some((e) => e.name === name));
        if (!Array.isArray(pages) || pages.length < 2) continue;
        const page = pages.splice(
          pages.findIndex((e) => e.name === name),
          1,
        );
        groups.push(page);
      }
    },
    // WXT builds unlisted scripts as IIFEs; the caution note's module is imported with import() from the content
    // script, so it must be an ES module whose default export is what its main() returns (issue #9).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length === 1 && entrypoints[0]?.name === 'caution-ui' && config.build?.lib)
        config.build.lib.formats = ['es'];
      // The every-page caution script: main() called bare, without WXT's logger wrapper (scripts/compile-hint.ts).
      if (entrypoints.length === 1 && entrypoints[0]?.name === 'caution-page')
        (config.plugins ??= []).unshift(bareUnlistedScript(entrypoints[0].inputPath));
    },
    // Firefox MV2: a non-persistent background (event page) that, like Chrome's service worker, sleeps when idle;
    // reminders and the badge rely on alarms and storage only, never on in-memory state.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.manifest_version === 2 && manifest.background) manifest.background.persistent = false;
      // WXT fills the toolbar tooltip from popup.html's <title> (plain English); keep it a translated message.
      // (The background replaces it with the streak as soon as it runs.)
      for (const action of [manifest.action, manifest.browser_action])
        if (action) action.default_title = '__MSG_extName__';
    },
    // The popup's and the dashboard's stylesheets inlined into their HTML: one request before the popup is ready and
    // before the charts draw, instead of two.
    'build:done': (wxt) => {
      for (const page of ['popup.html', 'options.html']) inlineStylesheet(wxt.config.outDir, page);
    },
    'build:publicAssets': (_wxt, files) => {
      for (const [lang, messages] of Object.entries(mergedMessages())) {
        files.push({
          relativeDest: `_locales/${lang}/messages.json`,
          contents: JSON.stringify(messages, null, 1),
        });
      }
    },
  },
});
