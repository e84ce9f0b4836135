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
import { ScaleInput } from '@/components/ScaleInput';
import { ChoiceGroup } from '@/components/ChoiceGroup';
import { HelpLink } from '@/components/HelpLink';
import { pageJournal, StorageError, type Journal } from '@/utils/db/journal';
import { ValidationError, type Entry, type Profile } from '@/utils/journal/schema';
import { EMPTY_FORM, entryToForm, formToEntryInput, sameForm, type CheckinForm } from '@/utils/journal/form';
import { clearDraft, loadDraft, saveDraft } from '@/utils/draft';
import { addDays, daysBetween, formatDay, isSmallHours, localDay } from '@/utils/dates';
import { assignedShortcuts, type AssignedShortcuts } from '@/utils/shortcut';
import { t, uiLocale } from '@/utils/i18n';
import { EARLY_POST_SURGERY_WEEKS } from '@/utils/journal/clinical';

type DayData = [Entry | undefined, Profile];
const preloaded = new Map<string, Promise<DayData>>();

/**
 * Starts reading a day before the first render (main.tsx calls it at once), so opening IndexedDB overlaps with
 * Preact's first render instead of waiting for an effect after the first paint (popup time-to-ready).
 */
export function preloadDay(journal: Journal, date: string): void {
  if (!preloaded.has(date)) preloaded.set(date, Promise.all([journal.getEntry(date), journal.getProfile()]));
}

function readDay(journal: Journal, date: string): Promise<DayData> {
  const early = preloaded.get(date);
  preloaded.delete(date); // used once: a later switch back to this day reads fresh data
  return early ?? Promise.all([journal.getEntry(date), journal.getProfile()]);
}

