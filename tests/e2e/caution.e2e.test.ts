/**
 * The caution note in real Chromium with the built extension. Fixture pages (tests/fixtures/pages, ours, never
 * fetched) are served locally and reached under their real-looking hostnames via --host-resolver-rules
 * (http only: nothing here speaks TLS), at http://<fixture host>/<fixture file>.
 *
 * The note lives in a CLOSED shadow root: tests reach it through the DevTools protocol and press it with the real
 * mouse and keyboard (tests/e2e/closed-shadow.ts); the page's side is played by page.evaluate (the main world).
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launchExtension,
  serveFolder,
  axeViolations,
  screenshot,
  within,
  ROOT,
  type ExtensionBrowser,
} from './harness';
import { readStore } from './raw-store';
import { closedNote, openCopyForAudit, type ClosedNote } from './closed-shadow';

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

const hostSel = 'pt-journal-caution';
const hosts = (page: Page) => page.evaluate(() => document.querySelectorAll('pt-journal-caution').length);
/** Waits for the note's host (the page can see that much) and reaches inside through the DevTools protocol. */
async function waitNote(page: Page, timeout = 5000): Promise<ClosedNote> {
  await page.locator(hostSel).waitFor({ state: 'attached', timeout });
  await page.waitForTimeout(250); // mount animation (160 ms)
  const note = await closedNote(page);
  if (!note) throw new Error('note host without a shadow root');
  return note;
}
const hostBox = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('pt-journal-caution')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
/** Settles: document_idle, classification, the settings read and the background round trip. */
const settle = (page: Page) => page.waitForTimeout(700);

/** Everything a page script can learn about the note, from the main world (what a hostile page would collect). */
function pageView(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('pt-journal-caution');
    if (!host) return null;
    const r = host.getBoundingClientRect();
    return {
      shadowRoot: host.shadowRoot === null ? 'null' : 'open',
      text: host.textContent,
      // A hostile page reads every way it can (the rules below are for our own code, not for the page's side).
      // eslint-disable-next-line no-restricted-syntax
      innerText: (host as HTMLElement).innerText,
      // eslint-disable-next-line no-restricted-syntax
      html: host.innerHTML,
      children: host.childElementCount,
      width: r.width,
      height: r.height,
      right: window.innerWidth - r.right,
      bottom: window.innerHeight - r.bottom,
      attributes: [...host.attributes].map((a) => `${a.name}=${a.value}`),
      selection: (() => {
        document.getSelection()?.selectAllChildren(document.body);
        const text = document.getSelection()?.toString() ?? '';
        document.getSelection()?.removeAllRanges();
        return text.includes('tailored') || text.includes('Exercises found online');
      })(),
    };
  });
}

/** The journal's exercises, read from an extension page. */
async function storedExercises(b: ExtensionBrowser) {
  const options = await b.openPage('options.html');
  const list = (await within('reading the exercises', options.evaluate(readStore, 'exercises'))) as Array<{
    name: string;
    url: string;
    source: string;
  }>;
  await options.close();
  return list;
}

