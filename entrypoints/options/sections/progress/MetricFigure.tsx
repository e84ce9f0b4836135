/**
 * One figure of the Progress dashboard, the same for every measure: heading, optional controls, legend, hint, the
 * chart, its text summary and its data table (utils/journal/progress-view.ts builds what goes in it). `extra` adds
 * series the person switched on (each activity of the function chart).
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import { TimeChart } from '@/components/charts/TimeChart';
import type { MetricView, ProgressView, SeriesStyle } from '@/utils/journal/progress-view';
import { DataTable } from './DataTable';

export interface ExtraSeries {
  /** Names the set of extra series: the chart is rebuilt when it changes. */
  key: string;
  styles: SeriesStyle[];
  data: Array<Array<number | null>>;
}

const NO_EXTRA: ExtraSeries = { key: '', styles: [], data: [] };

function Swatch({ style: s }: { style: SeriesStyle }) {
  return s.legend === 'dash' ? (
    <span class="sw sw-dash" style={{ borderColor: `var(${s.color})` }} aria-hidden="true" />
  ) : (
    <span class={`sw sw-${s.legend}`} style={{ background: `var(${s.color})` }} aria-hidden="true" />
  );
}

export function MetricFigure({
  metric: m,
  view,
  extra = NO_EXTRA,
  children,
  onDraw,
}: {
  metric: MetricView;
  view: ProgressView;
  extra?: ExtraSeries;
  children?: ComponentChildren;
  onDraw: () => void;
}) {
  const h = `prog-${m.id}-h`;
  // uPlot data built once per view and extra set, so re-renders for other reasons never redraw the chart.
  const data = useMemo(
    () => [view.x, ...m.data, ...extra.data] as uPlot.AlignedData,
    [view.x, m.data, extra.data],
  );
  if (m.empty)
    return (
      <figure class="prog-figure" aria-labelledby={h}>
        <h3 id={h}>{m.title}</h3>
        <p class="notice">{m.empty}</p>
      </figure>
    );
  const styles = [...m.styles, ...extra.styles];
  const legend = styles.filter((s) => s.legend);
  const s = view.series;
  return (
    <figure class="prog-figure" aria-labelledby={h}>
      <h3 id={h}>{m.title}</h3>
      {children}
      {legend.length > 0 && (
        <ul class="prog-legend">
          {legend.map((st, i) => (
            <li key={i}>
              <Swatch style={st} /> {st.label}
            </li>
          ))}
        </ul>
      )}
      {m.hint && <p class="notice prog-hint">{m.hint}</p>}
      <TimeChart
        key={extra.key}
        data={data}
        series={styles}
        y={m.y}
        yLabel={m.yLabel}
        height={m.height}
        markers={
          m.markers === 'all'
            ? view.markers
            : m.markers === 'lines'
              ? { lines: view.markers.lines }
              : undefined
        }
        onDraw={onDraw}
      />
      <figcaption class="prog-summary">{m.summary}</figcaption>
      <DataTable caption={m.title} from={s.from} length={s.length} columns={m.columns} loggedBy={s.pain} />
    </figure>
  );
}
