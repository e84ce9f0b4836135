/**
 * The merge view (issue #11): shown when saving a day that changed elsewhere since the person started typing
 * (ConflictError), or when an older unsaved draft of a day is found. Lists every field that differs, "yours" beside
 * "saved", and lets the person take either side per field; or keep the saved version and drop theirs, knowingly.
 * Nothing is written here: the page saves the merged form with the stored entry's updatedAt as its new base.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { defaultChoices, diffDay, mergeDay, type FieldDiff, type Side } from '@/utils/journal/conflict';
import type { CheckinForm } from '@/utils/journal/form';
import type { Entry, HomeExercises, Profile, Session, Soreness } from '@/utils/journal/schema';
import { t, uiLocale, type MessageKey } from '@/utils/i18n';
import './ConflictMerge.css';

export interface ConflictMergeProps {
  /** What the person typed (or the older draft). */
  mine: CheckinForm;
  /** The day as stored now; undefined when it was deleted elsewhere. */
  theirs: Entry | undefined;
  /** The day the person started from, when known (null: an empty day). */
  base?: Entry | null;
  profile: Profile | null;
  /** An older draft (typed before the day changed elsewhere) rather than a save that met a change. */
  olderDraft?: { savedAt: string };
  busy?: boolean;
  onMerge: (merged: CheckinForm) => void;
  onKeepSaved: () => void;
}

function label(field: string, profile: Profile | null): string {
  if (field.startsWith('function.')) {
    const id = field.slice('function.'.length);
    return t('dataActivityRating', profile?.activities.find((a) => a.id === id)?.name ?? id);
  }
  const keys: Record<string, MessageKey> = {
    pain: 'dataColPain',
    soreness: 'dataColSoreness',
    session: 'dataColSession',
    homeExercises: 'dataColHome',
    stiffness: 'dataColStiffness',
    reach: 'dataColReach',
    exercisesDone: 'dataColExercisesDone',
    note: 'dataColNote',
    noteForClinician: 'dataNoteForClinician',
  };
  const key = keys[field];
  return key ? t(key) : field;
}

function shown(field: string, value: FieldDiff['mine'], profile: Profile | null): string {
  if (value === undefined) return t('conflictEmpty');
  if (Array.isArray(value))
    return value.map((id) => profile?.exercises.find((x) => x.id === id)?.name ?? id).join(', ');
  if (field === 'soreness') return t(`dataSoreness_${value as Soreness}`);
  if (field === 'session') return t(`dataSession_${value as Session}`);
  if (field === 'homeExercises') return t(`dataHome_${value as HomeExercises}`);
  if (field === 'noteForClinician') return value ? t('conflictYes') : t('conflictEmpty');
  return String(value);
}

function when(iso: string): string {
  try {
    return new Date(iso).toLocaleString(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return iso;
  }
}

export function ConflictMerge(props: ConflictMergeProps) {
  const { mine, theirs, profile } = props;
  const diffs = useMemo(() => diffDay(mine, theirs, props.base), [mine, theirs, props.base]);
  const [choices, setChoices] = useState<Record<string, Side>>(() => defaultChoices(diffs));
  // Keyboard and screen-reader users land on the question that just replaced the form.
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  const title = props.olderDraft ? t('conflictOlderTitle') : t('conflictTitle');
  const explain = props.olderDraft
    ? t('conflictOlderExplain', when(props.olderDraft.savedAt), theirs ? when(theirs.updatedAt) : '')
    : theirs
      ? t('conflictExplain', when(theirs.updatedAt))
      : t('conflictDeleted');
  return (
    <section
      ref={ref}
      tabIndex={-1}
      class="conflict notice warn"
      role="group"
      aria-labelledby="conflict-title"
      data-testid="conflict"
    >
      <h2 id="conflict-title" class="conflict-title">
        {title}
      </h2>
      <p>{explain}</p>
      {diffs.length === 0 ? (
        <p>{t('conflictSame')}</p>
      ) : (
        <table class="conflict-table">
          <caption class="visually-hidden">{t('conflictCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conflictField')}</th>
              <th scope="col">{props.olderDraft ? t('conflictMineOlder') : t('conflictMine')}</th>
              <th scope="col">{t('conflictTheirs')}</th>
            </tr>
          </thead>
          <tbody>
            {diffs.map((d) => (
              <tr key={d.field} data-field={d.field}>
                <th scope="row">{label(d.field, profile)}</th>
                {(['mine', 'theirs'] as const).map((side) => (
                  <td key={side}>
                    <label>
                      <input
                        type="radio"
                        name={`conflict-${d.field}`}
                        value={side}
                        checked={choices[d.field] === side}
                        onChange={() => setChoices({ ...choices, [d.field]: side })}
                      />{' '}
                      <span class="conflict-value">{shown(d.field, d[side], profile)}</span>
                      <span class="visually-hidden">
                        {' '}
                        ({side === 'mine' ? t('conflictMine') : t('conflictTheirs')})
                      </span>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="row-buttons">
        <button
          type="button"
          class="primary"
          disabled={props.busy}
          onClick={() => props.onMerge(mergeDay(mine, theirs, choices))}
        >
          {diffs.length === 0 ? t('conflictSave') : t('conflictSaveMerged')}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onKeepSaved}>
          {theirs ? t('conflictKeepSaved') : t('conflictDropMine')}
        </button>
      </div>
    </section>
  );
}
