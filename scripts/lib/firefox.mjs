/**
 * Launching Debian's Firefox ESR (never a downloaded browser) with the built extension (.output/firefox-mv2), driven
 * by puppeteer-core over WebDriver BiDi, for the Firefox end-to-end tests (tests/e2e/firefox.e2e.test.ts).
 *
 * BiDi refuses to navigate to moz-extension:// URLs, and an extension installed over BiDi gets a random internal
 * UUID, so its pages cannot even be named. Instead, like a developer's profile, a fresh profile holds:
 *
 *   <profile>/extensions/<gecko id>        a proxy file: one line, the absolute path of the built extension
 *   prefs                                   unsigned extensions allowed, profile extensions enabled without asking,
 *                                           the extension's internal UUID fixed (extensions.webextensions.uuids)
 *   command line                            the first extension page to open (moz-extension://<fixed uuid>/<page>)
 *
 * Later extension pages are opened by an extension page itself (`browser.tabs.create`), which BiDi does not police.
 * Web pages (fixtures) go through an HTTP proxy on 127.0.0.1 that serves them whatever the hostname, so the caution
 * classifier sees real-looking addresses without any DNS (Chromium's --host-resolver-rules does the same there).
 */
import puppeteer from 'puppeteer-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';

export const FIREFOX_EXTENSION_DIR = join(ROOT, process.env.PT_OUT_DIR ?? '.output', 'firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Any fixed UUID: the extension's host name in moz-extension:// URLs for this test profile only. */
export const FIREFOX_EXTENSION_UUID = '6c6b1f0e-2a4d-4b8e-9c51-7d0f3a1e5b21';

/**
 * @param {{ page?: string, proxyPort?: number, extensionDir?: string }} [opts]
 *   page: the extension page opened first (default "popup.html"); proxyPort: every http:// request goes to this
 *   local server (see serveFolder in browser.mjs, which answers proxy-style requests too).
 */
export async function launchFirefox(opts = {}) {
  const dir = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error('Build first: npx wxt build -b firefox');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  /** @type {string} */
  const id = manifest.browser_specific_settings.gecko.id;
  const profile = mkdtempSync(join(tmpdir(), 'pt-journal-firefox-'));
  mkdirSync(join(profile, 'extensions'));
  writeFileSync(join(profile, 'extensions', id), dir);
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  /** @param {string} path */
  const url = (path) => `${origin}/${path.replace(/^\//, '')}`;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: [url(opts.page ?? 'popup.html')],
    defaultViewport: { width: 1100, height: 800 },
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextensions.uuids': JSON.stringify({ [id]: FIREFOX_EXTENSION_UUID }),
      // The fixtures are plain http: no upgrade to https, no "did you mean" lookups.
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
      'browser.fixup.alternate.enabled': false,
      // English whatever the machine's LANG and language packs (the tests check English text).
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US, en',
      ...(opts.proxyPort
        ? {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': opts.proxyPort,
            'network.proxy.no_proxies_on': '',
            'network.proxy.allow_hijacking_localhost': true,
          }
        : {}),
    },
  });

  /**
   * The tab showing this extension page. Firefox's BiDi does not report navigations to moz-extension:// pages, so
   * puppeteer's page.url() can stay "about:blank": ask each tab where it is instead.
   * @param {string} path
   * @param {Set<import('puppeteer-core').Page>} [skip] tabs that were already open (and may show the same page)
   */
  const waitForPage = async (path, skip = new Set()) => {
    const want = url(path);
    const deadline = Date.now() + 30_000;
    for (;;) {
      for (const page of await browser.pages()) {
        if (skip.has(page)) continue;
        const at = await page
          .evaluate(() => (document.readyState === 'complete' ? location.href : ''))
          .catch(() => '');
        if (at === want) return page;
      }
      if (Date.now() > deadline)
        throw new Error(
          `Firefox never showed ${want} (extension not installed? run: npx wxt build -b firefox)`,
        );
      await new Promise((ok) => setTimeout(ok, 100));
    }
  };

  return {
    browser,
    url,
    /** The page named on the command line (opened at launch). */
    first: () => waitForPage(opts.page ?? 'popup.html'),
    /**
     * Opens an extension page in a new tab, asked by an extension page (BiDi itself may not go there). Use a new tab
     * rather than reloading one: puppeteer never hears of a moz-extension navigation, so its handles in a reloaded
     * tab point to the old document.
     * @param {import('puppeteer-core').Page} from an open extension page
     * @param {string} path
     */
    async openPage(from, path) {
      const before = new Set(await browser.pages());
      await from.evaluate((u) => {
        // `browser` exists in extension pages only; the test never runs this anywhere else.
        /** @type {any} */ (globalThis).browser.tabs.create({ url: u });
      }, url(path));
      return waitForPage(path, before);
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The shadow root of the first `host` element in the page, open or CLOSED, reached from the test's privileged side:
 * WebDriver BiDi serializes closed shadow roots when asked (includeShadowTree: 'all') and can then call a function
 * with that root as `this`. No page script can do this; the caution note lives in a closed root.
 * @param {import('puppeteer-core').Page} page
 * @param {string} host CSS selector of the shadow host
 * @returns {Promise<null | { inRoot: <T>(fn: string) => Promise<T> }>}
 */
export async function shadowRootOf(page, host) {
  const context = /** @type {any} */ (page.mainFrame())._id;
  /** @type {any} */
  const connection = /** @type {any} */ (page.browser()).connection;
  const found = await connection.send('script.callFunction', {
    functionDeclaration: `() => document.querySelector(${JSON.stringify(host)})`,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'root',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const root = found.result?.result?.value?.shadowRoot?.sharedId;
  if (!root) return null;
  return {
    async inRoot(fn) {
      const r = await connection.send('script.callFunction', {
        functionDeclaration: fn,
        this: { sharedId: root },
        target: { context },
        awaitPromise: true,
        resultOwnership: 'none',
      });
      if (r.result.type === 'exception') throw new Error(r.result.exceptionDetails.text);
      return deserialize(r.result.result);
    },
  };
}

/** Plain values of a BiDi remote value (strings, numbers, booleans, null, arrays and objects of those). */
function deserialize(/** @type {any} */ v) {
  switch (v.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'null':
    case 'undefined':
      return null;
    case 'array':
      return v.value.map(deserialize);
    case 'object':
      return Object.fromEntries(v.value.map((/** @type {[string, any]} */ [k, x]) => [k, deserialize(x)]));
    default:
      return v;
  }
}
