/**
 * The person's profile: PSFS activities (at most 5 active; archiving keeps the ratings already logged), exercises
 * (from their clinician or found online, with an optional web address) and the PT start / surgery dates. Used by the
 * options page ("Profile" section) and the first-run welcome page (`compact`). Every write goes through the data
 * layer, whose validation messages are shown as they come.
 */
import { useEffect, useState } from 'preact/hooks';
import { pageJournal, StorageError } from '@/utils/db/journal';
import { MAX_ACTIVE_ACTIVITIES, ValidationError, type Activity, type Exercise } from '@/utils/journal/schema';
import { t } from '@/utils/i18n';
import { useLiveQuery } from './useLiveQuery';
import './ProfileEditor.css';

export interface ProfileEditorProps {
  /** Tighter layout for the welcome page: no archived lists. */
  compact?: boolean;
  /** Level of the editor's own headings (default 3: below the options section's h2). */
  headingLevel?: 2 | 3 | 4;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

function errorText(err: unknown): string {
  if (err instanceof ValidationError) return err.problems.map((p) => p.message).join(' ');
  if (err instanceof StorageError) return err.message;
  return t('dataErrUnexpected', String((err as Error)?.message ?? err));
}

export function ProfileEditor({ compact = false, headingLevel = 3 }: ProfileEditorProps) {
  const journal = pageJournal();
  const { value: profile } = useLiveQuery(() => journal.getProfile(), []);
  const [status, setStatus] = useState<Status>(null);
  const H = `h${headingLevel}` as 'h3';

  const run = async (action: () => Promise<string | void>) => {
    try {
      const text = await action();
      setStatus(text ? { kind: 'ok', text } : null);
      return true;
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
      return false;
    }
  };

  if (!profile) return <p class="muted">{t('dataLoading')}</p>;
  const active = profile.activities.filter((a) => !a.archived);
  const archived = profile.activities.filter((a) => a.archived);
  const exercises = profile.exercises.filter((e) => !e.archived);
  const archivedExercises = profile.exercises.filter((e) => e.archived);

  return (
    <div class={`profile-editor${compact ? ' compact' : ''}`}>
      <p class="profile-status" role="status" aria-live="polite">
        {status && <span class={`notice ${status.kind === 'ok' ? 'ok' : 'error'}`}>{status.text}</span>}
      </p>

      <section class="profile-part" aria-labelledby="pe-act-h">
        <H id="pe-act-h">{t('dataActivitiesTitle')}</H>
        <p class="muted">{t('dataActivitiesHint')}</p>
        <ul class="profile-list">
          {active.map((a, i) => (
            <ActivityRow key={a.id} activity={a} n={i + 1} run={run} />
          ))}
        </ul>
        {active.length < MAX_ACTIVE_ACTIVITIES ? (
          <AddActivity run={run} />
        ) : (
          <p class="muted">{t('dataActivitiesFull', MAX_ACTIVE_ACTIVITIES)}</p>
        )}
        {!compact && (
          <ArchivedList
            items={archived}
            summary={t('dataArchivedActivities', archived.length)}
            disabled={active.length >= MAX_ACTIVE_ACTIVITIES}
            restore={(a) => journal.saveActivity({ ...a, archived: false })}
            run={run}
          />
        )}
      </section>

      <section class="profile-part" aria-labelledby="pe-ex-h">
        <H id="pe-ex-h">{t('dataExercisesTitle')}</H>
        <p class="muted">{t('dataExercisesHint')}</p>
        <ul class="profile-list">
          {exercises.map((e, i) => (
            <ExerciseRow key={e.id} exercise={e} n={i + 1} run={run} />
          ))}
        </ul>
        <AddExercise run={run} />
        {!compact && (
          <ArchivedList
            items={archivedExercises}
            summary={t('dataArchivedExercises', archivedExercises.length)}
            restore={(e) => journal.saveExercise({ ...e, archived: false })}
            run={run}
          />
        )}
      </section>

      <section class="profile-part" aria-labelledby="pe-dates-h">
        <H id="pe-dates-h">{t('dataDatesTitle')}</H>
        <DatesForm
          key={`${profile.ptStartDate}|${profile.surgeryDate}`}
          ptStartDate={profile.ptStartDate}
          surgeryDate={profile.surgeryDate}
          run={run}
        />
      </section>
    </div>
  );
}

type Run = (action: () => Promise<string | void>) => Promise<boolean>;

function ActivityRow({ activity, n, run }: { activity: Activity; n: number; run: Run }) {
  const journal = pageJournal();
  const [name, setName] = useState(activity.name);
  // A rename saved elsewhere (another tab, the welcome page) shows here too.
  useEffect(() => setName(activity.name), [activity.name]);
  const id = `pe-act-${activity.id}`;
  return (
    <li class="profile-row">
      <form
        class="profile-row-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await journal.saveActivity({ ...activity, name });
            return t('dataSaved', name.trim());
          });
        }}
      >
        <label for={id}>{t('dataActivityN', n)}</label>
        <input
          id={id}
          type="text"
          value={name}
          maxLength={80}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <SaveRemove
          dirty={name !== activity.name}
          name={activity.name}
          remove={() => journal.removeActivity(activity.id)}
          run={run}
        />
      </form>
    </li>
  );
}

