/**
 * Backups that happen (issue #11), in the Backup section: "Last backup: N days ago", a gentle prompt after 30 days,
 * and the optional automatic weekly backup (utils/backup/auto.ts). Turning it on asks the browser for the optional
 * `downloads` permission first thing in the click (Firefox allows the request only directly in a user action).
 * BackupNudge is the same prompt at the top of the options page.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pageJournal } from '@/utils/db/journal';
import {
  AUTO_FOLDER,
  BACKUP_STATE_KEY,
  backupDue,
  daysSinceBackup,
  loadBackupState,
  runAutoBackup,
  updateBackupState,
  type AutoBackupOutcome,
  type BackupState,
} from '@/utils/backup/auto';
import { t, type MessageKey } from '@/utils/i18n';

const KEEP_CHOICES = [3, 5, 10, 20];

/** The backup state, kept current when the background or another page records a backup. */
function useBackupState(): { state: BackupState | null; due: boolean } {
  const [state, setState] = useState<BackupState | null>(null);
  const [firstDay, setFirstDay] = useState<string | null>(null);
  useEffect(() => {
    const reload = () => void loadBackupState().then(setState);
    reload();
    void pageJournal()
      .firstEntries(1)
      .then((e) => setFirstDay(e[0]?.date ?? null))
      .catch(() => {});
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && BACKUP_STATE_KEY in changes) reload();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return { state, due: state ? backupDue(state, firstDay) : false };
}

function lastBackupText(state: BackupState): string {
  const days = daysSinceBackup(state);
  if (days === null) return t('backupNever');
  if (days === 0) return t('backupLastToday');
  return days === 1 ? t('backupLastOneDay') : t('backupLastDays', days);
}

/** The gentle prompt at the top of the options page; nothing when a backup is recent. */
export function BackupNudge() {
  const { state, due } = useBackupState();
  if (!state || !due) return null;
  return (
    <p class="notice warn backup-nudge" data-testid="backup-nudge">
      {lastBackupText(state)} {t('backupNudge')} <a href="#backup">{t('backupNudgeLink')}</a>
    </p>
  );
}

const OUTCOME_KEYS: Partial<Record<AutoBackupOutcome, MessageKey>> = {
  saved: 'backupAutoSaved',
  permission: 'backupAutoPermission',
  'too-big': 'backupAutoTooBig',
};

export function AutoBackup() {
  const { state, due } = useBackupState();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  if (!state) return null;
  const error = state.auto.enabled ? state.lastError : null;

  const turnOn = (keep: number) => {
    setBusy(true);
    // No await before this call: the browser grants optional permissions only within the click itself.
    const asked = browser.permissions.request({ permissions: ['downloads'] });
    void asked
      .then(async (granted) => {
        if (!granted) {
          setNote(t('backupAutoDenied'));
          return;
        }
        await updateBackupState((s) => ({ ...s, auto: { enabled: true, keep }, lastError: null }));
        const outcome = await runAutoBackup(pageJournal(), { force: true });
        const detail = outcome === 'failed' ? ((await loadBackupState()).lastError ?? '') : AUTO_FOLDER;
        setNote(t(OUTCOME_KEYS[outcome] ?? 'backupAutoFailed', detail));
      })
      .catch((err: unknown) => setNote(t('backupAutoFailed', String((err as Error)?.message ?? err))))
      .finally(() => setBusy(false));
  };
  const turnOff = async () => {
    await updateBackupState((s) => ({ ...s, auto: { ...s.auto, enabled: false }, lastError: null }));
    await browser.permissions.remove({ permissions: ['downloads'] }).catch(() => false);
    setNote(null);
  };
  const setKeep = (keep: number) => void updateBackupState((s) => ({ ...s, auto: { ...s.auto, keep } }));

  return (
    <div class="auto-backup">
      <p data-testid="last-backup" class={due ? 'notice warn' : undefined}>
        <strong>{lastBackupText(state)}</strong> {due && t('backupNudge')}
      </p>
      <div class="field">
        <label>
          <input
            type="checkbox"
            checked={state.auto.enabled}
            disabled={busy}
            onChange={(e) => (e.currentTarget.checked ? turnOn(state.auto.keep) : void turnOff())}
          />{' '}
          {t('backupAutoLabel')}
        </label>
        <span class="muted small"> {t('backupAutoHint', AUTO_FOLDER)}</span>
      </div>
      {state.auto.enabled && (
        <div class="field">
          <label for="bk-keep">{t('backupAutoKeep')}</label>{' '}
          <select
            id="bk-keep"
            value={String(state.auto.keep)}
            onChange={(e) => setKeep(Number(e.currentTarget.value))}
          >
            {KEEP_CHOICES.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </div>
      )}
      <div role="status" aria-live="polite">
        {note && <p class="notice">{note}</p>}
        {error && !note && (
          <p class="notice warn">
            {t(OUTCOME_KEYS[error as AutoBackupOutcome] ?? 'backupAutoFailed', error)}
          </p>
        )}
      </div>
    </div>
  );
}
