/**
 * Backups that happen (issue #11).
 *
 *   backupState (storage.local "backupState")   when the last backup was made (any JSON export, by hand or
 *                                               automatic), the automatic backup's switch and how many files to keep,
 *                                               and the files it made (download ids), newest last.
 *   runAutoBackup()                             weekly: the whole journal as a dated JSON file in a "PT Journal"
 *                                               folder of the downloads directory, via the downloads API; then the
 *                                               oldest of its own files beyond `keep` are deleted.
 *
 * The `downloads` permission is OPTIONAL (wxt.config.ts optional_permissions): asked for only when the person turns
 * the automatic backup on, and checked before each run (it can be withdrawn in the browser's settings).
 *
 * Honest limits (docs/backup.md): downloads.removeFile deletes a file only while the browser still knows the
 * download (it is in the download list and was not moved or deleted by hand); files it cannot delete stay on disk.
 * Chrome's background service worker has no Blob URLs, so the file goes as a data: URL there, which Chrome caps at
 * 2 MB (about eight years of full daily check-ins): a bigger journal is reported, and a manual export still works.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { Journal } from '../db/journal';
import { daysBetween, isDay, localDay } from '../dates';
import { exclusive, loadSettings } from '../settings';
import { exportParts, backupFileName } from './export';

export const BACKUP_STATE_KEY = 'backupState';
export const AUTO_BACKUP_ALARM = 'pt-journal:auto-backup';
export const AUTO_BACKUP_DAYS = 7;
export const BACKUP_NUDGE_DAYS = 30;
export const AUTO_FOLDER = 'PT Journal';
const DATA_URL_LIMIT = 2 * 1024 * 1024 - 64;

const BackupStateSchema = v.object({
  lastBackupAt: v.nullable(v.string()),
  auto: v.object({
    enabled: v.boolean(),
    keep: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(52)),
  }),
  files: v.array(v.object({ id: v.number(), name: v.string(), at: v.string() })),
  lastAutoAt: v.nullable(v.string()),
  /** Why the last automatic run did not make a file: "permission", "too-big", or the browser's error. */
  lastError: v.nullable(v.string()),
});
export type BackupState = v.InferOutput<typeof BackupStateSchema>;

export const DEFAULT_BACKUP_STATE: BackupState = {
  lastBackupAt: null,
  auto: { enabled: false, keep: 5 },
  files: [],
  lastAutoAt: null,
  lastError: null,
};

export async function loadBackupState(): Promise<BackupState> {
  const got = await browser.storage.local.get(BACKUP_STATE_KEY);
  const r = v.safeParse(BackupStateSchema, got[BACKUP_STATE_KEY]);
  return r.success ? r.output : structuredClone(DEFAULT_BACKUP_STATE);
}

/** Read-modify-write under a lock shared by every context (the page and the background both record backups). */
export function updateBackupState(change: (s: BackupState) => BackupState): Promise<BackupState> {
  return exclusive('backup-state', async () => {
    const next = change(await loadBackupState());
    await browser.storage.local.set({ [BACKUP_STATE_KEY]: next });
    return next;
  });
}

/** A JSON export was saved (by hand or automatically). */
export function recordBackup(at = new Date()): Promise<BackupState> {
  return updateBackupState((s) => ({ ...s, lastBackupAt: at.toISOString() }));
}

/**
 * Calendar days since the last backup (local days, like every day in the journal); null when there never was one.
 * Counted by day, not by 24-hour periods: a backup at 23:00 was "1 day ago" the next morning, not "today", and a
 * DST change never makes 30 days 29.
 */
export function daysSinceBackup(state: BackupState, now = new Date()): number | null {
  if (!state.lastBackupAt) return null;
  const days = daysSince(state.lastBackupAt, now);
  return Number.isNaN(days) ? null : Math.max(0, days);
}

/** Local calendar days from the moment `iso` to `now` (negative if the clock went back; NaN if not a usable moment). */
function daysSince(iso: string, now: Date): number {
  const [from, to] = [localDay(new Date(Date.parse(iso))), localDay(now)];
  return isDay(from) && isDay(to) ? daysBetween(from, to) : NaN;
}

