/**
 * Today's check-in. Flow: load the day's entry (or a draft left when the popup closed) → focus Pain → the person
 * types a digit → Ctrl/Cmd+Enter saves. Every change is written to a synchronous draft first (utils/draft.ts), so
 * closing the popup mid-entry loses nothing; the journal itself is written only on Save, through the validating
 * data layer.
 *
 *   [date · Yesterday (Y)] [midnight question] [draft notice] [surgery line]
 *   Pain* · soreness · session · home exercises (+ checklist) · activities · stiffness · reach · note
 *   [Save  Ctrl+Enter]  result line  ·  dashboard · shortcut · When to get help now
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { HelpLink } from '@/components/HelpLink';
import { readSnapshot, writeSnapshot, type Snapshot } from '@/utils/db/snapshot';
import type { ConflictError } from '@/utils/db/journal';
import type { ConflictMergeProps } from '@/components/ConflictMerge';
import { ValidationError, type Entry, type Profile } from '@/utils/journal/schema';
import { EMPTY_FORM, entryToForm, sameForm, type CheckinForm } from '@/utils/journal/form';
import { clearDraft, draftState, loadDraft, saveDraft } from '@/utils/draft';
import { addDays, formatDay, isSmallHours, localDay } from '@/utils/dates';
import { assignedShortcuts, type AssignedShortcuts } from '@/utils/shortcut';
import { t, uiLocale } from '@/utils/i18n';
import { mark } from '@/utils/perf';
import { EARLY_POST_SURGERY_WEEKS, isEarlyAfterSurgery } from '@/utils/journal/clinical';
import { readDay, store } from './day';
import { CheckinFields } from './CheckinFields';
import { useDayKeys } from './useDayKeys';

/** A save that met a day changed elsewhere, or an older draft, waiting for the person's merge (issue #11). */
interface Conflict {
  mine: CheckinForm;
  theirs: Entry | undefined;
  base?: Entry | null;
  olderDraft?: { savedAt: string };
}

type Status =
  { kind: 'idle' } | { kind: 'saved'; line: string | null } | { kind: 'error'; messages: string[] };

/**
 * The form for a day as read: a draft typed over this very version of the day wins (and says so); an older draft
 * (the day changed since) is offered in the merge view instead, never restored silently.
 */
