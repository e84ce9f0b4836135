// Progress dashboard: time from navigation to all charts drawn (the 'pt:charts-drawn' mark set by
// entrypoints/options/sections/Progress.tsx), range-switch redraw ('pt:range-start' → next 'pt:charts-drawn'), and
// the longest main-thread task (PerformanceObserver 'longtask') while loading and switching; on synthetic journals
// (tests/fixtures/synthetic.ts, seeded in the page by tests/fixtures/seed-journal.mjs) of 4 weeks, 10 years
// (3,653 days, all fields) and 100,000 days. Also the options page JS size.
// Targets (issue #3, #12): 10 years "all" drawn within 150 ms of navigation, redraw <= 50 ms; 100,000 days: no task
// over 1 s. PT_BENCH_DAYS=3653 runs only the journals of that many days (several: comma-separated). Each journal: one
// warm-up pair of loads not counted, then 10 pairs (3 for 100,000 days), median with min and p25 (a busy machine only
// adds time).
import { launchExtension, EXTENSION_DIR } from '../lib/browser.mjs';
import { pageJsSize, kb, median, spread } from '../lib/sizes.mjs';
import { seedJournal, browserToday } from '../../tests/fixtures/seed-journal.mjs';

const SIZES = [
  { label: '4 weeks', days: 28 },
  { label: '10 years', days: 3653, targets: { all: 150, redraw: 50 } },
  { label: '100,000 days', days: 100_000, targets: { longtask: 1000 } },
];
/** Loads of each range per journal, alternating, after one warm-up pair that is not counted. */
const LOADS = 10;
const WARM_UP = 1;
const RANGE_LABELS = { '4w': '4 weeks', '3m': '3 months', '1y': '1 year', all: 'All' };

/** Opens options.html?range=… and returns ms from navigation start to the first 'pt:charts-drawn', and the longest task. */
async function load(b, range) {
  const page = await b.context.newPage();
  await page.addInitScript(() => {
    window.__ptLongest = 0;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__ptLongest = Math.max(window.__ptLongest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // longtask not supported: reported as 0
    }
  });
  await page.goto(b.url(`options.html?range=${range}`));
  await page.waitForFunction(() => performance.getEntriesByName('pt:charts-drawn').length > 0, null, {
    timeout: 120_000,
  });
  const [drawn, dcl] = await page.evaluate(() => [
    performance.getEntriesByName('pt:charts-drawn')[0].startTime,
    performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  ]);
  return { page, drawn, dcl };
}

/** Clicks a range and returns ms from the click's 'pt:range-start' mark to the next 'pt:charts-drawn'. */
async function switchTo(page, range) {
  const before = await page.evaluate(() => performance.getEntriesByName('pt:charts-drawn').length);
  await page.locator('#progress .prog-range').getByText(RANGE_LABELS[range], { exact: true }).click();
  await page.waitForFunction((n) => performance.getEntriesByName('pt:charts-drawn').length > n, before, {
    timeout: 120_000,
  });
  return page.evaluate(() => {
    const start = performance.getEntriesByName('pt:range-start').at(-1).startTime;
    const drawn = performance.getEntriesByName('pt:charts-drawn').at(-1).startTime;
    return drawn - start;
  });
}

export default async function () {
  const only = process.env.PT_BENCH_DAYS?.split(',').map(Number);
  for (const size of SIZES) {
    if (only && !only.includes(size.days)) continue;
    const b = await launchExtension();
    try {
      const seedPage = await b.openPage('options.html');
      await seedPage.locator('#progress h2').waitFor();
      const today = await browserToday(seedPage);
      const seeded = await seedJournal(seedPage, { synthetic: { days: size.days, end: today, gapRate: 0 } });
      await seedPage.close();

      const firstView = [];
      const all = [];
      const dcls = [];
      let longest = 0;
      const loads = size.days > 10_000 ? Math.min(LOADS, 3) : LOADS;
      for (let i = 0; i < WARM_UP + loads; i++) {
        const counted = i >= WARM_UP;
        const a = await load(b, '3m');
        if (counted) firstView.push(a.drawn);
        if (counted) dcls.push(a.dcl);
        longest = Math.max(longest, await a.page.evaluate(() => window.__ptLongest));
        await a.page.close();
        const c = await load(b, 'all');
        if (counted) all.push(c.drawn);
        longest = Math.max(longest, await c.page.evaluate(() => window.__ptLongest));
        await c.page.close();
      }
      // Range switches on one page, cycling through every range three times (the first switch away from 'all').
      const { page } = await load(b, 'all');
      const redraws = {};
      for (let round = 0; round < 3; round++)
        for (const r of ['4w', '3m', '1y', 'all']) (redraws[r] ??= []).push(await switchTo(page, r));
      longest = Math.max(longest, await page.evaluate(() => window.__ptLongest));
      await page.close();

      const t = size.targets ?? {};
      const fmt = (ms) => `${Math.round(ms)} ms`;
      console.log(`${size.label} (${seeded.entries} entries, seeded in ${seeded.ms} ms):`);
      console.log(
        `  (the options page itself, all sections: DOMContentLoaded at median ${fmt(median(dcls))} after navigation)`,
      );
      console.log(`  navigation → charts drawn, default 3 months: ${spread(firstView, 0)}`);
      console.log(
        `  navigation → charts drawn, range "all":     ${spread(all, 0)}${t.all ? `  (target <= ${t.all} ms)` : ''}`,
      );
      for (const [r, xs] of Object.entries(redraws))
        console.log(
          `  range switch → redrawn, ${RANGE_LABELS[r].padEnd(8)}:        median ${fmt(median(xs))}${t.redraw ? `  (target <= ${t.redraw} ms)` : ''}`,
        );
      console.log(
        `  longest main-thread task: ${fmt(longest)}${t.longtask ? `  (target < ${t.longtask} ms)` : ''}`,
      );
    } finally {
      await b.close();
    }
  }
  const size = pageJsSize(EXTENSION_DIR, 'options.html');
  console.log(`options page JS: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip (${size.files.length} files)`);
}
