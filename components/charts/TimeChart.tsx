/**
 * A uPlot time chart of daily values (one x slot per calendar day; null = not logged, drawn as a gap because every
 * series has spanGaps: false). The canvas is decorative for assistive technology: the caller puts a text summary and
 * a data table next to it.
 *
 * Lifetime: uPlot is created once per (series set, colour scheme) and afterwards only gets setData / setSize, so a
 * range switch costs one redraw, not a DOM rebuild. Colours come from the CSS variables of components/theme.css and
 * the chart is rebuilt when the system switches between light and dark. Markers (PT start, surgery, sessions) are
 * painted in a draw hook so thousands of them never become DOM nodes.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { uiLocale } from '@/utils/i18n';
import { numberAxisLabels, timeAxisLabels } from './axisLabels';

export interface ChartSeries {
  label: string;
  /** A CSS variable name from theme.css, e.g. "--accent". */
  color: string;
  width?: number;
  dash?: number[];
  /** Always draw points (for sparse daily values). */
  points?: boolean;
}

export interface ChartMarkers {
  /** Vertical lines, x in seconds. */
  lines?: Array<{ x: number; color: string; label: string }>;
  /** Session days (x in seconds): attended drawn filled, missed hollow, along the bottom of the plot. */
  attended?: ArrayLike<number>;
  missed?: ArrayLike<number>;
}

export interface TimeChartProps {
  /** [x seconds, ...series values] */
  data: uPlot.AlignedData;
  series: ChartSeries[];
  /** Fixed y range (e.g. 0-10 scores); auto when omitted. */
  y?: [number, number];
  yLabel: string;
  height?: number;
  markers?: ChartMarkers;
  /** Called after every draw (used for the "charts drawn" performance mark). */
  onDraw?: () => void;
}

/**
 * Theme colours read from the page, kept until the colour scheme changes (charts are then re-created and read them
 * again): each getComputedStyle after a DOM change recalculates the page's style, and every chart and every draw reads
 * several colours.
 */
const themeColours = new Map<string, string>();

function cssVar(name: string, fallback = '#888'): string {
  let value = themeColours.get(name);
  if (value === undefined) {
    value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    themeColours.set(name, value);
  }
  return value || fallback;
}

const MIN_PX_PER_DAY_FOR_SESSIONS = 3;

function drawMarkers(u: uPlot, markers: ChartMarkers | undefined) {
  if (!markers) return;
  const { ctx, bbox } = u;
  const dpr = devicePixelRatio || 1;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  const xmin = u.scales.x!.min!;
  const xmax = u.scales.x!.max!;
  for (const line of markers.lines ?? []) {
    if (line.x < xmin || line.x > xmax) continue;
    const px = Math.round(u.valToPos(line.x, 'x', true));
    ctx.strokeStyle = cssVar(line.color);
    ctx.lineWidth = 2 * dpr;
    ctx.setLineDash([6 * dpr, 4 * dpr]);
    ctx.beginPath();
    ctx.moveTo(px, bbox.top);
    ctx.lineTo(px, bbox.top + bbox.height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = cssVar(line.color);
    ctx.font = `${11 * dpr}px system-ui, sans-serif`;
    // uPlot leaves the axis labels' alignment on the context; ours starts at the line and reads rightwards.
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(line.label, px + 4 * dpr, bbox.top + 3 * dpr);
  }
  // Session markers only when days are wide enough to tell apart; the adherence calendar and table show the rest.
  const days = (xmax - xmin) / 86_400 + 1;
  if (bbox.width / dpr / days >= MIN_PX_PER_DAY_FOR_SESSIONS) {
    const r = 3.5 * dpr;
    const y = bbox.top + bbox.height - r - 3 * dpr;
    ctx.lineWidth = 1.5 * dpr;
    ctx.fillStyle = cssVar('--accent');
    ctx.beginPath();
    for (const x of Array.from(markers.attended ?? [])) {
      const px = u.valToPos(x, 'x', true);
      ctx.moveTo(px + r, y);
      ctx.arc(px, y, r, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.strokeStyle = cssVar('--warn');
    ctx.beginPath();
    for (const x of Array.from(markers.missed ?? [])) {
      const px = u.valToPos(x, 'x', true);
      ctx.moveTo(px + r, y);
      ctx.arc(px, y, r, 0, 2 * Math.PI);
    }
    ctx.stroke();
  }
  ctx.restore();
}

function options(
  p: TimeChartProps,
  width: number,
  markersRef: { current: ChartMarkers | undefined },
  onDrawRef: { current: (() => void) | undefined },
): uPlot.Options {
  const fg = cssVar('--fg-soft');
  const grid = cssVar('--border');
  const locale = uiLocale();
  const axis: uPlot.Axis = {
    stroke: fg,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
  };
  return {
    width,
    height: p.height ?? 220,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: {
      x: { time: true },
      y: p.y ? { range: p.y } : { auto: true },
    },
    axes: [
      // Dates and numbers in the browser's language (uPlot's defaults are English, US order).
      { ...axis, values: (_u, splits, _i, _space, incr) => timeAxisLabels(splits, incr, locale) },
      {
        ...axis,
        label: p.yLabel,
        labelSize: 20,
        size: 44,
        values: (_u, splits) => numberAxisLabels(splits, locale),
      },
    ],
    series: [
      {},
      ...p.series.map((s): uPlot.Series => ({
        label: s.label,
        stroke: cssVar(s.color),
        width: s.width ?? 1.5,
        dash: s.dash,
        spanGaps: false,
        points: s.points ? { show: true, size: 5, fill: cssVar(s.color) } : { show: false },
      })),
    ],
    hooks: {
      draw: [
        (u) => {
          drawMarkers(u, markersRef.current);
          onDrawRef.current?.();
        },
      ],
    },
  };
}

export function TimeChart(props: TimeChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const markersRef = useRef(props.markers);
  const onDrawRef = useRef(props.onDraw);
  const propsRef = useRef(props);
  markersRef.current = props.markers;
  onDrawRef.current = props.onDraw;
  propsRef.current = props;

  // Create (and re-create on a colour-scheme change); resize with the container. Layout effects: the chart draws
  // before the browser paints its figure (no empty frame first), and a new range redraws in the same frame.
  useLayoutEffect(() => {
    const el = host.current!;
    const create = () => {
      plot.current?.destroy();
      plot.current = new uPlot(
        options(propsRef.current, el.clientWidth || 600, markersRef, onDrawRef),
        propsRef.current.data,
        el,
      );
    };
    create();
    const dark = matchMedia('(prefers-color-scheme: dark)');
    const recolour = () => {
      themeColours.clear();
      create();
    };
    dark.addEventListener('change', recolour);
    const ro = new ResizeObserver(() => {
      const u = plot.current;
      const w = el.clientWidth;
      if (u && w > 0 && Math.abs(u.width - w) > 1)
        u.setSize({ width: w, height: propsRef.current.height ?? 220 });
    });
    ro.observe(el);
    return () => {
      dark.removeEventListener('change', recolour);
      ro.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, []);

  // New data (range switch, live update): one setData, no rebuild.
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    plot.current?.setData(props.data);
  }, [props.data]);

  return <div class="time-chart" ref={host} aria-hidden="true" />;
}