function formFor(
  date: string,
  entry: Entry | undefined,
): { form: CheckinForm; fromDraft: boolean; conflict: Conflict | null } {
  const base = entryToForm(entry);
  const draft = loadDraft(date);
  const differs = draft !== null && !sameForm(draft.form, base);
  const useDraft = differs && draftState(draft, entry) === 'current';
  if (draft && !differs) clearDraft(date);
  return {
    form: useDraft ? draft.form : base,
    fromDraft: useDraft,
    conflict:
      differs && !useDraft
        ? { mine: draft.form, theirs: entry, olderDraft: { savedAt: draft.savedAt } }
        : null,
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function App({ now = () => new Date() }: { now?: () => Date }) {
  const today = useMemo(() => localDay(now()), [now]);
  // Today's snapshot (utils/db/snapshot.ts) paints the form at once; the database is read just after and wins.
  const [snapshot] = useState<Snapshot | null>(() => readSnapshot(today));
  const [first] = useState(() => (snapshot ? formFor(today, snapshot.entry ?? undefined) : null));
  const [date, setDate] = useState<string>(today);
  const [askSmallHours, setAskSmallHours] = useState(() => isSmallHours(now()));
  const [profile, setProfile] = useState<Profile | null>(snapshot?.profile ?? null);
  const [saved, setSaved] = useState<Entry | undefined>(snapshot?.entry ?? undefined);
  const [form, setForm] = useState<CheckinForm>(first?.form ?? EMPTY_FORM);
  const [loaded, setLoaded] = useState(snapshot !== null);
  const [draftRestored, setDraftRestored] = useState(first?.fromDraft ?? false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [shortcuts, setShortcuts] = useState<AssignedShortcuts | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(first?.conflict ?? null);
  // The merge view's code is loaded only when a conflict happens (popup size budget).
  const [Merge, setMerge] = useState<ComponentType<ConflictMergeProps> | null>(null);
  useEffect(() => {
    if (conflict && !Merge)
      void import('@/components/ConflictMerge').then((m) => setMerge(() => m.ConflictMerge));
  }, [conflict, Merge]);
  const conflictRef = useRef<Conflict | null>(null);
  conflictRef.current = conflict;
  // The day as it was when the form started (undefined: an empty day); its updatedAt is the draft's base and
  // saveEntry's concurrency check.
  const baseRef = useRef<Entry | undefined>(snapshot?.entry ?? undefined);
  const baseStamp = () => baseRef.current?.updatedAt ?? null;
  const painRef = useRef<HTMLDivElement | null>(null);
  const saving = useRef(false);
  // The latest form, updated synchronously on every change: a key press may arrive before Preact re-renders.
  const formRef = useRef<CheckinForm>(first?.form ?? EMPTY_FORM);
  const painted = useRef(snapshot);

  // Load the day's entry and profile from the database (formFor decides between the day and a draft). When the
  // snapshot painted this day, the read starts after the first frame (Dexie is not in the first load) and changes
  // nothing unless the database differs; then it is applied like any read: a draft typed meanwhile was stamped with
  // the snapshot's version, so it is restored if that is still the stored one and offered for merging if not.
  useLayoutEffect(() => {
    let live = true;
    const fromSnapshot = painted.current?.date === date ? painted.current : null;
    painted.current = null;
    if (!fromSnapshot) setLoaded(false);
    const read = () =>
      void readDay(date).then(([entry, prof]) => {
        mark('pt:day-read');
        if (date === today) writeSnapshot({ date, entry: entry ?? null, profile: prof });
        if (!live) return;
        if (
          fromSnapshot &&
          sameJson(entry ?? null, fromSnapshot.entry) &&
          sameJson(prof, fromSnapshot.profile)
        )
          return;
        const next = formFor(date, entry);
        setProfile(prof);
        setSaved(entry);
        baseRef.current = entry;
        formRef.current = next.form;
        setForm(next.form);
        setDraftRestored(next.fromDraft);
        setConflict(next.conflict);
        setStatus({ kind: 'idle' });
        setLoaded(true);
      });
    if (fromSnapshot) requestAnimationFrame(() => setTimeout(read, 0));
    else read();
    return () => {
      live = false;
    };
  }, [date]);

  // Focus Pain once the day is loaded (a layout effect: before paint, not a frame later); then tell the benchmark.
  useLayoutEffect(() => {
    if (!loaded) return;
    painRef.current?.focus();
    mark('pt:popup-ready');
  }, [loaded, date]);

  useEffect(() => {
    void assignedShortcuts().then(setShortcuts);
  }, []);

  const update = (change: Partial<CheckinForm>) => {
    const next = { ...formRef.current, ...change };
    formRef.current = next;
    saveDraft(date, next, baseStamp()); // synchronous: survives the popup closing right after this keystroke
    setForm(next);
    if (status.kind !== 'idle') setStatus({ kind: 'idle' });
  };

  const save = async () => {
    const form = formRef.current;
    if (saving.current || conflictRef.current) return;
    if (form.pain === undefined) {
      setStatus({ kind: 'error', messages: [t('popupPainMissing')] });
      painRef.current?.focus();
      return;
    }
    saving.current = true;
    try {
      const db = await store();
      const entry = await db.saveDay(date, form, baseStamp());
      clearDraft(date);
      if (date === today && profile) writeSnapshot({ date, entry, profile });
      baseRef.current = entry;
      setSaved(entry);
      setDraftRestored(false);
      setStatus({ kind: 'saved', line: null });
      setStatus({ kind: 'saved', line: await db.contextLineFor(date) });
    } catch (err) {
      // ConflictError and StorageError (utils/db) by name: that module is loaded with the database side, after ready.
      if ((err as Error | null)?.name === 'ConflictError') {
        setConflict({ mine: form, theirs: (err as ConflictError).stored, base: baseRef.current ?? null });
        setStatus({ kind: 'idle' });
      } else if (err instanceof ValidationError)
        setStatus({ kind: 'error', messages: err.problems.map((p) => p.message) });
      else if ((err as Error | null)?.name === 'StorageError')
        setStatus({ kind: 'error', messages: [(err as Error).message] });
      else setStatus({ kind: 'error', messages: [t('errStorageFailed', String(err))] });
    } finally {
      saving.current = false;
    }
  };

  const discardDraft = () => {
    clearDraft(date);
    formRef.current = entryToForm(saved);
    setForm(formRef.current);
    setDraftRestored(false);
    painRef.current?.focus();
  };

  /** The merge view's outcome: adopt the stored day as the new base, then save the merged form on top of it. */
  const resolve = (merged: CheckinForm | null) => {
    const theirs = conflict?.theirs;
    baseRef.current = theirs;
    setSaved(theirs);
    setConflict(null);
    conflictRef.current = null;
    setDraftRestored(false);
    if (merged === null) {
      clearDraft(date);
      formRef.current = entryToForm(theirs);
      setForm(formRef.current);
      return;
    }
    formRef.current = merged;
    saveDraft(date, merged, baseStamp());
    setForm(merged);
    void save();
  };

  const switchTo = (d: string) => {
    setAskSmallHours(false);
    if (d !== date) setDate(d);
    else painRef.current?.focus();
  };

  useDayKeys({
    save: () => void save(),
    yesterday: () => switchTo(addDays(today, -1)),
    today: () => switchTo(today),
  });

  const locale = uiLocale();
  const isToday = date === today;
  const yesterday = addDays(today, -1);
  const earlyAfterSurgery = isEarlyAfterSurgery(profile?.surgeryDate, today);
  const saveKeys = isMac ? '⌘ Enter' : 'Ctrl+Enter';

  // Until the day is read, an empty shell: laying out the whole form twice (empty, then filled) delays the read's
  // callbacks on a busy first frame (see the bench's breakdown of time-to-ready).
  if (!loaded && profile === null) return <main class="popup" data-loaded="" aria-busy="true" />;

  return (
    <main class="popup" data-loaded={loaded ? date : ''}>
      <header class="popup-head">
        <h1>
          <span class="visually-hidden">{t('extName')}: </span>
          {isToday ? t('popupToday') : t('popupYesterday')}
          <span class="popup-date"> · {formatDay(date, locale)}</span>
        </h1>
        <button
          type="button"
          class="day-switch"
          aria-keyshortcuts={isToday ? 'Y' : 'T'}
          onClick={() => switchTo(isToday ? yesterday : today)}
        >
          {isToday ? t('popupSwitchYesterday') : t('popupSwitchToday')} <kbd>{isToday ? 'Y' : 'T'}</kbd>
        </button>
      </header>

      {askSmallHours && isToday && (
        <div class="notice" role="group" aria-label={t('popupSmallHoursLabel')}>
          <p>{t('popupSmallHours', formatDay(yesterday, locale))}</p>
          <button type="button" onClick={() => switchTo(yesterday)}>
            {t('popupSmallHoursYes', formatDay(yesterday, locale))}
          </button>{' '}
          <button type="button" onClick={() => switchTo(today)}>
            {t('popupSmallHoursNo')}
          </button>
        </div>
      )}

      {draftRestored && (
        <div class="notice warn" data-testid="draft-notice">
          <strong>{t('popupDraftRestored')}</strong> {t('popupDraftExplain')}{' '}
          <button type="button" onClick={discardDraft}>
            {t('popupDraftDiscard')}
          </button>
        </div>
      )}

      {earlyAfterSurgery && <p class="notice surgery">{t('popupEarlySurgery', EARLY_POST_SURGERY_WEEKS)}</p>}

      {conflict && Merge && (
        <Merge
          mine={conflict.mine}
          theirs={conflict.theirs}
          base={conflict.base}
          profile={profile}
          olderDraft={conflict.olderDraft}
          onMerge={resolve}
          onKeepSaved={() => resolve(null)}
        />
      )}

      <form
        hidden={conflict !== null}
        class="checkin"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <CheckinFields
          form={form}
          update={update}
          profile={profile}
          painRef={painRef}
          earlyAfterSurgery={earlyAfterSurgery}
        />

        <div class="actions">
          <button type="submit" class="primary" aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}>
            {saved ? t('popupUpdate') : t('popupSave')} <kbd class="on-primary">{saveKeys}</kbd>
          </button>
          <div role="status" aria-live="polite" class="result">
            {status.kind === 'saved' && (
              <p class="notice ok" data-testid="saved">
                <strong>{t('popupSaved', formatDay(date, locale))}</strong>
                {status.line && <span class="context-line"> {status.line}</span>}
              </p>
            )}
          </div>
          <div role="alert" class="result">
            {status.kind === 'error' && (
              <ul class="notice error" data-testid="errors">
                {status.messages.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </form>

      <footer class="popup-foot">
        <a href="/options.html" target="_blank" rel="noopener">
          {t('popupOpenDashboard')}
        </a>
        <span class="muted small">
          {shortcuts?.checkin ? t('popupShortcut', shortcuts.checkin) : t('popupShortcutUnset')}
          {shortcuts?.dashboard && ` · ${t('popupShortcutDashboard', shortcuts.dashboard)}`}
        </span>
        <HelpLink />
      </footer>
    </main>
  );
}
