/**
 * The journal's rules that need no schema library: limits, choices, the timestamp and id rules, and the error a
 * failed validation throws. utils/journal/schema.ts builds the valibot schemas from them (and re-exports them); the
 * popup's first load uses them without valibot (utils/journal/quick-check.ts).
 */
import { isDay } from '../dates';

export const MAX_ACTIVE_ACTIVITIES = 5;
export const MAX_NOTE_LENGTH = 2000;
export const MAX_NAME_LENGTH = 80;
export const REACH_MIN_CM = -30;
export const REACH_MAX_CM = 60;

export const SORENESS = ['none', 'muscle', 'sharp', 'tingling'] as const;
export const SESSION = ['attended', 'missed', 'none'] as const;
export const HOME_EXERCISES = ['all', 'some', 'none'] as const;

/**
 * A moment as this extension writes it (Date.toISOString()): UTC with "Z", a real date, years 2000-2100. Stricter
 * than ISO 8601 on purpose (issue #11): "2026-02-30T…" or year 9999 would otherwise be stored, and 9999 would then
 * always win "keep the newer version" on import.
 */
const ISO_UTC = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/;
export function isIsoTimestamp(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_UTC.exec(s);
  if (!m || !isDay(m[1])) return false;
  const year = Number(s.slice(0, 4));
  return year >= 2000 && year <= 2100;
}

/** An activity's or exercise's id. */
export const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Names an object must not have as an id or rating key: the schema library skips them silently (prototype safety),
 * so a rating keyed "__proto__" would vanish instead of being refused.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
export const hasReservedKey = (o: unknown): boolean =>
  !!o && typeof o === 'object' && Object.keys(o).some((k) => RESERVED_IDS.has(k));

/** An http(s) address of at most 2048 characters (an exercise's link). */
export function isWebUrl(s: unknown): s is string {
  if (typeof s !== 'string' || s.length > 2048) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A problem found while validating: where (e.g. "entries[3].pain") and what, in plain words. */
export interface Problem {
  path: string;
  message: string;
}

export class ValidationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'ValidationError';
  }
}
