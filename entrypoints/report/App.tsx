/**
 * The one-page report for the PT or doctor: a chosen period (default the last 12 weeks), baseline vs now for pain and
 * function next to the meaningful-change reference points, pain and function charts (SVG, crisp in a PDF), adherence,
 * the soreness pattern and the notes the person marked for their clinician. "Print / Save as PDF" opens the browser's
 * print dialog; report.css makes it fit one A4 or Letter page for up to 12 weeks.
 *
 * The weeks compared here are the first and the latest logged week *of the period* (the clinician sees the period
 * they asked about); the comparison is the one every surface uses (utils/journal/compare.ts). The "Reference point"
 * column says for each value whether it is a meaningful change or only a detectable one, and the footnote explains.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n';
import { addDays, daysBetween, formatDay, isDay, localDay, type Day } from '@/utils/dates';
import { pageJournal } from '@/utils/db/journal';
import { dailySeries } from '@/utils/journal/progress';
import { KeyboardLayer } from '@/components/palette/KeyboardLayer';
import { Body, type Data } from './Body';

export const REPORT_DEFAULT_WEEKS = 12;

export function App() {
  const today = localDay();
  const [from, setFrom] = useState<Day>(addDays(today, -(REPORT_DEFAULT_WEEKS * 7 - 1)));
  const [to, setTo] = useState<Day>(today);
  const [data, setData] = useState<Data | null>(null);
  const valid = isDay(from) && isDay(to) && from <= to;

  useEffect(() => {
    if (!valid) return;
    let live = true;
    const journal = pageJournal();
    void Promise.all([journal.listEntries(from, to), journal.getProfile()]).then(([entries, profile]) => {
      if (!live) return;
      setData({
        entries,
        profile,
        series: dailySeries(
          entries,
          from,
          to,
          profile.activities.map((a) => a.id),
        ),
      });
    });
    return () => {
      live = false;
    };
  }, [from, to, valid]);

  const locale = uiLocale();
  const fmt = (d: Day) => formatDay(d, locale, { year: 'numeric' });

  return (
    <main class="report" data-report-ready={data ? '' : undefined}>
      <header class="rep-head">
        <h1>{t('progRepTitle')}</h1>
        <p class="rep-period">
          {t('progRepPeriod', fmt(from), fmt(to), daysBetween(from, to) + 1)} ·{' '}
          {t('progRepGenerated', fmt(today))}
        </p>
        <KeyboardLayer surface="report" />
      </header>

      <form class="rep-controls no-print" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('progRepFrom')}{' '}
          <input
            type="date"
            value={from}
            max={to}
            onChange={(e) => setFrom((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          {t('progRepTo')}{' '}
          <input
            type="date"
            value={to}
            min={from}
            onChange={(e) => setTo((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="button" class="primary" onClick={() => window.print()}>
          {t('progRepPrint')}
        </button>
        {!valid && <p class="notice error">{t('progRepBadRange')}</p>}
        {valid && daysBetween(from, to) + 1 > REPORT_DEFAULT_WEEKS * 7 && (
          <p class="notice">{t('progRepLong', REPORT_DEFAULT_WEEKS)}</p>
        )}
      </form>

      {!data ? <p class="muted">{t('progLoading')}</p> : <Body data={data} fmt={fmt} />}
    </main>
  );
}
