/**
 * The report's body (entrypoints/report/App.tsx): facts, baseline vs now table, charts, adherence, soreness, notes and
 * the footnote with the sources.
 */
import { t, uiLocale, type MessageKey } from '@/utils/i18n';
import type { ChangeKind } from '@/utils/journal/compare';
import { addDays, daysBetween, formatDay, type Day } from '@/utils/dates';
import type { Entry, Profile } from '@/utils/journal/schema';
import {
  PAIN_MEANINGFUL_PERCENT,
  PAIN_MEANINGFUL_POINTS,
  PAIN_MIN_MEANINGFUL_POINTS,
  PSFS_DETECTABLE_SINGLE,
  PSFS_MEANINGFUL_MEAN,
  REACH_DETECTABLE_CM,
  SOURCES_PAGE,
  shortCitation,
  sourceHref,
  type SourceId,
} from '@/utils/journal/clinical';
import { adherence, homeOverAllDays, percent, SessionCode, type DailySeries } from '@/utils/journal/progress';
import {
  MIN_DAYS_PER_WEEK,
  baselineVsNow,
  isChange,
  weekPairOfSeries,
  type Change,
  type NotYet,
} from '@/utils/journal/compare';
import { SvgLineChart } from '@/components/charts/SvgLineChart';

const KIND_TEXT: Record<ChangeKind, MessageKey> = {
  'meaningful-better': 'progRepKind_meaningful_better',
  'small-better': 'progRepKind_small_better',
  same: 'progRepKind_same',
  'small-worse': 'progRepKind_small_worse',
  'meaningful-worse': 'progRepKind_meaningful_worse',
};
/**
 * Notes shown on the page; longer lists and notes are shortened so the report stays one page. Three of at most 100
 * characters (about one printed line each): with the longer reference-point cells and the Sources footer, five
 * two-line notes pushed the footer onto a second A4 or Letter page (the page margin is 8 mm for the same reason).
 */
const MAX_NOTES = 3;
const MAX_NOTE_CHARS = 100;

export interface Data {
  entries: Entry[];
  profile: Profile;
  series: DailySeries;
}

const n1 = (x: number) => (x === x ? x.toLocaleString(uiLocale(), { maximumFractionDigits: 1 }) : '–');
const signed = (x: number) => (x > 0 ? `+${n1(x)}` : n1(x));

/** The sources the report's reference points come from (each linked to the Sources page). */
const REPORT_SOURCES: SourceId[] = ['ostelo2008', 'childs2005', 'stratford1995', 'abbott2014', 'ekedahl2012'];

