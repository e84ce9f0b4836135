// Caution classifier (issue #8): size of the every-page half (extractExcerpt + prefilter) and of the model half
// (classifyExcerpt: features, detectors, vocabularies, weights), and their times in Chromium on a typical article,
// an unrelated page and 2 MB pages: median of many runs and the first call on a page (compiling regular expressions,
// decoding the weights). Figures, not pass/fail. Targets: extract + prefilter <= 3 KB gzip (our own share of issue #9's 6 KB every-page budget; 2.5 KB until the
// first look at address and title was added) and <= 2 ms; the model
// a few tens of KB at most.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launchExtension, serveFolder, ROOT } from '../lib/browser.mjs';
import { kb, median } from '../lib/sizes.mjs';
import { bigPage } from '../lib/big-page.mjs';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'pages');
const SAMPLES = 40;
const BATCH = 5;

async function bundle(contents, globalName) {
  const out = await build({
    stdin: { contents, resolveDir: join(ROOT, 'utils', 'classify'), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName,
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

const size = (text) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });

async function time(page, code) {
  await page.addScriptTag({ content: code });
  return page.evaluate(
    ([n, batch]) => {
      const c = window.__ptBenchClassifier;
      const url = new URL(location.href);
      const t0 = performance.now();
      const ex0 = c.extractExcerpt(url, document);
      const pass0 = c.prefilter(ex0);
      const firstContent = performance.now() - t0;
      const t1 = performance.now();
      const r0 = c.classifyExcerpt(ex0);
      const firstModel = performance.now() - t1;
      const content = [];
      const model = [];
      for (let i = 0; i < n; i++) {
        const a = performance.now();
        let ex;
        for (let j = 0; j < batch; j++) c.prefilter((ex = c.extractExcerpt(url, document)));
        const b = performance.now();
        for (let j = 0; j < batch; j++) c.classifyExcerpt(ex);
        content.push((b - a) / batch);
        model.push((performance.now() - b) / batch);
      }
      return { firstContent, firstModel, content, model, pass: pass0, caution: pass0 && r0.caution };
    },
    [SAMPLES, BATCH],
  );
}

export default async function () {
  const contentCode = await bundle(
    "export { extractExcerpt, prefilter } from './excerpt';",
    '__ptBenchClassifierContent',
  );
  const modelCode = await bundle("export { classifyExcerpt } from './score';", '__ptBenchClassifierModel');
  const weights = size(readFileSync(join(ROOT, 'utils', 'classify', 'model-weights.ts'), 'utf8'));
  const c = size(contentCode);
  const m = size(modelCode);
  console.log(
    `every page: extractExcerpt + prefilter ${kb(c.raw)} raw, ${kb(c.gzip)} gzip (own target <= 3 KB gzip, within the 6 KB every-page budget)`,
  );
  console.log(
    `background: classifyExcerpt (features, detectors, vocabularies, weights) ${kb(m.raw)} raw, ${kb(m.gzip)} gzip; ` +
      `the weight table alone ${kb(weights.raw)} raw, ${kb(weights.gzip)} gzip`,
  );

  const all = await bundle(
    "export { extractExcerpt, prefilter } from './excerpt'; export { classifyExcerpt } from './score';",
    '__ptBenchClassifier',
  );
  const dir = mkdtempSync(join(tmpdir(), 'pt-bench-classifier-'));
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
  const browser = await launchExtension({ extensionDir: null, resolveAllToPort: server.port });
  try {
    for (const [name, file] of [
      ['typical article (caution)', 'article.html'],
      ['typical unrelated page', 'unrelated.html'],
      ['2 MB page, caution article', 'big-caution.html'],
      ['2 MB page, unrelated', 'big-unrelated.html'],
    ]) {
      const page = await browser.context.newPage();
      await page.goto(`http://www.example-bench.com/${file}`);
      const bytes = await page.evaluate(() => document.documentElement.outerHTML.length);
      const r = await time(page, all);
      console.log(
        `${name} (${kb(bytes)}): extract+prefilter median ${median(r.content).toFixed(3)} ms, first ${r.firstContent.toFixed(1)} ms; ` +
          `classifyExcerpt median ${median(r.model).toFixed(3)} ms, first ${r.firstModel.toFixed(1)} ms; ` +
          `prefilter=${r.pass} caution=${r.caution}`,
      );
      await page.close();
    }
    console.log(
      '  target: extract + prefilter <= 2 ms on every page; classifyExcerpt runs only for prefiltered pages',
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
