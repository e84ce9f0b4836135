/** Settings: the daily reminder and badge (issue #5) and the caution banner (issue #4), each its own component. */
import { ReminderSettings } from '@/components/settings/ReminderSettings';
import { CautionSettings } from '@/components/settings/CautionSettings';
import { t } from '@/utils/i18n';

export function SettingsSection() {
  return (
    <div class="settings-section">
      <h3>{t('settingsReminderHeading')}</h3>
      <ReminderSettings idPrefix="opt-rem" />
      <h3>{t('settingsCautionHeading')}</h3>
      <CautionSettings idPrefix="opt-caution" />
    </div>
  );
}