function AddActivity({ run }: { run: Run }) {
  const journal = pageJournal();
  const [name, setName] = useState('');
  return (
    <form
      class="profile-add"
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = await run(async () => {
          const a = await journal.saveActivity({ name });
          return t('dataAdded', a.name);
        });
        if (ok) setName('');
      }}
    >
      <label for="pe-new-activity">{t('dataNewActivity')}</label>
      <input
        id="pe-new-activity"
        type="text"
        value={name}
        maxLength={80}
        placeholder={t('dataNewActivityExample')}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <button type="submit" disabled={!name.trim()}>
        {t('dataAdd')}
      </button>
    </form>
  );
}

function ExerciseFields({
  prefix,
  name,
  source,
  url,
  set,
}: {
  prefix: string;
  name: string;
  source: Exercise['source'];
  url: string;
  set: (patch: Partial<{ name: string; source: Exercise['source']; url: string }>) => void;
}) {
  return (
    <>
      <span class="field">
        <label for={`${prefix}-name`}>{t('dataExerciseName')}</label>
        <input
          id={`${prefix}-name`}
          type="text"
          value={name}
          maxLength={80}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
      </span>
      <span class="field">
        <label for={`${prefix}-source`}>{t('dataExerciseSource')}</label>
        <select
          id={`${prefix}-source`}
          value={source}
          onChange={(e) => set({ source: e.currentTarget.value as Exercise['source'] })}
        >
          <option value="clinician">{t('dataSourceClinician')}</option>
          <option value="online">{t('dataSourceOnline')}</option>
        </select>
      </span>
      <span class="field field-wide">
        <label for={`${prefix}-url`}>{t('dataExerciseUrl')}</label>
        <input
          id={`${prefix}-url`}
          type="url"
          value={url}
          placeholder="https://"
          onInput={(e) => set({ url: e.currentTarget.value })}
        />
      </span>
    </>
  );
}

function ExerciseRow({ exercise, n, run }: { exercise: Exercise; n: number; run: Run }) {
  const journal = pageJournal();
  const [draft, setDraft] = useState({
    name: exercise.name,
    source: exercise.source,
    url: exercise.url ?? '',
  });
  useEffect(
    () => setDraft({ name: exercise.name, source: exercise.source, url: exercise.url ?? '' }),
    [exercise.name, exercise.source, exercise.url],
  );
  const dirty =
    draft.name !== exercise.name || draft.source !== exercise.source || draft.url !== (exercise.url ?? '');
  return (
    <li class="profile-row">
      <form
        class="profile-row-form exercise"
        noValidate
        aria-label={t('dataExerciseN', n)}
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await journal.saveExercise({ ...exercise, ...draft, url: draft.url.trim() || null });
            return t('dataSaved', draft.name.trim());
          });
        }}
      >
        <ExerciseFields
          prefix={`pe-ex-${exercise.id}`}
          {...draft}
          set={(p) => setDraft({ ...draft, ...p })}
        />
        <span class="row-buttons">
          <SaveRemove
            dirty={dirty}
            name={exercise.name}
            remove={() => journal.removeExercise(exercise.id)}
            run={run}
          />
        </span>
      </form>
    </li>
  );
}

