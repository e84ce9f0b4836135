/**
 * The Progress dashboard's view model: everything the section shows, as a pure function of plain data, tested without
 * a DOM (tests/unit/progress-view.test.ts). The section only reads the journal and renders what this returns.
 *
 *   entries (sorted, any superset of the range) ─┐  (or their daily series: progressView)
 *   range { from, to } ──────────────────────────┼─► buildProgressView ─► series (typed arrays, NaN = not logged)
 *   profile (dates, activities) ─────────────────┘                       x (seconds), markers (PT start, surgery,
 *                                                                        sessions), one MetricView per chart
 *                                                                        (chart data, summary, table columns),
 *                                                                        adherence summary and columns
 *
 * Every first-vs-last-week sentence comes from compare.ts (the same weeks as the insights, the report and the popup).
 */
import { formatDay, type Day } from '../dates';
import { t, uiLocale, type MessageKey } from '../i18n';
import type { Entry, Profile } from './schema';
import {
  HomeCode,
  ROLLING_MIN_DAYS,
  SessionCode,
  adherence,
  dailySeries,
  homeOverAllDays,
  percent,
  stats,
  type DailySeries,
} from './progress';
import { MIN_DAYS_PER_WEEK, weekPairOfSeries } from './compare';
import { sliceByDate, xSeconds, type Span } from './range';

/** Chart values with gaps: NaN (not logged) becomes null, which uPlot draws as a break in the line. */
export function withGaps(values: Float64Array): Array<number | null> {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = v === v ? v : null;
  }
  return out;
}

/** A column of a figure's data table: a mean per row of days, or a count of days with a code. */
export type Column =
  | { label: string; kind: 'mean'; values: Float64Array; unit?: string }
  | { label: string; kind: 'count'; codes: Uint8Array; code: number };

/** One line of a chart: a theme colour (CSS variable name), drawn as points, a line or a dashed line. */
export interface SeriesStyle {
  label: string;
  color: string;
  width?: number;
  dash?: number[];
  points?: boolean;
  /** How the legend draws it; no legend entry when omitted. */
  legend?: 'dot' | 'line' | 'dash';
}

export type MetricId = 'pain' | 'fn' | 'stiff' | 'reach';

/** Everything one figure shows: heading, chart (styles + y columns), text summary, data table. */
export interface MetricView {
  id: MetricId;
  title: string;
  yLabel: string;
  /** Fixed y range for 0-10 scores; auto when omitted. */
  y?: [number, number];
  height?: number;
  styles: SeriesStyle[];
  /** One column per style, null = not logged (x is the view's). */
  data: Array<Array<number | null>>;
  /** Which markers the chart paints: all (lines and sessions), only the date lines, or none. */
  markers: 'all' | 'lines' | 'none';
  summary: string;
  columns: Column[];
  /** A notice above the chart (pain: why the 7-day average is not there yet). */
  hint?: string;
  /** Shown instead of chart, summary and table when nothing of this measure is logged in the range. */
  empty?: string;
}

export interface ProgressView {
  series: DailySeries;
  x: Float64Array;
  markers: {
    lines: Array<{ x: number; color: string; label: string }>;
    attended: number[];
    missed: number[];
  };
  pain: MetricView;
  /** `empty` says why when no day of the range has activity ratings. */
  fn: MetricView;
  /** Only the measures logged at least once in the range. */
  stiff: MetricView | null;
  reach: MetricView | null;
  adherence: { summary: string; columns: Column[] };
}

const oneDecimal = new Map<string, Intl.NumberFormat>();
/** One decimal in the browser's language ("4,5"); the formatter is kept (x.toLocaleString builds one per call). */
function n1(x: number, locale = uiLocale()): string {
  if (x !== x) return '–';
  let f = oneDecimal.get(locale);
  if (!f) oneDecimal.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return f.format(x);
}

function lastValue(values: Float64Array): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] === values[i]) return values[i]!;
  return NaN;
}

