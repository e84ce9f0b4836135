// Caution content script (issue #4): its size on pages with and without a banner, classification time in Chromium
// (a typical article and 2 MB pages, median of many runs), and main-thread script time added to a page load with vs
// without the extension. Figures, not pass/fail. Targets: <= 12 KB gzip without a banner; classify <= 1 ms on a
// typical article and <= 5 ms on 2 MB.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchExtension, serveFolder, EXTENSION_DIR, ROOT } from '../lib/browser.mjs';
import { fileSize, kb, median } from '../lib/sizes.mjs';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'pages');
const SAMPLES = 60; // timing samples per page
const BATCH = 10; // classifications per sample (performance.now() is coarse outside cross-origin isolation)
const LOADS = 15; // page loads per configuration

/** A ~2 MB page: the article's head, then a long body of nav, sidebars and paragraphs. */
function bigPage(articleHtml, paragraph) {
  const head = articleHtml.slice(0, articleHtml.indexOf('<body>'));
  const nav = `<nav>${Array.from({ length: 300 }, (_, i) => `<a href="/p/${i}">Link ${i}</a>`).join(' ')}</nav>`;
  const blocks = [];
  let size = 0;
  for (let i = 0; size < 2_000_000; i++) {
    const block = `<section><h3>Section ${i}</h3><p>${paragraph}</p><ul><li>Item one</li><li>Item two</li></ul></section>\n`;
    blocks.push(block);
    size += block.length;
  }
  const body = articleHtml.slice(articleHtml.indexOf('<body>'));
  return `${head}<body>${nav}${body.replace('</body>', `<div id="more">${blocks.join('')}</div></body>`)}`;
}

async function classifyBundle() {
  const out = await build({
    entryPoints: [join(ROOT, 'utils', 'classify', 'index.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: '__ptBenchClassify',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** Median milliseconds of one classify(url, document) on the open page. */
async function timeClassify(page, bundle) {
  await page.addScriptTag({ content: bundle });
  const samples = await page.evaluate(
    ([n, batch]) => {
      const { classify } = window.__ptBenchClassify;
      const url = new URL(location.href);
      const out = [];
      // The first call on a page pays for compiling the vocabularies' regular expressions: each page load does.
      const c0 = performance.now();
      let caution = classify(url, document).caution;
      const cold = performance.now() - c0;
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        for (let j = 0; j < batch; j++) caution = classify(url, document).caution;
        out.push((performance.now() - t0) / batch);
      }
      return { out, caution, cold };
    },
    [SAMPLES, BATCH],
  );
  return { ms: median(samples.out), caution: samples.caution, cold: samples.cold };
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
  const script = join(EXTENSION_DIR, 'content-scripts', 'caution.js');
  const css = join(EXTENSION_DIR, 'content-scripts', 'caution.css');
  if (!existsSync(script)) throw new Error('Build first: npx wxt build');
  const js = fileSize(script);
  const style = fileSize(css);
  console.log(
    `content script (every http/https page): ${kb(js.raw)} raw, ${kb(js.gzip)} gzip  (target <= 12 KB gzip)`,
  );
  console.log('  the banner UI is inlined (WXT builds content scripts as one IIFE: no lazily loaded chunk)');
  console.log(
    `banner stylesheet (fetched only when a banner mounts): ${kb(style.raw)} raw, ${kb(style.gzip)} gzip`,
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
        const { ms, caution, cold } = await timeClassify(page, bundle);
        console.log(
          `classify, ${name} (${kb(size)}): median ${ms.toFixed(3)} ms over ${SAMPLES}x${BATCH} runs; first call ${cold.toFixed(1)} ms; caution=${caution}`,
        );
        await page.close();
      }
      console.log('  targets: <= 1 ms typical, <= 5 ms on 2 MB');

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
            `  page without a banner: ${without.plain.toFixed(1)} ms without the extension, ${withExt.plain.toFixed(1)} ms with (+${(withExt.plain - without.plain).toFixed(1)} ms)\n` +
            `  page with a banner:    ${without.caution.toFixed(1)} ms without the extension, ${withExt.caution.toFixed(1)} ms with (+${(withExt.caution - without.caution).toFixed(1)} ms)\n` +
            `  for comparison, an empty content script: ${emptyScript.toFixed(1)} ms (the cost of any content script's isolated world)`,
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
