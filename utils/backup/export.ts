/**
 * Export: the whole journal as the JSON backup format (lossless) or as CSV (one row per day, for spreadsheets).
 *
 * exportParts() is what the page uses: it reads the days in slices of EXPORT_CHUNK inside ONE read transaction (a
 * consistent snapshot) and turns each slice into text as it arrives, so 100,000 days never become one long task
 * (reading them all at once costs seconds of main thread). The parts go straight into a Blob, never concatenated.
 */
import { Journal } from '../db/journal';
import type { Entry, Profile } from '../journal/schema';
import type { Settings } from '../settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './format';
import { csvHeader, csvRows, entriesToCsv } from './csv';

export const EXPORT_CHUNK = 2000;

export async function snapshot(journal: Journal): Promise<{ profile: Profile; entries: Entry[] }> {
  const db = Journal.tables(journal);
  return db.transaction('r', [db.entries, db.activities, db.exercises, db.meta], async () => ({
    profile: await journal.getProfile(),
    entries: await journal.listEntries(),
  }));
}

export async function buildBackup(journal: Journal, settings: Settings, now = new Date()): Promise<Backup> {
  const { profile, entries } = await snapshot(journal);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    profile,
    settings,
    entries,
  };
}

function jsonHead(rest: Omit<Backup, 'entries'>): string {
  return `${JSON.stringify(rest, null, 2).replace(/\n}$/, '')},\n  "entries": [`;
}
const jsonEntries = (entries: readonly Entry[], first: boolean) =>
  (first ? '\n    ' : ',\n    ') + entries.map((e) => JSON.stringify(e)).join(',\n    ');
const jsonTail = (any: boolean) => `${any ? '\n  ' : ''}]\n}\n`;

/**
 * JSON text with one entry per line: still one valid JSON document, but readable and diff-friendly, and about half
 * the size of an indented dump.
 */
export function backupToJson(backup: Backup): string {
  const { entries, ...rest } = backup;
  return jsonHead(rest) + (entries.length ? jsonEntries(entries, true) : '') + jsonTail(entries.length > 0);
}

export function backupToCsv(backup: Pick<Backup, 'entries' | 'profile'>): string {
  return entriesToCsv(backup.entries, backup.profile);
}

/** The export file as text parts (same bytes as backupToJson / backupToCsv of the whole journal). */
export async function exportParts(
  journal: Journal,
  kind: 'json' | 'csv',
  settings: Settings,
  now = new Date(),
  onProgress?: (days: number) => void,
): Promise<{ parts: string[]; days: number }> {
  const db = Journal.tables(journal);
  return db.transaction('r', [db.entries, db.activities, db.exercises, db.meta], async () => {
    const profile = await journal.getProfile();
    const parts: string[] = [
      kind === 'json'
        ? jsonHead({
            format: BACKUP_FORMAT,
            version: BACKUP_VERSION,
            exportedAt: now.toISOString(),
            profile,
            settings,
          })
        : csvHeader(profile),
    ];
    let days = 0;
    let last: string | undefined;
    for (;;) {
      const coll = last === undefined ? db.entries.orderBy('date') : db.entries.where('date').above(last);
      const chunk = await coll.limit(EXPORT_CHUNK).toArray();
      if (!chunk.length) break;
      parts.push(kind === 'json' ? jsonEntries(chunk, days === 0) : csvRows(chunk, profile));
      days += chunk.length;
      last = chunk[chunk.length - 1]!.date;
      onProgress?.(days);
      if (chunk.length < EXPORT_CHUNK) break;
    }
    if (kind === 'json') parts.push(jsonTail(days > 0));
    return { parts, days };
  });
}

export function backupFileName(kind: 'json' | 'csv', now = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return kind === 'json' ? `pt-journal-backup-${day}.json` : `pt-journal-${day}.csv`;
}
