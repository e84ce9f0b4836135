/**
 * The check-in's fields, top to bottom: Pain (required), soreness, session, home exercises (+ the checklist of active
 * exercises), activities (PSFS), stiffness, reach, note. A plain view: the form's state and the draft live in App.
 */
import { ScaleInput } from '@/components/ScaleInput';
import { ChoiceGroup } from '@/components/ChoiceGroup';
import type { CheckinForm } from '@/utils/journal/form';
import type { Profile } from '@/utils/journal/schema';
import { t } from '@/utils/i18n';

export function CheckinFields({
  form,
  update,
  profile,
  painRef,
  earlyAfterSurgery = false,
}: {
  form: CheckinForm;
  update: (change: Partial<CheckinForm>) => void;
  profile: Profile | null;
  painRef: { current: HTMLDivElement | null };
  /** Within EARLY_POST_SURGERY_WEEKS of a surgery date: the reach hint asks for the PT's or surgeon's go-ahead. */
  earlyAfterSurgery?: boolean;
}) {
  const activeActivities = profile?.activities.filter((a) => !a.archived) ?? [];
  const activeExercises = profile?.exercises.filter((x) => !x.archived) ?? [];
  return (
    <>
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
          {t(earlyAfterSurgery ? 'popupReachHintSurgery' : 'popupReachHint')}
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
    </>
  );
}
