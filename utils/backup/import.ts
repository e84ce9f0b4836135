/**
 * Import, in three steps that the Backup section shows one by one:
 *
 *   checkImport(text)     parse JSON (or CSV in our own layout) and validate EVERYTHING: envelope, profile, settings,
 *                         every entry with the journal's schema, duplicate dates, references to activity/exercise ids.
 *                         Work is sliced (~12 ms) with yields so a 100,000-day file never freezes the page; progress is
 *                         reported. Any problem -> ImportError with the problems (path like "entries[5].pain").
 *   previewImport(...)    counts new / identical / conflicting days against the journal, nothing written.
 *   applyImport(...)      writes in ONE transaction (Journal.bulkWrite); a storage failure is a StorageError and the
 *                         transaction rolls back, so the journal is unchanged.
 *
 * Conflict modes: "newer" keeps, per day, the version with the later updatedAt; "mine" keeps the journal's day;
 * "replace" makes the journal equal to the file. In "newer"/"mine" activities and exercises are added when missing
 * (an existing one with the same id is kept) and PT/surgery dates only fill empty ones. A CSV file carries days only,
 * so importing it never removes activities or exercises and leaves dates and settings alone, even in "replace".
 * Settings from a JSON backup are applied in "replace" mode or when the journal was empty (a fresh restore).
 */
import * as v from 'valibot';
import { Journal } from '../db/journal';
import {
  EntrySchema,
  ProfileSchema,
  MAX_ACTIVE_ACTIVITIES,
  ValidationError,
  compactEntry,
  problemsOf,
  type Activity,
  type Entry,
  type Exercise,
  type Problem,
  type Profile,
} from '../journal/schema';
import { saveSettings, type Settings } from '../settings';
import { t } from '../i18n';
import { localDay, type Day } from '../dates';
import { EnvelopeSchema, MAX_IMPORT_BYTES, type ConflictMode } from './format';
import { csvToRawEntries } from './csv';
import { splitEntries } from './json-slices';

export interface ImportProblem extends Problem {
  /** The entry's date when known, to help find it in the file. */
  day?: string;
}

export class ImportError extends Error {
  constructor(
    readonly problems: ImportProblem[],
    /** All problems found (only the first MAX_PROBLEMS are kept). */
    readonly total: number = problems.length,
  ) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'ImportError';
  }
}

export const MAX_PROBLEMS = 200;

export interface ImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}
export type OnProgress = (p: ImportProgress) => void;

/** A fully validated import, ready to preview and apply. */
export interface CheckedImport {
  kind: 'json' | 'csv';
  profile: Profile;
  /** null for CSV: a CSV file carries no settings. */
  settings: Settings | null;
  entries: Entry[];
}

const SLICE_MS = 12;

