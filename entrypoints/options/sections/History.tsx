/**
 * Options section "History": every logged day, newest first, one page of PAGE_SIZE rows at a time so 100,000 days
 * cost the same as 30 (Journal.historyPage reads only the page's keys, then its rows). useLiveQuery keeps the page current when
 * the popup saves. Edit opens the day's editor below its row; delete shows an Undo that puts the exact entry back
 * (same updatedAt); "Add a missed day" opens the editor with a date picker.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { pageJournal, StorageError } from '@/utils/db/journal';
import { EMPTY_PROFILE, type Entry, type Profile } from '@/utils/journal/schema';
import { dayToLocalDate, isDay } from '@/utils/dates';
import { t, uiLocale } from '@/utils/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import { EntryEditor } from './EntryEditor';
import { usePageCommand } from '@/components/palette/usePageCommand';
import './History.css';

export const PAGE_SIZE = 30;

function mean(values: number[]): string {
  if (!values.length) return '';
  return (Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10).toString();
}

export function HistorySection() {
  const journal = pageJournal();
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  // false, or the add editor's key: a palette "Log today" / "Add a missed day" opens a fresh editor (with that date).
  const [adding, setAdding] = useState<false | { date?: string; n: number }>(false);
  const [undo, setUndo] = useState<Entry | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [jump, setJump] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  usePageCommand((c) => {
    if (c.type !== 'history:add') return false;
    setAdding((a) => ({ date: c.date, n: (a ? a.n : 0) + 1 }));
    return true;
  });

  const { value: count = 0 } = useLiveQuery(() => journal.countEntries(), []);
  const { value: rows } = useLiveQuery(() => journal.historyPage(page, PAGE_SIZE, count), [page, count]);
  const { value: profile = EMPTY_PROFILE } = useLiveQuery<Profile>(() => journal.getProfile(), []);
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  if (page > 0 && page >= pages) setPage(pages - 1);

  const activityName = new Map(profile.activities.map((a) => [a.id, a.name]));
  const exerciseName = new Map(profile.exercises.map((x) => [x.id, x.name]));
  const locale = uiLocale();
  // One formatter for the page: toLocaleDateString with options builds a new one per call (slow for 30 rows x 3).
  const dateFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
    [locale],
  );
  const day = (d: string) => dateFormat.format(dayToLocalDate(d));

  const remove = async (e: Entry) => {
    try {
      const old = await journal.deleteEntry(e.date);
      if (editing === e.date) setEditing(null);
      setUndo(old ?? null);
      setStatus({ kind: 'ok', text: t('dataDeletedDay', day(e.date)) });
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof StorageError ? err.message : String(err) });
    }
  };

  const restore = async () => {
    if (!undo) return;
    try {
      // The exact entry comes back, including its original updatedAt; only while the day is still empty.
      await journal.saveEntry(undo, null);
      setStatus({ kind: 'ok', text: t('dataRestoredDay', day(undo.date)) });
      setUndo(null);
    } catch (err) {
      const conflict = (err as Error)?.name === 'ConflictError';
      setStatus({
        kind: 'error',
        text: conflict ? t('conflictUndo', day(undo.date)) : (err as Error).message,
      });
    }
  };

  const goTo = async (e: Event) => {
    e.preventDefault();
    if (!isDay(jump)) return;
    const newer = await journal.countEntries(jump);
    setPage(Math.floor(newer / PAGE_SIZE));
    tableRef.current?.focus();
  };

  const pager = (where: string) => (
    <nav class="history-pager" aria-label={t('dataPagerLabel', where)}>
      <button type="button" disabled={page === 0} onClick={() => setPage(0)}>
        {t('dataNewest')}
      </button>
      <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
        {t('dataNewer')}
      </button>
      <span>{t('dataPageOf', page + 1, pages)}</span>
      <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
        {t('dataOlder')}
      </button>
      <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(pages - 1)}>
        {t('dataOldest')}
      </button>
    </nav>
  );

  return (
    <div class="history">
      <div class="history-tools">
        <p class="muted">{t('dataDaysLogged', count)}</p>
        <button type="button" onClick={() => setAdding(adding ? false : { n: 0 })} aria-expanded={!!adding}>
          {t('dataAddDay')}
        </button>
        <form class="history-jump" onSubmit={goTo}>
          <label for="history-jump">{t('dataGoToDate')}</label>
          <input id="history-jump" type="date" value={jump} onInput={(e) => setJump(e.currentTarget.value)} />
          <button type="submit">{t('dataGo')}</button>
        </form>
      </div>
      <div class="history-status" role="status" aria-live="polite">
        {status && (
          <p class={`notice ${status.kind === 'ok' ? 'ok' : 'error'}`}>
            {status.text}{' '}
            {undo && status.kind === 'ok' && (
              <button type="button" onClick={restore}>
                {t('dataUndo')}
              </button>
            )}
          </p>
        )}
      </div>
      {adding && (
        <div class="history-add">
          <EntryEditor
            key={adding.n}
            date={adding.date}
            profile={profile}
            onDone={(saved) => {
              setAdding(false);
              if (saved) setStatus({ kind: 'ok', text: t('dataSavedDay', day(saved)) });
            }}
          />
        </div>
      )}
      {count === 0 ? (
        <p>{t('dataHistoryEmpty')}</p>
      ) : (
        <>
          {pages > 1 && pager(t('dataPagerTop'))}
          <div class="history-scroll">
            <table class="history-table" ref={tableRef} tabIndex={-1}>
              <caption class="visually-hidden">{t('dataHistoryCaption', page + 1, pages)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dataColDate')}</th>
                  <th scope="col">{t('dataThPain')}</th>
                  <th scope="col">{t('dataColSoreness')}</th>
                  <th scope="col">{t('dataThFunction')}</th>
                  <th scope="col">{t('dataThStiffness')}</th>
                  <th scope="col">{t('dataColReach')}</th>
                  <th scope="col">{t('dataColSession')}</th>
                  <th scope="col">{t('dataColHome')}</th>
                  <th scope="col">{t('dataColNote')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('dataColActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(rows ?? []).map((e) => {
                  const ratings = Object.entries(e.function ?? {});
                  const shown = day(e.date);
                  return [
                    <tr key={e.date} class={editing === e.date ? 'editing' : undefined}>
                      <th scope="row">
                        <time dateTime={e.date}>{shown}</time>
                      </th>
                      <td>{e.pain}</td>
                      <td>{e.soreness ? t(`dataSoreness_${e.soreness}`) : ''}</td>
                      <td title={ratings.map(([id, r]) => `${activityName.get(id) ?? id}: ${r}`).join('\n')}>
                        {mean(ratings.map(([, r]) => r))}
                      </td>
                      <td>{e.stiffness ?? ''}</td>
                      <td>{e.reachCm ?? ''}</td>
                      <td>{e.session ? t(`dataSession_${e.session}`) : ''}</td>
                      <td title={(e.exercisesDone ?? []).map((id) => exerciseName.get(id) ?? id).join(', ')}>
                        {e.homeExercises ? t(`dataHome_${e.homeExercises}`) : ''}
                      </td>
                      <td class="note-cell">
                        {e.noteForClinician && <span class="flag">{t('dataForClinicianShort')} </span>}
                        {e.note ?? ''}
                      </td>
                      <td class="actions">
                        <button
                          type="button"
                          id={`history-edit-${e.date}`}
                          aria-expanded={editing === e.date}
                          onClick={() => setEditing(editing === e.date ? null : e.date)}
                        >
                          {t('dataEdit')}
                          <span class="visually-hidden"> {shown}</span>
                        </button>
                        <button type="button" onClick={() => void remove(e)}>
                          {t('dataDelete')}
                          <span class="visually-hidden"> {shown}</span>
                        </button>
                      </td>
                    </tr>,
                    editing === e.date && (
                      <tr key={`${e.date}-edit`} class="edit-row">
                        <td colSpan={10}>
                          <EntryEditor
                            entry={e}
                            profile={profile}
                            onDone={(saved) => {
                              setEditing(null);
                              if (saved) setStatus({ kind: 'ok', text: t('dataSavedDay', day(saved)) });
                              // back to the row's Edit button, where the keyboard user was
                              setTimeout(() => document.getElementById(`history-edit-${e.date}`)?.focus(), 0);
                            }}
                          />
                        </td>
                      </tr>
                    ),
                  ];
                })}
              </tbody>
            </table>
          </div>
          {pages > 1 && pager(t('dataPagerBottom'))}
        </>
      )}
    </div>
  );
}
