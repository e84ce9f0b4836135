/**
 * Options section "Progress": pain (with its 7-day average), function (PSFS mean, each activity on demand), stiffness
 * and reach, and an adherence calendar, over a chosen range. Each chart comes with a visible text summary and a
 * data table.
 *
 * Data flow, sized for a 100,000-day journal:
 *   useLiveQuery(bounds + profile)  ─┐
 *   useLiveQuery(readRange(from, to))─┴─► dailySeries (typed arrays, NaN gaps) ─► uPlot setData (no DOM rebuild)
 * Only the chosen range is read (date index). When all charts have drawn the current data we set the performance
 * mark "pt:charts-drawn"; a range switch sets "pt:range-start" first (scripts/bench/20-dashboard.mjs reads both).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n';
import { addDays, daysBetween, formatDay, localDay, type Day } from '@/utils/dates';
import { pageJournal } from '@/utils/db/journal';
import type { Entry, Profile } from '@/utils/journal/schema';
import {
  ROLLING_MIN_DAYS,
  SessionCode,
  HomeCode,
  adherence,
  dailySeries,
  percent,
  stats,
  type DailySeries,
} from '@/utils/journal/progress';
import { MIN_DAYS_PER_WEEK, weekPairOfSeries } from '@/utils/journal/compare';
import { TimeChart, withGaps, type ChartMarkers } from '@/components/charts/TimeChart';
import { DataTable, type Column } from './progress/DataTable';
import { AdherenceCalendar } from './progress/AdherenceCalendar';
import { useLiveQuery } from '@/components/useLiveQuery';
import { usePageCommand } from '@/components/palette/usePageCommand';
import type uPlot from 'uplot';
import './Progress.css';

export type RangeId = '4w' | '3m' | '1y' | 'all';
export const RANGES: Array<{ id: RangeId; days: number | null; label: string }> = [
  { id: '4w', days: 28, label: 'progRange4w' },
  { id: '3m', days: 91, label: 'progRange3m' },
  { id: '1y', days: 365, label: 'progRange1y' },
  { id: 'all', days: null, label: 'progRangeAll' },
];

interface View {
  series: DailySeries;
  x: Float64Array;
  painData: uPlot.AlignedData;
  fnMean: Array<number | null>;
  stiffData: uPlot.AlignedData;
  reachData: uPlot.AlignedData;
}

interface Meta {
  first: Day | null;
  last: Day | null;
  profile: Profile;
}

/**
 * The days a range covers: ends today (or on the last entry if that is later); starts N-1 days before, but never
 * before the first check-in, so a new journal is not a chart of empty weeks.
 */
export function rangeBounds(
  range: RangeId,
  today: Day,
  first: Day,
  last: Day | null,
): { from: Day; to: Day } {
  const to = last && last > today ? last : today;
  const days = RANGES.find((r) => r.id === range)!.days;
  let from = days === null ? first : addDays(to, -(days - 1));
  if (from < first) from = first;
  if (daysBetween(from, to) < 6) from = addDays(to, -6); // at least a week wide
  return { from, to };
}

/** Local noon of each day, in seconds (uPlot's time unit); noon keeps DST shifts from moving a point to another day. */
function xSeconds(from: Day, length: number): Float64Array {
  const x = new Float64Array(length);
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7)) - 1;
  const d = Number(from.slice(8, 10));
  for (let i = 0; i < length; i++) x[i] = new Date(y, m, d + i, 12).getTime() / 1000;
  return x;
}

interface Span {
  from: Day;
  to: Day;
}

/**
 * The span to keep in memory after asking for `next`: the union when the two touch (so switching back to a shorter
 * range needs no read), else just `next` (never read the years between two far-apart ranges).
 */
function widen(cur: Span, next: Span): Span {
  if (next.from >= cur.from && next.to <= cur.to) return cur;
  if (next.from > addDays(cur.to, 1) || next.to < addDays(cur.from, -1)) return next;
  return { from: next.from < cur.from ? next.from : cur.from, to: next.to > cur.to ? next.to : cur.to };
}

/** Bounds of any valid day (utils/dates isDay), for "everything from/to". */
const EARLIEST_DAY = '1900-01-01';
const LATEST_DAY = '2999-12-31';

