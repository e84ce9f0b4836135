/**
 * The caution banner in real Chromium with the built extension. Fixture pages (tests/fixtures/pages, ours, never
 * fetched) are served locally and reached under their real-looking hostnames via --host-resolver-rules
 * (http only: nothing here speaks TLS), at http://<fixture host>/<fixture file>.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launchExtension,
  serveFolder,
  axeViolations,
  screenshot,
  ROOT,
  type ExtensionBrowser,
} from './harness';

declare const chrome: typeof import('wxt/browser').browser;

interface Fixture {
  file: string;
  url: string;
  expected: boolean;
}
const DIR = join(ROOT, 'tests', 'fixtures', 'pages');
const fixtures = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as Fixture[];
const at = (f: Fixture) => `http://${new URL(f.url).hostname}/${f.file}`;
const fixture = (file: string) => fixtures.find((f) => f.file === `${file}.html`)!;

/** A strict policy for the hostile page: no inline anything, no scripts, Trusted Types required. */
const STRICT_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'none'; connect-src 'none'; font-src 'none'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";

/** Chromium asks every host for /favicon.ico; the fixture server has none. Not the page's error, nor ours. */
const isFavicon = (url: string) => url.endsWith('/favicon.ico');

let server: Awaited<ReturnType<typeof serveFolder>>;
let b: ExtensionBrowser;
let errors: string[] = [];

beforeAll(async () => {
  server = await serveFolder(DIR, (path): Record<string, string> =>
    path.startsWith('/e2e-hostile') ? { 'content-security-policy': STRICT_CSP } : {},
  );
});
afterAll(() => server?.close());

