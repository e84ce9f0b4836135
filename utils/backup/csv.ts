/**
 * CSV in the app's own layout: one row per day, RFC 4180 (fields with , " CR LF are quoted, quotes doubled, CRLF
 * line ends, UTF-8 with a byte-order mark so spreadsheet programs pick the right encoding).
 *
 * Formula injection: a spreadsheet runs a cell starting with = + - @ (or tab / CR) as a formula, so text cells
 * starting with one of those get a leading apostrophe (OWASP "CSV injection"). A text cell that already starts with an
 * apostrophe gets one more, so reading strips exactly one and the round trip is lossless. Numbers we write ourselves
 * (a negative reach like -5) are left alone: they are data, not formulas.
 *
 * Columns (docs/backup.md): date, pain, soreness, stiffness, reachCm, session, homeExercises, exercisesDone (ids
 * separated by spaces), exerciseNames (readable, "; "-separated), psfsMean (derived, ignored on import),
 * noteForClinician, note, updatedAt, then one "PSFS: <activity name> [<activity id>]" column per activity.
 */
import type { Activity, Entry, Exercise, Profile } from '../journal/schema';

export const CSV_FIXED_COLUMNS = [
  'date',
  'pain',
  'soreness',
  'stiffness',
  'reachCm',
  'session',
  'homeExercises',
  'exercisesDone',
  'exerciseNames',
  'psfsMean',
  'noteForClinician',
  'note',
  'updatedAt',
] as const;

