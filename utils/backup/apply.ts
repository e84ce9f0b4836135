/**
 * The last two steps of an import (utils/backup/import.ts checks the file first):
 *
 *   previewImport(...)    counts new / identical / conflicting days against the journal, nothing written; it also
 *                         remembers which days the journal had and their updatedAt (the preview's "seen" view).
 *   applyImport(...)      writes in ONE transaction (Journal.bulkWrite); a storage failure is a StorageError and the
 *                         transaction rolls back, so the journal is unchanged.
 *
 * Conflict modes: "newer" keeps, per day, the version with the later updatedAt; "mine" keeps the journal's day;
 * "replace" makes the journal equal to the file. In "newer"/"mine" activities and exercises are added when missing
 * (an existing one with the same id is kept) and PT/surgery dates only fill empty ones. A CSV file carries days only,
 * so importing it never removes activities or exercises and leaves dates and settings alone, even in "replace".
 * Settings from a JSON backup are applied in "replace" mode or when the journal was empty (a fresh restore), and only
 * when the file has them.
 *
 * Concurrency (issue #11): "newer" and "mine" compare each day inside the write transaction, so a day saved after the
 * preview is judged by its own updatedAt. "replace" would overwrite it blindly, so given the preview it first checks
 * that no day was added or changed since; if one was, it refuses (ImportConflictError) and nothing is written.
 */
import { Journal } from '../db/journal';
import { MAX_ACTIVE_ACTIVITIES, ValidationError, type Entry, type Profile } from '../journal/schema';
import { saveSettings } from '../settings';
import { t } from '../i18n';
import type { Day } from '../dates';
import type { ConflictMode } from './format';
import type { CheckedImport, OnProgress } from './import';

/** The journal changed between the preview and "Import": nothing was written. */
export class ImportConflictError extends Error {
  constructor(readonly day: Day | null) {
    super(t('dataErrChangedSincePreview', day ?? ''));
    this.name = 'ImportConflictError';
  }
}

// ---- preview ---------------------------------------------------------------------------------------------------

