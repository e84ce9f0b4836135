// @vitest-environment happy-dom
/**
 * The classifier against every committed fixture page (tests/fixtures/pages, written by us, never fetched): each
 * positive must be flagged and each negative cleared. Precision and recall are printed so a change that trades one
 * for the other is visible in the test output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify } from '@/utils/classify';

interface Fixture {
  file: string;
  url: string;
  expected: boolean;
  lang: string;
  kind: string;
}
const dir = join(__dirname, '..', 'fixtures', 'pages');
const fixtures = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Fixture[];

function load(f: Fixture) {
  const html = readFileSync(join(dir, f.file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const results = fixtures.map((f) => ({ f, r: classify(new URL(f.url), load(f)) }));

test('the fixture set is large and varied enough to mean something', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(60);
  const langs = new Set(fixtures.filter((f) => f.expected).map((f) => f.lang));
  for (const l of ['en', 'es', 'fr', 'de']) expect(langs).toContain(l);
  expect(fixtures.filter((f) => !f.expected).length).toBeGreaterThanOrEqual(25);
});

test.each(results.filter((x) => x.f.expected).map((x) => [x.f.file, x] as const))(
  'flags %s',
  (_name, { r }) => {
    expect(r.caution, JSON.stringify(r)).toBe(true);
    expect(r.reasons.some((reason) => reason.weight > 0)).toBe(true);
  },
);

test.each(results.filter((x) => !x.f.expected).map((x) => [`${x.f.file} (${x.f.kind})`, x] as const))(
  'clears %s',
  (_name, { r }) => {
    expect(r.caution, JSON.stringify(r)).toBe(false);
  },
);

test('precision and recall over all fixtures', () => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { f, r } of results) {
    if (r.caution && f.expected) tp++;
    else if (r.caution) fp++;
    else if (f.expected) fn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  console.log(
    `caution classifier on ${fixtures.length} fixtures: precision ${(precision * 100).toFixed(1)}% recall ${(recall * 100).toFixed(1)}% (tp ${tp}, fp ${fp}, fn ${fn})`,
  );
  for (const { f, r } of results)
    console.log(`${r.caution === f.expected ? ' ok ' : 'MISS'} ${r.score.toFixed(1).padStart(6)} ${f.file}`);
  expect(precision).toBe(1);
  expect(recall).toBe(1);
});
