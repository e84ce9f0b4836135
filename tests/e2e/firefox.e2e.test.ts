/**
 * The built Firefox extension (.output/firefox-mv2, `wxt build -b firefox`) in Debian's Firefox ESR, driven over
 * WebDriver BiDi by puppeteer-core (scripts/lib/firefox.mjs explains how extension pages are reached). The paths a
 * person takes first: a check-in in the popup page, a backup imported and drawn as a chart on the options page, the
 * dashboard's keyboard layer (palette, key sequences, the "?" list as Firefox lets keys through), and the caution
 * note on a web page (a committed fixture served through a local proxy, never fetched), which the page itself can
 * neither read nor press. Each test gets its own browser and profile.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchFirefox, shadowRootOf } from '../../scripts/lib/firefox.mjs';
import { serveFolder, ROOT } from './harness';
import { syntheticBackup } from '../fixtures/synthetic';
import { readStore } from './raw-store';

let ff: Awaited<ReturnType<typeof launchFirefox>> | undefined;
afterEach(async () => {
  await ff?.close();
  ff = undefined;
});

/** Every entry as stored, read with raw IndexedDB in an extension page (independent of the app's code). */
function storedEntries(page: Page): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(readStore, 'entries');
}

const popupReady = (page: Page) =>
  page.waitForFunction(() => performance.getEntriesByName('pt:popup-ready').length > 0, { polling: 50 });
const painNow = (page: Page) =>
  page.$eval('[role="slider"][id="pain"]', (el) => el.getAttribute('aria-valuenow'));

test('Firefox: a keyboard check-in in the popup page is saved and still there when it opens again', async () => {
  ff = await launchFirefox({ page: 'popup.html' });
  const popup = await ff.first();
  await popupReady(popup);
  expect(await popup.evaluate(() => document.activeElement?.id)).toBe('pain');
  await popup.keyboard.press('6');
  await popup.keyboard.down('Control');
  await popup.keyboard.press('Enter');
  await popup.keyboard.up('Control');
  const saved = await popup.waitForSelector('[data-testid="saved"]');
  expect(await saved!.evaluate((el) => el.textContent)).toMatch(/^Saved for/);

  const entries = await storedEntries(popup);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ pain: 6 });

  const again = await ff.openPage(popup, 'popup.html');
  await popupReady(again);
  expect(await painNow(again)).toBe('6');
  expect(await again.$$eval('button', (bs) => bs.some((b) => /Save changes/.test(b.textContent ?? '')))).toBe(
    true,
  );
});

test('Firefox: a backup imported on the options page shows in History and draws the pain chart', async () => {
  ff = await launchFirefox({ page: 'options.html' });
  const page = await ff.first();
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv')); // YYYY-MM-DD, local
  const source = syntheticBackup({ days: 45, end: today, gapRate: 0.1, seed: 5 });
  const file = join(mkdtempSync(join(tmpdir(), 'pt-firefox-e2e-')), 'backup.json');
  writeFileSync(file, JSON.stringify(source));

  const input = (await page.waitForSelector('#bk-file')) as ElementHandle<HTMLInputElement>;
  expect(await page.$$('#progress canvas')).toHaveLength(0); // an empty journal draws no charts
  await input.uploadFile(file);
  const preview = await page.waitForSelector('[data-testid="import-preview"]');
  expect(await preview!.evaluate((el) => el.textContent)).toContain(`${source.entries.length} days`);
  const confirm = await page.$(`::-p-text(Import ${source.entries.length} days)`);
  await confirm!.click(); // a real (trusted) click: puppeteer moves the mouse to the button
  const done = await page.waitForSelector('[data-testid="import-done"]');
  expect(await done!.evaluate((el) => el.textContent)).toContain(`${source.entries.length} days saved`);
  expect(await storedEntries(page)).toHaveLength(source.entries.length);

  // The dashboard follows the journal: charts are drawn (uPlot canvases) without a reload.
  await page.waitForFunction(() => performance.getEntriesByName('pt:charts-drawn').length > 0, {
    polling: 50,
  });
  await page.waitForFunction(() => document.querySelectorAll('#progress canvas').length > 0, {
    polling: 50,
  });
  const canvas = await page.$eval('#progress canvas', (c) => {
    const el = c as HTMLCanvasElement;
    return { width: el.width, height: el.height };
  });
  expect(canvas.width).toBeGreaterThan(100);
  expect(canvas.height).toBeGreaterThan(50);
  // History's own live count follows the import too (it may still say 0 when the charts are drawn: wait for the number).
  await page.waitForFunction(
    (n) => (document.querySelector('#history')?.textContent ?? '').includes(`Days logged: ${n}`),
    { polling: 50 },
    source.entries.length,
  );
  expect(await page.$eval('#history', (el) => el.textContent)).toContain(
    `Days logged: ${source.entries.length}`,
  );
});

