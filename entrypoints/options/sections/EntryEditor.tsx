/**
 * Edits one day of the journal (or adds a missed past day) with compact native controls, for the History table.
 * The form state and its mapping to an entry are shared with the popup (utils/journal/form.ts); validation is the
 * data layer's, and its problems are listed field by field. Saving passes the updatedAt of the day the editor opened
 * (or found for a picked date); if the day changed meanwhile (popup, another tab, an import), the merge view shows
 * what changed and nothing is overwritten (issue #11).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ConflictError, pageJournal, StorageError } from '@/utils/db/journal';
import { ConflictMerge } from '@/components/ConflictMerge';
import {
  HOME_EXERCISES,
  SESSION,
  SORENESS,
  ValidationError,
  type Entry,
  type Profile,
} from '@/utils/journal/schema';
import { entryToForm, formToEntryInput, type CheckinForm } from '@/utils/journal/form';
import { isAllowedEntryDay, isDay, latestEntryDay } from '@/utils/dates';
import { t } from '@/utils/i18n';

export interface EntryEditorProps {
  /** The day being edited; undefined when adding a missed day. */
  entry?: Entry;
  profile: Profile;
  /** When adding: the day to start on (e.g. today, from the palette's "Log today"). */
  date?: string;
  onDone: (savedDate?: string) => void;
}

const SCORES = Array.from({ length: 11 }, (_, i) => i);

function ScoreSelect(props: {
  id: string;
  label: string;
  value: number | undefined;
  required?: boolean;
  onChange: (v: number | undefined) => void;
}) {
  return (
    <span class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value === undefined ? '' : String(props.value)}
        onChange={(e) =>
          props.onChange(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))
        }
      >
        <option value="">{props.required ? t('dataChoose') : t('dataNotRecorded')}</option>
        {SCORES.map((n) => (
          <option key={n} value={String(n)}>
            {n}
          </option>
        ))}
      </select>
    </span>
  );
}

function ChoiceSelect<T extends string>(props: {
  id: string;
  label: string;
  values: readonly T[];
  value: T | undefined;
  labelOf: (v: T) => string;
  onChange: (v: T | undefined) => void;
}) {
  return (
    <span class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value ?? ''}
        onChange={(e) => props.onChange((e.currentTarget.value || undefined) as T | undefined)}
      >
        <option value="">{t('dataNotRecorded')}</option>
        {props.values.map((v) => (
          <option key={v} value={v}>
            {props.labelOf(v)}
          </option>
        ))}
      </select>
    </span>
  );
}