/** The entries (sorted by date) from..to inclusive, found by binary search: no copy of the days outside. */
function sliceByDate(entries: Entry[], from: Day, to: Day): Entry[] {
  const lowerBound = (day: Day, after: boolean) => {
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const d = entries[mid]!.date;
      if (d < day || (after && d === day)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const a = lowerBound(from, false);
  const b = lowerBound(to, true);
  return a === 0 && b === entries.length ? entries : entries.slice(a, b);
}

const n1 = (x: number) => (x === x ? x.toLocaleString(uiLocale(), { maximumFractionDigits: 1 }) : '–');

function lastValue(values: Float64Array): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] === values[i]) return values[i]!;
  return NaN;
}

/** "The week of … averaged …; the latest week …" (compare.ts, the same weeks as the insights and the report). */
function weeksLine(values: Float64Array, from: Day, unit = ''): string {
  const p = weekPairOfSeries(values, from);
  if ('notYet' in p) return p.logged > 0 ? t('progWeeksNotYet', MIN_DAYS_PER_WEEK) : '';
  const day = (d: Day) => formatDay(d, uiLocale(), { weekday: undefined });
  return t('progWeeks', day(p.first.from), n1(p.first.mean) + unit, day(p.last.to), n1(p.last.mean) + unit);
}

function sessionXs(s: DailySeries, x: Float64Array, code: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) if (s.session[i] === code) out.push(x[i]!);
  return out;
}