export function Body({ data, fmt }: { data: Data; fmt: (d: Day) => string }) {
  const { entries, profile, series: s } = data;
  if (entries.length === 0) return <p class="notice">{t('progRepEmpty')}</p>;
  const r = baselineVsNow(entries, entries);
  const ad = adherence(s);
  const home = homeOverAllDays(s);
  const sessions = ad.sessionsAttended + ad.sessionsMissed;
  const sore = [0, 0, 0, 0];
  let soreDays = 0;
  for (let i = 0; i < s.length; i++)
    if (s.soreness[i]) {
      sore[s.soreness[i]! - 1]! += 1;
      soreDays++;
    }
  const notes = entries.filter((e) => e.noteForClinician && e.note);
  const shown = notes.slice(-MAX_NOTES);
  const activeActivities = profile.activities.filter(
    (a) => !a.archived || s.fnBy[a.id]?.some((v) => v === v),
  );

  const row = (label: string, c: Change | NotYet, unit: string, ref: string) =>
    isChange(c) ? (
      <tr>
        <th scope="row">{label}</th>
        <td>{n1(c.baseline)}</td>
        <td>{n1(c.now)}</td>
        <td>
          {signed(c.now - c.baseline)}
          {unit}
          {!Number.isNaN(c.percent) && ` (${signed(Math.round(-c.percent))}%)`}
        </td>
        <td>{ref}</td>
        <td>{t(KIND_TEXT[c.kind])}</td>
      </tr>
    ) : (
      <tr>
        <th scope="row">{label}</th>
        <td colSpan={5} class="muted">
          {t('progRepNeedMore', MIN_DAYS_PER_WEEK)}
        </td>
      </tr>
    );

  const simpleRow = (label: string, values: Float64Array, ref: string, unit = '') => {
    const p = weekPairOfSeries(values, s.from);
    if ('notYet' in p && p.logged === 0) return null;
    return (
      <tr key={label}>
        <th scope="row">{label}</th>
        {'notYet' in p ? (
          <td colSpan={3} class="muted">
            {t('progRepNeedMore', MIN_DAYS_PER_WEEK)}
          </td>
        ) : (
          <>
            <td>{n1(p.first.mean)}</td>
            <td>{n1(p.last.mean)}</td>
            <td>
              {signed(p.last.mean - p.first.mean)}
              {unit}
            </td>
          </>
        )}
        <td>{ref}</td>
        <td />
      </tr>
    );
  };

  const mid = Math.floor((s.length - 1) / 2);
  const xLabels = [
    { i: 0, text: formatDay(s.from, uiLocale(), { weekday: undefined }) },
    { i: mid, text: formatDay(addDays(s.from, mid), uiLocale(), { weekday: undefined }) },
    { i: s.length - 1, text: formatDay(s.to, uiLocale(), { weekday: undefined }) },
  ];
  const lines = [
    ...(profile.ptStartDate && profile.ptStartDate >= s.from && profile.ptStartDate <= s.to
      ? [{ i: daysBetween(s.from, profile.ptStartDate), color: 'var(--ok)', text: t('progMarkPtStart') }]
      : []),
    ...(profile.surgeryDate && profile.surgeryDate >= s.from && profile.surgeryDate <= s.to
      ? [{ i: daysBetween(s.from, profile.surgeryDate), color: 'var(--danger)', text: t('progMarkSurgery') }]
      : []),
  ];
  const marks: Array<{ i: number; filled: boolean }> = [];
  for (let i = 0; i < s.length; i++)
    if (s.session[i] === SessionCode.Attended || s.session[i] === SessionCode.Missed)
      marks.push({ i, filled: s.session[i] === SessionCode.Attended });
  const painWeeks = isChange(r.pain) ? r.pain : null;

  return (
    <>
      <section class="rep-facts" aria-label={t('progRepFacts')}>
        <p>
          {t('progRepLogged', s.logged, s.length)}
          {profile.ptStartDate && ` · ${t('progRepPtStart', fmt(profile.ptStartDate))}`}
          {profile.surgeryDate && ` · ${t('progRepSurgery', fmt(profile.surgeryDate))}`}
        </p>
        {activeActivities.length > 0 && (
          <p>
            {t('progRepActivities')} {activeActivities.map((a) => a.name).join('; ')}
          </p>
        )}
      </section>

      <section aria-labelledby="rep-change-h">
        <h2 id="rep-change-h">{t('progRepChangeTitle', MIN_DAYS_PER_WEEK)}</h2>
        <table class="rep-table">
          <thead>
            <tr>
              <th scope="col">{t('progRepMeasure')}</th>
              <th scope="col">{t('progRepFirst7')}</th>
              <th scope="col">{t('progRepLast7')}</th>
              <th scope="col">{t('progRepChange')}</th>
              <th scope="col">{t('progRepReference')}</th>
              <th scope="col">{t('progRepReading')}</th>
            </tr>
          </thead>
          <tbody>
            {row(
              t('progRepPain'),
              r.pain,
              '',
              t(
                'progRepRefPain',
                PAIN_MEANINGFUL_POINTS,
                PAIN_MEANINGFUL_PERCENT,
                PAIN_MIN_MEANINGFUL_POINTS,
              ),
            )}
            {!('none' in r.fn && r.fn.none) &&
              row(t('progRepFunction'), r.fn, '', t('progRepRefFn', PSFS_MEANINGFUL_MEAN))}
            {activeActivities.map((a) =>
              simpleRow(a.name, s.fnBy[a.id]!, t('progRepRefSingle', PSFS_DETECTABLE_SINGLE)),
            )}
            {simpleRow(t('progStiffTitle'), s.stiffness, t('progRepRefNone'))}
            {simpleRow(t('progReachTitle'), s.reach, t('progRepRefReach', REACH_DETECTABLE_CM), ' cm')}
          </tbody>
        </table>
      </section>

      <section class="rep-charts" aria-labelledby="rep-charts-h">
        <h2 id="rep-charts-h" class="visually-hidden">
          {t('progRepCharts')}
        </h2>
        <figure>
          <figcaption>
            <strong>{t('progPainTitle')}</strong> — {t('progRepPainLegend')}
          </figcaption>
          <SvgLineChart
            length={s.length}
            series={[
              { values: s.pain, color: 'var(--accent)', width: 0.8, dots: s.length <= 120 },
              { values: s.painMean7, color: 'var(--fg)', width: 2 },
            ]}
            y={[0, 10]}
            yTicks={[0, 5, 10]}
            xLabels={xLabels}
            lines={lines}
            marks={s.length <= 200 ? marks : undefined}
            label={t('progRepPainChartLabel', n1(painWeeks?.baseline ?? NaN), n1(painWeeks?.now ?? NaN))}
            height={80}
          />
        </figure>
        {r.fn && !('none' in r.fn && r.fn.none) && (
          <figure>
            <figcaption>
              <strong>{t('progFnTitle')}</strong> — {t('progRepFnLegend')}
            </figcaption>
            <SvgLineChart
              length={s.length}
              series={[{ values: s.fnMean, color: 'var(--ok)', width: 1.6, dots: s.length <= 120 }]}
              y={[0, 10]}
              yTicks={[0, 5, 10]}
              xLabels={xLabels}
              lines={lines}
              label={t('progRepFnChartLabel')}
              height={70}
            />
          </figure>
        )}
      </section>

      <div class="rep-two">
        <section aria-labelledby="rep-ad-h">
          <h2 id="rep-ad-h">{t('progAdTitle')}</h2>
          <ul class="rep-list">
            <li>
              {sessions
                ? t('progRepSessions', ad.sessionsAttended, sessions, percent(ad.sessionsAttended, sessions)!)
                : t('progAdNoSessions')}
            </li>
            <li>
              {home
                ? t(
                    'progRepHome',
                    home.done,
                    home.days,
                    fmt(home.from),
                    home.percent,
                    home.all,
                    home.unanswered,
                  )
                : t('progAdNoHome')}
            </li>
            {ad.longestStreak > 1 && <li>{t('progRepStreak', ad.longestStreak)}</li>}
          </ul>
        </section>
        <section aria-labelledby="rep-sore-h">
          <h2 id="rep-sore-h">{t('progRepSoreTitle')}</h2>
          {soreDays ? (
            <ul class="rep-list">
              {(['none', 'muscle', 'sharp', 'tingling'] as const).map((k, i) => (
                <li key={k}>{t(`progRepSore_${k}`, sore[i]!, percent(sore[i]!, soreDays)!)}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('progRepSoreNone')}</p>
          )}
        </section>
      </div>

      <section aria-labelledby="rep-notes-h">
        <h2 id="rep-notes-h">{t('progRepNotesTitle')}</h2>
        {shown.length === 0 ? (
          <p class="muted">{t('progRepNotesNone')}</p>
        ) : (
          <ul class="rep-notes">
            {shown.map((e) => (
              <li key={e.date}>
                <strong>{fmt(e.date)}:</strong>{' '}
                {e.note!.length > MAX_NOTE_CHARS ? `${e.note!.slice(0, MAX_NOTE_CHARS)}…` : e.note}
              </li>
            ))}
          </ul>
        )}
        {notes.length > shown.length && (
          <p class="muted">
            {t(
              notes.length - shown.length === 1 ? 'progRepNotesMore1' : 'progRepNotesMore',
              notes.length - shown.length,
            )}
          </p>
        )}
      </section>

      <footer class="rep-foot">
        <p>
          {t(
            'progRepFootnote',
            PAIN_MEANINGFUL_POINTS,
            PAIN_MEANINGFUL_PERCENT,
            PAIN_MIN_MEANINGFUL_POINTS,
            PSFS_MEANINGFUL_MEAN,
            PSFS_DETECTABLE_SINGLE,
            REACH_DETECTABLE_CM,
            MIN_DAYS_PER_WEEK,
          )}
        </p>
        <p class="rep-sources">
          <a href={SOURCES_PAGE}>{t('progRepSources')}</a>{' '}
          {REPORT_SOURCES.map((id, k) => (
            <span key={id}>
              {k > 0 && '; '}
              <a href={sourceHref(id)}>{shortCitation(id)}</a>
            </span>
          ))}
          .
        </p>
      </footer>
    </>
  );
}
