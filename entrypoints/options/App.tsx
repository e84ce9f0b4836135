/**
 * The options page ("dashboard"): one long page of sections with a table of contents. Each section is its own
 * component in ./sections and reads the journal through the data layer's methods (same extension origin) with
 * useLiveQuery, so a check-in saved in the popup appears here without reloading.
 */
import type { ComponentType } from 'preact';
import { t, type MessageKey } from '@/utils/i18n';
import { ProgressSection } from './sections/Progress';
import { InsightsSection } from './sections/Insights';
import { HistorySection } from './sections/History';
import { ProfileSection } from './sections/Profile';
import { BackupSection } from './sections/Backup';
import { SettingsSection } from './sections/Settings';
import { HelpLink } from '@/components/HelpLink';
import { KeyboardLayer } from '@/components/palette/KeyboardLayer';
import { BackupNudge } from './sections/backup/AutoBackup';

const SECTIONS: Array<{ id: string; title: MessageKey; Component: ComponentType }> = [
  { id: 'progress', title: 'sectionProgress', Component: ProgressSection },
  { id: 'insights', title: 'sectionInsights', Component: InsightsSection },
  { id: 'history', title: 'sectionHistory', Component: HistorySection },
  { id: 'profile', title: 'sectionProfile', Component: ProfileSection },
  { id: 'backup', title: 'sectionBackup', Component: BackupSection },
  { id: 'settings', title: 'sectionSettings', Component: SettingsSection },
];

export function App() {
  return (
    <>
      <header class="options-header">
        <h1>{t('extName')}</h1>
        <nav class="options-nav" aria-label={t('optionsNavLabel')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{t(s.title)}</a>
              </li>
            ))}
            <li>
              <a href="/report.html">{t('navReport')}</a>
            </li>
            <li>
              <HelpLink />
            </li>
          </ul>
        </nav>
        <KeyboardLayer surface="options" />
      </header>
      <main class="options-main">
        <BackupNudge />
        {SECTIONS.map(({ id, title, Component }) => (
          <section key={id} id={id} aria-labelledby={`${id}-h`}>
            <h2 id={`${id}-h`}>{t(title)}</h2>
            <Component />
          </section>
        ))}
      </main>
    </>
  );
}