const ACTIVITY_COLUMN = /^PSFS: (.*) \[([A-Za-z0-9_-]{1,64})\]$/s;
const RISKY_START = /^[=+\-@\t\r']/;

/** Neutralises a text cell a spreadsheet could run as a formula (see the file comment). */
export function escapeFormula(text: string): string {
  return RISKY_START.test(text) ? `'${text}` : text;
}

/** The inverse of escapeFormula for cells we read back. */
export function unescapeFormula(text: string): string {
  return text.startsWith("'") && RISKY_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** RFC 4180 quoting. */
export function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const text = (s: string) => quoteCell(escapeFormula(s));

export function activityColumn(a: Activity): string {
  return `PSFS: ${a.name} [${a.id}]`;
}

/** The header line (with CRLF), preceded by a UTF-8 byte-order mark. */
export function csvHeader(profile: Profile): string {
  return `\uFEFF${[...CSV_FIXED_COLUMNS, ...profile.activities.map((a) => text(activityColumn(a)))].join(',')}\r\n`;
}

/** Rows for some days, each ending in CRLF; the columns follow csvHeader(profile). */
export function csvRows(entries: readonly Entry[], profile: Profile): string {
  const activities = profile.activities;
  const exerciseName = new Map(profile.exercises.map((e: Exercise) => [e.id, e.name]));
  let out = '';
  for (const e of entries) {
    const ratings = e.function ? Object.values(e.function) : [];
    const mean = ratings.length
      ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
      : '';
    const row: string[] = [
      e.date,
      String(e.pain),
      e.soreness ?? '',
      e.stiffness === undefined ? '' : String(e.stiffness),
      e.reachCm === undefined ? '' : String(e.reachCm),
      e.session ?? '',
      e.homeExercises ?? '',
      (e.exercisesDone ?? []).join(' '),
      text((e.exercisesDone ?? []).map((id) => exerciseName.get(id) ?? id).join('; ')),
      String(mean),
      e.noteForClinician === undefined ? '' : String(e.noteForClinician),
      text(e.note ?? ''),
      e.updatedAt,
    ];
    for (const a of activities) {
      const r = e.function?.[a.id];
      row.push(r === undefined ? '' : String(r));
    }
    out += `${row.join(',')}\r\n`;
  }
  return out;
}

/** The whole journal as CSV text, oldest day first. */
export function entriesToCsv(entries: readonly Entry[], profile: Profile): string {
  return csvHeader(profile) + csvRows(entries, profile);
}

/** RFC 4180 parser: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF line ends. */
export function parseCsv(input: string): string[][] {
  const src = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    let cell = '';
    if (src[i] === '"') {
      i++;
      for (;;) {
        const q = src.indexOf('"', i);
        if (q === -1) throw new SyntaxError('unterminated quoted field');
        cell += src.slice(i, q);
        if (src[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < n && src[j] !== ',' && src[j] !== '\n' && src[j] !== '\r') j++;
      cell = src.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (src[i] === ',') {
      i++;
      if (i === n) row.push('');
    } else if (i >= n || src[i] === '\n' || src[i] === '\r') {
      if (src[i] === '\r' && src[i + 1] === '\n') i += 2;
      else if (i < n) i++;
      rows.push(row);
      row = [];
    } else {
      throw new SyntaxError(`unexpected character after a quoted field at ${i}`);
    }
  }
  if (row.length) rows.push(row);
  return rows;
}

export interface CsvJournal {
  /** Raw entry objects (not yet validated), in file order. */
  entries: Array<Record<string, unknown>>;
  /** Activities named in the header (id and name), exercises named in the rows. */
  activities: Array<{ id: string; name: string; column: number }>;
  exercises: Array<{ id: string; name: string }>;
  /** Problems with the layout itself (unknown column, wrong cell count), with the row number. */
  problems: Array<{ path: string; message: string }>;
}

/**
 * Turns CSV text in our own layout back into raw entries. Cell-level checks (ranges, enums) are left to the entry
 * schema, so CSV and JSON imports report problems the same way; only the layout is checked here.
 */
export function csvToRawEntries(
  input: string,
  messages: { unknownColumn: (col: string) => string; cellCount: (got: number, want: number) => string },
): CsvJournal {
  const rows = parseCsv(input);
  const header = rows[0] ?? [];
  const problems: CsvJournal['problems'] = [];
  const activities: CsvJournal['activities'] = [];
  const columns: Array<
    { kind: 'fixed'; name: string } | { kind: 'activity'; id: string } | { kind: 'skip' }
  > = [];
  for (const [c, raw] of header.entries()) {
    const name = unescapeFormula(raw);
    const m = ACTIVITY_COLUMN.exec(name);
    if ((CSV_FIXED_COLUMNS as readonly string[]).includes(name)) columns.push({ kind: 'fixed', name });
    else if (m) {
      activities.push({ id: m[2]!, name: m[1]!, column: c });
      columns.push({ kind: 'activity', id: m[2]! });
    } else {
      problems.push({ path: `header[${c}]`, message: messages.unknownColumn(name) });
      columns.push({ kind: 'skip' });
    }
  }
  const exercises = new Map<string, string>();
  const entries: CsvJournal['entries'] = [];
  // As String(number) writes it, exponent included (a reach of 5e-7 must come back as a number, found by fuzzing).
  const num = (s: string): number | string => (/^-?\d+(\.\d+)?(e[-+]?\d+)?$/.test(s.trim()) ? Number(s) : s);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0] === '') continue; // blank line
    const index = entries.length;
    if (row.length !== header.length)
      problems.push({ path: `entries[${index}]`, message: messages.cellCount(row.length, header.length) });
    const e: Record<string, unknown> = {};
    const fn: Record<string, unknown> = {};
    let ids: string[] = [];
    let names: string[] = [];
    columns.forEach((col, c) => {
      const cell = row[c] ?? '';
      if (col.kind === 'skip' || cell === '') return;
      if (col.kind === 'activity') {
        fn[col.id] = num(cell);
        return;
      }
      switch (col.name) {
        case 'pain':
        case 'stiffness':
        case 'reachCm':
          e[col.name] = num(cell);
          break;
        case 'exercisesDone':
          ids = cell.split(' ').filter(Boolean);
          e.exercisesDone = ids;
          break;
        case 'exerciseNames':
          names = unescapeFormula(cell).split('; ');
          break;
        case 'psfsMean':
          break; // derived: recomputed from the ratings
        case 'noteForClinician':
          e.noteForClinician = cell === 'true' ? true : cell === 'false' ? false : cell;
          break;
        case 'note':
          e.note = unescapeFormula(cell);
          break;
        default:
          e[col.name] = cell;
      }
    });
    if (Object.keys(fn).length) e.function = fn;
    // Names travel beside the ids so a CSV can be restored into an empty journal with readable exercise names.
    ids.forEach((id, k) => {
      if (!exercises.has(id)) exercises.set(id, names.length === ids.length ? names[k]! : id);
    });
    entries.push(e);
  }
  return { entries, activities, exercises: [...exercises].map(([id, name]) => ({ id, name })), problems };
}
