/**
 * Daily reminder and toolbar-badge settings (issue #5). Every change is saved at once to storage.local through
 * utils/settings.ts (validated there); the background watches storage and re-schedules its alarms, so there is no
 * "Save" button and no message to send. Mounted in the welcome page and the options page's Settings section.
 */
import { useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import { useSettings } from './useSettings';
import './ReminderSettings.css';

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** "18:00" or "6 PM", as the person's locale writes an hour. */
function hourLabel(hour: number): string {
  return new Date(2000, 0, 1, hour).toLocaleTimeString(uiLocale(), { hour: 'numeric', minute: '2-digit' });
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function ReminderSettings({ idPrefix = 'rem' }: { idPrefix?: string }) {
  const { settings, change: save } = useSettings();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function change(edit: (s: Settings) => Settings) {
    try {
      await save(edit);
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', message: (err as Error)?.message ?? String(err) });
    }
  }

  if (!settings) return <div class="reminder-settings" aria-busy="true" />;
  const id = (name: string) => `${idPrefix}-${name}`;
  const { reminder, badge } = settings;

  return (
    <div class="reminder-settings">
      <fieldset>
        <legend>{t('remSettingsLegend')}</legend>
        <div class="field">
          <input
            type="checkbox"
            id={id('enabled')}
            checked={reminder.enabled}
            onChange={(e) => {
              const enabled = e.currentTarget.checked;
              void change((s) => ({ ...s, reminder: { ...s.reminder, enabled } }));
            }}
          />
          <label for={id('enabled')}>{t('remEnableLabel')}</label>
        </div>
        <div class="field">
          <label for={id('time')}>{t('remTimeLabel')}</label>
          <input
            type="time"
            id={id('time')}
            step={60}
            required
            value={reminder.time}
            disabled={!reminder.enabled}
            aria-describedby={id('time-hint')}
            onChange={(e) => {
              const time = e.currentTarget.value;
              // An emptied or half-typed field is not a time yet; keep the saved one until it is.
              if (TIME_RE.test(time)) void change((s) => ({ ...s, reminder: { ...s.reminder, time } }));
            }}
          />
        </div>
        <p class="hint muted" id={id('time-hint')}>
          {t('remTimeHint')}
        </p>
        <p class="hint muted">{t('remSystemHint')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('remBadgeLegend')}</legend>
        <div class="field">
          <label for={id('evening')}>{t('remEveningLabel')}</label>
          <select
            id={id('evening')}
            value={String(badge.eveningHour)}
            aria-describedby={id('evening-hint')}
            onChange={(e) => {
              const eveningHour = Number(e.currentTarget.value);
              void change((s) => ({ ...s, badge: { eveningHour } }));
            }}
          >
            {HOURS.map((h) => (
              <option key={h} value={String(h)}>
                {hourLabel(h)}
              </option>
            ))}
          </select>
        </div>
        <p class="hint muted" id={id('evening-hint')}>
          {t('remEveningHint')}
        </p>
      </fieldset>

      <p class="privacy notice">{t('remPrivacy')}</p>
      <p class={`status${status.kind === 'error' ? ' notice error' : ''}`} role="status">
        {status.kind === 'saved'
          ? t('remSaved')
          : status.kind === 'error'
            ? t('remSaveFailed', status.message)
            : ''}
      </p>
    </div>
  );
}
