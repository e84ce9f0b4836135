/**
 * docs/clinical.md, the code constants and the UI agree (issue #10): every "`NAME` = value" line in the docs equals
 * the exported constant of that name; every source id has a Sources-page entry (what was measured and in whom, how
 * it is used) and is named in the docs; the corrected facts of the shared clinical brief are in place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as clinical from '@/utils/journal/clinical';
import * as compare from '@/utils/journal/compare';
import * as insights from '@/utils/journal/insights';
import { flatMessages } from '../../scripts/locales';

const docs = readFileSync(join(__dirname, '../../docs/clinical.md'), 'utf8');
const constants: Record<string, unknown> = { ...clinical, ...compare, ...insights };
const en = flatMessages('en');

const documented = [...docs.matchAll(/^\s*- `([A-Z][A-Z0-9_]+)` = (.+)$/gm)].map((m) => ({
  name: m[1]!,
  value: m[2]!.trim(),
}));

test('the docs list the constants they describe', () => {
  expect(documented.map((d) => d.name)).toEqual(
    expect.arrayContaining([
      'PAIN_MEANINGFUL_POINTS',
      'PAIN_MIN_MEANINGFUL_POINTS',
      'PSFS_DETECTABLE_SINGLE',
      'REACH_DETECTABLE_CM',
      'PAIN_MONITOR_SAFE_MAX',
      'MIN_DAYS_PER_WEEK',
      'GOOD_ADHERENCE_SHARE',
    ]),
  );
});

test.each(documented)('docs/clinical.md: $name = $value matches the code', ({ name, value }) => {
  const actual = constants[name];
  const expected = value.includes('-') ? value.split('-').map(Number) : Number(value);
  expect(actual).toEqual(expected);
});

test('every source has a written-out citation, a Sources-page entry and a place in the docs', () => {
  for (const [id, s] of Object.entries(clinical.SOURCES)) {
    expect(s.authors.length, id).toBeGreaterThan(3);
    expect(s.year, id).toBeGreaterThan(1990);
    expect(en[`src_${id}_what`], id).toBeTruthy();
    expect(en[`src_${id}_use`], id).toBeTruthy();
    expect(docs, id).toContain(`\`${id}\``);
  }
});

test('the corrected facts of the clinical brief', () => {
  // 4.5 cm comes from Ekedahl 2012 (not Perret 2001) and is a detectable change, never a meaningful one.
  expect(clinical.SOURCES.ekedahl2012.where).toContain('Arch Phys Med Rehabil 2012;93(12)');
  expect(clinical.REACH_SOURCES[0]).toBe('ekedahl2012');
  expect(en.progRepRefReach).toContain('detectable');
  expect(en.progRepRefSingle).toContain('detectable');
  // Pain-monitoring zones 0-2 / 2-5 / above 5, studied in Achilles tendon pain, never applied to logged values.
  expect([clinical.PAIN_MONITOR_SAFE_MAX, clinical.PAIN_MONITOR_ACCEPTABLE_MAX]).toEqual([2, 5]);
  expect(en.src_silbernagel2007_what).toMatch(/Achilles/);
  expect(en.src_silbernagel2007_use).toMatch(/never applies these zones to your entries/);
  // Schneiders 1998 is in Manual Therapy.
  expect(clinical.SOURCES.schneiders1998.where).toMatch(/^Man Ther 1998;3\(3\)/);
  // No pain-monitoring advice in any insight or popup text.
  for (const [k, m] of Object.entries(en))
    if (/^(progIns|progCtx|popup)/.test(k)) expect(m, k).not.toMatch(/during exercise of|acceptable/);
  // The report's column is a reference point, with a footnote telling meaningful from detectable change.
  expect(en.progRepReference).toBe('Reference point');
  expect(en.progRepFootnote).toMatch(/Meaningful: a change often considered meaningful/);
  expect(en.progRepFootnote).toMatch(
    /Detectable: the smallest change beyond measurement error, not a meaningful one/,
  );
});
