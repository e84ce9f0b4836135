/**
 * The dashboard's first picture read with plain IndexedDB, without waiting for Dexie: the profile and the stored copy
 * of the per-day columns (./series.ts), in one read-only transaction on a connection closed right after it. It is only
 * a faster way to the same values as Journal.getProfile() and Journal.dayColumns(), and it never writes or creates
 * anything: whenever the database is not exactly what this version reads (none yet, an older or newer version, a copy
 * of the columns that is missing or fails its checks, any error), it returns null and the caller reads through the
 * data layer as before (which opens, upgrades, rebuilds the copy and reports failures: components/JournalGate.tsx).
 *
 *   indexedDB.open(name) at its current version ─► version = Dexie's 10 × our latest? ─► one transaction:
 *   meta "profile", activities and exercises by addedOn, series "rev" and "days", entries' count and first/last key
 *   ─► validColumns (the same test as readColumns) ─► { profile, columns } or null
 */
import { DB_NAME, VERSIONS } from './versions';
import { validColumns, type SeriesRow } from './series-check';
import type { DayColumns } from '../journal/day-columns';
import type { Day } from '../dates';
import type { Activity, Exercise, Profile } from '../journal/schema';

const STORES = ['meta', 'activities', 'exercises', 'series', 'entries'];

export interface FirstPicture {
  profile: Profile;
  columns: DayColumns;
}

/** A read in flight, and its result once it is in (so the page's first render can use it without waiting). */
export interface PendingPicture {
  promise: Promise<FirstPicture | null>;
  /** Set when the read is done (null: read through the data layer instead). */
  result?: { value: FirstPicture | null };
}

declare global {
  /**
   * The dashboard's first read, started by entrypoints/dashboard-read.ts (a small script the options page runs before
   * its main bundle has loaded) and taken by the Progress section (takeFirstPicture).
   */
  var __ptFirstPicture: PendingPicture | undefined;
}

/** Starts a first read whose result is also kept on the returned object when it arrives. */
export function startFirstPicture(
  read: () => Promise<FirstPicture | null> = readFirstPicture,
): PendingPicture {
  const pending: PendingPicture = { promise: read() };
  pending.promise = pending.promise.then((value) => ((pending.result = { value }), value));
  return pending;
}

/** The first read started before the page's main bundle (once), or a new one when there was none. */
export function takeFirstPicture(): PendingPicture {
  const early = globalThis.__ptFirstPicture;
  globalThis.__ptFirstPicture = undefined;
  return early ?? startFirstPicture();
}

export function readFirstPicture(
  idb: IDBFactory | undefined = globalThis.indexedDB,
  name = DB_NAME,
  schema = VERSIONS.at(-1)!.version,
): Promise<FirstPicture | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      // No version: the database is opened as it is, never upgraded by this read.
      req = idb!.open(name);
    } catch {
      return resolve(null);
    }
    // No database yet: opening would create an empty one; abort instead (the data layer creates it properly).
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = (e) => {
      e.preventDefault();
      resolve(null);
    };
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      // Never hold up the data layer's open or upgrade.
      db.onversionchange = () => db.close();
      const done = (value: FirstPicture | null) => {
        db.close();
        resolve(value);
      };
      // Dexie stores version n as native version 10n (utils/db/database.ts isNewerSchema).
      if (db.version !== schema * 10 || !STORES.every((s) => db.objectStoreNames.contains(s)))
        return done(null);
      let tx: IDBTransaction;
      try {
        tx = db.transaction(STORES, 'readonly');
      } catch {
        return done(null);
      }
      const got: Record<string, unknown> = {};
      const ask = (key: string, r: IDBRequest) => (r.onsuccess = () => void (got[key] = r.result));
      const askKey = (key: string, r: IDBRequest<IDBCursor | null>) =>
        (r.onsuccess = () => void (got[key] = r.result?.key));
      ask('profile', tx.objectStore('meta').get('profile'));
      ask('activities', tx.objectStore('activities').index('addedOn').getAll());
      ask('exercises', tx.objectStore('exercises').index('addedOn').getAll());
      ask('rev', tx.objectStore('series').get('rev'));
      ask('days', tx.objectStore('series').get('days'));
      const entries = tx.objectStore('entries');
      ask('count', entries.count());
      askKey('first', entries.openKeyCursor(null, 'next'));
      askKey('last', entries.openKeyCursor(null, 'prev'));
      tx.onabort = tx.onerror = (e) => {
        e.preventDefault();
        done(null);
      };
      tx.oncomplete = () => {
        const columns = validColumns(
          schema,
          { rev: got.rev as SeriesRow | undefined, days: got.days as SeriesRow | undefined },
          got.count as number,
          got.first as Day | undefined,
          got.last as Day | undefined,
        );
        if (!columns) return done(null);
        const dates = ((got.profile as { value?: Partial<Profile> } | undefined)?.value ??
          {}) as Partial<Profile>;
        done({
          profile: {
            // EMPTY_PROFILE's dates, as Journal.getProfile (not imported: schema.ts brings valibot).
            ptStartDate: dates.ptStartDate ?? null,
            surgeryDate: dates.surgeryDate ?? null,
            activities: got.activities as Activity[],
            exercises: got.exercises as Exercise[],
          },
          columns,
        });
      };
    };
  });
}
