import { defineConfig } from 'wxt';
import { mergedMessages } from './scripts/locales.ts';

// One place for the extension's identity; user-visible text lives in locales/<lang>/*.json and is merged into
// _locales/<lang>/messages.json at build time (see scripts/locales.ts), so each surface owns its own strings.
export default defineConfig({
  // PT_OUT_DIR lets parallel builds (e.g. several developers' e2e runs) use separate folders.
  outDir: process.env.PT_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandOpenCheckin__',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'pt-journal@example.org', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const [lang, messages] of Object.entries(mergedMessages())) {
        files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(messages, null, 1) });
      }
    },
  },
});
