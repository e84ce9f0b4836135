/**
 * Options section "Backup and restore". Export downloads a file made on the device (Blob URL + <a download>, no
 * network). Import goes: choose file -> size check (50 MB) -> read and validate everything, with progress ->
 * preview with the conflict choice -> one transaction. Any problem lists what and where, and nothing changes.
 * Also (./backup/): when the last backup was made and the automatic weekly backup, asking the browser to keep the
 * journal (storage.persist), and "Delete all data" behind a type-to-confirm step.
 */
import { useRef, useState } from 'preact/hooks';
import { pageJournal, StorageError } from '@/utils/db/journal';
import { ValidationError } from '@/utils/journal/schema';
import { loadSettings } from '@/utils/settings';
import { backupFileName, exportParts } from '@/utils/backup/export';
import { download } from '@/utils/backup/download';
import { recordBackup } from '@/utils/backup/auto';
import {
  ImportConflictError,
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
import { PreviewPanel, ProblemsPanel, Progress } from './backup/ImportPanels';
import { AutoBackup } from './backup/AutoBackup';
import { Persistence } from './backup/Persistence';
import { DeleteAll } from './backup/DeleteAll';
import { timer } from '@/utils/perf';
import './Backup.css';

type ImportState =
  | { step: 'idle' }
  | { step: 'working'; progress: ImportProgress | null; fileName: string }
  | { step: 'preview'; checked: CheckedImport; preview: ImportPreview; fileName: string }
  | { step: 'problems'; problems: ImportProblem[]; total: number; fileName: string }
  | { step: 'done'; result: ImportResult; fileName: string };

export function BackupSection() {
  const journal = pageJournal();
  const [exportMsg, setExportMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [mode, setMode] = useState<ConflictMode>('newer');
  const [exporting, setExporting] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const doExport = async (kind: 'json' | 'csv') => {
    try {
      const done = timer(`export-${kind}`);
      setExporting(true);
      setExportMsg({ kind: 'ok', text: t('dataExporting', 0) });
      const { parts, days } = await exportParts(journal, kind, await loadSettings(), new Date(), (n) =>
        setExportMsg({ kind: 'ok', text: t('dataExporting', n) }),
      );
      const name = backupFileName(kind);
      download(parts, name, kind === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
      done();
      // A JSON file is a whole backup ("Last backup: …"); a CSV carries days only.
      if (kind === 'json') void recordBackup().catch(() => {});
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
      const checkDone = timer('import-check');
      const checked = await checkImportFile(file, (progress) =>
        setState({ step: 'working', progress, fileName }),
      );
      checkDone();
      const previewDone = timer('import-preview');
      const preview = await previewImport(journal, checked);
      previewDone();
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
    const { checked, fileName, preview } = state;
    setState({ step: 'working', progress: null, fileName });
    try {
      const writeDone = timer('import-write');
      const result = await applyImport(
        journal,
        checked,
        mode,
        (progress) => setState({ step: 'working', progress, fileName }),
        preview,
      );
      writeDone();
      setState({ step: 'done', result, fileName });
    } catch (err) {
      const message =
        err instanceof ValidationError
          ? err.problems.map((p) => p.message).join(' ')
          : err instanceof StorageError || err instanceof ImportConflictError
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
        <AutoBackup />
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
          <ProblemsPanel
            fileName={state.fileName}
            problems={state.problems}
            total={state.total}
            onOk={reset}
          />
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
