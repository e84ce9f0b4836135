// Caution note (issues #4, #8, #9): the every-page content script's size, the every-page work's time (extractExcerpt +
// prefilter, first call and warm, in Chromium; classifyExcerpt runs in the background and is timed too), and the
// main-thread script time added to a page load with vs without the extension, on a page without and with a note.
// Figures, not pass/fail; each printed next to its target (issue #9): <= 6 KB gzip on every page; <= 2 ms added
// script time (median) on a page without a note; first classification <= 2 ms on a typical page.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchExtension, serveFolder, EXTENSION_DIR, ROOT } from '../lib/browser.mjs';
import { fileSize, kb, median } from '../lib/sizes.mjs';
import { bigPage } from '../lib/big-page.mjs';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'pages');
const SAMPLES = 60; // timing samples per page
const BATCH = 10; // classifications per sample (performance.now() is coarse outside cross-origin isolation)
const LOADS = 15; // page loads per configuration

async function classifyBundle() {
  const out = await build({
    entryPoints: [join(ROOT, 'utils', 'classify', 'index.ts')], // extractExcerpt, prefilter, classifyExcerpt
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: '__ptBenchClassify',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/**
 * On the open page: the every-page work (extractExcerpt + prefilter, as the content script does it) and the
 * background's classifyExcerpt, each first call (a fresh content-script world compiles its regular expressions on
 * every page load) and warm median.
 */
async function timeClassify(page, bundle) {
  await page.addScriptTag({ content: bundle });
  return page.evaluate(
    ([n, batch]) => {
      const { extractExcerpt, prefilter, classifyExcerpt } = window.__ptBenchClassify;
      const url = new URL(location.href);
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const c0 = performance.now();
      const ex = extractExcerpt(url, document);
      const passes = prefilter(ex);
      const firstPage = performance.now() - c0;
      const c1 = performance.now();
      let caution = classifyExcerpt(ex).caution;
      const firstModel = performance.now() - c1;
      const pageRuns = [];
      const modelRuns = [];
      for (let i = 0; i < n; i++) {
        let t0 = performance.now();
        for (let j = 0; j < batch; j++) prefilter(extractExcerpt(url, document));
        pageRuns.push((performance.now() - t0) / batch);
        t0 = performance.now();
        for (let j = 0; j < batch; j++) caution = classifyExcerpt(ex).caution;
        modelRuns.push((performance.now() - t0) / batch);
      }
      return { firstPage, firstModel, page: median(pageRuns), model: median(modelRuns), passes, caution };
    },
    [SAMPLES, BATCH],
  );
}

/** Median main-thread script time (CDP Performance.ScriptDuration) of loading `url` LOADS times. */
async function scriptTime(b, url) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await b.context.newPage();
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(600); // document_idle, classification, and a banner if any
    const { metrics } = await cdp.send('Performance.getMetrics');
    times.push((metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000);
    await page.close();
  }
  return median(times);
}

export default async function () {
  const script = join(EXTENSION_DIR, 'caution-page.js');
  const ui = join(EXTENSION_DIR, 'caution-ui.js');
  if (!existsSync(script) || !existsSync(ui)) throw new Error('Build first: npx wxt build');
  const js = fileSize(script);
  const note = fileSize(ui);
  console.log(
    `every http(s) page: content script ${kb(js.raw)} raw, ${kb(js.gzip)} gzip  (target <= 6 KB gzip)`,
  );
  console.log(
    `pages that get a note, in addition: caution-ui.js (note UI + its CSS, ES module) ${kb(note.raw)} raw, ${kb(note.gzip)} gzip`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'pt-bench-content-'));
  const article = readFileSync(join(FIXTURES, 'en-lower-back-stretches.html'), 'utf8');
  const unrelated = readFileSync(join(FIXTURES, 'en-recipe.html'), 'utf8');
  const filler =
    'Our town council met on Tuesday to discuss the new cycle lanes, the library opening hours and the summer market. ' +
    'Residents asked about parking, bins and the bus timetable. '.repeat(3);
  writeFileSync(join(dir, 'article.html'), article);
  writeFileSync(join(dir, 'unrelated.html'), unrelated);
  writeFileSync(join(dir, 'big-caution.html'), bigPage(article, filler));
  writeFileSync(join(dir, 'big-unrelated.html'), bigPage(unrelated, filler));
  const server = await serveFolder(dir);
  const base = 'http://www.example-bench.com';
  const bundle = await classifyBundle();

  try {
    const plain = await launchExtension({ extensionDir: null, resolveAllToPort: server.port });
    let plainOpen = true;
    try {
      for (const [name, file] of [
        ['typical article (caution)', 'article.html'],
        ['typical unrelated page', 'unrelated.html'],
        ['2 MB page, caution title (text sample capped)', 'big-caution.html'],
        ['2 MB page, unrelated (stops after cheap signals)', 'big-unrelated.html'],
      ]) {
        const page = await plain.context.newPage();
        await page.goto(`${base}/${file}`);
        const size = await page.evaluate(() => document.documentElement.outerHTML.length);
        const r = await timeClassify(page, bundle);
        console.log(
          `${name} (${kb(size)}): every-page work (extractExcerpt + prefilter) first call ${r.firstPage.toFixed(2)} ms, ` +
            `warm ${r.page.toFixed(3)} ms; prefilter=${r.passes}` +
            `${r.passes ? `; background classifyExcerpt first call ${r.firstModel.toFixed(2)} ms, warm ${r.model.toFixed(3)} ms; caution=${r.caution}` : ''}`,
        );
        await page.close();
      }
      console.log(
        '  target: first classification <= 2 ms on a typical page (the every-page part; the model runs in the background)',
      );

      const without = {
        caution: await scriptTime(plain, `${base}/article.html`),
        plain: await scriptTime(plain, `${base}/unrelated.html`),
      };
      await plain.close();
      plainOpen = false;
      // Calibration: a do-nothing extension with one empty content script on every page (isolated world and
      // extension API bindings cost the same for any content script).
      const baselineDir = join(dir, 'baseline-extension');
      mkdirSync(baselineDir);
      writeFileSync(
        join(baselineDir, 'manifest.json'),
        JSON.stringify({
          manifest_version: 3,
          name: 'baseline',
          version: '1.0',
          background: { service_worker: 'sw.js' },
          content_scripts: [{ matches: ['http://*/*'], js: ['c.js'], run_at: 'document_idle' }],
        }),
      );
      writeFileSync(join(baselineDir, 'sw.js'), '');
      writeFileSync(join(baselineDir, 'c.js'), ';');
      const base0 = await launchExtension({ extensionDir: baselineDir, resolveAllToPort: server.port });
      const emptyScript = await scriptTime(base0, `${base}/unrelated.html`);
      await base0.close();
      const ext = await launchExtension({ resolveAllToPort: server.port });
      try {
        const withExt = {
          caution: await scriptTime(ext, `${base}/article.html`),
          plain: await scriptTime(ext, `${base}/unrelated.html`),
        };
        console.log(
          `script time per page load, median of ${LOADS} (CDP ScriptDuration, main thread incl. content scripts):\n` +
            `  page without a note: ${without.plain.toFixed(1)} ms without the extension, ${withExt.plain.toFixed(1)} ms with (+${(withExt.plain - without.plain).toFixed(1)} ms; target <= +2 ms)\n` +
            `  page with a note:    ${without.caution.toFixed(1)} ms without the extension, ${withExt.caution.toFixed(1)} ms with (+${(withExt.caution - without.caution).toFixed(1)} ms; no target)\n` +
            `  for comparison, an extension with one empty content script: ${emptyScript.toFixed(1)} ms on the page without a note (+${(emptyScript - without.plain).toFixed(1)} ms: the floor for any content script's isolated world)`,
        );
      } finally {
        await ext.close();
      }
    } finally {
      if (plainOpen) await plain.close();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
