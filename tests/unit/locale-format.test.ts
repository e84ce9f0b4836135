/**
 * Dates and numbers follow the browser's language on screen (charts included), while files stay machine-readable
 * in every language (issue #14, docs/i18n.md).
 */
import { fakeBrowser } from 'wxt/testing';
import { numberAxisLabels, timeAxisLabels } from '@/components/charts/axisLabels';
import { entriesToCsv, parseCsv } from '@/utils/backup/csv';
import { syntheticBackup } from '../fixtures/synthetic';

const DAY = 86_400;
const noon = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).getTime() / 1000;

describe('chart axes', () => {
  const week = [noon(2026, 3, 7), noon(2026, 3, 14), noon(2026, 3, 21)];

  test('day ticks are written the way each language writes dates, the year under the first tick', () => {
    expect(timeAxisLabels(week, 7 * DAY, 'en-US')).toEqual(['Mar 7\n2026', 'Mar 14', 'Mar 21']);
    expect(timeAxisLabels(week, 7 * DAY, 'de')).toEqual(['7. März\n2026', '14. März', '21. März']);
    expect(timeAxisLabels(week, 7 * DAY, 'es')).toEqual(['7 mar\n2026', '14 mar', '21 mar']);
    expect(timeAxisLabels(week, 7 * DAY, 'fr')[0]).toBe('7 mars\n2026');
    expect(timeAxisLabels(week, 7 * DAY, 'nl')[0]).toBe('7 mrt\n2026');
    // Never the US month/day order ("3/7"), which reads as 3 July in most of Europe.
    for (const l of ['de', 'es', 'fr', 'it', 'pt-BR', 'nl'])
      expect(timeAxisLabels(week, 7 * DAY, l).join(' ')).not.toMatch(/\d+\/\d+/);
  });

  test('the year is repeated where it changes; months and years when the ticks are far apart', () => {
    const turn = [noon(2025, 12, 29), noon(2026, 1, 5)];
    expect(timeAxisLabels(turn, 7 * DAY, 'de')).toEqual(['29. Dez.\n2025', '5. Jan.\n2026']);
    const months = [noon(2026, 1, 1), noon(2026, 2, 1), noon(2026, 3, 1)];
    expect(timeAxisLabels(months, 31 * DAY, 'it')).toEqual(['gen\n2026', 'feb', 'mar']);
    expect(timeAxisLabels([noon(2025, 1, 1), noon(2026, 1, 1)], 365 * DAY, 'fr')).toEqual(['2025', '2026']);
  });

  test('numbers use the language’s decimal mark', () => {
    expect(numberAxisLabels([0, 2.5, 10], 'de')).toEqual(['0', '2,5', '10']);
    expect(numberAxisLabels([0, 2.5, 10], 'en')).toEqual(['0', '2.5', '10']);
  });
});

describe('CSV stays machine-readable in every language', () => {
  afterEach(() => {
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
  });

  test('ISO dates and dot decimals even when the browser speaks German', () => {
    fakeBrowser.i18n.getUILanguage = () => 'de-DE';
    const b = syntheticBackup({ days: 30, seed: 5 });
    const entries = b.entries.map((e, i) => (i === 0 ? { ...e, reachCm: -2.5 } : e));
    const rows = parseCsv(entriesToCsv(entries, b.profile));
    const header = rows[0]!.map((h) => h.replace(/^\uFEFF/, ''));
    const col = (name: string) => header.indexOf(name);
    const body = rows.slice(1).filter((r) => r.length > 1);
    expect(body.length).toBe(entries.length);
    for (const r of body) {
      expect(r[col('date')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r[col('updatedAt')]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(r[col('psfsMean')]).toMatch(/^(\d+(\.\d+)?)?$/);
      expect(r[col('reachCm')]).not.toContain(',');
    }
    expect(body[0]![col('reachCm')]).toBe('-2.5');
    // Some means are fractional, so the check above really saw decimals.
    expect(body.some((r) => r[col('psfsMean')]!.includes('.'))).toBe(true);
    // Column names are the same in every language.
    expect(header.slice(0, 3)).toEqual(['date', 'pain', 'soreness']);
  });
});

describe('numbers in messages', () => {
  afterEach(() => {
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
  });

  test('a number substitution is written the browser’s way; years are not grouped', async () => {
    const { t } = await import('@/utils/i18n');
    fakeBrowser.i18n.getUILanguage = () => 'de-DE';
    expect(t('progRepRefReach', 4.5)).toMatch(/^4,5 cm/);
    expect(t('progRepPeriod', 'a', 'b', 2026)).toContain('2026');
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    expect(t('progRepRefReach', 4.5)).toMatch(/^4\.5 cm/);
    expect(t('progRepRefReach', '4.50')).toMatch(/^4\.50 cm/); // strings pass through untouched
  });
});
