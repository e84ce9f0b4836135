/**
 * Export: the whole journal as the JSON backup format (lossless) or as CSV (one row per day, for spreadsheets).
 * Both read profile and entries in one read transaction so the file is a consistent snapshot.
 */
import type { Journal } from '../db/journal';
import type { Entry, Profile } from '../journal/schema';
import type { Settings } from '../settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './format';
import { entriesToCsv } from './csv';

export async function snapshot(journal: Journal): Promise<{ profile: Profile; entries: Entry[] }> {
  const db = journal.db;
  return db.transaction('r', [db.entries, db.activities, db.exercises, db.meta], async () => ({
    profile: await journal.getProfile(),
    entries: await journal.listEntries(),
  }));
}

export async function buildBackup(journal: Journal, settings: Settings, now = new Date()): Promise<Backup> {
  const { profile, entries } = await snapshot(journal);
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), profile, settings, entries };
}

/**
 * JSON text with one entry per line: still one valid JSON document, but readable and diff-friendly, and about half
 * the size of an indented dump.
 */
export function backupToJson(backup: Backup): string {
  const { entries, ...rest } = backup;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const body = entries.map((e) => JSON.stringify(e)).join(',\n    ');
  return `${head},\n  "entries": [${entries.length ? `\n    ${body}\n  ` : ''}]\n}\n`;
}

export function backupToCsv(backup: Pick<Backup, 'entries' | 'profile'>): string {
  return entriesToCsv(backup.entries, backup.profile);
}

export function backupFileName(kind: 'json' | 'csv', now = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return kind === 'json' ? `pt-journal-backup-${day}.json` : `pt-journal-${day}.csv`;
}
