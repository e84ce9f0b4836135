/**
 * Import, in three steps that the Backup section shows one by one:
 *
 *   checkImport(text)     parse JSON (or CSV in our own layout) and validate EVERYTHING: envelope, profile, settings,
 *                         every entry with the journal's schema, duplicate dates, references to activity/exercise ids,
 *                         days no later than tomorrow (utils/dates.ts latestEntryDay), reserved ids. Work is sliced
 *                         (~12 ms) with yields so a 100,000-day file never freezes the page; progress is reported.
 *                         Any problem -> ImportError with the first MAX_PROBLEMS problems and the total (a file with
 *                         a million problems costs a counter, never a stack overflow).
 *   previewImport(...)    utils/backup/apply.ts: counts against the journal, nothing written.
 *   applyImport(...)      utils/backup/apply.ts: writes in ONE transaction.
 *
 * A CSV file must start with PT Journal's own header (issue #11: an empty or BOM-only file is refused, never read as
 * "no days" that "Replace" would turn into an empty journal), and must have at least one day. The activities and
 * exercises it implies go through the same schemas as a JSON profile.
 */
import * as v from 'valibot';
import {
  ActivitySchema,
  EntrySchema,
  ExerciseSchema,
  ProfileSchema,
  MAX_ACTIVE_ACTIVITIES,
  RESERVED_IDS,
  compactEntry,
  problemsOf,
  type Activity,
  type Entry,
  type Exercise,
  type Problem,
  type Profile,
} from '../journal/schema';
import type { Settings } from '../settings';
import { t, uiLocale } from '../i18n';
import { isAllowedEntryDay, localDay, type Day } from '../dates';
import { EnvelopeSchema, MAX_IMPORT_BYTES } from './format';
import { CSV_FIXED_COLUMNS, csvToRawEntries } from './csv';
import { splitEntries } from './json-slices';

export { applyImport, previewImport, sameEntry, ImportConflictError } from './apply';
export type { ImportPreview, ImportResult } from './apply';

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
  /** null for CSV (a CSV file carries no settings) and for a JSON backup without settings. */
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
        message: t(
          'dataErrTooBig',
          (size / 1024 / 1024).toLocaleString(uiLocale(), {
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
          }),
          MAX_IMPORT_BYTES / 1024 / 1024,
        ),
      },
    ]);
}

/** CSV when the name says so or the text starts with our CSV header; JSON otherwise. */
export function looksLikeCsv(text: string, fileName = ''): boolean {
  if (/\.csv$/i.test(fileName)) return true;
  return /^\uFEFF?date,pain,/.test(text);
}

/** Keeps the first MAX_PROBLEMS problems and counts the rest; takes arrays (never spread: 120k arguments overflow). */
class ProblemList {
  readonly list: ImportProblem[] = [];
  total = 0;
  add(p: ImportProblem): void {
    this.total++;
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
  }
  addAll(ps: readonly ImportProblem[]): void {
    for (const p of ps) this.add(p);
  }
}

const fileProblem = (message: string) => new ImportError([{ path: '(file)', message }]);

/** Parses and validates a whole file's text; throws ImportError listing what is wrong and where. */
export async function checkImport(
  text: string,
  opts: { fileName?: string; onProgress?: OnProgress; today?: Day } = {},
): Promise<CheckedImport> {
  return looksLikeCsv(text, opts.fileName) ? checkCsv(text, opts) : checkJson(text, opts);
}

async function checkJson(
  text: string,
  opts: { onProgress?: OnProgress; today?: Day },
): Promise<CheckedImport> {
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
      throw fileProblem(t('dataErrJson', (err2 as Error).message));
    }
  }
  const problems = new ProblemList();
  const env = v.safeParse(EnvelopeSchema, data);
  if (!env.success) {
    problems.addAll(problemsOf(env.issues));
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
  const entries = source ? await checkEntries(source, profile, problems, opts) : [];
  if (problems.total > 0 || !env.success) throw new ImportError(problems.list, problems.total);
  return { kind: 'json', profile: env.output.profile, settings: env.output.settings ?? null, entries };
}