/** "The week of … averaged …; the latest week …" (compare.ts: the same weeks as the insights and the report). */
export function weeksLine(values: Float64Array, from: Day, unit = '', locale = uiLocale()): string {
  const p = weekPairOfSeries(values, from);
  if ('notYet' in p) return p.logged > 0 ? t('progWeeksNotYet', MIN_DAYS_PER_WEEK) : '';
  const day = (d: Day) => formatDay(d, locale, { weekday: undefined });
  return t(
    'progWeeks',
    day(p.first.from),
    n1(p.first.mean, locale) + unit,
    day(p.last.to),
    n1(p.last.mean, locale) + unit,
  );
}

function sessionXs(s: DailySeries, x: Float64Array, code: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) if (s.session[i] === code) out.push(x[i]!);
  return out;
}

const joined = (parts: string[]) => parts.filter(Boolean).join(' ');

/** The dashboard's picture of `entries` over `range` (inclusive), for a person with `profile`. */
export function buildProgressView(entries: readonly Entry[], range: Span, profile: Profile): ProgressView {
  const ids = profile.activities.map((a) => a.id);
  return progressView(
    dailySeries(sliceByDate(entries, range.from, range.to), range.from, range.to, ids),
    profile,
  );
}

/**
 * The same picture from the range's daily series (the dashboard takes it from the data layer's per-day columns,
 * utils/journal/day-columns.ts seriesOf, with fnBy for the profile's activities).
 */