test('Firefox: the keyboard layer: Ctrl+K palette runs a command, "g p" jumps, "?" lists only keys Firefox lets through', async () => {
  ff = await launchFirefox({ page: 'options.html' });
  const page = await ff.first();
  await page.waitForSelector('#bk-file');
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  // Poll on a timer, not on animation frames: Firefox may stop painting a window that lost the OS focus (a loaded
  // machine, another window), and a frame-polled wait then never looks again although the condition already holds.
  const until = (fn: () => boolean) => page.waitForFunction(fn, { polling: 50, timeout: 15_000 });
  const chord = async (...keys: Array<'Control' | 'Shift' | string>) => {
    for (const k of keys.slice(0, -1)) await page.keyboard.down(k as never);
    await page.keyboard.press(keys.at(-1)! as never);
    for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k as never);
  };

  // Ctrl+K opens the palette with focus in its combobox; typing filters; Enter runs; focus lands on the section.
  await chord('Control', 'k');
  await page.waitForSelector('dialog[open] [role="combobox"]');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
  await page.keyboard.type('go to history');
  await page.keyboard.press('Enter');
  await until(() => document.activeElement?.id === 'history-h');
  expect(await page.$$('dialog[open] [role="combobox"]')).toHaveLength(0);

  // Escape closes the palette and puts focus back where it was.
  await page.focus('#history-jump');
  expect(await focusedId()).toBe('history-jump');
  await chord('Control', 'k');
  await page.waitForSelector('dialog[open] [role="combobox"]');
  await page.keyboard.press('Escape');
  await until(() => !document.querySelector('dialog[open] [role="combobox"]'));
  await until(() => document.activeElement?.id === 'history-jump');

  // A page key sequence, outside a text field: g then p goes to Progress.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await until(() => document.activeElement?.id === 'progress-h');

  // "?" lists the shortcuts; in Firefox only Ctrl+K opens the palette (Ctrl+Shift+P is Firefox's private window).
  await page.keyboard.press('?');
  const list = await page.waitForSelector('dialog[open] .shortcuts-list');
  const first = await list!.$eval('dt', (dt) => dt.textContent ?? '');
  expect(first).toMatch(/^\s*Ctrl\W*K\s*$/);
  expect(first).not.toMatch(/Shift/);
});

