/**
 * The data-table alternative of a chart. It renders nothing until its <details> is opened, groups days into weeks or
 * months when the range is long, and shows one page of rows at a time, so even 100,000 days stay a few dozen DOM
 * nodes. Newest rows first.
 */
import { useMemo, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n';
import type { Day } from '@/utils/dates';
import type { Column } from '@/utils/journal/progress-view';
import { dayFormatter } from './dayFormat';

export type { Column };

export type Granularity = 'day' | 'week' | 'month';
export const PAGE_ROWS = 50;

export function granularityFor(days: number): Granularity {
  return days <= 92 ? 'day' : days <= 731 ? 'week' : 'month';
}

interface Row {
  start: number;
  end: number; // exclusive
  label: string;
}

const MS_PER_DAY = 86_400_000;
const toMs = (d: Day) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));

/** Row boundaries only (labels are cheap strings); values are aggregated for the visible page alone. */
function rowsOf(from: Day, length: number, g: Granularity): Row[] {
  const fromMs = toMs(from);
  const rows: Row[] = [];
  if (g === 'month') {
    const monthLabel = dayFormatter({ month: 'short', year: 'numeric' });
    let start = 0;
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(5, 7)) - 1;
    // Step to the first day of each following month instead of looking at every day.
    while (start < length) {
      const nextMs = Date.UTC(y, m + 1, 1);
      const end = Math.min(length, Math.round((nextMs - fromMs) / MS_PER_DAY));
      rows.push({ start, end, label: monthLabel(Date.UTC(y, m, 1)) });
      start = end;
      m += 1;
      if (m === 12) {
        m = 0;
        y += 1;
      }
    }
    return rows;
  }
  const dayLabel = dayFormatter({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const step = g === 'week' ? 7 : 1;
  for (let start = 0; start < length; start += step) {
    const label = dayLabel(fromMs + start * MS_PER_DAY);
    rows.push({
      start,
      end: Math.min(length, start + step),
      label: g === 'week' ? t('progTableWeekOf', label) : label,
    });
  }
  return rows;
}

function cell(col: Column, row: Row, g: Granularity): string {
  if (col.kind === 'count') {
    let n = 0;
    for (let i = row.start; i < row.end; i++) if (col.codes[i] === col.code) n++;
    return g === 'day' ? (n ? t('progTableYes') : '') : String(n);
  }
  let sum = 0;
  let n = 0;
  for (let i = row.start; i < row.end; i++) {
    const v = col.values[i]!;
    if (v === v) {
      sum += v;
      n++;
    }
  }
  if (!n) return '–';
  return (sum / n).toLocaleString(uiLocale(), { maximumFractionDigits: 1 });
}

function loggedIn(values: Float64Array, row: Row): number {
  let n = 0;
  for (let i = row.start; i < row.end; i++) if (values[i] === values[i]) n++;
  return n;
}

export function DataTable(props: {
  caption: string;
  from: Day;
  length: number;
  columns: Column[];
  loggedBy: Float64Array;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details class="prog-table" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('progTableShow')}</summary>
      {open && <TablePage {...props} />}
    </details>
  );
}

function TablePage({
  caption,
  from,
  length,
  columns,
  loggedBy,
}: {
  caption: string;
  from: Day;
  length: number;
  columns: Column[];
  loggedBy: Float64Array;
}) {
  const g = granularityFor(length);
  const rows = useMemo(() => rowsOf(from, length, g).reverse(), [from, length, g]);
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  const p = Math.min(page, pages - 1);
  const visible = rows.slice(p * PAGE_ROWS, (p + 1) * PAGE_ROWS);
  return (
    <div class="prog-table-wrap">
      {g !== 'day' && <p class="muted">{t(g === 'week' ? 'progTableWeekly' : 'progTableMonthly')}</p>}
      <div class="prog-table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">
                {t(g === 'day' ? 'progTableDay' : g === 'week' ? 'progTableWeek' : 'progTableMonth')}
              </th>
              {g !== 'day' && <th scope="col">{t('progTableDaysLogged')}</th>}
              {columns.map((c) => (
                <th scope="col" key={c.label}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr key={r.start}>
                <th scope="row">{r.label}</th>
                {g !== 'day' && <td>{loggedIn(loggedBy, r)}</td>}
                {g === 'day' && loggedBy[r.start] !== loggedBy[r.start] ? (
                  <td colSpan={columns.length} class="muted">
                    {t('progTableNotLogged')}
                  </td>
                ) : (
                  columns.map((c) => <td key={c.label}>{cell(c, r, g)}</td>)
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div class="prog-pager">
          <button type="button" disabled={p === 0} onClick={() => setPage(p - 1)}>
            {t('progTableNewer')}
          </button>
          <span aria-live="polite">{t('progTablePage', p + 1, pages)}</span>
          <button type="button" disabled={p >= pages - 1} onClick={() => setPage(p + 1)}>
            {t('progTableOlder')}
          </button>
        </div>
      )}
    </div>
  );
}
