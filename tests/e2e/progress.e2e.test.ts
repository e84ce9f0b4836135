/**
 * Progress, Insights and the clinician report on the built extension in Chromium, with journals seeded through the
 * page (tests/fixtures/seed-journal.mjs). Screenshots land in test-results/screens/progress-*.png.
 */
import type { Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { pdfPageCount } from './pdf';
import { launchExtension, axeViolations, screenshot, type ExtensionBrowser } from './harness';
import { PopupPage } from './pages/popup';
import { seedJournal, browserToday } from '../fixtures/seed-journal.mjs';
import { syntheticBackup } from '../fixtures/synthetic';

let b: ExtensionBrowser;
afterEach(async () => {
  await b?.close();
});

async function openOptions(): Promise<Page> {
  const page = await b.openPage('options.html');
  await page.locator('#progress h2').waitFor();
  return page;
}

async function chartsDrawn(page: Page, count = 1): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName('pt:charts-drawn').length >= n, count);
}

const painSummary = (page: Page) =>
  page.locator('#progress figure').first().locator('figcaption').textContent();

test('empty journal: no empty charts, a clear next step; axe clean', async () => {
  b = await launchExtension();
  const page = await openOptions();
  await page.getByText('No check-ins yet').waitFor();
  expect(await page.locator('#progress canvas').count()).toBe(0);
  expect(await page.locator('#progress').textContent()).toContain('Alt+Shift+J');
  // Sections below Progress mount once the charts are drawn (or there is nothing to draw): wait for them.
  await expect
    .poll(() => page.locator('#insights').textContent())
    .toContain('two separate weeks with at least 4 check-ins');
  expect(await axeViolations(page, '#progress')).toEqual([]);
  expect(await axeViolations(page, '#insights')).toEqual([]);
  await screenshot(page, 'progress-empty', false);
});

test('a few weeks of check-ins: charts, summaries, range switch, tables, insights; light and dark; axe clean', async () => {
  b = await launchExtension();
  let page = await openOptions();
  const today = await browserToday(page);
  const seeded = await seedJournal(page, { synthetic: { days: 120, end: today, gapRate: 0.15, seed: 3 } });
  await page.reload();
  await chartsDrawn(page);

  // Default range: 3 months (91 days), with gaps drawn as gaps: the summary counts logged days, not 91 zeros.
  expect(await page.locator('#progress canvas').count()).toBeGreaterThanOrEqual(4);
  const summary3m = await painSummary(page);
  const logged3m = Number(/(\d+) of 91 days logged/.exec(summary3m ?? '')?.[1]);
  expect(logged3m).toBeGreaterThan(60);
  expect(logged3m).toBeLessThan(91);

  // The adherence calendar's tooltips are written on hover, and cleared when the range (the days) changes: the
  // first square stays in the page with another day.
  const firstDay = page.locator('#progress .cal-grid .cal-cell:not(.cal-blank)').first();
  await firstDay.hover();
  await expect
    .poll(() => firstDay.getAttribute('title'))
    .toMatch(/^\w{3}, \w{3} \d{1,2}, \d{4} · (All exercises|Some exercises|No exercises|Not logged)/);

  await page.locator('#progress .prog-range').getByText('4 weeks', { exact: true }).click();
  await expect.poll(() => painSummary(page)).toMatch(/of 28 days logged/);
  expect(await page.locator('#progress .cal-grid [title]').count()).toBe(0);
  await page.locator('#progress .prog-range').getByText('All', { exact: true }).click();
  await expect.poll(() => painSummary(page)).toMatch(new RegExp(`${seeded.entries} of \\d+ days logged`));
  await page.locator('#progress .prog-range').getByText('3 months', { exact: true }).click();
  await expect.poll(() => painSummary(page)).toMatch(/of 91 days logged/);

  // Data table alternative: opens on demand, one row per day for 3 months, "not logged" for gaps.
  const table = page.locator('#progress details.prog-table').first();
  await table.locator('summary').click();
  const rows = table.locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(50); // first page of 91 days
  expect(await table.textContent()).toContain('not logged');
  expect(await table.textContent()).toContain('Page 1 of 2');

  // Each activity on demand adds a series to the function chart.
  await page.getByRole('checkbox', { name: 'Putting on shoes' }).check();
  await expect
    .poll(() => page.locator('#progress .prog-legend').nth(1).textContent())
    .toContain('Putting on shoes');

  // Insights: progress vs baseline and commitment, each with its source on demand.
  const insights = page.locator('#insights');
  await insights.locator('[data-insight="progress"]').waitFor();
  expect(await insights.locator('[data-insight="commitment"]').textContent()).toMatch(
    /PT sessions logged as attended: \d+/,
  );
  await insights.locator('[data-insight="progress"] summary').click();
  expect(await insights.locator('[data-insight="progress"] .ins-why').textContent()).toContain('Ostelo');
  expect(await insights.textContent()).not.toMatch(/emergency/i);

  expect(await axeViolations(page, '#progress')).toEqual([]);
  expect(await axeViolations(page, '#insights')).toEqual([]);
  await screenshot(page, 'progress-light');
  await page.locator('#progress').screenshot({ path: 'test-results/screens/progress-section-light.png' });
  await page.locator('#insights').screenshot({ path: 'test-results/screens/insights-section-light.png' });

  // 200% zoom of a 1100 px window = a 550 px wide layout: everything reflows, nothing scrolls sideways, and the
  // charts follow the width of the page (uPlot resized by the ResizeObserver).
  await page.setViewportSize({ width: 550, height: 800 });
  await expect
    .poll(() =>
      page
        .locator('#progress .time-chart canvas')
        .first()
        .evaluate((c) => c.getBoundingClientRect().width),
    )
    .toBeLessThanOrEqual(550);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('#progress *, #insights *')]
      .filter((el) => el.getBoundingClientRect().right > 551)
      .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
      .slice(0, 5),
  );
  expect(wide).toEqual([]);
  await page.locator('#progress').screenshot({ path: 'test-results/screens/progress-section-narrow.png' });
  await page.setViewportSize({ width: 1100, height: 800 });

  // Dark mode: the charts read the theme's variables (axis text is light on dark).
  await b.close();
  b = await launchExtension({ colorScheme: 'dark' });
  page = await openOptions();
  await seedJournal(page, { synthetic: { days: 120, end: today, gapRate: 0.15, seed: 3 } });
  await page.reload();
  await chartsDrawn(page);
  expect(await axeViolations(page, '#progress')).toEqual([]);
  expect(await axeViolations(page, '#insights')).toEqual([]);
  await screenshot(page, 'progress-dark');
  await page.locator('#progress').screenshot({ path: 'test-results/screens/progress-section-dark.png' });
});