/** Same data, whatever the key order. */
export function sameEntry(a: Entry, b: Entry): boolean {
  return stableJson(a) === stableJson(b);
}
function stableJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stableJson).join(',')}]`;
  if (x && typeof x === 'object')
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(x);
}

export interface ImportPreview {
  /** Days in the file. */
  days: number;
  /** Days not yet in the journal. */
  newDays: number;
  /** Days in both, with identical data. */
  sameDays: number;
  /** Days in both with different data, and how many of them the file has the newer version of. */
  conflicts: number;
  fileNewer: number;
  /** A few conflicting dates, to show. */
  conflictDates: Day[];
  /** Days in the journal that "replace" would remove (not in a JSON file). */
  journalDays: number;
  onlyInJournal: number;
  journalEmpty: boolean;
  /** Active activities after a merge ("newer"/"mine"); more than 5 cannot be merged. */
  activeAfterMerge: number;
  kind: 'json' | 'csv';
  /** The journal's days and their updatedAt at preview time (for "replace"'s check that nothing changed since). */
  seen: { keys: Set<Day>; days: Map<Day, string> };
}

const READ_CHUNK = 2000;

export async function previewImport(journal: Journal, checked: CheckedImport): Promise<ImportPreview> {
  const db = Journal.tables(journal);
  const existingDates = new Set((await db.entries.toCollection().primaryKeys()) as string[]);
  const profile = await journal.getProfile();
  let newDays = 0;
  let sameDays = 0;
  let conflicts = 0;
  let fileNewer = 0;
  const conflictDates: Day[] = [];
  const seenDays = new Map<Day, string>();
  const inBoth = checked.entries.filter((e) => existingDates.has(e.date));
  newDays = checked.entries.length - inBoth.length;
  for (let i = 0; i < inBoth.length; i += READ_CHUNK) {
    const slice = inBoth.slice(i, i + READ_CHUNK);
    const mine = await db.entries.bulkGet(slice.map((e) => e.date));
    slice.forEach((e, k) => {
      const m = mine[k];
      if (m) seenDays.set(m.date, m.updatedAt);
      if (!m || sameEntry(m, e)) sameDays++;
      else {
        conflicts++;
        if (e.updatedAt > m.updatedAt) fileNewer++;
        if (conflictDates.length < 5) conflictDates.push(e.date);
      }
    });
  }
  const fileDates = new Set(checked.entries.map((e) => e.date));
  let onlyInJournal = 0;
  for (const d of existingDates) if (!fileDates.has(d)) onlyInJournal++;
  const merged = mergeById(profile.activities, checked.profile.activities);
  return {
    days: checked.entries.length,
    newDays,
    sameDays,
    conflicts,
    fileNewer,
    conflictDates,
    journalDays: existingDates.size,
    onlyInJournal,
    journalEmpty:
      existingDates.size === 0 && profile.activities.length === 0 && profile.exercises.length === 0,
    activeAfterMerge: merged.filter((a) => !a.archived).length,
    kind: checked.kind,
    seen: { keys: existingDates, days: seenDays },
  };
}

/** Existing items first (kept as they are), then the file's items whose id is new. */
function mergeById<T extends { id: string }>(mine: readonly T[], theirs: readonly T[]): T[] {
  const ids = new Set(mine.map((x) => x.id));
  return [...mine, ...theirs.filter((x) => !ids.has(x.id))];
}

// ---- apply -----------------------------------------------------------------------------------------------------

const WRITE_CHUNK = 2000;

export interface ImportResult {
  written: number;
  kept: number;
  removed: number;
  settingsApplied: boolean;
}

/**
 * Writes a checked import in one transaction. Nothing is written when it throws (ValidationError for a merge that
 * would leave more than 5 active activities, StorageError for a storage failure).
 */
export async function applyImport(
  journal: Journal,
  checked: CheckedImport,
  mode: ConflictMode,
  onProgress?: OnProgress,
  /** The preview the person confirmed: with "replace", the import is refused if the journal changed since. */
  since?: ImportPreview,
): Promise<ImportResult> {
  const fullReplace = mode === 'replace' && checked.kind === 'json';
  let journalWasEmpty = false;
  const result = await journal.bulkWrite(async (db) => {
    journalWasEmpty =
      (await db.entries.count()) === 0 &&
      (await db.activities.count()) === 0 &&
      (await db.exercises.count()) === 0;
    const total = checked.entries.length;
    const fileDates = new Set(checked.entries.map((e) => e.date));
    const countRemoved = async () =>
      ((await db.entries.toCollection().primaryKeys()) as string[]).filter((d) => !fileDates.has(d)).length;
    let removed = 0;
    if (mode === 'replace' && since) await unchangedSince(db, since);
    if (fullReplace) {
      removed = await countRemoved();
      await Promise.all([db.entries.clear(), db.activities.clear(), db.exercises.clear(), db.meta.clear()]);
      await db.activities.bulkPut(checked.profile.activities);
      await db.exercises.bulkPut(checked.profile.exercises);
      await db.meta.put({
        key: 'profile',
        value: { ptStartDate: checked.profile.ptStartDate, surgeryDate: checked.profile.surgeryDate },
      });
    } else {
      const activities = mergeById(await db.activities.toArray(), checked.profile.activities);
      const active = activities.filter((a) => !a.archived).length;
      if (active > MAX_ACTIVE_ACTIVITIES)
        throw new ValidationError([
          {
            path: 'profile.activities',
            message: t('dataErrMergeTooManyActive', active, MAX_ACTIVE_ACTIVITIES),
          },
        ]);
      const haveActivity = new Set(await db.activities.toCollection().primaryKeys());
      const haveExercise = new Set(await db.exercises.toCollection().primaryKeys());
      await db.activities.bulkAdd(checked.profile.activities.filter((a) => !haveActivity.has(a.id)));
      await db.exercises.bulkAdd(checked.profile.exercises.filter((e) => !haveExercise.has(e.id)));
      if (checked.kind === 'json') {
        const dates = ((await db.meta.get('profile'))?.value ?? {}) as Partial<Profile>;
        await db.meta.put({
          key: 'profile',
          value: {
            ptStartDate: dates.ptStartDate ?? checked.profile.ptStartDate,
            surgeryDate: dates.surgeryDate ?? checked.profile.surgeryDate,
          },
        });
      }
      if (mode === 'replace') {
        // CSV "replace": the file's days replace the journal's days; the profile is only added to.
        removed = await countRemoved();
        await db.entries.clear();
      }
    }
    let written = 0;
    let kept = 0;
    onProgress?.({ phase: 'writing', done: 0, total });
    for (let i = 0; i < total; i += WRITE_CHUNK) {
      let slice = checked.entries.slice(i, i + WRITE_CHUNK);
      if (mode !== 'replace') {
        const mine = await db.entries.bulkGet(slice.map((e) => e.date));
        slice = slice.filter((e, k) => {
          const m = mine[k];
          const take = !m || (mode === 'newer' && e.updatedAt > m.updatedAt);
          if (!take) kept++;
          return take;
        });
      }
      // Sequential awaited chunks keep the transaction alive while letting the page render between them.
      await db.entries.bulkPut(slice);
      written += slice.length;
      onProgress?.({ phase: 'writing', done: Math.min(total, i + WRITE_CHUNK), total });
    }
    return { written, kept, removed };
  });
  let settingsApplied = false;
  if (checked.settings && (fullReplace || journalWasEmpty)) {
    await saveSettings(checked.settings);
    settingsApplied = true;
  }
  return { ...result, settingsApplied };
}

type Tables = Parameters<Parameters<Journal['bulkWrite']>[0]>[0];

/** Throws ImportConflictError when a day was added, or a day of the file changed, after the preview. */
async function unchangedSince(db: Tables, since: ImportPreview): Promise<void> {
  const keys = (await db.entries.toCollection().primaryKeys()) as Day[];
  const added = keys.find((d) => !since.seen.keys.has(d));
  if (added !== undefined || keys.length !== since.seen.keys.size)
    throw new ImportConflictError(added ?? null);
  const dates = [...since.seen.days.keys()];
  for (let i = 0; i < dates.length; i += READ_CHUNK) {
    const slice = dates.slice(i, i + READ_CHUNK);
    const now = await db.entries.bulkGet(slice);
    const k = now.findIndex((e, j) => e?.updatedAt !== since.seen.days.get(slice[j]!));
    if (k !== -1) throw new ImportConflictError(slice[k]!);
  }
}