/** Gives the event loop a turn (input, rendering) between slices of work. */
export function yieldToEventLoop(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    // MessageChannel is not clamped to 4 ms like nested setTimeout.
    if (typeof MessageChannel === 'undefined') return setTimeout(resolve, 0);
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/** Refuses files over the limit before reading a byte of them. */
export function checkFileSize(size: number): void {
  if (size > MAX_IMPORT_BYTES)
    throw new ImportError([
      {
        path: '(file)',
        message: t('dataErrTooBig', (size / 1024 / 1024).toFixed(1), MAX_IMPORT_BYTES / 1024 / 1024),
      },
    ]);
}

/** CSV when the name says so or the text starts with our CSV header; JSON otherwise. */
export function looksLikeCsv(text: string, fileName = ''): boolean {
  if (/\.csv$/i.test(fileName)) return true;
  return /^\uFEFF?date,pain,/.test(text);
}

class ProblemList {
  readonly list: ImportProblem[] = [];
  total = 0;
  add(...ps: ImportProblem[]): void {
    for (const p of ps) {
      this.total++;
      if (this.list.length < MAX_PROBLEMS) this.list.push(p);
    }
  }
}

/** Parses and validates a whole file's text; throws ImportError listing what is wrong and where. */
export async function checkImport(
  text: string,
  opts: { fileName?: string; onProgress?: OnProgress; today?: Day } = {},
): Promise<CheckedImport> {
  return looksLikeCsv(text, opts.fileName) ? checkCsv(text, opts) : checkJson(text, opts);
}

async function checkJson(text: string, opts: { onProgress?: OnProgress }): Promise<CheckedImport> {
  let data: unknown;
  let entrySource: EntrySource | null = null;
  try {
    // Big files: parse the envelope alone and each entry when it is checked (utils/backup/json-slices.ts).
    const split = await splitEntries(text, yieldToEventLoop);
    if (split) {
      data = JSON.parse(split.envelope);
      entrySource = {
        length: split.spans.length,
        get: (i) => {
          const [start, end] = split.spans[i]!;
          return JSON.parse(text.slice(start, end));
        },
      };
    } else data = JSON.parse(text);
  } catch {
    // The sliced reader found the shape but a piece is not JSON: the whole-text parser names the exact position.
    try {
      data = JSON.parse(text);
      entrySource = null;
    } catch (err2) {
      throw new ImportError([{ path: '(file)', message: t('dataErrJson', (err2 as Error).message) }]);
    }
  }
  const problems = new ProblemList();
  const env = v.safeParse(EnvelopeSchema, data);
  if (!env.success) {
    problems.add(...problemsOf(env.issues));
    // Not our format at all: listing every field of it would only bury the one useful message.
    const format = (data as { format?: unknown } | null)?.format;
    if (format !== 'pt-journal-backup') throw new ImportError(problems.list, problems.total);
  }
  // The profile is checked on its own too, so a bad setting does not hide problems with entries' references.
  const profileResult = v.safeParse(ProfileSchema, (data as { profile?: unknown } | null)?.profile);
  const profile = profileResult.success ? profileResult.output : null;
  checkProfileIds(profile, problems);
  const rawEntries = (data as { entries?: unknown }).entries;
  const source = entrySource ?? (Array.isArray(rawEntries) ? arraySource(rawEntries) : null);
  const entries = source ? await checkEntries(source, profile, problems, opts.onProgress) : [];
  if (problems.total > 0 || !env.success) throw new ImportError(problems.list, problems.total);
  return { kind: 'json', profile: env.output.profile, settings: env.output.settings, entries };
}

async function checkCsv(
  text: string,
  opts: { onProgress?: OnProgress; today?: Day },
): Promise<CheckedImport> {
  let parsed;
  try {
    parsed = csvToRawEntries(text, {
      unknownColumn: (col) => t('dataErrCsvColumn', col),
      cellCount: (got, want) => t('dataErrCsvCells', got, want),
    });
  } catch (err) {
    throw new ImportError([{ path: '(file)', message: t('dataErrCsv', (err as Error).message) }]);
  }
  const problems = new ProblemList();
  problems.add(...parsed.problems);
  const firstDay = parsed.entries.map((e) => e.date).find((d): d is string => typeof d === 'string');
  const addedOn = firstDay && /^\d{4}-\d{2}-\d{2}$/.test(firstDay) ? firstDay : (opts.today ?? localDay());
  // A CSV names its activities in the header; more than five are kept, the extra ones archived (history stays).
  const activities: Activity[] = parsed.activities.map((a, i) => ({
    id: a.id,
    name: a.name.slice(0, 80),
    addedOn,
    archived: i >= MAX_ACTIVE_ACTIVITIES,
  }));
  const exercises: Exercise[] = parsed.exercises.map((e) => ({
    id: e.id,
    name: e.name.slice(0, 80) || e.id,
    source: 'clinician',
    url: null,
    addedOn,
    archived: false,
  }));
  const profile: Profile = { ptStartDate: null, surgeryDate: null, activities, exercises };
  checkProfileIds(profile, problems);
  const entries = await checkEntries(arraySource(parsed.entries), profile, problems, opts.onProgress);
  if (problems.total > 0) throw new ImportError(problems.list, problems.total);
  return { kind: 'csv', profile, settings: null, entries };
}

function checkProfileIds(profile: Profile | null, problems: ProblemList): void {
  if (!profile) return;
  for (const key of ['activities', 'exercises'] as const) {
    const seen = new Set<string>();
    profile[key].forEach((item, i) => {
      if (seen.has(item.id))
        problems.add({ path: `profile.${key}[${i}].id`, message: t('dataErrDuplicateId', item.id) });
      seen.add(item.id);
    });
  }
}

/** Entries to check, one at a time: an array, or spans of the file parsed on demand. */
interface EntrySource {
  length: number;
  /** The i-th entry; throws a SyntaxError when its text is not JSON. */
  get(i: number): unknown;
}
const arraySource = (items: readonly unknown[]): EntrySource => ({
  length: items.length,
  get: (i) => items[i],
});

/** Validates entries in time slices; returns them compacted, as the data layer would store them. */
async function checkEntries(
  raw: EntrySource,
  profile: Profile | null,
  problems: ProblemList,
  onProgress?: OnProgress,
): Promise<Entry[]> {
  const activityIds = new Set(profile?.activities.map((a) => a.id));
  const exerciseIds = new Set(profile?.exercises.map((e) => e.id));
  const firstIndexOf = new Map<string, number>();
  const out: Entry[] = [];
  const total = raw.length;
  let sliceStart = performance.now();
  onProgress?.({ phase: 'checking', done: 0, total });
  for (let i = 0; i < total; i++) {
    if ((i & 127) === 0 && performance.now() - sliceStart > SLICE_MS) {
      onProgress?.({ phase: 'checking', done: i, total });
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    const prefix = `entries[${i}]`;
    let item: unknown;
    try {
      item = raw.get(i);
    } catch (err) {
      problems.add({ path: prefix, message: t('dataErrJson', (err as Error).message) });
      continue;
    }
    const day =
      typeof (item as { date?: unknown } | null)?.date === 'string'
        ? (item as { date: string }).date
        : undefined;
    const r = v.safeParse(EntrySchema, item);
    if (!r.success) {
      problems.add(...problemsOf(r.issues, prefix).map((p) => ({ ...p, day })));
      continue;
    }
    const e = compactEntry(r.output);
    const earlier = firstIndexOf.get(e.date);
    if (earlier !== undefined)
      problems.add({
        path: `${prefix}.date`,
        message: t('dataErrDuplicateDay', e.date, earlier),
        day: e.date,
      });
    else firstIndexOf.set(e.date, i);
    if (profile) {
      for (const id of Object.keys(e.function ?? {}))
        if (!activityIds.has(id))
          problems.add({ path: `${prefix}.function.${id}`, message: t('errUnknownActivity'), day: e.date });
      e.exercisesDone?.forEach((id, k) => {
        if (!exerciseIds.has(id))
          problems.add({
            path: `${prefix}.exercisesDone[${k}]`,
            message: t('errUnknownExercise'),
            day: e.date,
          });
      });
    }
    out.push(e);
  }
  onProgress?.({ phase: 'checking', done: total, total });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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
  const inBoth = checked.entries.filter((e) => existingDates.has(e.date));
  newDays = checked.entries.length - inBoth.length;
  for (let i = 0; i < inBoth.length; i += READ_CHUNK) {
    const slice = inBoth.slice(i, i + READ_CHUNK);
    const mine = await db.entries.bulkGet(slice.map((e) => e.date));
    slice.forEach((e, k) => {
      const m = mine[k];
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

/** Everything the file import UI needs in one call: size check, read, check. */
export async function checkImportFile(file: File, onProgress?: OnProgress): Promise<CheckedImport> {
  checkFileSize(file.size);
  const text = await file.text();
  return checkImport(text, { fileName: file.name, onProgress });
}