async function checkCsv(
  text: string,
  opts: { onProgress?: OnProgress; today?: Day },
): Promise<CheckedImport> {
  // Our own header first: anything else (an empty or BOM-only file, another program's CSV) is not read at all.
  const head = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (!head.startsWith(CSV_FIXED_COLUMNS.join(',')))
    throw fileProblem(t('dataErrCsvHeader', CSV_FIXED_COLUMNS.slice(0, 3).join(',')));
  let parsed;
  try {
    parsed = csvToRawEntries(text, {
      unknownColumn: (col) => t('dataErrCsvColumn', col),
      cellCount: (got, want) => t('dataErrCsvCells', got, want),
    });
  } catch (err) {
    throw fileProblem(t('dataErrCsv', (err as Error).message));
  }
  if (parsed.entries.length === 0) throw fileProblem(t('dataErrCsvNoDays'));
  const problems = new ProblemList();
  problems.addAll(parsed.problems);
  const firstDay = parsed.entries.map((e) => e.date).find((d): d is string => typeof d === 'string');
  const addedOn = firstDay && /^\d{4}-\d{2}-\d{2}$/.test(firstDay) ? firstDay : (opts.today ?? localDay());
  // A CSV names its activities in the header; more than five are kept, the extra ones archived (history stays).
  // They go through the same schemas as a JSON profile: an empty name ("PSFS:  [a9]") is refused, never stored.
  const activities: Activity[] = [];
  parsed.activities.forEach((a, i) => {
    const r = v.safeParse(ActivitySchema, {
      id: a.id,
      name: a.name,
      addedOn,
      archived: i >= MAX_ACTIVE_ACTIVITIES,
    });
    if (r.success) activities.push(r.output);
    else problems.addAll(problemsOf(r.issues).map((p) => ({ ...p, path: `header[${a.column}].${p.path}` })));
  });
  const exercises: Exercise[] = [];
  for (const e of parsed.exercises) {
    const name = e.name.trim().slice(0, 80) || e.id;
    const r = v.safeParse(ExerciseSchema, {
      id: e.id,
      name,
      source: 'clinician',
      url: null,
      addedOn,
      archived: false,
    });
    if (r.success) exercises.push(r.output);
    else problems.addAll(problemsOf(r.issues, `exercisesDone "${e.id.slice(0, 70)}"`));
  }
  const profile: Profile = { ptStartDate: null, surgeryDate: null, activities, exercises };
  checkProfileIds(profile, problems);
  const entries = await checkEntries(arraySource(parsed.entries), profile, problems, opts);
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
  opts: { onProgress?: OnProgress; today?: Day },
): Promise<Entry[]> {
  const { onProgress } = opts;
  const today = opts.today ?? localDay();
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
    // Keys the schema library would skip silently (prototype safety) are refused instead.
    if (item && typeof item === 'object')
      for (const key of Object.keys(item))
        if (RESERVED_IDS.has(key))
          problems.add({ path: `${prefix}.${key}`, message: t('errReservedId'), day });
    const r = v.safeParse(EntrySchema, item);
    if (!r.success) {
      problems.addAll(problemsOf(r.issues, prefix).map((p) => ({ ...p, day })));
      continue;
    }
    const e = compactEntry(r.output);
    const earlier = firstIndexOf.get(e.date);
    if (earlier !== undefined)
      problems.add({
        path: `${prefix}.date`,
        message: t('dataErrDuplicateDay', e.date, earlier + 1),
        day: e.date,
      });
    else firstIndexOf.set(e.date, i);
    if (!isAllowedEntryDay(e.date, today))
      problems.add({ path: `${prefix}.date`, message: t('dataErrFutureDay'), day: e.date });
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

/** Everything the file import UI needs in one call: size check, read, check. */
export async function checkImportFile(file: File, onProgress?: OnProgress): Promise<CheckedImport> {
  checkFileSize(file.size);
  const text = await file.text();
  return checkImport(text, { fileName: file.name, onProgress });
}