function AddExercise({ run }: { run: Run }) {
  const journal = pageJournal();
  const empty = { name: '', source: 'clinician' as Exercise['source'], url: '' };
  const [draft, setDraft] = useState(empty);
  return (
    <form
      class="profile-add exercise"
      noValidate
      aria-label={t('dataNewExercise')}
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = await run(async () => {
          const x = await journal.saveExercise({ ...draft, url: draft.url.trim() || null });
          return t('dataAdded', x.name);
        });
        if (ok) setDraft(empty);
      }}
    >
      <ExerciseFields prefix="pe-new-ex" {...draft} set={(p) => setDraft({ ...draft, ...p })} />
      <span class="row-buttons">
        <button type="submit" disabled={!draft.name.trim()}>
          {t('dataAddExercise')}
        </button>
      </span>
    </form>
  );
}

function DatesForm(props: { ptStartDate: string | null; surgeryDate: string | null; run: Run }) {
  const journal = pageJournal();
  const [pt, setPt] = useState(props.ptStartDate ?? '');
  const [surgery, setSurgery] = useState(props.surgeryDate ?? '');
  const dirty = pt !== (props.ptStartDate ?? '') || surgery !== (props.surgeryDate ?? '');
  return (
    <form
      class="profile-dates"
      onSubmit={(e) => {
        e.preventDefault();
        void props.run(async () => {
          await journal.setDates({ ptStartDate: pt || null, surgeryDate: surgery || null });
          return t('dataDatesSaved');
        });
      }}
    >
      <span class="field">
        <label for="pe-pt-start">{t('dataPtStart')}</label>
        <input id="pe-pt-start" type="date" value={pt} onInput={(e) => setPt(e.currentTarget.value)} />
      </span>
      <span class="field">
        <label for="pe-surgery">{t('dataSurgery')}</label>
        <input
          id="pe-surgery"
          type="date"
          value={surgery}
          aria-describedby="pe-surgery-hint"
          onInput={(e) => setSurgery(e.currentTarget.value)}
        />
      </span>
      <span class="row-buttons">
        <button type="submit" disabled={!dirty}>
          {t('dataSaveDates')}
        </button>
      </span>
      <p id="pe-surgery-hint" class="muted small profile-dates-hint">
        {t('dataSurgeryHint')}
      </p>
    </form>
  );
}

/** Archived activities or exercises (their history is kept), each with a Restore button. */
function ArchivedList<T extends { id: string; name: string }>(props: {
  items: T[];
  summary: string;
  disabled?: boolean;
  restore: (item: T) => Promise<unknown>;
  run: (action: () => Promise<string | void>) => Promise<boolean>;
}) {
  const { items, summary, disabled = false, restore, run } = props;
  if (items.length === 0) return null;
  return (
    <details class="profile-archived">
      <summary>{summary}</summary>
      <ul class="profile-list">
        {items.map((item) => (
          <li key={item.id} class="profile-row">
            <span class="profile-name">{item.name}</span>
            <button
              type="button"
              disabled={disabled}
              onClick={() =>
                run(async () => {
                  await restore(item);
                  return t('dataRestored', item.name);
                })
              }
            >
              {t('dataRestore')}
              <span class="visually-hidden"> {item.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A row's Save (when changed) and Remove (which archives instead when the journal refers to the item). */
function SaveRemove(props: {
  dirty: boolean;
  name: string;
  remove: () => Promise<'deleted' | 'archived'>;
  run: (action: () => Promise<string | void>) => Promise<boolean>;
}) {
  const { dirty, name, remove, run } = props;
  return (
    <>
      <button type="submit" disabled={!dirty}>
        {t('dataSave')}
      </button>
      <button
        type="button"
        onClick={() =>
          run(async () => t((await remove()) === 'archived' ? 'dataArchivedMsg' : 'dataDeletedMsg', name))
        }
      >
        {t('dataRemove')}
        <span class="visually-hidden"> {name}</span>
      </button>
    </>
  );
}