export function ProgressSection() {
  const journal = pageJournal();
  // "?range=all" (or 4w, 3m, 1y) opens the dashboard on that range: a shareable view, and what the benchmark loads.
  const [range, setRange] = useState<RangeId>(() => {
    const asked = new URLSearchParams(location.search).get('range');
    return RANGES.some((r) => r.id === asked) ? (asked as RangeId) : '3m';
  });
  const [shownActivities, setShownActivities] = useState<string[]>([]);
  const today = localDay();

  // One live query reads everything the section needs in parallel (first and last day, profile, and the entries from
  // the range's earliest possible day on), so the first picture costs one round of database requests, not two.
  // It reads from the earliest day asked for so far: switching back to a shorter range cuts a slice from what is in
  // memory (no database read), and "all" reads in chunks so a 100,000-day journal never freezes the tab.
  // The range ends today, or on the last entry when one is dated later (an imported journal can be): known after
  // the first read, which then reads the later range it needs.
  const [anchor, setAnchor] = useState<Day>(today);
  const rangeDays = RANGES.find((r) => r.id === range)!.days;
  const asked: Span =
    rangeDays === null
      ? { from: EARLIEST_DAY, to: LATEST_DAY }
      : { from: addDays(anchor, -(rangeDays - 1)), to: anchor };
  const widest = useRef<Span>(asked);
  widest.current = widen(widest.current, asked);
  const loadKey = `${widest.current.from}..${widest.current.to}`;
  const loaded = useLiveQuery<Meta & { entries: Entry[] } & Span>(async () => {
    const { from, to } = widest.current;
    const [{ first, last }, profile, entries] = await Promise.all([
      journal.bounds(),
      journal.getProfile(),
      journal.readRange(from, to),
    ]);
    return { first, last, profile, entries, from, to };
  }, [loadKey]);
  const lastDay = loaded.value?.last;
  useEffect(() => {
    if (lastDay && lastDay > anchor) setAnchor(lastDay);
  }, [lastDay, anchor]);
  const meta = loaded.value;
  const bounds = meta?.first ? rangeBounds(range, today, meta.first, meta.last) : null;
  const boundsKey = bounds ? `${bounds.from}..${bounds.to}` : null;

  // Keep the previous picture until the new range's rows arrive, so a switch never flashes an empty chart.
  const activityIds = meta?.profile.activities.map((a) => a.id) ?? [];
  const lastGood = useRef<View | null>(null);
  const current = useMemo(() => {
    // The rows in memory must reach back to the range's first day (they lag one query behind after a widening switch).
    if (!meta || !bounds || meta.from > bounds.from || meta.to < bounds.to) return null;
    const series = dailySeries(
      sliceByDate(meta.entries, bounds.from, bounds.to),
      bounds.from,
      bounds.to,
      activityIds,
    );
    const x = xSeconds(bounds.from, series.length);
    // uPlot data built once per series (null = gap), so re-renders for other reasons never redraw the charts.
    const fnMean = withGaps(series.fnMean);
    return {
      series,
      x,
      painData: [x, withGaps(series.pain), withGaps(series.painMean7)] as uPlot.AlignedData,
      fnMean,
      stiffData: [x, withGaps(series.stiffness)] as uPlot.AlignedData,
      reachData: [x, withGaps(series.reach)] as uPlot.AlignedData,
    };
    // activityIds is derived from meta; its join is part of the dependency
  }, [meta, boundsKey, activityIds.join()]);
  if (current) lastGood.current = current;
  const view = current ?? lastGood.current;
  const fnData = useMemo(
    () =>
      view
        ? ([
            view.x,
            view.fnMean,
            ...shownActivities
              .filter((id) => view.series.fnBy[id])
              .map((id) => withGaps(view.series.fnBy[id]!)),
          ] as uPlot.AlignedData)
        : null,
    [view, shownActivities],
  );

  // "Charts drawn" bookkeeping: the mark is set once every chart has drawn the current series.
  const pending = useRef<{ series: DailySeries | null; left: Set<string> }>({
    series: null,
    left: new Set(),
  });
  const noteDraw = (id: string) => {
    const p = pending.current;
    if (p.left.delete(id) && p.left.size === 0)
      performance.mark('pt:charts-drawn', { detail: { range, days: p.series?.length } });
  };

  const chooseRange = (id: RangeId) => {
    performance.mark('pt:range-start', { detail: { range: id } });
    setRange(id);
    // A short journal can cover the same days in several ranges: nothing to redraw, the picture is already current.
    const next = meta?.first ? rangeBounds(id, today, meta.first, meta.last) : null;
    if (next && `${next.from}..${next.to}` === boundsKey && current)
      performance.mark('pt:charts-drawn', { detail: { range: id, unchanged: true } });
  };

  // The palette's "Show the last 3 months" and the like.
  usePageCommand((c) => {
    if (c.type !== 'range') return false;
    chooseRange(c.range);
    return true;
  });

  if (!meta) return <p class="muted">{t('progLoading')}</p>;
  if (!meta.first)
    return (
      <div class="notice">
        <p>
          <strong>{t('progEmptyTitle')}</strong>
        </p>
        <p>{t('progEmptyBody', ROLLING_MIN_DAYS, MIN_DAYS_PER_WEEK)}</p>
      </div>
    );

  const rangePicker = (
    <fieldset class="prog-range">
      <legend>{t('progRangeLegend')}</legend>
      {RANGES.map((r) => (
        <label key={r.id} class={range === r.id ? 'on' : ''}>
          <input
            type="radio"
            name="prog-range"
            value={r.id}
            checked={range === r.id}
            onChange={() => chooseRange(r.id)}
          />
          {t(r.label)}
        </label>
      ))}
    </fieldset>
  );
  if (!view)
    return (
      <>
        {rangePicker}
        <p class="muted">{t('progLoading')}</p>
      </>
    );

  const { series: s, x } = view;
  const locale = uiLocale();
  const rangeText = t(
    'progRangeText',
    formatDay(s.from, locale, { year: 'numeric' }),
    formatDay(s.to, locale, { year: 'numeric' }),
  );
  const profile = meta.profile;
  const hasFn = stats(s.fnMean).count > 0;
  const hasStiff = stats(s.stiffness).count > 0;
  const hasReach = stats(s.reach).count > 0;
  const chartIds = [
    'pain',
    ...(hasFn ? ['fn'] : []),
    ...(hasStiff ? ['stiff'] : []),
    ...(hasReach ? ['reach'] : []),
  ];
  if (pending.current.series !== s) pending.current = { series: s, left: new Set(chartIds) };

  const markers: ChartMarkers = {
    lines: [
      ...(profile.ptStartDate
        ? [{ x: xSeconds(profile.ptStartDate, 1)[0]!, color: '--ok', label: t('progMarkPtStart') }]
        : []),
      ...(profile.surgeryDate
        ? [{ x: xSeconds(profile.surgeryDate, 1)[0]!, color: '--danger', label: t('progMarkSurgery') }]
        : []),
    ],
    attended: sessionXs(s, x, SessionCode.Attended),
    missed: sessionXs(s, x, SessionCode.Missed),
  };
  // Same order as fnData: the order they were switched on.
  const activities = shownActivities
    .map((id) => profile.activities.find((a) => a.id === id))
    .filter((a): a is Profile['activities'][number] => a !== undefined && s.fnBy[a.id] !== undefined);
  const palette = ['--warn', '--danger', '--fg-soft', '--accent', '--fg'];

  // ---- summaries --------------------------------------------------------------------------------------------------
  const painStats = stats(s.pain);
  const lastMean = lastValue(s.painMean7);
  const painSummary = [
    rangeText,
    t('progPainLogged', s.logged, s.length),
    painStats.count ? t('progPainStats', n1(painStats.mean), n1(painStats.min), n1(painStats.max)) : '',
    weeksLine(s.pain, s.from),
    lastMean === lastMean ? t('progPainMean7', n1(lastMean)) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const trendHint =
    s.logged === 0
      ? t('progNoneInRange')
      : s.logged < ROLLING_MIN_DAYS
        ? t(
            ROLLING_MIN_DAYS - s.logged === 1 ? 'progNeedMoreTrend1' : 'progNeedMoreTrend',
            ROLLING_MIN_DAYS - s.logged,
          )
        : stats(s.painMean7).count === 0
          ? t('progTrendSparse', ROLLING_MIN_DAYS)
          : '';

  const fnStats = stats(s.fnMean);
  const fnSummary = hasFn
    ? [rangeText, t('progFnStats', fnStats.count, n1(fnStats.mean)), weeksLine(s.fnMean, s.from)]
        .filter(Boolean)
        .join(' ')
    : '';
  const st = stats(s.stiffness);
  const re = stats(s.reach);

  const ad = adherence(s);
  const sessions = ad.sessionsAttended + ad.sessionsMissed;
  const adSummary = [
    rangeText,
    sessions
      ? t('progAdSessions', ad.sessionsAttended, ad.sessionsMissed, percent(ad.sessionsAttended, sessions)!)
      : t('progAdNoSessions'),
    ad.homeDays
      ? t(
          'progAdHome',
          ad.homeDone,
          ad.homeDays,
          percent(ad.homeDone, ad.homeDays)!,
          ad.homeAll,
          ad.homeDone - ad.homeAll,
          ad.homeDays - ad.homeDone,
        )
      : t('progAdNoHome'),
  ].join(' ');

  const painCols: Column[] = [
    { label: t('progColPain'), kind: 'mean', values: s.pain },
    { label: t('progColMean7'), kind: 'mean', values: s.painMean7 },
  ];
  const fnCols: Column[] = [
    { label: t('progColFunction'), kind: 'mean', values: s.fnMean },
    ...profile.activities
      .filter((a) => s.fnBy[a.id])
      .map((a): Column => ({ label: a.name, kind: 'mean', values: s.fnBy[a.id]! })),
  ];
  const adCols: Column[] = [
    { label: t('progCalAttended'), kind: 'count', codes: s.session, code: SessionCode.Attended },
    { label: t('progCalMissed'), kind: 'count', codes: s.session, code: SessionCode.Missed },
    { label: t('progCalHome_all'), kind: 'count', codes: s.home, code: HomeCode.All },
    { label: t('progCalHome_some'), kind: 'count', codes: s.home, code: HomeCode.Some },
    { label: t('progCalHome_none'), kind: 'count', codes: s.home, code: HomeCode.None },
  ];

  return (
    <div class="prog">
      {rangePicker}
      <p class="muted prog-markers-note">{t('progMarkersNote')}</p>

      <figure class="prog-figure" aria-labelledby="prog-pain-h">
        <h3 id="prog-pain-h">{t('progPainTitle')}</h3>
        <ul class="prog-legend">
          <li>
            <span class="sw sw-dot" style={{ background: 'var(--accent)' }} aria-hidden="true" />{' '}
            {t('progLegendPain')}
          </li>
          <li>
            <span class="sw sw-line" style={{ background: 'var(--fg)' }} aria-hidden="true" />{' '}
            {t('progLegendMean7')}
          </li>
        </ul>
        {trendHint && <p class="notice prog-hint">{trendHint}</p>}
        <TimeChart
          data={view.painData}
          series={[
            { label: t('progLegendPain'), color: '--accent', width: 1, points: s.length <= 120 },
            { label: t('progLegendMean7'), color: '--fg', width: 2.5 },
          ]}
          y={[0, 10]}
          yLabel={t('progAxisPain')}
          markers={markers}
          onDraw={() => noteDraw('pain')}
        />
        <figcaption class="prog-summary">{painSummary}</figcaption>
        <DataTable
          caption={t('progPainTitle')}
          from={s.from}
          length={s.length}
          columns={painCols}
          loggedBy={s.pain}
        />
      </figure>

      <figure class="prog-figure" aria-labelledby="prog-fn-h">
        <h3 id="prog-fn-h">{t('progFnTitle')}</h3>
        {hasFn ? (
          <>
            <p class="muted">{t('progFnExplain')}</p>
            {profile.activities.length > 0 && (
              <fieldset class="prog-activities">
                <legend>{t('progFnEach')}</legend>
                {profile.activities.map((a) => (
                  <label key={a.id}>
                    <input
                      type="checkbox"
                      checked={shownActivities.includes(a.id)}
                      onChange={(e) => {
                        const on = (e.currentTarget as HTMLInputElement).checked;
                        setShownActivities((cur) => (on ? [...cur, a.id] : cur.filter((id) => id !== a.id)));
                      }}
                    />{' '}
                    {a.name}
                    {a.archived ? ` ${t('progArchived')}` : ''}
                  </label>
                ))}
              </fieldset>
            )}
            <ul class="prog-legend">
              <li>
                <span class="sw sw-line" style={{ background: 'var(--ok)' }} aria-hidden="true" />{' '}
                {t('progLegendFn')}
              </li>
              {activities.map((a, k) => (
                <li key={a.id}>
                  <span
                    class="sw sw-dash"
                    style={{ borderColor: `var(${palette[k % palette.length]})` }}
                    aria-hidden="true"
                  />{' '}
                  {a.name}
                </li>
              ))}
            </ul>
            <TimeChart
              key={activities.map((a) => a.id).join()}
              data={fnData!}
              series={[
                { label: t('progLegendFn'), color: '--ok', width: 2.5, points: s.length <= 120 },
                ...activities.map((a, k) => ({
                  label: a.name,
                  color: palette[k % palette.length]!,
                  width: 1.5,
                  dash: [5, 4],
                })),
              ]}
              y={[0, 10]}
              yLabel={t('progAxisFn')}
              markers={{ lines: markers.lines }}
              onDraw={() => noteDraw('fn')}
            />
            <figcaption class="prog-summary">{fnSummary}</figcaption>
            <DataTable
              caption={t('progFnTitle')}
              from={s.from}
              length={s.length}
              columns={fnCols}
              loggedBy={s.pain}
            />
          </>
        ) : (
          <p class="notice">{profile.activities.length ? t('progFnEmptyRate') : t('progFnEmptyAdd')}</p>
        )}
      </figure>

      {(hasStiff || hasReach) && (
        <div class="prog-pair">
          {hasStiff && (
            <figure class="prog-figure" aria-labelledby="prog-stiff-h">
              <h3 id="prog-stiff-h">{t('progStiffTitle')}</h3>
              <TimeChart
                data={view.stiffData}
                series={[
                  { label: t('progStiffTitle'), color: '--warn', width: 1.5, points: s.length <= 120 },
                ]}
                y={[0, 10]}
                yLabel={t('progAxisStiff')}
                height={180}
                onDraw={() => noteDraw('stiff')}
              />
              <figcaption class="prog-summary">
                {t('progStiffStats', st.count, n1(st.mean), n1(st.min), n1(st.max))}
              </figcaption>
              <DataTable
                caption={t('progStiffTitle')}
                from={s.from}
                length={s.length}
                columns={[{ label: t('progStiffTitle'), kind: 'mean', values: s.stiffness }]}
                loggedBy={s.pain}
              />
            </figure>
          )}
          {hasReach && (
            <figure class="prog-figure" aria-labelledby="prog-reach-h">
              <h3 id="prog-reach-h">{t('progReachTitle')}</h3>
              <TimeChart
                data={view.reachData}
                series={[
                  { label: t('progReachTitle'), color: '--accent', width: 1.5, points: s.length <= 120 },
                ]}
                yLabel={t('progAxisReach')}
                height={180}
                onDraw={() => noteDraw('reach')}
              />
              <figcaption class="prog-summary">
                {t('progReachStats', re.count)} {weeksLine(s.reach, s.from, ' cm')}
              </figcaption>
              <DataTable
                caption={t('progReachTitle')}
                from={s.from}
                length={s.length}
                columns={[{ label: t('progReachTitle'), kind: 'mean', values: s.reach }]}
                loggedBy={s.pain}
              />
            </figure>
          )}
        </div>
      )}
      {(!hasStiff || !hasReach) && <p class="muted">{t('progStiffReachHint')}</p>}

      <figure class="prog-figure" aria-labelledby="prog-ad-h">
        <h3 id="prog-ad-h">{t('progAdTitle')}</h3>
        <AdherenceCalendar from={s.from} session={s.session} home={s.home} />
        <figcaption class="prog-summary">{adSummary}</figcaption>
        <DataTable
          caption={t('progAdTitle')}
          from={s.from}
          length={s.length}
          columns={adCols}
          loggedBy={s.pain}
        />
      </figure>
    </div>
  );
}