async function open(url: string): Promise<Page> {
  const page = await b.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !isFavicon(m.location().url)) errors.push(`${url}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  await page.goto(url);
  return page;
}

const banner = (page: Page) => page.locator('pt-journal-caution [role="note"]');
const hosts = (page: Page) => page.evaluate(() => document.querySelectorAll('pt-journal-caution').length);
/** Settles: document_idle, classification, the settings read and the background round trip. */
const settle = (page: Page) => page.waitForTimeout(700);

describe('light', () => {
  beforeEach(async () => {
    errors = [];
    b = await launchExtension({ resolveAllToPort: server.port });
  });
  afterEach(async () => {
    await b?.close();
  });

  test('a banner on every caution fixture, none on the others, no console errors', async () => {
    const page = await b.context.newPage();
    page.on('console', (m) => m.type() === 'error' && !isFavicon(m.location().url) && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const wrong: string[] = [];
    for (const f of fixtures) {
      await page.goto(at(f));
      if (f.expected) {
        const shown = await banner(page)
          .waitFor({ timeout: 4000 })
          .then(() => true)
          .catch(() => false);
        if (!shown) wrong.push(`missing on ${f.file}`);
        if (shown && (await hosts(page)) !== 1) wrong.push(`more than one banner on ${f.file}`);
      } else {
        await settle(page);
        if ((await hosts(page)) !== 0) wrong.push(`shown on ${f.file}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000); // 80 pages on a shared 2-core machine

  test('the banner: passive note in a corner, no focus taken, no layout shift, axe-clean, readable at 200%', async () => {
    const f = fixture('en-lower-back-stretches');
    const page = await open(at(f));
    await banner(page).waitFor();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('pt-journal-caution')!).position),
    ).toBe('fixed');
    const box = (await banner(page).boundingBox())!;
    const vp = page.viewportSize()!;
    expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
    expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
    expect(box.x).toBeGreaterThan(vp.width / 2); // right-hand corner
    expect(await banner(page).textContent()).toContain('not tailored to you');
    // Keyboard: Tab from the page reaches the banner's buttons.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.tagName.toLowerCase() === 'pt-journal-caution',
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Why am I seeing this?' }).click();
    expect(await page.getByRole('note').getByRole('listitem').count()).toBeGreaterThan(1);
    expect(await axeViolations(page, 'pt-journal-caution')).toEqual([]);
    await screenshot(page, 'caution-banner-light', false);
    // 200% zoom: the CSS viewport halves; the panel must still fit and scroll inside it.
    await page.setViewportSize({ width: 550, height: 400 });
    const zoomed = (await banner(page).boundingBox())!;
    expect(zoomed.x).toBeGreaterThanOrEqual(0);
    expect(zoomed.y).toBeGreaterThanOrEqual(0);
    expect(zoomed.y + zoomed.height).toBeLessThanOrEqual(400);
    await screenshot(page, 'caution-banner-zoom200', false);
    expect(errors).toEqual([]);
  });

  test('a hostile stylesheet and a strict CSP still get a correct, visible banner', async () => {
    const page = await open('http://www.stricthealthdaily.com/e2e-hostile.html');
    await banner(page).waitFor();
    const box = (await banner(page).boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(80);
    const vp = page.viewportSize()!;
    expect(box.x).toBeGreaterThan(vp.width / 2); // still fixed in the corner, not pushed into the page flow
    expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
    const font = await page.evaluate(() => {
      const note = document.querySelector('pt-journal-caution')!.shadowRoot!.querySelector('[role="note"]')!;
      return getComputedStyle(note).fontSize;
    });
    expect(font).toBe('14px');
    expect(await banner(page).isVisible()).toBe(true);
    expect(await axeViolations(page, 'pt-journal-caution')).toEqual([]);
    await screenshot(page, 'caution-banner-hostile', false);
    expect(errors).toEqual([]);
  });

  test('a single-page site: the banner appears after navigating inside the page', async () => {
    const page = await open('http://www.vidstream.tv/e2e-spa.html');
    await settle(page);
    expect(await hosts(page)).toBe(0);
    await page.click('#open');
    await banner(page).waitFor({ timeout: 6000 });
    expect(await hosts(page)).toBe(1);
    expect(errors).toEqual([]);
  });

  test('"Add to my exercises" stores the page in the journal once', async () => {
    const f = fixture('de-nacken-buero');
    const page = await open(at(f));
    await banner(page).waitFor();
    await page.getByRole('button', { name: 'Add to my exercises' }).click();
    await page.getByRole('status').filter({ hasText: 'Added to your exercises' }).waitFor();
    await page.reload();
    await banner(page).waitFor();
    await page.getByRole('button', { name: 'Add to my exercises' }).click();
    await page.getByRole('status').filter({ hasText: 'already in your exercises' }).waitFor();

    const options = await b.openPage('options.html');
    const stored = await options.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = indexedDB.open('pt-journal');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction('exercises', 'readonly');
            const all = tx.objectStore('exercises').getAll();
            all.onsuccess = () => resolve(all.result);
          };
        }),
    );
    expect(stored).toEqual([
      expect.objectContaining({
        name: 'Nackenschmerzen lösen: Dehnübungen fürs Büro',
        source: 'online',
        url: at(f),
      }),
    ]);
    expect(errors).toEqual([]);
  });

  test('Dismiss holds for the page through reloads; mute holds for the whole site and lands in settings', async () => {
    const f = fixture('fr-mal-de-dos');
    const page = await open(at(f));
    await banner(page).waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await hosts(page)).toBe(0);
    await page.reload();
    await settle(page);
    expect(await hosts(page)).toBe(0);

    // Another caution page is unaffected; muting it hides the banner on its whole host.
    const other = fixture('fr-sciatique-etirements');
    await page.goto(at(other));
    await banner(page).waitFor();
    await page.getByRole('button', { name: "Don't show on this site" }).click();
    expect(await hosts(page)).toBe(0);
    const host = new URL(other.url).hostname;
    const options = await b.openPage('options.html');
    await expect
      .poll(() =>
        options.evaluate(() =>
          chrome.storage.local.get('settings').then((s) => (s.settings as { caution: unknown }).caution),
        ),
      )
      .toEqual({ enabled: true, mutedHosts: [host] });
    await page.goto(`http://${host}/fr-genou-fiche.html`);
    await settle(page);
    expect(await hosts(page)).toBe(0);

    // Unmuting (as the settings page does) brings it back; the global switch off hides it everywhere.
    await options.evaluate(() =>
      chrome.storage.local.get('settings').then((s) => {
        const settings = s.settings as { caution: { mutedHosts: string[]; enabled: boolean } };
        settings.caution.mutedHosts = [];
        return chrome.storage.local.set({ settings });
      }),
    );
    await page.reload();
    await banner(page).waitFor();
    await options.evaluate(() =>
      chrome.storage.local.get('settings').then((s) => {
        const settings = s.settings as { caution: { enabled: boolean } };
        settings.caution.enabled = false;
        return chrome.storage.local.set({ settings });
      }),
    );
    await expect.poll(() => hosts(page)).toBe(0); // taken down live, without a reload
    await page.goto(at(fixture('en-sciatica-moves')));
    await settle(page);
    expect(await hosts(page)).toBe(0);
    expect(errors).toEqual([]);
  });

  test('early after surgery the wording is stronger; help and journal buttons open their pages', async () => {
    const options = await b.openPage('options.html');
    await options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('pt-journal');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const d = new Date(Date.now() - 20 * 86_400_000);
            const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
            const tx = req.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').put({ key: 'profile', value: { ptStartDate: null, surgeryDate: day } });
            tx.oncomplete = () => resolve();
          };
        }),
    );
    const page = await open(at(fixture('en-knee-replacement-sheet')));
    await banner(page).waitFor();
    expect(await banner(page).textContent()).toContain('less than 12 weeks ago');
    await screenshot(page, 'caution-banner-surgery', false);
    const [help] = await Promise.all([
      b.context.waitForEvent('page'),
      page.getByRole('button', { name: 'When to get help now' }).click(),
    ]);
    await help.waitForLoadState();
    expect(help.url()).toBe(b.url('help.html'));
    await options.close(); // openOptionsPage() focuses an open options tab instead of opening another
    const [journal] = await Promise.all([
      b.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open my journal' }).click(),
    ]);
    await journal.waitForLoadState();
    expect(journal.url()).toMatch(new RegExp(`^${b.url('options.html')}`));
    expect(errors).toEqual([]);
  });
});

describe('dark', () => {
  beforeAll(async () => {
    errors = [];
    b = await launchExtension({ resolveAllToPort: server.port, colorScheme: 'dark' });
  });
  afterAll(() => b?.close());

  test('dark banner is axe-clean', async () => {
    const page = await open(at(fixture('es-dolor-lumbar')));
    await banner(page).waitFor();
    await page.getByRole('button', { name: 'Why am I seeing this?' }).click();
    expect(await axeViolations(page, 'pt-journal-caution')).toEqual([]);
    await screenshot(page, 'caution-banner-dark', false);
    expect(errors).toEqual([]);
  });
});
