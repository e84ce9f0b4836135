/**
 * The data layer: the only code that reads or writes the journal. Pages call its methods; its Dexie instance stays
 * private (this folder is the only importer of Dexie, eslint keeps it so).
 *
 *   pages ──► Journal reads (getEntry, bounds, readRange, historyPage, countEntries, firstEntries, getProfile,
 *             dayColumns: the dashboard's per-day values, a copy every entries write keeps current, ./series.ts)
 *         ──► Journal writes (saveEntry, deleteEntry, profile) ──► onChange ──► background (badge, reminders)
 *   useLiveQuery (components/useLiveQuery.ts) ──► watch(query) ──► re-runs when the tables a read touched change,
 *                                                                 in this page or another extension page
 *
 * Every write is validated against utils/journal/schema.ts whatever the UI did, runs in one transaction, and turns
 * storage failures (a full disk) into a clear StorageError with nothing changed. `onChange` lets the entrypoint tell
 * other contexts (badge, open dashboard) about a write.
 */
import { JournalDB } from './database';
import {
  ActivitySchema,
  EMPTY_PROFILE,
  EntrySchema,
  ExerciseSchema,
  MAX_ACTIVE_ACTIVITIES,
  ValidationError,
  compactEntry,
  newId,
  parseOrThrow,
  type Activity,
  type Entry,
  type Exercise,
  type Profile,
} from '../journal/schema';
import { isAllowedEntryDay, isDay, localDay, type Day } from '../dates';
import { t } from '../i18n';
import { sendMessage } from '../messages';
import { ConflictError } from './errors';
import { guardWrite } from './guard';
import { openDatabase } from './open';
import { READ_CHUNK, historyPage, readRange } from './reads';
import { unknownReferences } from './references';
import type { EntryInput, JournalOptions } from './types';
import { clearSnapshot } from './snapshot';
import { dayColumns, noteEntriesWritten } from './series';
import type { DayColumns } from '../journal/day-columns';

export { ConflictError, DatabaseUnavailableError } from './errors';
export { StorageError, guardWrite } from './guard';
export { READ_CHUNK } from './reads';
export type { EntryInput, JournalOptions } from './types';
export { watch } from './watch';

export class Journal {
  constructor(
    private readonly db: JournalDB = new JournalDB(),
    private readonly options: JournalOptions = {},
  ) {}

