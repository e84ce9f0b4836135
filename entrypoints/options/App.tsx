/**
 * The options page ("dashboard"): one long page of sections with a table of contents. Each section is its own
 * component in ./sections and reads the journal through the data layer's methods (same extension origin) with
 * useLiveQuery, so a check-in saved in the popup appears here without reloading.
 *
 * The charts come first: every section's heading is in the page at once (the table of contents works), but only
 * Progress mounts at first; the other sections mount once its charts are drawn (or it has nothing to draw), so their
 * reads and renders never compete with the first picture. Opening the page on another section's anchor mounts all.
 * Their code is loaded then too (one chunk each), so the page evaluates only what the charts need before drawing. The
 * backup nudge above them waits for the charts too (its reads would compete with theirs).
 */
import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import { ProgressSection } from './sections/Progress';
import { HelpLink } from '@/components/HelpLink';
import { KeyboardLayer } from '@/components/palette/KeyboardLayer';

/** Mount the rest anyway after this long, whatever Progress is doing (a failed read, a hidden tab). */
const REST_AFTER_MS = 1500;

type Section = ComponentType<{ onReady?: () => void }>;

/** A section whose code is loaded when it mounts; nothing is shown until it is (its heading is already there). */
function lazy(load: () => Promise<Section>): Section {
  let loaded: Section | null = null;
  return function Lazy() {
    const [, setDone] = useState(false);
    useEffect(() => {
      if (!loaded) void load().then((C) => ((loaded = C), setDone(true)));
    }, []);
    return loaded ? h(loaded, {}) : null;
  };
}

/** "Your last backup was … days ago": mounted with the other sections, after the charts. */
const BackupNudge = lazy(() => import('./sections/backup/AutoBackup').then((m) => m.BackupNudge));

const SECTIONS: Array<{ id: string; title: MessageKey; Component: Section }> = [
  { id: 'progress', title: 'sectionProgress', Component: ProgressSection },
  {
    id: 'insights',
    title: 'sectionInsights',
    Component: lazy(() => import('./sections/Insights').then((m) => m.InsightsSection)),
  },
  {
    id: 'history',
    title: 'sectionHistory',
    Component: lazy(() => import('./sections/History').then((m) => m.HistorySection)),
  },
  {
    id: 'profile',
    title: 'sectionProfile',
    Component: lazy(() => import('./sections/Profile').then((m) => m.ProfileSection)),
  },
  {
    id: 'backup',
    title: 'sectionBackup',
    Component: lazy(() => import('./sections/Backup').then((m) => m.BackupSection)),
  },
  {
    id: 'settings',
    title: 'sectionSettings',
    Component: lazy(() => import('./sections/Settings').then((m) => m.SettingsSection)),
  },
];

export function App() {
  const [rest, setRest] = useState(() => location.hash.length > 1 && location.hash !== '#progress');
  useEffect(() => {
    if (rest) return;
    const timer = setTimeout(() => setRest(true), REST_AFTER_MS);
    return () => clearTimeout(timer);
  }, [rest]);
  const ready = () => setRest(true);
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
        {rest && <BackupNudge />}
        {SECTIONS.map(({ id, title, Component }) => (
          <section key={id} id={id} aria-labelledby={`${id}-h`}>
            <h2 id={`${id}-h`}>{t(title)}</h2>
            {(rest || id === 'progress') && <Component onReady={id === 'progress' ? ready : undefined} />}
          </section>
        ))}
      </main>
    </>
  );
}
