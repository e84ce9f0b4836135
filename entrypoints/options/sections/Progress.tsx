/**
 * Options section "Progress": pain (with its 7-day average), function (PSFS mean, each activity on demand), stiffness
 * and reach, and an adherence calendar, over a chosen range. Each chart comes with a visible text summary and a
 * data table.
 *
 * Data flow, sized for a 100,000-day journal:
 *   useProgressData: useLiveQuery(profile + dayColumns: one row, kept current by the data layer) ─► seriesOf(range)
 *   ─► progressView (utils, pure: series as typed arrays with NaN gaps, markers, summaries) ─► one MetricFigure per
 *   measure ─► uPlot setData
 * A range switch reads nothing (a slice of the columns). When all charts have drawn the current data we set the
 * performance mark "pt:charts-drawn"; a range switch sets "pt:range-start" first (scripts/bench/20-dashboard.mjs reads
 * both).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { mark } from '@/utils/perf';
import { localDay } from '@/utils/dates';
import { ROLLING_MIN_DAYS, type DailySeries } from '@/utils/journal/progress';
import { MIN_DAYS_PER_WEEK } from '@/utils/journal/compare';
import { withGaps } from '@/utils/journal/progress-view';
import { RANGES, rangeBounds, type RangeId } from '@/utils/journal/range';
import { DataTable } from './progress/DataTable';
import { AdherenceCalendar } from './progress/AdherenceCalendar';
import { MetricFigure, type ExtraSeries } from './progress/MetricFigure';
import { useProgressData } from './progress/useProgressData';
import { usePageCommand } from '@/components/palette/usePageCommand';
import './Progress.css';

export { RANGES, rangeBounds, type RangeId };

const PALETTE = ['--warn', '--danger', '--fg-soft', '--accent', '--fg'];

/** `onReady`: called once the first charts are drawn, or when there is nothing to draw (the page then mounts the rest). */
export function ProgressSection({ onReady }: { onReady?: () => void }) {
  // "?range=all" (or 4w, 3m, 1y) opens the dashboard on that range: a shareable view, and what the benchmark loads.
  const [range, setRange] = useState<RangeId>(() => {
    const asked = new URLSearchParams(location.search).get('range');
    return RANGES.some((r) => r.id === asked) ? (asked as RangeId) : '3m';
  });
  const [shownActivities, setShownActivities] = useState<string[]>([]);
  const today = localDay();
  const { loaded, view, boundsKey } = useProgressData(range, today);
  const profile = loaded?.profile;

  // The activities switched on, in the order they were switched on, as extra series of the function chart.
  const extra = useMemo((): ExtraSeries | undefined => {
    if (!view || !profile) return undefined;
    const shown = shownActivities
      .map((id) => profile.activities.find((a) => a.id === id))
      .filter((a) => a !== undefined && view.series.fnBy[a.id] !== undefined);
    return {
      key: shown.map((a) => a!.id).join(),
      styles: shown.map((a, k) => ({
        label: a!.name,
        color: PALETTE[k % PALETTE.length]!,
        width: 1.5,
        dash: [5, 4],
        legend: 'dash' as const,
      })),
      data: shown.map((a) => withGaps(view.series.fnBy[a!.id]!)),
    };
  }, [view, profile, shownActivities]);

  // "Charts drawn" bookkeeping: the mark is set once every chart has drawn the current series. Reset before the
  // charts' own effects draw (layout effects run first).
  const pending = useRef<{ series: DailySeries | null; left: Set<string> }>({
    series: null,
    left: new Set(),
  });
  const chartIds = view
    ? [
        'pain',
        ...(view.fn.empty ? [] : ['fn']),
        ...(view.stiff ? ['stiff'] : []),
        ...(view.reach ? ['reach'] : []),
      ]
    : [];
  useLayoutEffect(() => {
    if (view && pending.current.series !== view.series)
      pending.current = { series: view.series, left: new Set(chartIds) };
  }, [view]);
  const noteDraw = (id: string) => {
    const p = pending.current;
    if (p.left.delete(id) && p.left.size === 0) {
      mark('pt:charts-drawn', { range, days: p.series?.length });
      onReady?.();
    }
  };
  const empty = loaded !== undefined && !loaded.first;
  useEffect(() => {
    if (empty) onReady?.();
  }, [empty]);

  const chooseRange = (id: RangeId) => {
    mark('pt:range-start', { range: id });
    setRange(id);
    // A short journal can cover the same days in several ranges: nothing to redraw, the picture is already current.
    const next = loaded?.first ? rangeBounds(id, today, loaded.first, loaded.last) : null;
    if (next && `${next.from}..${next.to}` === boundsKey && view)
      mark('pt:charts-drawn', { range: id, unchanged: true });
  };

  // The palette's "Show the last 3 months" and the like.
  usePageCommand((c) => {
    if (c.type !== 'range') return false;
    chooseRange(c.range);
    return true;
  });

  if (!loaded || !profile) return <p class="muted">{t('progLoading')}</p>;
  if (!loaded.first)
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

  const s = view.series;
  return (
    <div class="prog">
      {rangePicker}
      <p class="muted prog-markers-note">{t('progMarkersNote')}</p>

      <MetricFigure metric={view.pain} view={view} onDraw={() => noteDraw('pain')} />

      <MetricFigure metric={view.fn} view={view} extra={extra} onDraw={() => noteDraw('fn')}>
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
      </MetricFigure>

      {(view.stiff || view.reach) && (
        <div class="prog-pair">
          {view.stiff && <MetricFigure metric={view.stiff} view={view} onDraw={() => noteDraw('stiff')} />}
          {view.reach && <MetricFigure metric={view.reach} view={view} onDraw={() => noteDraw('reach')} />}
        </div>
      )}
      {(!view.stiff || !view.reach) && <p class="muted">{t('progStiffReachHint')}</p>}

      <figure class="prog-figure" aria-labelledby="prog-ad-h">
        <h3 id="prog-ad-h">{t('progAdTitle')}</h3>
        <AdherenceCalendar from={s.from} session={s.session} home={s.home} />
        <figcaption class="prog-summary">{view.adherence.summary}</figcaption>
        <DataTable
          caption={t('progAdTitle')}
          from={s.from}
          length={s.length}
          columns={view.adherence.columns}
          loggedBy={s.pain}
        />
      </figure>
    </div>
  );
}
