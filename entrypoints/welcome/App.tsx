/**
 * First run (opened by the background on install): name up to 5 hard activities, list the PT's exercises, set PT
 * start and surgery dates, optionally a daily reminder, and learn how to open the check-in. Everything is optional
 * and editable later on the options page; "Skip" is always one click away.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ProfileEditor } from '@/components/ProfileEditor';
import { HelpLink } from '@/components/HelpLink';
import { ReminderSettings } from '@/components/settings/ReminderSettings';
import { assignedShortcuts, type AssignedShortcuts } from '@/utils/shortcut';
import { t } from '@/utils/i18n';

async function openCheckin() {
  try {
    // Chrome 127+ lets an extension page open its own popup; elsewhere fall back to the check-in in a tab.
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  }
}

export function App() {
  const [shortcuts, setShortcuts] = useState<AssignedShortcuts | null>(null);
  const shortcut = shortcuts?.checkin;
  useEffect(() => {
    void assignedShortcuts().then(setShortcuts);
  }, []);

  return (
    <main class="welcome">
      <header>
        <h1>{t('welcomeTitle')}</h1>
        <p class="lead">{t('welcomeIntro')}</p>
        <p class="muted">{t('welcomePrivacy')}</p>
        <p>
          <a href="/options.html">{t('welcomeSkip')}</a>
        </p>
      </header>

      <section aria-labelledby="w-profile">
        <h2 id="w-profile">{t('welcomeStepProfile')}</h2>
        <p class="muted">{t('welcomeStepProfileHint')}</p>
        <ProfileEditor compact headingLevel={3} />
      </section>

      <section aria-labelledby="w-reminder">
        <h2 id="w-reminder">{t('welcomeStepReminder')}</h2>
        <ReminderSettings idPrefix="welcome-rem" />
      </section>

      <section aria-labelledby="w-checkin">
        <h2 id="w-checkin">{t('welcomeStepCheckin')}</h2>
        <p>
          {shortcut ? (
            <>
              {t('welcomeShortcut')} <kbd>{shortcut}</kbd>
              {shortcuts?.dashboard && (
                <>
                  {' '}
                  {t('welcomeShortcutDashboard')} <kbd>{shortcuts.dashboard}</kbd>
                </>
              )}
            </>
          ) : (
            t('welcomeNoShortcut')
          )}
        </p>
        <p class="muted">{t('welcomeCheckinHow')}</p>
        <button type="button" class="primary" onClick={() => void openCheckin()}>
          {t('welcomeOpenCheckin')}
        </button>
      </section>

      <footer class="welcome-foot">
        <a href="/options.html">{t('welcomeToDashboard')}</a>
        <HelpLink />
      </footer>
    </main>
  );
}
