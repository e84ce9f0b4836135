/**
 * A small static SVG line chart of daily values for print (the clinician report): vector output stays crisp in a PDF
 * and needs no canvas sizing. One <path> per series (NaN = gap, a new "M" segment), so the node count does not grow
 * with the number of days. Decorative for assistive technology unless given a label; callers give the numbers as text.
 */
export interface SvgSeries {
  values: Float64Array;
  /** A CSS colour, e.g. "var(--accent)". */
  color: string;
  width?: number;
  dots?: boolean;
  dash?: string;
}

export interface SvgLineChartProps {
  series: SvgSeries[];
  y: [number, number];
  yTicks: number[];
  /** Labels under the x axis at day indexes. */
  xLabels: Array<{ i: number; text: string }>;
  /** Vertical dashed lines at day indexes. */
  lines?: Array<{ i: number; color: string; text: string }>;
  /** Small marks along the bottom (e.g. sessions): filled or hollow circles at day indexes. */
  marks?: Array<{ i: number; filled: boolean }>;
  length: number;
  width?: number;
  height?: number;
  label: string;
}

export function SvgLineChart(p: SvgLineChartProps) {
  const W = p.width ?? 600;
  const H = p.height ?? 160;
  const left = 28;
  const right = 6;
  const top = 8;
  const bottom = 18;
  const pw = W - left - right;
  const ph = H - top - bottom;
  const xs = (i: number) => left + (p.length <= 1 ? pw / 2 : (i / (p.length - 1)) * pw);
  const ys = (v: number) => top + ph - ((v - p.y[0]) / (p.y[1] - p.y[0])) * ph;
  const paths = p.series.map((s) => {
    let d = '';
    let pen = false;
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i]!;
      if (v !== v) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${xs(i).toFixed(1)} ${ys(v).toFixed(1)}`;
      pen = true;
    }
    let dots = '';
    if (s.dots)
      for (let i = 0; i < s.values.length; i++) {
        const v = s.values[i]!;
        if (v === v) dots += `M${xs(i).toFixed(1)} ${ys(v).toFixed(1)}h0`;
      }
    return { d, dots, s };
  });
  return (
    <svg class="svg-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.label}>
      {p.yTicks.map((v) => (
        <g key={v}>
          <line x1={left} x2={W - right} y1={ys(v)} y2={ys(v)} stroke="var(--border)" stroke-width="0.6" />
          <text x={left - 4} y={ys(v) + 3} text-anchor="end" font-size="9" fill="var(--fg-soft)">
            {v}
          </text>
        </g>
      ))}
      {p.xLabels.map((l) => (
        <text
          key={l.i}
          x={xs(l.i)}
          y={H - 5}
          font-size="9"
          fill="var(--fg-soft)"
          text-anchor={l.i === 0 ? 'start' : l.i >= p.length - 1 ? 'end' : 'middle'}
        >
          {l.text}
        </text>
      ))}
      {(p.lines ?? []).map((l) => (
        <g key={`l${l.i}`}>
          <line
            x1={xs(l.i)}
            x2={xs(l.i)}
            y1={top}
            y2={top + ph}
            stroke={l.color}
            stroke-width="1.2"
            stroke-dasharray="4 3"
          />
          <text x={xs(l.i) + 3} y={top + 9} font-size="9" fill={l.color}>
            {l.text}
          </text>
        </g>
      ))}
      {paths.map(({ d, dots, s }, k) => (
        <g key={k}>
          <path
            d={d}
            fill="none"
            stroke={s.color}
            stroke-width={s.width ?? 1.2}
            stroke-dasharray={s.dash}
            stroke-linejoin="round"
          />
          {dots && <path d={dots} stroke={s.color} stroke-width="3" stroke-linecap="round" />}
        </g>
      ))}
      {p.marks && (
        <path
          d={p.marks
            .filter((m) => m.filled)
            .map((m) => `M${xs(m.i).toFixed(1)} ${top + ph - 4}h0`)
            .join('')}
          stroke="var(--accent)"
          stroke-width="5"
          stroke-linecap="round"
        />
      )}
      {p.marks
        ?.filter((m) => !m.filled)
        .map((m) => (
          <circle
            key={`m${m.i}`}
            cx={xs(m.i)}
            cy={top + ph - 4}
            r="2.3"
            fill="none"
            stroke="var(--warn)"
            stroke-width="1.2"
          />
        ))}
    </svg>
  );
}
