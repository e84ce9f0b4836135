/**
 * Adherence calendar: one square per day (weeks as columns, Monday on top), shaded by home exercises (all / some /
 * none / not logged) with a dot for a PT session attended and a ring for one missed. Decorative for assistive
 * technology (aria-hidden): the caller gives the same facts as text and as a table. At most the last
 * CALENDAR_MAX_WEEKS weeks of the range are drawn, so "all" on a very long journal stays a few hundred nodes. A day's
 * tooltip (date, home exercises, session) is written when the pointer reaches its square, not for all 371 squares
 * before the dashboard's first picture. The calendar itself (about 400 DOM nodes for "all") is rendered from the frame
 * after its first paint: the charts above it are drawn and shown first, without waiting for its DOM and layout.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import { weekday, type Day } from '@/utils/dates';
import { dayFormatter } from './dayFormat';
import { SessionCode } from '@/utils/journal/progress';

export const CALENDAR_MAX_WEEKS = 53;
const MS_PER_DAY = 86_400_000;
const toMs = (d: Day) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));

const HOME_CLASS = ['unlogged', 'all', 'some', 'none'] as const;
const HOME_TEXT: Record<(typeof HOME_CLASS)[number], MessageKey> = {
  unlogged: 'progCalNotLogged',
  all: 'progCalHome_all',
  some: 'progCalHome_some',
  none: 'progCalHome_none',
};

type CalendarProps = { from: Day; session: Uint8Array; home: Uint8Array };

/** The calendar, rendered once the page has painted what came before it (then kept, across range switches too). */
export function AdherenceCalendar(props: CalendarProps) {
  const [painted, setPainted] = useState(false);
  // Preact runs effects after the next frame: by then the charts of the first picture are drawn and painted.
  useEffect(() => setPainted(true), []);
  return painted ? <CalendarGrid {...props} /> : null;
}

function CalendarGrid({ from, session, home }: CalendarProps) {
  const length = home.length;
  const fromMs = toMs(from);
  // Start on a Monday, at most CALENDAR_MAX_WEEKS weeks before the end.
  let start = Math.max(0, length - CALENDAR_MAX_WEEKS * 7);
  const startDay = new Date(fromMs + start * MS_PER_DAY).toISOString().slice(0, 10);
  const lead = (weekday(startDay) + 6) % 7; // blank cells before the first day (Monday = 0)
  if (start > 0) start += (7 - lead) % 7; // when cut, begin on a whole week instead of blanks
  const blanks = start > 0 ? 0 : lead;
  const titleOf = (i: number) => {
    const s = session[i];
    return [
      dayFormatter({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })(
        fromMs + i * MS_PER_DAY,
      ),
      t(HOME_TEXT[HOME_CLASS[home[i] ?? 0] ?? 'unlogged']),
      s === SessionCode.Attended ? t('progCalAttended') : s === SessionCode.Missed ? t('progCalMissed') : '',
    ]
      .filter(Boolean)
      .join(' · ');
  };
  // Tooltips written on hover are cleared when the days change (a new range): none can name the wrong day.
  const grid = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    for (const el of grid.current?.querySelectorAll('[title]') ?? []) el.removeAttribute('title');
  }, [from, session, home]);
  const cells = [];
  for (let b = 0; b < blanks; b++) cells.push(<span key={`b${b}`} class="cal-cell cal-blank" />);
  for (let i = start; i < length; i++) {
    const h = home[i]!;
    const s = session[i]!;
    cells.push(
      <span key={i} class={`cal-cell cal-${HOME_CLASS[h]}`} data-day={i}>
        {s === SessionCode.Attended && <span class="cal-dot" />}
        {s === SessionCode.Missed && <span class="cal-ring" />}
      </span>,
    );
  }
  return (
    <div class="cal">
      <div
        class="cal-grid"
        aria-hidden="true"
        ref={grid}
        onPointerOver={(e) => {
          const cell = (e.target as Element).closest('[data-day]');
          if (cell) cell.setAttribute('title', titleOf(Number(cell.getAttribute('data-day'))));
        }}
      >
        {cells}
      </div>
      <ul class="cal-legend">
        <li>
          <span class="cal-cell cal-all" aria-hidden="true" /> {t('progCalHome_all')}
        </li>
        <li>
          <span class="cal-cell cal-some" aria-hidden="true" /> {t('progCalHome_some')}
        </li>
        <li>
          <span class="cal-cell cal-none" aria-hidden="true" /> {t('progCalHome_none')}
        </li>
        <li>
          <span class="cal-cell cal-unlogged" aria-hidden="true" /> {t('progCalNotLogged')}
        </li>
        <li>
          <span class="cal-cell cal-unlogged" aria-hidden="true">
            <span class="cal-dot" />
          </span>{' '}
          {t('progCalAttended')}
        </li>
        <li>
          <span class="cal-cell cal-unlogged" aria-hidden="true">
            <span class="cal-ring" />
          </span>{' '}
          {t('progCalMissed')}
        </li>
      </ul>
      {length - start > 0 && start > 0 && <p class="muted">{t('progCalCut', CALENDAR_MAX_WEEKS)}</p>}
    </div>
  );
}
