/** "Delete all data", behind a type-to-confirm step. */
import { useState } from 'preact/hooks';
import { pageJournal, StorageError } from '@/utils/db/journal';
import { DEFAULT_SETTINGS, saveSettings } from '@/utils/settings';
import { t } from '@/utils/i18n';

export function DeleteAll() {
  const journal = pageJournal();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const word = t('dataDeleteWord');
  const confirmDelete = async (e: Event) => {
    e.preventDefault();
    if (typed.trim().toLowerCase() !== word.toLowerCase()) return;
    try {
      await journal.clearAll();
      await saveSettings(DEFAULT_SETTINGS);
      try {
        // Check-in drafts (utils/draft.ts) live in this extension's own localStorage: nothing else is kept there.
        localStorage.clear();
      } catch {
        // no localStorage: no drafts either
      }
      setMsg({ kind: 'ok', text: t('dataDeletedAll') });
      setOpen(false);
      setTyped('');
    } catch (err) {
      setMsg({ kind: 'error', text: err instanceof StorageError ? err.message : (err as Error).message });
    }
  };
  return (
    <section class="backup-part danger-zone" aria-labelledby="bk-delete-h">
      <h3 id="bk-delete-h">{t('dataDeleteTitle')}</h3>
      <p class="muted">{t('dataDeleteHint')}</p>
      {!open ? (
        <button type="button" class="danger" onClick={() => setOpen(true)}>
          {t('dataDeleteAll')}
        </button>
      ) : (
        <form class="delete-confirm" onSubmit={confirmDelete}>
          <label for="bk-delete-confirm">{t('dataDeleteType', word)}</label>
          <input
            id="bk-delete-confirm"
            type="text"
            autoComplete="off"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
          <button type="submit" class="danger" disabled={typed.trim().toLowerCase() !== word.toLowerCase()}>
            {t('dataDeleteConfirm')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('dataCancel')}
          </button>
        </form>
      )}
      <div role="status" aria-live="polite">
        {msg && <p class={`notice ${msg.kind === 'ok' ? 'ok' : 'error'}`}>{msg.text}</p>}
      </div>
    </section>
  );
}
