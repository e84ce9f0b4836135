/**
 * Axis labels for the uPlot charts in the browser's language. uPlot's own time labels are English and US-ordered
 * ("3/7" is 7 March in Germany), so the x axis is formatted here with Intl: "7 mar" / "7. März" / "7 Mar", the year
 * on a second line under the first tick and wherever the year changes; months or years when the ticks are that far
 * apart. Numbers on the y axis use the locale's decimal mark. Pure functions of (ticks, spacing, locale): tested in
 * tests/unit/axis-labels.test.ts.
 */
const DAY = 86_400;
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}

/** Labels for x ticks at `splits` (seconds, local time), `incr` seconds apart. */
export function timeAxisLabels(splits: readonly number[], incr: number, locale: string): string[] {
  if (incr >= 360 * DAY) {
    const year = dateFormat(locale, { year: 'numeric' });
    return splits.map((s) => year.format(new Date(s * 1000)));
  }
  const main = dateFormat(locale, incr >= 28 * DAY ? { month: 'short' } : { day: 'numeric', month: 'short' });
  let prevYear = NaN;
  return splits.map((s, i) => {
    const d = new Date(s * 1000);
    const y = d.getFullYear();
    const label = i === 0 || y !== prevYear ? `${main.format(d)}\n${y}` : main.format(d);
    prevYear = y;
    return label;
  });
}

/** Labels for y ticks (scores 0-10, centimetres) with the locale's decimal mark. */
export function numberAxisLabels(splits: readonly number[], locale: string): string[] {
  const key = `n|${locale}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return splits.map((v) => (v == null ? '' : f.format(v)));
}
