// @vitest-environment happy-dom
/**
 * The classifier's contract (issues #8/#9): classify(url, doc) is prefilter ? classifyExcerpt : not caution over
 * extractExcerpt, the excerpt is plain data that survives structured cloning, and the reasons add up to the score
 * (bias and threshold aside), so "Why am I seeing this?" shows the numbers the decision was made from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify, classifyExcerpt, extractExcerpt, prefilter } from '@/utils/classify';
import { contributions } from '@/utils/classify/score';
import { MODEL } from '@/utils/classify/model-weights';

const dir = join(__dirname, '..', 'fixtures', 'pages');
const fixtures = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { file: string; url: string }[];
const parse = (file: string) =>
  new DOMParser().parseFromString(readFileSync(join(dir, file), 'utf8'), 'text/html') as unknown as Document;

test.each(fixtures.map((f) => [f.file, f] as const))(
  '%s: same decision split or whole, honest reasons',
  (_n, f) => {
    const doc = parse(f.file);
    const url = new URL(f.url);
    const ex = extractExcerpt(url, doc);
    expect(structuredClone(ex)).toEqual(ex);
    const whole = classify(url, doc);
    const split = prefilter(ex) ? classifyExcerpt(ex) : { caution: false, score: 0, reasons: [] };
    expect(whole).toEqual(split);
    if (!prefilter(ex)) return;
    const { logit, byReason } = contributions(ex);
    const sum = [...byReason.values()].reduce((a, b) => a + b, 0);
    expect(logit - MODEL.bias).toBeCloseTo(sum, 6);
    expect(whole.caution).toBe(logit >= MODEL.threshold);
    expect(whole.score).toBeCloseTo(logit - MODEL.threshold, 1);
    const shown = whole.reasons.reduce((a, r) => a + r.weight, 0);
    expect(Math.abs(shown - sum)).toBeLessThan(0.01 * whole.reasons.length + 1e-9);
  },
);

test('an unrelated page stops at the prefilter; a page about exercises for pain does not', () => {
  const recipe = extractExcerpt(
    new URL('https://www.example.com/recipes/lentil-soup'),
    parse('en-recipe.html'),
  );
  expect(prefilter(recipe)).toBe(false);
  const stretches = extractExcerpt(
    new URL('https://www.example.com/lower-back-pain-stretches'),
    parse('en-lower-back-stretches.html'),
  );
  expect(prefilter(stretches)).toBe(true);
});