test('fewer than 3 days: the chart says how many more days make a trend', async () => {
  b = await launchExtension();
  const page = await openOptions();
  const today = await browserToday(page);
  await seedJournal(page, { synthetic: { days: 2, end: today } });
  await page.reload();
  await chartsDrawn(page);
  expect(await page.locator('#progress').textContent()).toContain('Log 1 more day to see a trend');
  expect(await painSummary(page)).toContain('2 of 7 days logged');
});

test('a check-in saved in the popup appears in the open dashboard without reloading', async () => {
  b = await launchExtension();
  const page = await openOptions();
  const today = await browserToday(page);
  const yesterday = await browserToday(page, -1);
  await seedJournal(page, { synthetic: { days: 10, end: yesterday } });
  await page.reload();
  await chartsDrawn(page);
  expect(await painSummary(page)).toMatch(/10 of 11 days logged/);

  const popup = await PopupPage.open(b);
  await popup.page.keyboard.press('2');
  await popup.saveWithKeyboard();
  await expect.poll(() => painSummary(page)).toMatch(/11 of 11 days logged/);
  expect(await page.locator('#progress').textContent()).toContain(today.slice(0, 4));
});

/** A full 12 weeks at its longest: 5 activities rated every day and many long notes marked for the clinician. */
function crowdedBackup(today: string) {
  const data = syntheticBackup({ days: 84, end: today, seed: 9 });
  data.profile.activities.push(
    { id: 'act-lift', name: 'Lifting a full shopping bag', addedOn: data.entries[0]!.date, archived: false },
    {
      id: 'act-stairs',
      name: 'Climbing two flights of stairs',
      addedOn: data.entries[0]!.date,
      archived: false,
    },
  );
  data.entries.forEach((e, i) => {
    e.function = { ...e.function, 'act-lift': (i % 7) + 2, 'act-stairs': (i % 5) + 3 };
    if (i % 6 === 0) {
      e.note =
        `Day ${i}: ${'Stiff after sitting through a long meeting, eased with a short walk and the bridges. '.repeat(20)}`.slice(
          0,
          2000,
        );
      e.noteForClinician = true;
    }
  });
  return data;
}

test.each([
  ['synthetic', null],
  ['crowded', 'crowded'],
] as const)(
  'clinician report (%s): axe clean, one page on A4 and Letter for 12 weeks',
  async (name, kind) => {
    b = await launchExtension();
    const options = await openOptions();
    const today = await browserToday(options);
    if (kind === 'crowded') await seedJournal(options, { backup: crowdedBackup(today) });
    else await seedJournal(options, { synthetic: { days: 200, end: today, gapRate: 0.1, seed: 5 } });
    const page = await b.openPage('report.html');
    await page.locator('[data-report-ready]').waitFor();
    expect(await page.locator('h1').textContent()).toMatch(/report/i);
    expect(await page.getByRole('button', { name: /Print/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `progress-report-${name}`);
    for (const format of ['A4', 'Letter'] as const) {
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format, printBackground: true });
      // Kept for looking at (test-results/screens/*.pdf). Pages are counted in JavaScript: no PDF tool is needed.
      mkdirSync('test-results/screens', { recursive: true });
      writeFileSync(`test-results/screens/progress-report-${name}-${format}.pdf`, pdf);
      expect(pdfPageCount(pdf), `${format} pages`).toBe(1);
    }
  },
);
