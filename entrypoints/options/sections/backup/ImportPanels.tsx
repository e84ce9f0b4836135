/**
 * The import's panels in the Backup section: progress while checking and writing, the problems a file has (entries
 * counted from 1, as people count), and the preview with the choice of what to do with days in both.
 */
import type { ConflictMode } from '@/utils/backup/format';
import type { ImportPreview, ImportProblem, ImportProgress } from '@/utils/backup/import';
import { t } from '@/utils/i18n';

const SHOWN_PROBLEMS = 10;

/** "entries[4].pain" -> "Entry 5 (2026-01-06), pain": the path counts from 0, people count from 1. */
export function where(p: ImportProblem): string {
  const m = /^entries\[(\d+)\]\.?(.*)$/.exec(p.path);
  if (!m) return p.path;
  const n = Number(m[1]) + 1;
  const field = m[2] || t('dataWholeEntry');
  return p.day ? t('dataProblemWhereDay', n, p.day, field) : t('dataProblemWhere', n, field);
}

export function ProblemsPanel(props: {
  fileName: string;
  problems: ImportProblem[];
  total: number;
  onOk: () => void;
}) {
  return (
    <div class="notice error backup-problems" role="alert" data-testid="import-problems">
      <p>
        <strong>{t('dataImportRefused', props.fileName)}</strong>
      </p>
      <p>{t('dataProblemsCount', props.total, Math.min(SHOWN_PROBLEMS, props.problems.length))}</p>
      <ol>
        {props.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
          <li key={i}>
            <span class="problem-where">{where(p)}</span>: {p.message}
          </li>
        ))}
      </ol>
      <button type="button" onClick={props.onOk}>
        {t('dataOk')}
      </button>
    </div>
  );
}

export function Progress({ progress }: { progress: ImportProgress | null }) {
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

export function PreviewPanel(props: {
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