/** Puts a surgery date `daysAgo` days back into the profile, as the options page would. */
async function setSurgery(b: ExtensionBrowser, daysAgo: number | null) {
  let day: string | null = null;
  if (daysAgo !== null) {
    const d = new Date(Date.now() - daysAgo * 86_400_000);
    day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  const options = await b.openPage('options.html');
  const record = { key: 'profile', value: { ptStartDate: null, surgeryDate: day } };
  await within('writing the profile', options.evaluate(readStore, { store: 'meta', put: record }));
  await options.close();
}

describe('light', () => {
  beforeEach(async () => {
    errors = [];
    b = await launchExtension({ resolveAllToPort: server.port, viewport: { width: 1280, height: 720 } });
  });
  afterEach(async () => {
    await b?.close();
  });

  test('a note on every caution fixture, none on the others, no console errors', async () => {
    const page = await b.context.newPage();
    page.on('console', (m) => m.type() === 'error' && !isFavicon(m.location().url) && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const wrong: string[] = [];
    for (const f of fixtures) {
      await page.goto(at(f));
      if (f.expected) {
        const shown = await page
          .locator(hostSel)
          .waitFor({ state: 'attached', timeout: 4000 })
          .then(() => true)
          .catch(() => false);
        if (!shown) wrong.push(`missing on ${f.file}`);
        if (shown && (await hosts(page)) !== 1) wrong.push(`more than one note on ${f.file}`);
      } else {
        await settle(page);
        if ((await hosts(page)) !== 0) wrong.push(`shown on ${f.file}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000); // 80 pages on a shared 2-core machine

  test('compact note: ≤ 6% of a 1280×720 window, in a corner, no focus taken; More shows the actions; axe-clean; 200% zoom', async () => {
    const f = fixture('en-lower-back-stretches');
    const page = await open(at(f));
    const note = await waitNote(page);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('pt-journal-caution')!).position),
    ).toBe('fixed');
    const box = await hostBox(page);
    const vp = page.viewportSize()!;
    expect(vp).toEqual({ width: 1280, height: 720 });
    expect((box.width * box.height) / (vp.width * vp.height)).toBeLessThanOrEqual(0.06);
    expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
    expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
    expect(box.x).toBeGreaterThan(vp.width / 2); // right-hand corner
    expect(await note.buttons()).toEqual(['Dismiss', 'More']);
    expect(await note.text()).toContain('evaluation by a healthcare professional may be helpful');
    await screenshot(page, 'caution-note-compact', false);
    // Keyboard: Tab from the page reaches the note's buttons.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.tagName.toLowerCase() === 'pt-journal-caution',
      );
    }
    expect(reached).toBe(true);
    await note.press('More');
    expect(await note.buttons()).toEqual([
      'Dismiss',
      'Less',
      'Add to my exercises',
      'Open my journal',
      'When to get help now',
      "Don't show on this site",
    ]);
    expect(await note.text()).toContain('not tailored to you');
    await screenshot(page, 'caution-note-expanded', false);
    // Escape (a real key press) folds it back.
    await note.pressKey('Less', 'Escape');
    expect(await note.buttons()).toEqual(['Dismiss', 'More']);
    await note.press('More');
    // 200% zoom: the CSS viewport halves; the panel must still fit and scroll inside it.
    await page.setViewportSize({ width: 640, height: 360 });
    const zoomed = await hostBox(page);
    expect(zoomed.x).toBeGreaterThanOrEqual(0);
    expect(zoomed.y).toBeGreaterThanOrEqual(0);
    expect(zoomed.y + zoomed.height).toBeLessThanOrEqual(360);
    await screenshot(page, 'caution-note-zoom200', false);
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(await axeViolations(page, await openCopyForAudit(page, note))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a hostile stylesheet and a strict CSP still get a correct, visible note', async () => {
    const page = await open('http://www.stricthealthdaily.com/e2e-hostile.html');
    const note = await waitNote(page);
    const box = await hostBox(page);
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(80);
    const vp = page.viewportSize()!;
    expect(box.x).toBeGreaterThan(vp.width / 2); // still fixed in the corner, not pushed into the page flow
    expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
    expect(
      await note.inRoot<string>(
        'function () { return getComputedStyle(this.querySelector("[role=note]")).fontSize; }',
      ),
    ).toBe('14px');
    expect(await note.text()).toContain('Exercises found online');
    await screenshot(page, 'caution-note-hostile', false);
    expect(errors).toEqual([]);
  });

  test('a single-page site: the note appears after navigating inside the page', async () => {
    const page = await open('http://www.vidstream.tv/e2e-spa.html');
    await settle(page);
    expect(await hosts(page)).toBe(0);
    await page.click('#open');
    await waitNote(page, 6000);
    expect(await hosts(page)).toBe(1);
    expect(errors).toEqual([]);
  });

  test('the page cannot read or press the note, spam "Add" across pushState or open tabs; it sees the same with and without a surgery date', async () => {
    const f = fixture('en-knee-replacement-sheet');
    const page = await b.context.newPage();
    // The page listens for anything an extension might say to it (WXT's content-script context posts
    // 'wxt:content-script-started' with the script's name and fires 'wxt:locationchange': ours must not).
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      window.addEventListener('message', (e) => heard.push(`message ${JSON.stringify(e.data)}`));
      for (const type of ['wxt:content-script-started', 'wxt:locationchange']) {
        window.addEventListener(type, () => heard.push(type), true);
        document.addEventListener(type, () => heard.push(type), true);
      }
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(at(f));
    const note = await waitNote(page);
    // The welcome tab a fresh install opens is not the page's doing: let it arrive first, then count tabs.
    await expect.poll(() => b.context.pages().some((p) => p.url().endsWith('/welcome.html'))).toBe(true);
    const pagesBefore = b.context.pages().length;
    const opened: string[] = [];
    b.context.on('page', (p) => opened.push(p.url()));
    const without = await pageView(page);
    expect(without).toMatchObject({ shadowRoot: 'null', text: '', innerText: '', html: '', children: 0 });
    expect(without!.selection).toBe(false);

    // The page's own script: everything it can reach is the host. Click it, at every point, and type at it.
    const attempts = await page.evaluate(async () => {
      const host = document.querySelector('pt-journal-caution') as HTMLElement;
      const r = host.getBoundingClientRect();
      let n = 0;
      for (let round = 0; round < 5; round++) {
        document.title = 'Prescribed by your physiotherapist: 200 deadlifts daily';
        history.pushState({}, '', `/spam-${round}.html`);
        const h = (document.querySelector('pt-journal-caution') as HTMLElement | null) ?? host;
        h.click();
        h.focus();
        for (let x = r.left + 4; x < r.right; x += 24)
          for (let y = r.top + 4; y < r.bottom; y += 12) {
            const target = document.elementFromPoint(x, y) ?? h;
            for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
              target.dispatchEvent(
                new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }),
              );
            n++;
          }
        for (const key of ['Tab', 'Enter', ' ', 'Escape'])
          for (const type of ['keydown', 'keypress', 'keyup']) {
            h.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, composed: true }));
            document.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true }));
          }
        await new Promise((res) => setTimeout(res, 700)); // lets the content script re-check after pushState
      }
      return n;
    });
    expect(attempts).toBeGreaterThan(100);

    // Suppose the page got hold of the buttons themselves (a browser bug): made-up events still do nothing.
    const again = (await closedNote(page)) ?? note;
    expect(await again.syntheticPressAll()).toBe(6);
    await page.waitForTimeout(500);

    expect(opened).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    expect(b.context.pages().length).toBe(pagesBefore);
    expect(await again.buttons()).toEqual(['Dismiss', 'More']); // not even "More" was pressed
    expect(await storedExercises(b)).toEqual([]);

    // Same page, same view, with a surgery date 3 weeks ago.
    await setSurgery(b, 21);
    await page.goto(at(f));
    await waitNote(page);
    const withSurgery = await pageView(page);
    expect(withSurgery).toEqual(without);
    const inside = await (await closedNote(page))!.text();
    expect(inside).not.toMatch(/surgery|weeks ago/i);
    expect(errors).toEqual([]);
  });

  test('"Add to my exercises" (a real click) opens the confirmation page prefilled; confirming saves exactly once', async () => {
    const f = fixture('de-nacken-buero');
    await setSurgery(b, 20);
    const page = await open(at(f));
    const note = await waitNote(page);
    await note.press('More');
    const [add] = await Promise.all([b.context.waitForEvent('page'), note.press('Add to my exercises')]);
    await add.waitForLoadState();
    expect(add.url()).toMatch(new RegExp(`^${b.url('add-exercise.html')}\\?`));
    const name = add.getByLabel('Name');
    await expect.poll(() => name.inputValue()).toBe('Nackenschmerzen lösen: Dehnübungen fürs Büro');
    // Shown here, on the extension page, never in the web page: early after surgery.
    await add.getByText('less than 12 weeks ago').waitFor();
    expect(await axeViolations(add)).toEqual([]);
    await screenshot(add, 'caution-add-exercise', false);
    await name.fill('Nacken: Dehnübungen');
    const confirm = add.getByRole('button', { name: 'Add', exact: true });
    await confirm.dblclick();
    await add.getByRole('status').filter({ hasText: 'Added "Nacken: Dehnübungen"' }).waitFor();
    expect(await storedExercises(b)).toEqual([
      expect.objectContaining({ name: 'Nacken: Dehnübungen', source: 'online', url: at(f) }),
    ]);

    // Pressing "Add" again reuses the same tab, which now says it is already saved; still one exercise.
    const tabs = b.context.pages().length;
    await page.bringToFront();
    await note.press('Add to my exercises');
    await add.getByText('already in your exercises').waitFor();
    expect(b.context.pages().length).toBe(tabs);
    expect(await add.getByRole('button', { name: 'Add', exact: true }).isDisabled()).toBe(true);
    expect(await storedExercises(b)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  test('Dismiss holds for the page through reloads; mute holds for the whole site and lands in settings', async () => {
    const f = fixture('fr-mal-de-dos');
    const page = await open(at(f));
    let note = await waitNote(page);
    await note.press('Dismiss');
    expect(await hosts(page)).toBe(0);
    await page.reload();
    await settle(page);
    expect(await hosts(page)).toBe(0);

    // Another caution page is unaffected; muting it hides the note on its whole host.
    const other = fixture('fr-sciatique-etirements');
    await page.goto(at(other));
    note = await waitNote(page);
    await note.press('More');
    await note.press("Don't show on this site");
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
    await waitNote(page);
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

  test('help (one tab, reused) and journal buttons open their pages on a real click or key press', async () => {
    const page = await open(at(fixture('en-knee-replacement-sheet')));
    const note = await waitNote(page);
    await note.press('More');
    const [help] = await Promise.all([b.context.waitForEvent('page'), note.press('When to get help now')]);
    await help.waitForLoadState();
    expect(help.url()).toBe(b.url('help.html'));
    const tabs = b.context.pages().length;
    await page.bringToFront();
    await note.pressKey('When to get help now', 'Enter'); // keyboard: a trusted click on the button
    await note.press('When to get help now');
    await page.waitForTimeout(500);
    expect(b.context.pages().length).toBe(tabs); // the same help tab, brought forward
    const [journal] = await Promise.all([b.context.waitForEvent('page'), note.press('Open my journal')]);
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

  test('dark note is axe-clean, compact and expanded', async () => {
    const page = await open(at(fixture('es-dolor-lumbar')));
    const note = await waitNote(page);
    await note.press('More');
    await screenshot(page, 'caution-note-dark', false);
    expect(await axeViolations(page, await openCopyForAudit(page, note))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
