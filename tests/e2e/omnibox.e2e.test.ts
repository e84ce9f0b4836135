/**
 * The address-bar keyword "pt" in real Chromium. Headless Chromium has no address bar to type into, so the test calls
 * the very handlers the background registered with chrome.omnibox (kept on the worker's scope for this), and checks
 * what is stored with raw IndexedDB from an extension page, the badge, and that the keyword and the second command
 * are in the manifest.
 */
import type { Page, Worker } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './harness';
import { readStore } from './raw-store';

declare const chrome: typeof import('wxt/browser').browser;
interface Handlers {
  suggest(text: string): Promise<string>;
  enter(text: string, disposition?: string): Promise<{ kind: string; url?: string }>;
}

let b: ExtensionBrowser;
let sw: Worker;
let page: Page;
beforeAll(async () => {
  b = await launchExtension();
  sw = b.context.serviceWorkers()[0]!;
  page = await b.openPage('options.html');
});
afterAll(() => b?.close());

// The callbacks run inside the worker: they reach the handlers through its global scope, nothing from this file.
const suggest = (text: string) =>
  sw.evaluate(
    (t) => (globalThis as unknown as { ptJournalOmnibox: Handlers }).ptJournalOmnibox.suggest(t),
    text,
  );
const enter = (text: string, disposition?: string) =>
  sw.evaluate(
    ([t, d]) => (globalThis as unknown as { ptJournalOmnibox: Handlers }).ptJournalOmnibox.enter(t!, d),
    [text, disposition] as const,
  );

/** Entries as stored, read with raw IndexedDB (independent of the app's code). */
function stored(): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(readStore, 'entries');
}

const day = (offset: number) =>
  page.evaluate((o) => {
    const d = new Date();
    d.setDate(d.getDate() + o);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, offset);

test('the manifest declares the keyword and both commands', async () => {
  const manifest = await sw.evaluate(() => chrome.runtime.getManifest());
  expect((manifest as { omnibox?: unknown }).omnibox).toEqual({ keyword: 'pt' });
  const commands = await sw.evaluate(() => chrome.commands.getAll());
  expect(commands.map((c) => [c.name, c.shortcut]).sort()).toEqual([
    ['_execute_action', 'Alt+Shift+J'],
    ['open-dashboard', 'Alt+Shift+K'],
  ]);
});

test('input → what is stored: pt 4 sore, pt y 4, pt note …; refused lines store nothing; the badge follows', async () => {
  const today = await day(0);
  const yesterday = await day(-1);
  await sw.evaluate(() => chrome.storage.local.set({ settings: { version: 1, badge: { eveningHour: 0 } } }));
  await expect.poll(() => sw.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

  expect(await suggest('4 sore')).toMatch(/^Enter saves for today \(.+\): pain 4 · Muscle soreness\.$/);
  expect(await enter('4 sore')).toMatchObject({ kind: 'saved' });
  await expect.poll(() => sw.evaluate(() => chrome.action.getBadgeText({}))).toBe('');

  expect(await enter('y 4')).toMatchObject({ kind: 'saved' });
  expect(await suggest('note   walked <20> min')).toMatch(
    /^Enter adds to the note for today .*: “walked <20> min”\.$/,
  );
  await enter('note   walked <20> min');
  await enter('note and stretched');
  for (const bad of ['11', '4 dolor', '-3', 'ñ', '4.5 sore'])
    expect((await enter(bad)).kind, bad).toBe('refused');

  const byDay = Object.fromEntries((await stored()).map((e) => [e.date, e]));
  expect(Object.keys(byDay).sort()).toEqual([yesterday, today]);
  expect(byDay[today]).toMatchObject({ pain: 4, soreness: 'muscle', note: 'walked <20> min\nand stretched' });
  expect(byDay[yesterday]).toMatchObject({ pain: 4 });
  expect(Object.keys(byDay[yesterday]!).sort()).toEqual(['date', 'pain', 'updatedAt']);
});

test('pt report opens the report; pt help the help page', async () => {
  const opened = await enter('report', 'newForegroundTab');
  expect(opened).toEqual({ kind: 'opened', url: b.url('report.html') });
  await expect.poll(() => b.context.pages().map((p) => p.url())).toContain(b.url('report.html'));
  expect(await enter('help', 'newBackgroundTab')).toEqual({ kind: 'opened', url: b.url('help.html') });
  expect(b.externalRequests).toEqual([]);
});
