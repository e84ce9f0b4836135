/**
 * Keyboard-first pages in real Chromium, driven by the keyboard only (no clicks): the command palette on the
 * dashboard and the report (open, type, run: a JSON export arrives as a download, "report" opens the report, a
 * range command switches the chart, Escape returns focus), recents, the "?" list, page key sequences and their
 * silence while typing in a field; axe-clean palette and list in light and dark, and no sideways scroll at 200% zoom.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { axeViolations, launchExtension, screenshot, type ExtensionBrowser } from './harness';
import { seedJournal, browserToday } from '../fixtures/seed-journal.mjs';

declare const chrome: typeof import('wxt/browser').browser;

let b: ExtensionBrowser;
afterEach(async () => {
  await b?.close();
});

const palette = (page: Page) => page.getByRole('dialog', { name: 'Commands' });
const combobox = (page: Page) => page.getByRole('combobox', { name: 'Type a command' });
const activeOption = (page: Page) =>
  page.evaluate(() => {
    const id = document.activeElement?.getAttribute('aria-activedescendant');
    return id ? document.getElementById(id)?.querySelector('.palette-name')?.textContent : null;
  });

async function openDashboard(): Promise<Page> {
  const page = await b.openPage('options.html');
  await page.locator('#progress h2').waitFor();
  await page.locator('#bk-file').waitFor();
  return page;
}

test('palette by keyboard: open, type, run; export JSON downloads; Escape returns focus; recents', async () => {
  b = await launchExtension();
  const page = await openDashboard();
  const today = await browserToday(page);
  await seedJournal(page, { synthetic: { days: 30, end: today, gapRate: 0, seed: 4 } });
  await page.reload();
  await page.locator('#progress h2').waitFor();

  // Ctrl+K opens; focus is in the combobox, which points at the first option.
  await page.keyboard.press('Control+K');
  await palette(page).waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
  const box = combobox(page);
  expect(await box.getAttribute('aria-expanded')).toBe('true');
  expect(await box.getAttribute('aria-controls')).toBe('palette-list');
  expect(await activeOption(page)).toBe('Go to Progress');
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'palette-open-light', false);

  // Fuzzy: "exj" → Export a backup (JSON); arrows move the active option (and wrap).
  await page.keyboard.type('exj');
  expect(await activeOption(page)).toBe('Export a backup (JSON)');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  expect(await activeOption(page)).toBe('Export a backup (JSON)');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(dl.suggestedFilename()).toMatch(/^pt-journal-backup-.*\.json$/);
  const exported = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
  expect(exported.entries).toHaveLength(30);
  expect(await palette(page).count()).toBe(0);
  await page
    .locator('#backup [role=status] .notice.ok')
    .filter({ hasText: dl.suggestedFilename() })
    .waitFor();

  // Escape closes and puts focus back where it was.
  await page.locator('#history-jump').focus();
  await page.keyboard.press('Control+Shift+P');
  await palette(page).waitFor();
  await page.keyboard.press('Escape');
  expect(await palette(page).count()).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('history-jump');

  // Recents: the export comes first next time, marked; only command ids are stored.
  await page.keyboard.press('Control+K');
  expect(await activeOption(page)).toBe('Export a backup (JSON)');
  expect(await page.evaluate(() => localStorage.getItem('pt-journal:recent-commands'))).toBe(
    '["export.json"]',
  );

  // A range command switches the chart and lands focus on Progress.
  await page.keyboard.type('last year');
  expect(await activeOption(page)).toBe('Show the last year in Progress');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('input[name=prog-range][value="1y"]').isChecked()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('progress-h');

  // "Log today" opens the History editor on today, focus in its first field.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('log today');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.history-add input[type=date]').inputValue()).toBe(today);
  expect(await page.evaluate(() => document.activeElement?.closest('.history-add') !== null)).toBe(true);

  // No match says so; "report" opens the report.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('zzqx');
  expect(await page.locator('.palette-empty').textContent()).toBe('No command matches “zzqx”.');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('report');
  expect(await activeOption(page)).toBe('Open the report for your clinician');
  await Promise.all([page.waitForURL(/report\.html$/), page.keyboard.press('Enter')]);
  await page.locator('[data-report-ready]').waitFor();

  // On the report: its own commands (print shows the browser's Ctrl+P), and dashboard commands go back there.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('print');
  expect(await page.locator('.palette-option.active .keys').textContent()).toBe('Ctrl+P');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('add a missed day');
  await Promise.all([page.waitForURL(/options\.html#history$/), page.keyboard.press('Enter')]);
  await page.locator('.history-add input[type=date]').waitFor();
  expect(b.externalRequests).toEqual([]);
});

test('"?" lists the shortcuts; g sequences move between sections; keys typed in a field do nothing', async () => {
  b = await launchExtension({ colorScheme: 'dark' });
  const page = await openDashboard();

  await page.keyboard.press('Shift+Slash'); // "?"
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await list.waitFor();
  await list.getByText('Alt+Shift+K').waitFor(); // the assigned keys are read from the browser
  const text = (await list.textContent()) ?? '';
  for (const want of [
    'Open the command palette',
    'Go to History',
    'Log today',
    'Alt+Shift+J',
    'Alt+Shift+K',
    'pt 4 sore',
  ])
    expect(text, want).toContain(want);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'shortcuts-dark', false);
  await page.keyboard.press('Escape');
  expect(await list.count()).toBe(0);

  // g h → History, g s → Settings (focus on the section heading).
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('history-h');
  expect(await page.evaluate(() => location.hash)).toBe('#history');
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('settings-h');

  // Typing "g p" and "?" into a field types them; nothing moves.
  await page.getByRole('button', { name: 'Add a missed day' }).focus();
  await page.keyboard.press('Enter');
  // The editor that opened takes focus (its date field) first.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('date');
  const reach = page.locator('.history-add input[inputmode=decimal]');
  await reach.focus();
  await page.keyboard.type('g p ?');
  expect(await reach.inputValue()).toBe('g p ?');
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('inputmode'))).toBe('decimal');

  // A switch says which way it will turn, and says what it did.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+K');
  await page.keyboard.type('caution');
  await expect.poll(() => activeOption(page)).toBe('Turn the caution note on exercise pages off');
  await page.keyboard.press('Enter');
  await page
    .locator('.palette-toast')
    .filter({ hasText: 'Caution note on exercise pages turned off.' })
    .waitFor();
  expect(
    await page.evaluate(() =>
      chrome.storage.local
        .get('settings')
        .then((s) => (s.settings as { caution: { enabled: boolean } }).caution.enabled),
    ),
  ).toBe(false);
  expect(await page.getByLabel(/Show a short caution on web pages/).isChecked()).toBe(false);

  // "sources" opens the Sources page in a new tab.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('sources');
  const [sources] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
  await sources.waitForLoadState();
  expect(sources.url()).toBe(b.url('sources.html'));
  await sources.close();

  // The palette in dark mode at 200% zoom (550 px wide): axe-clean, nothing wider than the window.
  await page.setViewportSize({ width: 550, height: 700 });
  await page.keyboard.press('Control+K');
  await palette(page).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('dialog.palette *')]
      .filter((el) => el.getBoundingClientRect().right > 551)
      .map((el) => el.className),
  );
  expect(wide).toEqual([]);
  await screenshot(page, 'palette-dark-narrow', false);
});