/**
 * Whether to show the gentle prompt: no backup for BACKUP_NUDGE_DAYS, or none ever while the journal is older than
 * that (a new journal is not nagged about on its first day).
 */
export function backupDue(state: BackupState, firstDay: string | null, now = new Date()): boolean {
  const since = daysSinceBackup(state, now);
  if (since !== null) return since >= BACKUP_NUDGE_DAYS;
  if (!firstDay || !isDay(firstDay)) return false;
  return daysBetween(firstDay, localDay(now)) >= BACKUP_NUDGE_DAYS;
}

function toDataUrl(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:application/json;base64,${btoa(bin)}`;
}

export type AutoBackupOutcome = 'saved' | 'not-due' | 'off' | 'permission' | 'too-big' | 'failed';

/**
 * Makes the automatic backup when it is on and due (or `force`: the person just turned it on). Never throws: the
 * outcome is returned and any failure is kept in lastError for the options page to show.
 */
export async function runAutoBackup(
  journal: Journal,
  opts: { now?: Date; force?: boolean } = {},
): Promise<AutoBackupOutcome> {
  const now = opts.now ?? new Date();
  const state = await loadBackupState();
  if (!state.auto.enabled) return 'off';
  // A week in local calendar days (the files are named by day): a DST change never makes the seventh day "not due".
  if (!opts.force && state.lastAutoAt && daysSince(state.lastAutoAt, now) < AUTO_BACKUP_DAYS)
    return 'not-due';
  const fail = async (why: AutoBackupOutcome, detail: string = why) => {
    await updateBackupState((s) => ({ ...s, lastError: detail }));
    return why;
  };
  try {
    if (!browser.downloads || !(await browser.permissions.contains({ permissions: ['downloads'] })))
      return await fail('permission');
    const { parts } = await exportParts(journal, 'json', await loadSettings(), now);
    const name = `${AUTO_FOLDER}/${backupFileName('json', now)}`;
    let url: string;
    let revoke = () => {};
    if (typeof URL.createObjectURL === 'function') {
      url = URL.createObjectURL(new Blob(parts, { type: 'application/json' }));
      revoke = () => setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } else {
      url = toDataUrl(parts.join(''));
      if (url.length > DATA_URL_LIMIT) return await fail('too-big');
    }
    const id = await browser.downloads.download({
      url,
      filename: name,
      conflictAction: 'uniquify',
      saveAs: false,
    });
    revoke();
    const next = await updateBackupState((s) => ({
      ...s,
      lastBackupAt: now.toISOString(),
      lastAutoAt: now.toISOString(),
      lastError: null,
      files: [...s.files, { id, name, at: now.toISOString() }],
    }));
    await pruneOldFiles(next);
    return 'saved';
  } catch (err) {
    return fail('failed', (err as Error)?.message ?? String(err));
  }
}

/** Deletes the automatic backup's own oldest files beyond `keep`, where the browser still can (see file comment). */
async function pruneOldFiles(state: BackupState): Promise<void> {
  const extra = state.files.slice(0, Math.max(0, state.files.length - state.auto.keep));
  if (!extra.length) return;
  for (const f of extra) {
    try {
      await browser.downloads.removeFile(f.id);
    } catch {
      // already deleted or moved by the person, or the browser forgot it: nothing more we can do
    }
    try {
      await browser.downloads.erase({ id: f.id });
    } catch {
      // not in the list any more
    }
  }
  const gone = new Set(extra.map((f) => f.id));
  await updateBackupState((s) => ({ ...s, files: s.files.filter((f) => !gone.has(f.id)) }));
}

/** Background wiring: a 6-hourly alarm checks whether the weekly backup is due (the worker may sleep in between). */
export function registerAutoBackup(journal: Journal): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_BACKUP_ALARM) void runAutoBackup(journal);
  });
  void browser.alarms.get(AUTO_BACKUP_ALARM).then((a) => {
    if (!a) void browser.alarms.create(AUTO_BACKUP_ALARM, { periodInMinutes: 360, delayInMinutes: 1 });
  });
}
