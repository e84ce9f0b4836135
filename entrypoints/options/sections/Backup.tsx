/**
 * Options section "Backup and restore". Export downloads a file made on the device (Blob URL + <a download>, no
 * network). Import goes: choose file -> size check (50 MB) -> read and validate everything, with progress ->
 * preview with the conflict choice -> one transaction. Any problem lists what and where, and nothing changes.
 * Also: ask the browser to keep the journal (storage.persist) and "Delete all data" behind a type-to-confirm step.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { pageJournal, StorageError } from '@/utils/db/journal';
import { ValidationError } from '@/utils/journal/schema';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/utils/settings';
import { backupFileName, exportParts } from '@/utils/backup/export';
import { download } from '@/utils/backup/download';
import {
  ImportError,
  applyImport,
  checkImportFile,
  previewImport,
  type CheckedImport,
  type ImportPreview,
  type ImportProblem,
  type ImportProgress,
  type ImportResult,
} from '@/utils/backup/import';
import type { ConflictMode } from '@/utils/backup/format';
import { t } from '@/utils/i18n';
import { usePageCommand } from '@/components/palette/usePageCommand';
import './Backup.css';

const SHOWN_PROBLEMS = 10;

/** User Timing marks for scripts/bench/21-backup.mjs (visible in DevTools' performance panel too). */
function measureSince(name: string, start: number): void {
  try {
    performance.measure(`pt-journal:${name}`, { start, end: performance.now() });
  } catch {
    // measuring is optional
  }
}

type ImportState =
  | { step: 'idle' }
  | { step: 'working'; progress: ImportProgress | null; fileName: string }
  | { step: 'preview'; checked: CheckedImport; preview: ImportPreview; fileName: string }
  | { step: 'problems'; problems: ImportProblem[]; total: number; fileName: string }
  | { step: 'done'; result: ImportResult; fileName: string };

/** "entries[5].pain" -> "Entry 5 (2026-01-06), pain" (indices as in the file, counted from 0 like the path). */
function where(p: ImportProblem): string {
  const m = /^entries\[(\d+)\]\.?(.*)$/.exec(p.path);
  if (!m) return p.path;
  const field = m[2] || t('dataWholeEntry');
  return p.day ? t('dataProblemWhereDay', m[1]!, p.day, field) : t('dataProblemWhere', m[1]!, field);
}

