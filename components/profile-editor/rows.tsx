/** The profile editor's rows and forms (components/ProfileEditor.tsx): activities, exercises and the dates. */
import { useEffect, useState } from 'preact/hooks';
import { pageJournal } from '@/utils/db/journal';
import type { Activity, Exercise } from '@/utils/journal/schema';
import { t } from '@/utils/i18n';
import { SaveRemove, type Run } from './shared';

export function ActivityRow({ activity, n, run }: { activity: Activity; n: number; run: Run }) {
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

export function AddActivity({ run }: { run: Run }) {
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

export function ExerciseRow({ exercise, n, run }: { exercise: Exercise; n: number; run: Run }) {
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

export function AddExercise({ run }: { run: Run }) {
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

export function DatesForm(props: { ptStartDate: string | null; surgeryDate: string | null; run: Run }) {
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