export function progressView(s: DailySeries, profile: Profile): ProgressView {
  const x = xSeconds(s.from, s.length);
  const points = s.length <= 120;
  const locale = uiLocale();
  // The browser's language, asked once: each uiLocale() is a call into the extension API.
  const n = (v: number) => n1(v, locale);
  const rangeText = t(
    'progRangeText',
    formatDay(s.from, locale, { year: 'numeric' }),
    formatDay(s.to, locale, { year: 'numeric' }),
  );
  const dated = (day: Day | null, color: string, label: MessageKey) =>
    day ? [{ x: xSeconds(day, 1)[0]!, color, label: t(label) }] : [];

  // ---- pain ---------------------------------------------------------------------------------------------------------
  const painStats = stats(s.pain);
  const lastMean = lastValue(s.painMean7);
  const missing = ROLLING_MIN_DAYS - s.logged;
  const pain: MetricView = {
    id: 'pain',
    title: t('progPainTitle'),
    yLabel: t('progAxisPain'),
    y: [0, 10],
    styles: [
      { label: t('progLegendPain'), color: '--accent', width: 1, points, legend: 'dot' },
      { label: t('progLegendMean7'), color: '--fg', width: 2.5, legend: 'line' },
    ],
    data: [withGaps(s.pain), withGaps(s.painMean7)],
    markers: 'all',
    summary: joined([
      rangeText,
      t('progPainLogged', s.logged, s.length),
      painStats.count ? t('progPainStats', n(painStats.mean), n(painStats.min), n(painStats.max)) : '',
      weeksLine(s.pain, s.from, '', locale),
      lastMean === lastMean ? t('progPainMean7', n(lastMean)) : '',
    ]),
    columns: [
      { label: t('progColPain'), kind: 'mean', values: s.pain },
      { label: t('progColMean7'), kind: 'mean', values: s.painMean7 },
    ],
    hint:
      s.logged === 0
        ? t('progNoneInRange')
        : missing > 0
          ? t(missing === 1 ? 'progNeedMoreTrend1' : 'progNeedMoreTrend', missing)
          : stats(s.painMean7).count === 0
            ? t('progTrendSparse', ROLLING_MIN_DAYS)
            : '',
  };

  // ---- function (PSFS mean; each activity is added by the section on demand) -----------------------------------------
  const fnStats = stats(s.fnMean);
  const fnBase = {
    id: 'fn' as const,
    title: t('progFnTitle'),
    yLabel: t('progAxisFn'),
    y: [0, 10] as [number, number],
    markers: 'lines' as const,
  };
  const fn: MetricView = fnStats.count
    ? {
        ...fnBase,
        styles: [{ label: t('progLegendFn'), color: '--ok', width: 2.5, points, legend: 'line' }],
        data: [withGaps(s.fnMean)],
        summary: joined([
          rangeText,
          t('progFnStats', fnStats.count, n(fnStats.mean)),
          weeksLine(s.fnMean, s.from, '', locale),
        ]),
        columns: [
          { label: t('progColFunction'), kind: 'mean', values: s.fnMean },
          ...profile.activities
            .filter((a) => s.fnBy[a.id])
            .map((a): Column => ({ label: a.name, kind: 'mean', values: s.fnBy[a.id]! })),
        ],
      }
    : {
        ...fnBase,
        styles: [],
        data: [],
        summary: '',
        columns: [],
        empty: profile.activities.length ? t('progFnEmptyRate') : t('progFnEmptyAdd'),
      };

  // ---- stiffness and reach: shown only when logged in the range --------------------------------------------------
  const st = stats(s.stiffness);
  const stiff: MetricView | null = st.count
    ? {
        id: 'stiff',
        title: t('progStiffTitle'),
        yLabel: t('progAxisStiff'),
        y: [0, 10],
        height: 180,
        styles: [{ label: t('progStiffTitle'), color: '--warn', width: 1.5, points }],
        data: [withGaps(s.stiffness)],
        markers: 'none',
        summary: t('progStiffStats', st.count, n(st.mean), n(st.min), n(st.max)),
        columns: [{ label: t('progStiffTitle'), kind: 'mean', values: s.stiffness }],
      }
    : null;
  const re = stats(s.reach);
  const reach: MetricView | null = re.count
    ? {
        id: 'reach',
        title: t('progReachTitle'),
        yLabel: t('progAxisReach'),
        height: 180,
        styles: [{ label: t('progReachTitle'), color: '--accent', width: 1.5, points }],
        data: [withGaps(s.reach)],
        markers: 'none',
        summary: `${t('progReachStats', re.count)} ${weeksLine(s.reach, s.from, ' cm', locale)}`,
        columns: [{ label: t('progReachTitle'), kind: 'mean', values: s.reach }],
      }
    : null;

  // ---- adherence --------------------------------------------------------------------------------------------------
  const ad = adherence(s);
  // A share of every day since the first check-in, never of the days answered (utils/journal/progress.ts).
  const home = homeOverAllDays(s);
  const sessions = ad.sessionsAttended + ad.sessionsMissed;
  const adSummary = [
    rangeText,
    sessions
      ? t('progAdSessions', ad.sessionsAttended, ad.sessionsMissed, percent(ad.sessionsAttended, sessions)!)
      : t('progAdNoSessions'),
    home
      ? t(
          'progAdHome',
          home.done,
          home.days,
          formatDay(home.from, locale, { weekday: undefined }),
          home.percent,
          home.all,
          home.done - home.all,
          home.none,
          home.unanswered,
        )
      : t('progAdNoHome'),
  ].join(' ');

  return {
    series: s,
    x,
    markers: {
      lines: [
        ...dated(profile.ptStartDate, '--ok', 'progMarkPtStart'),
        ...dated(profile.surgeryDate, '--danger', 'progMarkSurgery'),
      ],
      attended: sessionXs(s, x, SessionCode.Attended),
      missed: sessionXs(s, x, SessionCode.Missed),
    },
    pain,
    fn,
    stiff,
    reach,
    adherence: {
      summary: adSummary,
      columns: [
        { label: t('progCalAttended'), kind: 'count', codes: s.session, code: SessionCode.Attended },
        { label: t('progCalMissed'), kind: 'count', codes: s.session, code: SessionCode.Missed },
        { label: t('progCalHome_all'), kind: 'count', codes: s.home, code: HomeCode.All },
        { label: t('progCalHome_some'), kind: 'count', codes: s.home, code: HomeCode.Some },
        { label: t('progCalHome_none'), kind: 'count', codes: s.home, code: HomeCode.None },
      ],
    },
  };
}
