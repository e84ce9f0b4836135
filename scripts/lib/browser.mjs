/**
 * Launching Debian's Chromium (never a downloaded browser) with the built extension, for the e2e tests
 * (tests/e2e/harness.ts re-exports this) and the benchmarks (scripts/bench/*.mjs). Plain JS so both can use it.
 *
 * Content-script tests serve committed fixtures from a local server and map every hostname to it with
 * --host-resolver-rules, so "http://www.example-clinic.com/..." URLs resolve locally.
 */
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_DIR = join(ROOT, process.env.PT_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * @param {{ resolveAllToPort?: number, args?: string[], colorScheme?: 'light' | 'dark',
 *   viewport?: { width: number, height: number }, extensionDir?: string | null, locale?: string }} [opts]
 *   extensionDir: null launches without the extension (for "with vs without" measurements).
 *   locale: the browser's language as pages and chrome.i18n.getUILanguage() see it (pair it with args --lang=…,
 *   which picks the extension's messages).
 */
export async function launchExtension(opts = {}) {
  const dir = opts.extensionDir === undefined ? EXTENSION_DIR : opts.extensionDir;
  if (dir && !existsSync(join(dir, 'manifest.json'))) throw new Error('Build first: npx wxt build');
  const profile = mkdtempSync(join(tmpdir(), 'pt-journal-e2e-'));
  const args = [
    ...(dir ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    ...(opts.resolveAllToPort ? [`--host-resolver-rules=MAP * 127.0.0.1:${opts.resolveAllToPort}`] : []),
    // English unless a test asks for another language: a CI image with Chromium's locale packs and a non-English
    // LANG would otherwise show the extension in that language and fail the English checks.
    ...((opts.args ?? []).some((a) => a.startsWith('--lang=')) ? [] : ['--lang=en-US']),
    ...(opts.args ?? []),
  ];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'en-US',
    viewport: opts.viewport ?? { width: 1100, height: 800 },
  });
  let extensionId = '';
  if (dir) {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    extensionId = new URL(worker.url()).host;
  }

  /** Requests from extension pages to anything but the extension itself. */
  const externalRequests = [];
  context.on('request', (req) => {
    const u = req.url();
    if (/^(chrome-extension|data|blob):/.test(u)) return;
    let frameUrl = '';
    try {
      frameUrl = req.frame().url();
    } catch {
      frameUrl = 'chrome-extension://worker'; // service-worker requests have no frame
    }
    if (!frameUrl.startsWith('chrome-extension://')) return;
    externalRequests.push(u);
  });

  /** @param {string} path */
  const url = (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    context,
    extensionId,
    externalRequests,
    url,
    /** @param {string} path */
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(url(path));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves a folder on 127.0.0.1 whatever the Host header says. `headers(path)` adds per-file headers (e.g. a strict
 * Content-Security-Policy). "/" serves index.html; an extension-less path gets ".html".
 * @param {string} dir
 * @param {(path: string) => Record<string, string>} [headers]
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
export async function serveFolder(dir, headers = () => ({})) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(dir, path === '/' ? 'index.html' : path);
    if (!extname(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...headers(path),
    });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((ok) => server.close(() => ok(undefined))) };
}
