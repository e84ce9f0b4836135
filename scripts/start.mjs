// npm start: build the extension, then open Chromium (or Chrome/Edge) with it loaded in a fresh, throw-away profile,
// on the welcome page. Set CHROME_PATH to pick a browser. Note: branded Google Chrome 137+ ignores --load-extension;
// use Chromium, or load .output/chrome-mv3 by hand (README, "Load it yourself").
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
execSync('npx wxt build', { stdio: 'inherit', cwd: root });
const ext = join(root, '.output', 'chrome-mv3');

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/usr/bin/microsoft-edge',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Chromium\\Application\\chrome.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
].filter(Boolean);
const browser = candidates.find((p) => existsSync(p));
if (!browser) {
  console.error(
    `No Chromium-based browser found. Set CHROME_PATH, or load ${ext} as an unpacked extension (README).`,
  );
  process.exit(1);
}
const profile = mkdtempSync(join(tmpdir(), 'pt-journal-profile-'));
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${ext}`,
  `--load-extension=${ext}`,
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ...(process.env.PT_HEADLESS ? ['--headless=new', '--remote-debugging-port=0'] : []),
  'about:blank',
];
console.log(
  `Opening ${browser} with PT Journal loaded (profile ${profile}). The welcome page opens on first run.`,
);
const child = spawn(browser, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
