/**
 * Caution banner settings (issue #4): the global switch and the muted sites, each removable. Saved at once to
 * storage.local through utils/settings.ts (validated there); open content scripts watch storage, so a change takes
 * effect on open tabs without a message. Mounted by the options page's Settings section.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import { useSettings } from './useSettings';

export function CautionSettings({ idPrefix = 'caution' }: { idPrefix?: string }) {
  const { settings, change: save } = useSettings();
  const [error, setError] = useState('');

  async function change(edit: (s: Settings) => Settings) {
    try {
      await save(edit);
      setError('');
    } catch {
      setError(t('cautionSettingsSaveFailed'));
    }
  }

  if (!settings) return <div class="caution-settings" aria-busy="true" />;
  const { enabled, mutedHosts } = settings.caution;
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <fieldset
      class="caution-settings"
      style={{
        border: '1px solid var(--border)',
        borderRadius: 'var(--radius)',
        padding: '0.75rem 1rem 1rem',
        margin: 0,
      }}
    >
      <legend style={{ fontWeight: 600, padding: '0 0.3rem' }}>{t('cautionSettingsTitle')}</legend>
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-start' }}>
        <input
          type="checkbox"
          id={id('enabled')}
          checked={enabled}
          aria-describedby={id('hint')}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            void change((s) => ({ ...s, caution: { ...s.caution, enabled: on } }));
          }}
        />
        <label for={id('enabled')}>{t('cautionSettingsEnable')}</label>
      </div>
      <p id={id('hint')} class="muted" style={{ margin: '0.4rem 0' }}>
        {t('cautionSettingsHint')}
      </p>
      <h4 id={id('muted-heading')} style={{ margin: '0.6rem 0 0.3rem' }}>
        {t('cautionSettingsMuted')}
      </h4>
      {mutedHosts.length === 0 ? (
        <p class="muted" style={{ margin: 0 }}>
          {t('cautionSettingsNoMuted')}
        </p>
      ) : (
        <ul
          aria-labelledby={id('muted-heading')}
          style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '0.35rem' }}
        >
          {mutedHosts.map((host) => (
            <li key={host} style={{ display: 'flex', gap: '0.6rem', alignItems: 'center', flexWrap: 'wrap' }}>
              <span style={{ overflowWrap: 'anywhere' }}>{host}</span>
              <button
                type="button"
                aria-label={t('cautionSettingsRemoveLabel', host)}
                onClick={() =>
                  void change((s) => ({
                    ...s,
                    caution: { ...s.caution, mutedHosts: s.caution.mutedHosts.filter((h) => h !== host) },
                  }))
                }
              >
                {t('cautionSettingsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