type Status =
  { kind: 'idle' } | { kind: 'saved'; line: string | null } | { kind: 'error'; messages: string[] };

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function App({ now = () => new Date() }: { now?: () => Date }) {
  const journal = useMemo(() => pageJournal(), []);
  const today = useMemo(() => localDay(now()), [now]);
  const [date, setDate] = useState<string>(today);
  const [askSmallHours, setAskSmallHours] = useState(() => isSmallHours(now()));
  const [profile, setProfile] = useState<Profile | null>(null);
  const [saved, setSaved] = useState<Entry | undefined>(undefined);
  const [form, setForm] = useState<CheckinForm>(EMPTY_FORM);
  const [loaded, setLoaded] = useState(false);
  const [draftRestored, setDraftRestored] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [shortcuts, setShortcuts] = useState<AssignedShortcuts | null>(null);
  const painRef = useRef<HTMLDivElement | null>(null);
  const saving = useRef(false);
  // The latest form, updated synchronously on every change: a key press may arrive before Preact re-renders.
  const formRef = useRef<CheckinForm>(EMPTY_FORM);

  // Load the day's entry and profile; a draft for that day wins over the saved entry (and says so).
  useLayoutEffect(() => {
    let live = true;
    setLoaded(false);
    void readDay(journal, date).then(([entry, prof]) => {
      performance.mark('pt:day-read');
      if (!live) return;
      const base = entryToForm(entry);
      const draft = loadDraft(date);
      const useDraft = draft !== null && !sameForm(draft.form, base);
      if (draft && !useDraft) clearDraft(date);
      setProfile(prof);
      setSaved(entry);
      formRef.current = useDraft ? draft.form : base;
      setForm(formRef.current);
      setDraftRestored(useDraft);
      setStatus({ kind: 'idle' });
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [date, journal]);

  // Focus Pain once the day is loaded (a layout effect: before paint, not a frame later); then tell the benchmark.
  useLayoutEffect(() => {
    if (!loaded) return;
    painRef.current?.focus();
    performance.mark('pt:popup-ready');
  }, [loaded, date]);

  useEffect(() => {
    void assignedShortcuts().then(setShortcuts);
  }, []);

  const update = (change: Partial<CheckinForm>) => {
    const next = { ...formRef.current, ...change };
    formRef.current = next;
    saveDraft(date, next); // synchronous: survives the popup closing right after this keystroke
    setForm(next);
    if (status.kind !== 'idle') setStatus({ kind: 'idle' });
  };

  const save = async () => {
    const form = formRef.current;
    if (saving.current) return;
    if (form.pain === undefined) {
      setStatus({ kind: 'error', messages: [t('popupPainMissing')] });
      painRef.current?.focus();
      return;
    }
    saving.current = true;
    try {
      const entry = await journal.saveEntry(formToEntryInput(date, form));
      clearDraft(date);
      setSaved(entry);
      setDraftRestored(false);
      setStatus({ kind: 'saved', line: null });
      // The context line's code is loaded only now: it is not needed to be ready to type (popup size budget).
      // It compares the first logged week with the last one, which must hold this day: only the journal's first
      // FIRST_READ entries and the days from two weeks before this one are read, never the whole journal (every
      // 7-day window holding this day lies inside the second read).
      const [{ contextLine, FIRST_READ }, { mergeUnique }] = await Promise.all([
        import('@/utils/journal/insights'),
        import('@/utils/journal/compare'),
      ]);
      const [first, recent] = await Promise.all([
        journal.firstEntries(FIRST_READ),
        journal.listEntries(addDays(date, -13)),
      ]);
      setStatus({ kind: 'saved', line: contextLine(mergeUnique(first, recent), date) });
    } catch (err) {
      if (err instanceof ValidationError)
        setStatus({ kind: 'error', messages: err.problems.map((p) => p.message) });
      else if (err instanceof StorageError) setStatus({ kind: 'error', messages: [err.message] });
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

  const switchTo = (d: string) => {
    setAskSmallHours(false);
    if (d !== date) setDate(d);
    else painRef.current?.focus();
  };

  // Keyboard: Ctrl/Cmd+Enter saves from anywhere; Y / T switch day when not typing text. Registered once; it calls
  // the latest save/switchTo through a ref (effects run after paint, so a re-registered listener could be stale).
  const latest = useRef({ save, switchTo, today });
  latest.current = { save, switchTo, today };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { save, switchTo, today } = latest.current;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void save();
        return;
      }
      const el = e.target as HTMLElement | null;
      const typing =
        el &&
        (el.tagName === 'TEXTAREA' ||
          (el.tagName === 'INPUT' &&
            (el as HTMLInputElement).type !== 'radio' &&
            (el as HTMLInputElement).type !== 'checkbox'));
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'y' || e.key === 'Y') {
        e.preventDefault();
        switchTo(addDays(today, -1));
      } else if (e.key === 't' || e.key === 'T') {
        e.preventDefault();
        switchTo(today);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const locale = uiLocale();
  const isToday = date === today;
  const yesterday = addDays(today, -1);
  const activeActivities = profile?.activities.filter((a) => !a.archived) ?? [];
  const activeExercises = profile?.exercises.filter((x) => !x.archived) ?? [];
  const sinceSurgery = profile?.surgeryDate ? daysBetween(profile.surgeryDate, today) : null;
  const earlyAfterSurgery =
    sinceSurgery !== null && sinceSurgery >= 0 && sinceSurgery < EARLY_POST_SURGERY_WEEKS * 7;
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

      <form
        class="checkin"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ScaleInput
          id="pain"
          label={t('popupPainLabel')}
          value={form.pain}
          onChange={(pain) => update({ pain })}
          minLabel={t('popupPainMin')}
          maxLabel={t('popupPainMax')}
          hint={t('popupPainHint')}
          clearable={false}
          inputRef={(el) => (painRef.current = el)}
        />

        <ChoiceGroup
          name="soreness"
          legend={t('popupSorenessLegend')}
          layout="column"
          value={form.soreness}
          onChange={(soreness) => update({ soreness })}
          choices={[
            { value: 'none', label: t('popupSorenessNone') },
            { value: 'muscle', label: t('popupSorenessMuscle'), hint: t('popupSorenessMuscleHint') },
            { value: 'sharp', label: t('popupSorenessSharp'), hint: t('popupSorenessSharpHint') },
            { value: 'tingling', label: t('popupSorenessTingling'), hint: t('popupSorenessTinglingHint') },
          ]}
        />

        <ChoiceGroup
          name="session"
          legend={t('popupSessionLegend')}
          value={form.session}
          onChange={(session) => update({ session })}
          choices={[
            { value: 'attended', label: t('popupSessionAttended') },
            { value: 'missed', label: t('popupSessionMissed') },
            { value: 'none', label: t('popupSessionNone') },
          ]}
        />

        <ChoiceGroup
          name="home"
          legend={t('popupHomeLegend')}
          value={form.homeExercises}
          onChange={(homeExercises) => update({ homeExercises })}
          choices={[
            { value: 'all', label: t('popupHomeAll') },
            { value: 'some', label: t('popupHomeSome') },
            { value: 'none', label: t('popupHomeNone') },
          ]}
        />

        {activeExercises.length > 0 && (
          <fieldset class="checklist">
            <legend>{t('popupExercisesLegend')}</legend>
            {activeExercises.map((x) => (
              <label key={x.id} class="check">
                <input
                  type="checkbox"
                  checked={form.exercisesDone.includes(x.id)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    const done = form.exercisesDone.filter((id) => id !== x.id);
                    update({ exercisesDone: on ? [...done, x.id] : done });
                  }}
                />
                <span>{x.name}</span>
                {x.source === 'online' && <span class="tag">{t('popupExerciseOnline')}</span>}
              </label>
            ))}
          </fieldset>
        )}

        {activeActivities.length > 0 ? (
          <fieldset class="activities">
            <legend>{t('popupFunctionLegend')}</legend>
            {activeActivities.map((a) => (
              <ScaleInput
                key={a.id}
                id={`fn-${a.id}`}
                label={a.name}
                value={form.function[a.id]}
                onChange={(val) => {
                  const fn = { ...form.function };
                  if (val === undefined) delete fn[a.id];
                  else fn[a.id] = val;
                  update({ function: fn });
                }}
                minLabel={t('popupFunctionMin')}
                maxLabel={t('popupFunctionMax')}
              />
            ))}
          </fieldset>
        ) : (
          <p class="muted small">
            {t('popupNoActivities')}{' '}
            <a href="/options.html#profile" target="_blank" rel="noopener">
              {t('popupAddActivities')}
            </a>
          </p>
        )}

        <ScaleInput
          id="stiffness"
          label={t('popupStiffnessLabel')}
          value={form.stiffness}
          onChange={(stiffness) => update({ stiffness })}
          minLabel={t('popupStiffnessMin')}
          maxLabel={t('popupStiffnessMax')}
        />

        <div class="field">
          <label for="reach">{t('popupReachLabel')}</label>
          <input
            id="reach"
            type="text"
            inputMode="decimal"
            value={form.reach}
            aria-describedby="reach-hint"
            onInput={(e) => update({ reach: (e.currentTarget as HTMLInputElement).value })}
          />
          <span id="reach-hint" class="muted small">
            {t('popupReachHint')}
          </span>
        </div>

        <div class="field">
          <label for="note">{t('popupNoteLabel')}</label>
          <textarea
            id="note"
            rows={2}
            maxLength={2000}
            value={form.note}
            onInput={(e) => update({ note: (e.currentTarget as HTMLTextAreaElement).value })}
          />
          <label class="check small">
            <input
              type="checkbox"
              checked={form.noteForClinician}
              onChange={(e) => update({ noteForClinician: (e.currentTarget as HTMLInputElement).checked })}
            />
            <span>{t('popupNoteForClinician')}</span>
          </label>
        </div>

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