export function BackupSection() {
  const journal = pageJournal();
  const [exportMsg, setExportMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [mode, setMode] = useState<ConflictMode>('newer');
  const [exporting, setExporting] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const doExport = async (kind: 'json' | 'csv') => {
    try {
      const start = performance.now();
      setExporting(true);
      setExportMsg({ kind: 'ok', text: t('dataExporting', 0) });
      const { parts, days } = await exportParts(journal, kind, await loadSettings(), new Date(), (n) =>
        setExportMsg({ kind: 'ok', text: t('dataExporting', n) }),
      );
      const name = backupFileName(kind);
      download(parts, name, kind === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
      measureSince(`export-${kind}`, start);
      setExportMsg({ kind: 'ok', text: t('dataExported', name, days) });
    } catch (err) {
      setExportMsg({ kind: 'error', text: t('dataErrUnexpected', (err as Error).message) });
    } finally {
      setExporting(false);
    }
  };

  // The palette's "Export a backup (JSON)" / "(CSV)".
  usePageCommand((c) => {
    if (c.type !== 'export') return false;
    void doExport(c.kind);
    return true;
  });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const fileName = file.name;
    setState({ step: 'working', progress: null, fileName });
    try {
      const start = performance.now();
      const checked = await checkImportFile(file, (progress) =>
        setState({ step: 'working', progress, fileName }),
      );
      measureSince('import-check', start);
      const previewStart = performance.now();
      const preview = await previewImport(journal, checked);
      measureSince('import-preview', previewStart);
      setMode(preview.journalEmpty ? 'replace' : 'newer');
      setState({ step: 'preview', checked, preview, fileName });
    } catch (err) {
      if (err instanceof ImportError)
        setState({ step: 'problems', problems: err.problems, total: err.total, fileName });
      else
        setState({
          step: 'problems',
          problems: [{ path: '(file)', message: t('dataErrUnexpected', (err as Error).message) }],
          total: 1,
          fileName,
        });
    }
  };

  const confirmImport = async () => {
    if (state.step !== 'preview') return;
    const { checked, fileName } = state;
    setState({ step: 'working', progress: null, fileName });
    try {
      const start = performance.now();
      const result = await applyImport(journal, checked, mode, (progress) =>
        setState({ step: 'working', progress, fileName }),
      );
      measureSince('import-write', start);
      setState({ step: 'done', result, fileName });
    } catch (err) {
      const message =
        err instanceof ValidationError
          ? err.problems.map((p) => p.message).join(' ')
          : err instanceof StorageError
            ? err.message
            : t('dataErrUnexpected', (err as Error).message);
      setState({ step: 'problems', problems: [{ path: '(file)', message }], total: 1, fileName });
    }
  };

  const reset = () => {
    setState({ step: 'idle' });
    if (fileRef.current) fileRef.current.value = '';
  };

  return (
    <div class="backup">
      <section class="backup-part" aria-labelledby="bk-export-h">
        <h3 id="bk-export-h">{t('dataExportTitle')}</h3>
        <p class="muted">{t('dataExportHint')}</p>
        <div class="row-buttons">
          <button type="button" class="primary" disabled={exporting} onClick={() => void doExport('json')}>
            {t('dataExportJson')}
          </button>
          <button type="button" disabled={exporting} onClick={() => void doExport('csv')}>
            {t('dataExportCsv')}
          </button>
        </div>
        <div role="status" aria-live="polite">
          {exportMsg && <p class={`notice ${exportMsg.kind === 'ok' ? 'ok' : 'error'}`}>{exportMsg.text}</p>}
        </div>
      </section>

      <section class="backup-part" aria-labelledby="bk-import-h">
        <h3 id="bk-import-h">{t('dataImportTitle')}</h3>
        <p class="muted">{t('dataImportHint')}</p>
        <div class="field">
          <label for="bk-file">{t('dataChooseFile')}</label>
          <input
            id="bk-file"
            ref={fileRef}
            type="file"
            accept=".json,.csv,application/json,text/csv"
            disabled={state.step === 'working'}
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </div>
        <div class="backup-import-state" role="status" aria-live="polite">
          {state.step === 'working' && <Progress progress={state.progress} />}
          {state.step === 'done' && (
            <div class="notice ok" data-testid="import-done">
              <p>
                {[
                  t('dataImportDone', state.result.written),
                  state.result.kept ? t('dataImportKept', state.result.kept) : '',
                  state.result.removed ? t('dataImportRemoved', state.result.removed) : '',
                  state.result.settingsApplied ? t('dataImportSettingsApplied') : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
              </p>
              <button type="button" onClick={reset}>
                {t('dataOk')}
              </button>
            </div>
          )}
        </div>
        {state.step === 'problems' && (
          <div class="notice error backup-problems" role="alert" data-testid="import-problems">
            <p>
              <strong>{t('dataImportRefused', state.fileName)}</strong>
            </p>
            <p>{t('dataProblemsCount', state.total, Math.min(SHOWN_PROBLEMS, state.problems.length))}</p>
            <ol>
              {state.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <li key={i}>
                  <span class="problem-where">{where(p)}</span>: {p.message}
                </li>
              ))}
            </ol>
            <button type="button" onClick={reset}>
              {t('dataOk')}
            </button>
          </div>
        )}
        {state.step === 'preview' && (
          <PreviewPanel
            preview={state.preview}
            fileName={state.fileName}
            mode={mode}
            setMode={setMode}
            onConfirm={() => void confirmImport()}
            onCancel={reset}
          />
        )}
      </section>

      <Persistence />
      <DeleteAll />
    </div>
  );
}

function Progress({ progress }: { progress: ImportProgress | null }) {
  const label = !progress
    ? t('dataReading')
    : progress.phase === 'checking'
      ? t('dataChecking', progress.done, progress.total)
      : t('dataWriting', progress.done, progress.total);
  return (
    <div class="backup-progress">
      <label for="bk-progress">{label}</label>
      <progress id="bk-progress" max={progress?.total || 1} value={progress ? progress.done : undefined} />
    </div>
  );
}

function PreviewPanel(props: {
  preview: ImportPreview;
  fileName: string;
  mode: ConflictMode;
  setMode: (m: ConflictMode) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { preview: p, mode, setMode } = props;
  const tooMany = mode !== 'replace' && p.activeAfterMerge > 5;
  const modes: ConflictMode[] = ['newer', 'mine', 'replace'];
  return (
    <div class="backup-preview" data-testid="import-preview">
      <h4>{t('dataPreviewTitle', props.fileName)}</h4>
      <p class="backup-summary">
        {t('dataPreviewSummary', p.days, p.conflicts)}
        {p.kind === 'csv' ? ` ${t('dataPreviewCsv')}` : ''}
      </p>
      <ul class="backup-counts">
        <li>{t('dataPreviewNew', p.newDays)}</li>
        <li>{t('dataPreviewSame', p.sameDays)}</li>
        <li>
          {t('dataPreviewConflicts', p.conflicts, p.fileNewer)}
          {p.conflictDates.length > 0 &&
            ` (${p.conflictDates.join(', ')}${p.conflicts > p.conflictDates.length ? ', …' : ''})`}
        </li>
        <li>{t('dataPreviewOnlyMine', p.onlyInJournal)}</li>
      </ul>
      {!p.journalEmpty && (
        <fieldset class="backup-modes">
          <legend>{t('dataModeLegend')}</legend>
          {modes.map((m) => (
            <label key={m}>
              <input type="radio" name="bk-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />{' '}
              <strong>{t(`dataMode_${m}`)}</strong>{' '}
              <span class="muted">
                {m === 'replace'
                  ? t(p.kind === 'csv' ? 'dataModeHint_replaceCsv' : 'dataModeHint_replace', p.onlyInJournal)
                  : t(`dataModeHint_${m}`)}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {tooMany && <p class="notice warn">{t('dataErrMergeTooManyActive', p.activeAfterMerge, 5)}</p>}
      <div class="row-buttons">
        <button type="button" class="primary" disabled={tooMany} onClick={props.onConfirm}>
          {t('dataImportConfirm', p.days)}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('dataCancel')}
        </button>
      </div>
    </div>
  );
}

function Persistence() {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [usage, setUsage] = useState<number | null>(null);
  const supported = typeof navigator !== 'undefined' && !!navigator.storage?.persist;
  useEffect(() => {
    if (!supported) return;
    void navigator.storage.persisted().then(setPersisted);
    void navigator.storage.estimate?.().then((e) => setUsage(e.usage ?? null));
  }, [supported]);
  const ask = async () => {
    setPersisted(await navigator.storage.persist());
  };
  return (
    <section class="backup-part" aria-labelledby="bk-persist-h">
      <h3 id="bk-persist-h">{t('dataPersistTitle')}</h3>
      <p class="muted">{t('dataPersistHint')}</p>
      <p role="status" data-testid="persist-status">
        {!supported
          ? t('dataPersistUnsupported')
          : persisted === null
            ? t('dataLoading')
            : persisted
              ? t('dataPersistYes')
              : t('dataPersistNo')}
        {usage !== null && ` ${t('dataUsage', (usage / 1024 / 1024).toFixed(1))}`}
      </p>
      {supported && persisted === false && (
        <button type="button" onClick={() => void ask()}>
          {t('dataPersistAsk')}
        </button>
      )}
    </section>
  );
}

function DeleteAll() {
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
