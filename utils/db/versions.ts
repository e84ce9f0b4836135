/**
 * The database's name and every schema version ever shipped (./database.ts declares them to Dexie). Without Dexie, so
 * the dashboard's first read (./first-read.ts) can check the version before Dexie is loaded.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: { entries: 'date', activities: 'id, addedOn', exercises: 'id, addedOn', meta: 'key' },
  },
  {
    version: 2,
    stores: { series: 'key' },
    // Nothing to convert: the new store starts empty, and the first read builds the copy from the entries
    // (./series.ts), so opening a large journal after the update costs no more than before it.
    upgrade: () => {},
  },
];

export const DB_NAME = 'pt-journal';
