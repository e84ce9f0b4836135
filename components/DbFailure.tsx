/**
 * What a page shows instead of the journal when its database cannot be opened (components/JournalGate.tsx): what
 * happened, that nothing was deleted, what to do, and a button saving a copy of what is stored (utils/db/rescue.ts),
 * so the person never restores an old backup over a journal they believe is gone.
 */
import { useState } from 'preact/hooks';
import type { DatabaseUnavailableError } from '@/utils/db/journal';
import { rescueCopy } from '@/utils/db/rescue';
import { loadSettings } from '@/utils/settings';
import { localDay } from '@/utils/dates';
import { t } from '@/utils/i18n';
import { download } from '@/utils/backup/download';
import './DbFailure.css';

export function DbFailure({
  error,
  compact = false,
}: {
  error: DatabaseUnavailableError;
  compact?: boolean;
}) {
  const [copy, setCopy] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const saveCopy = async () => {
    try {
      const text = await rescueCopy(await loadSettings().catch(() => null));
      const name = `pt-journal-copy-${localDay()}.json`;
      download([text], name, 'application/json');
      setCopy({ kind: 'ok', text: t('dbFailCopySaved', name) });
    } catch (err) {
      setCopy({ kind: 'error', text: t('dbFailCopyFailed', (err as Error)?.name ?? String(err)) });
    }
  };
  return (
    <main class={compact ? 'popup db-failure' : 'db-failure'} data-testid="db-failure">
      <div class="notice error" role="alert">
        <h1>{t('dbFailTitle')}</h1>
        <p>{t(`dbFailWhat_${error.kind}`)}</p>
        <p>
          <strong>{t('dbFailNothingDeleted')}</strong>
        </p>
        <p>{t(`dbFailDo_${error.kind}`)}</p>
        <p class="muted small">{t('dbFailDetail', error.detail)}</p>
        <div class="row-buttons">
          <button type="button" onClick={() => location.reload()}>
            {t('dbFailReload')}
          </button>
          {error.kind !== 'blocked' && (
            <button type="button" onClick={() => void saveCopy()}>
              {t('dbFailCopy')}
            </button>
          )}
        </div>
      </div>
      <div role="status" aria-live="polite">
        {copy && <p class={`notice ${copy.kind}`}>{copy.text}</p>}
      </div>
    </main>
  );
}