  /**
   * The Dexie tables, for the data layer's own bulk modules (utils/backup walks every table in one transaction) and
   * for tests. Pages never call it: eslint forbids it outside utils/ and tests/.
   */
  static tables(journal: Journal): JournalDB {
    return journal.db;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private changed(what: 'entries' | 'profile'): void {
    try {
      this.options.onChange?.(what);
    } catch {
      // a listener's failure never undoes a saved check-in
    }
  }

  // ---- entries -------------------------------------------------------------------------------------------------

  getEntry(date: Day): Promise<Entry | undefined> {
    return this.db.entries.get(date);
  }

  /** Entries between two days inclusive (all when omitted), oldest first. */
  listEntries(from?: Day, to?: Day): Promise<Entry[]> {
    if (from && to) return this.db.entries.where('date').between(from, to, true, true).toArray();
    if (from) return this.db.entries.where('date').aboveOrEqual(from).toArray();
    if (to) return this.db.entries.where('date').belowOrEqual(to).toArray();
    return this.db.entries.orderBy('date').toArray();
  }

  /** The first `n` logged days, oldest first (the baseline week), read through the date key. */
  firstEntries(n: number): Promise<Entry[]> {
    return this.db.entries.orderBy('date').limit(n).toArray();
  }

  /** The first and last logged day (null when the journal is empty): two key reads, whatever the journal's size. */
  async bounds(): Promise<{ first: Day | null; last: Day | null }> {
    const [first, last] = await Promise.all([
      this.db.entries.orderBy('date').firstKey(),
      this.db.entries.orderBy('date').lastKey(),
    ]);
    return { first: (first as Day | undefined) ?? null, last: (last as Day | undefined) ?? null };
  }

  /** Entries from..to inclusive, oldest first, in chunks of `chunk` rows, never one long task (./reads.ts). */
  readRange(from: Day, to: Day, chunk = READ_CHUNK): Promise<Entry[]> {
    return readRange(this.db, from, to, chunk);
  }

  /** How many days are logged, all of them or only those after `after`. */
  countEntries(after?: Day): Promise<number> {
    return after === undefined ? this.db.entries.count() : this.db.entries.where('date').above(after).count();
  }

  /**
   * Page `page` (0 = newest) of `size` days, newest first, walking keys from the nearer end (./reads.ts). `totalHint`:
   * the count the caller already watches (a stale hint only shifts the page until the caller's count re-runs this).
   */
  historyPage(page: number, size: number, totalHint = 0): Promise<Entry[]> {
    return historyPage(this.db, page, size, totalHint);
  }

  /** Every day's chart values, first check-in to last: one row kept by every write (./series.ts). Safe in watch(). */
  dayColumns(): Promise<DayColumns> {
    return dayColumns(this.db);
  }

  /**
   * Opens the database (pages call it before enabling editing). Throws a DatabaseUnavailableError when it cannot be
   * opened: a newer schema (after a downgrade), an upgrade blocked by another tab for `timeoutMs`, a storage failure.
   */
  open(timeoutMs = 5000): Promise<void> {
    return openDatabase(this.db, timeoutMs);
  }

  /**
   * Creates or replaces the check-in of `input.date` (one per day: saving again edits it). Validates the whole entry,
   * and that rated activities and done exercises exist, before anything is written.
   *
   * Optimistic concurrency (issue #11): `base` is the updatedAt of the entry the editor started from (null when it
   * started from an empty day). When the stored day differs (saved meanwhile in another page, or by an import), it
   * throws a ConflictError carrying the stored entry, and nothing is written. `undefined` skips the check (tests, and
   * writes that carry their own updatedAt such as Undo). A new updatedAt is always later than the stored one, even if
   * the clock went back, so "keep the newer version" on import keeps the latest edit.
   */
  async saveEntry(input: EntryInput, base?: string | null): Promise<Entry> {
    const db = this.db;
    const entry = compactEntry(
      parseOrThrow(EntrySchema, { ...input, updatedAt: input.updatedAt ?? this.now().toISOString() }),
    );
    if (!isAllowedEntryDay(entry.date, localDay(this.now())))
      throw new ValidationError([{ path: 'date', message: t('dataErrFutureDay') }]);
    return guardWrite(() =>
      this.db.transaction('rw', [db.entries, db.activities, db.exercises, db.series], async () => {
        const stored = await this.db.entries.get(entry.date);
        if (base !== undefined && (stored?.updatedAt ?? null) !== base) throw new ConflictError(stored, base);
        if (input.updatedAt === undefined && stored && entry.updatedAt <= stored.updatedAt)
          entry.updatedAt = new Date(Date.parse(stored.updatedAt) + 1).toISOString();
        const problems = await unknownReferences(this.db, entry);
        if (problems.length) throw new ValidationError(problems);
        await this.db.entries.put(entry);
        await noteEntriesWritten(this.db, { before: stored, after: entry });
        return entry;
      }),
    ).then((saved) => {
      this.changed('entries');
      return saved;
    });
  }

  async deleteEntry(date: Day): Promise<Entry | undefined> {
    if (!isDay(date)) throw new ValidationError([{ path: 'date', message: t('errBadDay', 'date') }]);
    const old = await guardWrite(() =>
      this.db.transaction('rw', this.db.entries, this.db.series, async () => {
        const existing = await this.db.entries.get(date);
        await this.db.entries.delete(date);
        await noteEntriesWritten(this.db, { before: existing, after: undefined });
        return existing;
      }),
    );
    this.changed('entries');
    return old;
  }

  isLogged(date: Day = localDay(this.now())): Promise<boolean> {
    return this.db.entries.get(date).then((e) => e !== undefined);
  }

  // ---- profile: dates, activities, exercises ----------------------------------------------------------------------

  async getProfile(): Promise<Profile> {
    return this.db.transaction('r', this.db.meta, this.db.activities, this.db.exercises, async () => {
      const dates = ((await this.db.meta.get('profile'))?.value ?? {}) as Partial<Profile>;
      return {
        ptStartDate: dates.ptStartDate ?? EMPTY_PROFILE.ptStartDate,
        surgeryDate: dates.surgeryDate ?? EMPTY_PROFILE.surgeryDate,
        activities: await this.db.activities.orderBy('addedOn').toArray(),
        exercises: await this.db.exercises.orderBy('addedOn').toArray(),
      };
    });
  }

  async setDates(dates: { ptStartDate: Day | null; surgeryDate: Day | null }): Promise<void> {
    for (const key of ['ptStartDate', 'surgeryDate'] as const) {
      const value = dates[key];
      if (value !== null && !isDay(value))
        throw new ValidationError([{ path: key, message: t('errBadDay', key) }]);
    }
    await guardWrite(() =>
      this.db.meta.put({
        key: 'profile',
        value: { ptStartDate: dates.ptStartDate, surgeryDate: dates.surgeryDate },
      }),
    );
    this.changed('profile');
  }

  /** Adds or updates an activity; refuses a sixth active one. */
  async saveActivity(
    input: Omit<Activity, 'id' | 'addedOn' | 'archived'> & Partial<Activity>,
  ): Promise<Activity> {
    const activity = parseOrThrow(ActivitySchema, {
      id: input.id ?? newId(),
      name: input.name,
      addedOn: input.addedOn ?? localDay(this.now()),
      archived: input.archived ?? false,
    });
    const saved = await guardWrite(() =>
      this.db.transaction('rw', this.db.activities, async () => {
        if (!activity.archived) {
          const active = await this.db.activities.filter((a) => !a.archived && a.id !== activity.id).count();
          if (active >= MAX_ACTIVE_ACTIVITIES)
            throw new ValidationError([
              { path: 'activities', message: t('errTooManyActivities', MAX_ACTIVE_ACTIVITIES) },
            ]);
        }
        await this.db.activities.put(activity);
        return activity;
      }),
    );
    this.changed('profile');
    return saved;
  }

  async saveExercise(
    input: Omit<Exercise, 'id' | 'addedOn' | 'archived' | 'url'> & Partial<Exercise>,
  ): Promise<Exercise> {
    const exercise = parseOrThrow(ExerciseSchema, {
      id: input.id ?? newId(),
      name: input.name,
      source: input.source,
      url: input.url ?? null,
      addedOn: input.addedOn ?? localDay(this.now()),
      archived: input.archived ?? false,
    });
    await guardWrite(() => this.db.exercises.put(exercise));
    this.changed('profile');
    return exercise;
  }

  /** Removes an activity or exercise for good only if no entry refers to it; otherwise archives it. */
  removeActivity(id: string): Promise<'deleted' | 'archived'> {
    return this.removeUnlessUsed(this.db.activities, id, (e) => e.function?.[id] !== undefined);
  }

  removeExercise(id: string): Promise<'deleted' | 'archived'> {
    return this.removeUnlessUsed(this.db.exercises, id, (e) => e.exercisesDone?.includes(id) ?? false);
  }

  private async removeUnlessUsed(
    table: JournalDB['activities'] | JournalDB['exercises'],
    id: string,
    uses: (e: Entry) => boolean,
  ): Promise<'deleted' | 'archived'> {
    const result = await guardWrite(() =>
      this.db.transaction('rw', table, this.db.entries, async () => {
        if ((await this.db.entries.filter(uses).count()) === 0)
          return table.delete(id).then(() => 'deleted' as const);
        await (table as JournalDB['activities']).update(id, { archived: true });
        return 'archived' as const;
      }),
    );
    this.changed('profile');
    return result;
  }

  /** Deletes everything (used by "wipe" and by restore's replace mode). */
  async clearAll(): Promise<void> {
    await guardWrite(() =>
      this.db.transaction(
        'rw',
        [this.db.entries, this.db.activities, this.db.exercises, this.db.meta, this.db.series],
        async () => {
          await Promise.all([
            this.db.entries.clear(),
            this.db.activities.clear(),
            this.db.exercises.clear(),
            this.db.meta.clear(),
          ]);
          await noteEntriesWritten(this.db);
        },
      ),
    );
    this.changed('entries');
  }

  /**
   * Runs a bulk write (restoring a backup, utils/backup/import.ts) as ONE transaction over every table, with the same
   * storage-failure handling as other writes. The caller has validated everything before calling.
   */
  async bulkWrite<T>(write: (db: JournalDB) => Promise<T>): Promise<T> {
    const result = await guardWrite(() =>
      this.db.transaction(
        'rw',
        [this.db.entries, this.db.activities, this.db.exercises, this.db.meta, this.db.series],
        async () => {
          const result = await write(this.db);
          await noteEntriesWritten(this.db);
          return result;
        },
      ),
    );
    this.changed('entries');
    this.changed('profile');
    return result;
  }
}

let shared: Journal | undefined;

/** The journal of this extension context, created on first use. */
export function getJournal(options?: JournalOptions): Journal {
  shared ??= new Journal(new JournalDB(), options);
  return shared;
}

/**
 * The journal as used by extension pages (popup, options, welcome): every write tells the background
 * ("journal:changed") so the badge and reminders react at once.
 */
export function pageJournal(): Journal {
  return getJournal({
    onChange: (what) => {
      clearSnapshot(); // the popup's first picture (./snapshot.ts) may show what just changed
      // No background listening (e.g. while it restarts) resolves null: the badge also refreshes on its next alarm.
      void sendMessage('journal:changed', { what });
    },
  });
}
