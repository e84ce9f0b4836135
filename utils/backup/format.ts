/**
 * The JSON backup format, version 1 (docs/backup.md; issue #2):
 *
 *   { format: "pt-journal-backup", version: 1, exportedAt, profile, settings, entries: Entry[] }
 *
 * Each part is checked with the journal's own schemas (utils/journal/schema.ts, utils/settings.ts). The envelope is
 * checked first and the entries one by one afterwards (utils/backup/import.ts), so a 100,000-day file can be checked
 * in slices without freezing the page, and every problem points at its entry index and field.
 */
import * as v from 'valibot';
import { IsoTimestamp, ProfileSchema, type Entry, type Profile } from '../journal/schema';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsSchema, type Settings } from '../settings';
import { t } from '../i18n';

export const BACKUP_FORMAT = 'pt-journal-backup';
export const BACKUP_VERSION = 1;
/** Bigger files are refused before reading: ten years of full entries take about 2 MB, so 50 MB is never a journal. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  profile: Profile;
  /** Optional on import (the journal's own settings are then kept); always written on export. */
  settings: Settings;
  entries: Entry[];
}

/**
 * Settings in a backup: optional (issue #11; a hand-made or older file may have none, and the journal's own settings
 * are then kept), and so is each section of them (a missing section takes its default). Present values are checked
 * with the settings' own schema.
 */
const S = SettingsSchema.entries;
export const BackupSettingsSchema = v.pipe(
  v.strictObject(
    {
      version: v.literal(SETTINGS_VERSION, () => t('dataErrSettingsVersion')),
      reminder: v.optional(S.reminder),
      badge: v.optional(S.badge),
      caution: v.optional(S.caution),
    },
    () => t('errUnknownField'),
  ),
  v.transform((s): Settings => ({
    version: SETTINGS_VERSION,
    reminder: s.reminder ?? DEFAULT_SETTINGS.reminder,
    badge: s.badge ?? DEFAULT_SETTINGS.badge,
    caution: s.caution ?? DEFAULT_SETTINGS.caution,
  })),
);

/** Everything but the entries, which are checked separately (in slices). */
export const EnvelopeSchema = v.strictObject(
  {
    format: v.literal(BACKUP_FORMAT, () => t('dataErrFormat')),
    version: v.literal(BACKUP_VERSION, () => t('dataErrVersion')),
    exportedAt: IsoTimestamp,
    profile: ProfileSchema,
    settings: v.optional(BackupSettingsSchema),
    entries: v.array(v.unknown(), () => t('dataErrEntriesList')),
  },
  () => t('errUnknownField'),
);

/** How an import treats a day that exists both in the journal and in the file. */
export type ConflictMode = 'newer' | 'mine' | 'replace';
