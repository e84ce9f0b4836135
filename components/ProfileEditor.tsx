/**
 * The person's profile: PSFS activities (at most 5 active; archiving keeps the ratings already logged), exercises
 * (from their clinician or found online, with an optional web address) and the PT start / surgery dates. Used by the
 * options page ("Profile" section) and the first-run welcome page (`compact`). Every write goes through the data
 * layer, whose validation messages are shown as they come.
 */
import { useState } from 'preact/hooks';
import { pageJournal, StorageError } from '@/utils/db/journal';
import { MAX_ACTIVE_ACTIVITIES, ValidationError } from '@/utils/journal/schema';
import { t } from '@/utils/i18n';
import { useLiveQuery } from './useLiveQuery';
import { ActivityRow, AddActivity, AddExercise, DatesForm, ExerciseRow } from './profile-editor/rows';
import { ArchivedList } from './profile-editor/shared';
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