export function EntryEditor({ entry, profile, date: startDate, onDone }: EntryEditorProps) {
  const journal = pageJournal();
  const adding = !entry;
  const [date, setDate] = useState(entry?.date ?? '');
  const [existing, setExisting] = useState<Entry | undefined>(entry);
  const [form, setForm] = useState<CheckinForm>(() => entryToForm(entry));
  const [problems, setProblems] = useState<Array<{ path: string; message: string }>>([]);
  const [saving, setSaving] = useState(false);
  // The day as the editor found it: a later change elsewhere makes saveEntry refuse with a ConflictError.
  const baseRef = useRef<Entry | undefined>(entry);
  const [conflict, setConflict] = useState<{ mine: CheckinForm; theirs: Entry | undefined } | null>(null);
  const set = (patch: Partial<CheckinForm>) => setForm((f) => ({ ...f, ...patch }));
  const idp = `ee-${entry?.date ?? 'new'}`;
  const formRef = useRef<HTMLFormElement>(null);
  // Keyboard users land in the editor that just opened (autofocus only works on page load).
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>(startDate ? 'select' : 'input, select')?.focus();
    if (adding && startDate) void pickDate(startDate);
  }, []);

  // Activities shown: the active ones plus any (archived) one this day already rates, so old ratings stay editable.
  const rated = new Set(Object.keys(form.function));
  const activities = profile.activities.filter((a) => !a.archived || rated.has(a.id));
  const done = new Set(form.exercisesDone);
  const exercises = profile.exercises.filter((x) => !x.archived || done.has(x.id));

  const pickDate = async (d: string) => {
    setDate(d);
    if (!isDay(d)) return;
    const found = await journal.getEntry(d);
    baseRef.current = found;
    setExisting(found);
    if (found) setForm(entryToForm(found));
  };

  const save = (e: Event) => {
    e.preventDefault();
    void write(form);
  };

  const write = async (form: CheckinForm) => {
    if (adding && !isDay(date)) {
      setProblems([{ path: 'date', message: t('errBadDay', t('dataColDate')) }]);
      return;
    }
    if (adding && !isAllowedEntryDay(date)) {
      setProblems([{ path: 'date', message: t('dataErrFutureDay') }]);
      return;
    }
    setSaving(true);
    try {
      const input = formToEntryInput(date, form);
      await journal.saveEntry(input, baseRef.current?.updatedAt ?? null);
      setProblems([]);
      onDone(date);
    } catch (err) {
      if (err instanceof ConflictError) setConflict({ mine: form, theirs: err.stored });
      else if (err instanceof ValidationError) setProblems(err.problems);
      else if (err instanceof StorageError) setProblems([{ path: '', message: err.message }]);
      else
        setProblems([{ path: '', message: t('dataErrUnexpected', String((err as Error)?.message ?? err)) }]);
    } finally {
      setSaving(false);
    }
  };

  if (conflict)
    return (
      <ConflictMerge
        mine={conflict.mine}
        theirs={conflict.theirs}
        base={baseRef.current ?? null}
        profile={profile}
        busy={saving}
        onMerge={(merged) => {
          baseRef.current = conflict.theirs;
          setConflict(null);
          setForm(merged);
          void write(merged);
        }}
        onKeepSaved={() => onDone()}
      />
    );

  return (
    <form
      ref={formRef}
      class="entry-editor"
      onSubmit={save}
      aria-label={adding ? t('dataAddDayTitle') : t('dataEditDayTitle', date)}
    >
      {adding && (
        <span class="field">
          <label for={`${idp}-date`}>{t('dataColDate')}</label>
          <input
            id={`${idp}-date`}
            type="date"
            value={date}
            max={latestEntryDay()}
            required
            onInput={(e) => void pickDate(e.currentTarget.value)}
          />
          {existing && <span class="notice warn small">{t('dataDayExists')}</span>}
        </span>
      )}
      <div class="entry-grid">
        <ScoreSelect
          id={`${idp}-pain`}
          label={t('dataColPain')}
          required
          value={form.pain}
          onChange={(pain) => set({ pain })}
        />
        <ChoiceSelect
          id={`${idp}-soreness`}
          label={t('dataColSoreness')}
          values={SORENESS}
          value={form.soreness}
          labelOf={(v) => t(`dataSoreness_${v}`)}
          onChange={(soreness) => set({ soreness })}
        />
        <ScoreSelect
          id={`${idp}-stiff`}
          label={t('dataColStiffness')}
          value={form.stiffness}
          onChange={(stiffness) => set({ stiffness })}
        />
        <span class="field">
          <label for={`${idp}-reach`}>{t('dataColReach')}</label>
          <input
            id={`${idp}-reach`}
            type="text"
            inputMode="decimal"
            size={6}
            value={form.reach}
            onInput={(e) => set({ reach: e.currentTarget.value })}
          />
        </span>
        <ChoiceSelect
          id={`${idp}-session`}
          label={t('dataColSession')}
          values={SESSION}
          value={form.session}
          labelOf={(v) => t(`dataSession_${v}`)}
          onChange={(session) => set({ session })}
        />
        <ChoiceSelect
          id={`${idp}-home`}
          label={t('dataColHome')}
          values={HOME_EXERCISES}
          value={form.homeExercises}
          labelOf={(v) => t(`dataHome_${v}`)}
          onChange={(homeExercises) => set({ homeExercises })}
        />
        {activities.map((a) => (
          <ScoreSelect
            key={a.id}
            id={`${idp}-fn-${a.id}`}
            label={t('dataActivityRating', a.name)}
            value={form.function[a.id]}
            onChange={(v) => {
              const fn = { ...form.function };
              if (v === undefined) delete fn[a.id];
              else fn[a.id] = v;
              set({ function: fn });
            }}
          />
        ))}
      </div>
      {exercises.length > 0 && (
        <fieldset class="entry-exercises">
          <legend>{t('dataColExercisesDone')}</legend>
          {exercises.map((x) => (
            <label key={x.id}>
              <input
                type="checkbox"
                checked={done.has(x.id)}
                onChange={(e) =>
                  set({
                    exercisesDone: e.currentTarget.checked
                      ? [...form.exercisesDone, x.id]
                      : form.exercisesDone.filter((id) => id !== x.id),
                  })
                }
              />{' '}
              {x.name}
            </label>
          ))}
        </fieldset>
      )}
      <span class="field field-note">
        <label for={`${idp}-note`}>{t('dataColNote')}</label>
        <textarea
          id={`${idp}-note`}
          rows={2}
          maxLength={2000}
          value={form.note}
          onInput={(e) => set({ note: e.currentTarget.value })}
        />
      </span>
      <label class="entry-flag">
        <input
          type="checkbox"
          checked={form.noteForClinician}
          onChange={(e) => set({ noteForClinician: e.currentTarget.checked })}
        />{' '}
        {t('dataNoteForClinician')}
      </label>
      {problems.length > 0 && (
        <ul class="notice error problem-list" role="alert">
          {problems.map((p, i) => (
            <li key={i}>
              {p.path && <code>{p.path}</code>} {p.message}
            </li>
          ))}
        </ul>
      )}
      <div class="row-buttons">
        <button type="submit" class="primary" disabled={saving}>
          {t('dataSave')}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t('dataCancel')}
        </button>
      </div>
    </form>
  );
}