describe('Firefox: the caution note', () => {
  const DIR = join(ROOT, 'tests', 'fixtures', 'pages');
  const fixtures = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as Array<{
    file: string;
    url: string;
    expected: boolean;
  }>;
  const at = (f: { file: string; url: string }) => `http://${new URL(f.url).hostname}/${f.file}`;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  beforeAll(async () => {
    server = await serveFolder(DIR);
  });
  afterAll(() => server?.close());

  test('shows on a caution page under its real-looking address, and not on an ordinary page', async () => {
    ff = await launchFirefox({ page: 'options.html', proxyPort: server.port });
    const caution = fixtures.find((f) => f.file === 'en-lower-back-stretches.html')!;
    const ordinary = fixtures.find((f) => !f.expected)!;
    const page = await ff.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    await page.goto(at(caution));
    expect(page.url()).toBe(at(caution));
    await page.waitForSelector('pt-journal-caution', { timeout: 15_000 });
    const root = await shadowRootOf(page, 'pt-journal-caution');
    expect(root).not.toBeNull();
    const text = await root!.inRoot<string>(
      'function () { return this.querySelector("[role=note]")?.textContent ?? "" }',
    );
    expect(text).toContain('not tailored to you');
    expect(await page.$$eval('pt-journal-caution', (els) => els.length)).toBe(1);

    await page.goto(at(ordinary));
    await new Promise((ok) => setTimeout(ok, 1500)); // classification, settings read and background round trip
    expect(await page.$$('pt-journal-caution')).toHaveLength(0);
    expect(errors).toEqual([]);
  });

  test('the page can neither read the note nor press it: closed root, made-up clicks and keys do nothing', async () => {
    // The Chromium e2e (caution.e2e.test.ts) plays the whole attack; these are its essentials in Firefox, where
    // page.evaluate runs in the page's own realm, as a page script would.
    ff = await launchFirefox({ page: 'options.html', proxyPort: server.port });
    const f = fixtures.find((x) => x.file === 'en-knee-replacement-sheet.html')!;
    const page = await ff.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(at(f));
    await page.waitForSelector('pt-journal-caution', { timeout: 15_000 });
    const root = (await shadowRootOf(page, 'pt-journal-caution'))!;
    expect(root).not.toBeNull();
    const visibleButtons = () =>
      root.inRoot<string[]>(
        'function () { return [...this.querySelectorAll("button")].filter((b) => b.getClientRects().length).map((b) => b.textContent); }',
      );
    expect(await visibleButtons()).toEqual(['Dismiss', 'More']);

    const view = await page.evaluate(() => {
      const host = document.querySelector('pt-journal-caution') as HTMLElement;
      document.getSelection()?.selectAllChildren(document.body);
      const selected = document.getSelection()?.toString() ?? '';
      document.getSelection()?.removeAllRanges();
      return {
        shadowRoot: host.shadowRoot === null ? 'null' : 'open',
        text: host.textContent,
        // A hostile page reads every way it can (the rules below are for our own code, not for the page's side).
        // eslint-disable-next-line no-restricted-syntax
        innerText: host.innerText,
        // eslint-disable-next-line no-restricted-syntax
        html: host.innerHTML,
        children: host.childElementCount,
        selected: selected.includes('tailored'),
      };
    });
    expect(view).toEqual({
      shadowRoot: 'null',
      text: '',
      innerText: '',
      html: '',
      children: 0,
      selected: false,
    });

    // Made-up clicks at every point of the host and key presses at it, from the page.
    const attempts = await page.evaluate(() => {
      const host = document.querySelector('pt-journal-caution') as HTMLElement;
      const r = host.getBoundingClientRect();
      let n = 0;
      host.click();
      for (let x = r.left + 4; x < r.right; x += 24)
        for (let y = r.top + 4; y < r.bottom; y += 12) {
          const target = document.elementFromPoint(x, y) ?? host;
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
            target.dispatchEvent(
              new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }),
            );
          n++;
        }
      for (const key of ['Tab', 'Enter', ' ', 'Escape'])
        for (const type of ['keydown', 'keypress', 'keyup'])
          host.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, composed: true }));
      return n;
    });
    expect(attempts).toBeGreaterThan(50);
    // Even on the buttons themselves (as if the page got hold of them): made-up events are not trusted.
    const pressed = await root.inRoot<number>(`function () {
      let n = 0;
      for (const b of this.querySelectorAll('button')) {
        b.click();
        for (const key of ['Enter', ' '])
          for (const type of ['keydown', 'keypress', 'keyup'])
            b.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, composed: true }));
        n++;
      }
      return n;
    }`);
    expect(pressed).toBe(6);

    // Nothing happened: not even "More". Every tab says where it is (puppeteer does not hear of extension pages).
    await new Promise((ok) => setTimeout(ok, 1000)); // any tab a press had asked the background for would be open
    expect(await visibleButtons()).toEqual(['Dismiss', 'More']);
    const where = await Promise.all(
      (await ff.browser.pages()).map((p) => p.evaluate(() => location.pathname).catch(() => '')),
    );
    expect(where.filter((w) => /add-exercise|help/.test(w))).toEqual([]);
    expect(where.filter((w) => w.endsWith('/options.html'))).toHaveLength(1); // the one opened at launch
    expect(errors).toEqual([]);
  });
});
