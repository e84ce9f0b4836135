/**
 * The IndexedDB database "pt-journal" (Dexie). Every schema version ever shipped stays declared in VERSIONS, in
 * order; a new version appends { stores, upgrade } and a migration test from a fixture of the previous shape
 * (tests/unit/db-migrations.test.ts checks there is one per version).
 *
 *   entries     one row per local calendar day, key "date"
 *   activities  PSFS activities (max 5 active; archived ones keep their history)
 *   exercises   the person's exercises, from their clinician or found online
 *   meta        small records by key: "profile" ({ ptStartDate, surgeryDate })
 *   series      (version 2) the dashboard's copy of the per-day values, kept by the data layer: ./series.ts
 */
import Dexie, { type Table } from 'dexie';
import type { Activity, Entry, Exercise } from '../journal/schema';
import type { SeriesRow } from './series';

export interface MetaRow {
  key: string;
  value: unknown;
}

export { DB_NAME, VERSIONS, type SchemaVersion } from './versions';
import { DB_NAME, VERSIONS, type SchemaVersion } from './versions';

/** True when the open database was written by a NEWER PT Journal (Dexie stores version n as native version 10n). */
export function isNewerSchema(db: Dexie, versions: SchemaVersion[] = VERSIONS): boolean {
  return Math.floor(db.backendDB().version / 10) > (versions.at(-1)?.version ?? 1);
}

export class JournalDB extends Dexie {
  entries!: Table<Entry, string>;
  activities!: Table<Activity, string>;
  exercises!: Table<Exercise, string>;
  meta!: Table<MetaRow, string>;
  series!: Table<SeriesRow, string>;

  constructor(name = DB_NAME, versions: SchemaVersion[] = VERSIONS) {
    super(name);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
