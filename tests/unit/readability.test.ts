/**
 * Key health texts read at grade 8 or below (issue #10). Flesch-Kincaid grade level:
 *   0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
 * with a simple syllable counter (vowel groups, a silent final "e", at least one per word). Placeholders are filled
 * with typical values first ("3.0", "Mar 4", "2 points"), so numbers count as the short words they are.
 */
import { flatMessages } from '../../scripts/locales';

export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

export function fkGrade(text: string): number {
  const sentences = text.split(/[.!?:;]+(?:\s|$)/).filter((s) => /[A-Za-z0-9]/.test(s));
  const words = text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));
  const syl = words.reduce((n, w) => n + (/^[\d.,%()-]+$/.test(w) ? 1 : syllables(w)), 0);
  return 0.39 * (words.length / Math.max(1, sentences.length)) + 11.8 * (syl / words.length) - 15.59;
}

const SAMPLE = ['3.0', 'Mar 4', '5.0', 'Mar 25', '2 points', '12', '70'];
const fill = (m: string) => m.replace(/\{(\d)\}/g, (_, i: string) => SAMPLE[Number(i)] ?? '3');

const en = flatMessages('en');
/** The health messages a person reads: insights, the popup's health lines, the help page, how each source is used. */
const KEY = Object.keys(en).filter(
  (k) =>
    /^(progIns|progCtx|progEmptyBody|popupEarlySurgery|popupReachHint|help|src_.*_use|srcIntro|srcOwn)/.test(
      k,
    ) && !/Title$|Link$|Summary$|^helpLink/.test(k),
);

test('the syllable counter and the grade formula behave on known text', () => {
  expect(['cat', 'table', 'exercise', 'meaningful', 'physiotherapy', 'the', 'pain'].map(syllables)).toEqual([
    1, 2, 3, 3, 5, 1, 1,
  ]);
  expect(fkGrade('The cat sat on the mat. The dog ran.')).toBeLessThan(2);
  // A long, Latinate sentence scores far above grade 8 (the test can fail).
  expect(
    fkGrade(
      'Evaluation by a healthcare professional regarding the persistence of musculoskeletal symptoms despite adherence to a structured rehabilitation programme may be appropriate.',
    ),
  ).toBeGreaterThan(14);
});

test('there are key texts to check', () => {
  expect(KEY.length).toBeGreaterThan(60);
  expect(KEY).toEqual(expect.arrayContaining(['progInsNotRespTalk', 'popupReachHint', 'helpUrgent4']));
});

test.each(KEY)('%s reads at grade 8 or below', (key) => {
  const text = fill(en[key]!);
  expect({ key, grade: Math.round(fkGrade(text) * 10) / 10, text }).toMatchObject({
    grade: expect.toSatisfy((g: number) => g <= 8),
  });
});
