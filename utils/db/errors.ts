/**
 * Typed failures of the data layer that pages must tell apart from validation problems:
 *
 *   ConflictError              saveEntry was given the updatedAt the editor started from, and the stored day has
 *                              changed since (another page, an import). Carries the stored entry (undefined when the
 *                              day was deleted) so the page can show what changed and let the person merge.
 *   DatabaseUnavailableError   the journal's database cannot be opened or read: a newer schema after a downgrade
 *                              ("VersionError"), an upgrade blocked by an old tab, a storage failure. Pages say so
 *                              plainly and disable editing; the data is still on disk (nothing was deleted).
 */
import type { Entry } from '../journal/schema';

export class ConflictError extends Error {
  constructor(
    /** The day as stored now; undefined when it was deleted since the editor opened it. */
    readonly stored: Entry | undefined,
    /** The updatedAt the editor started from (null: it started from an empty day). */
    readonly base: string | null,
  ) {
    super(
      `The day ${stored?.date ?? ''} was changed elsewhere (${base ?? 'new'} -> ${stored?.updatedAt ?? 'deleted'})`,
    );
    this.name = 'ConflictError';
  }
}

export type UnavailableKind = 'newerVersion' | 'blocked' | 'storage' | 'unknown';

export class DatabaseUnavailableError extends Error {
  constructor(
    readonly kind: UnavailableKind,
    /** The browser's error name, for the person to quote when asking for help. */
    readonly detail: string,
  ) {
    super(`The journal's database cannot be opened (${kind}: ${detail})`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Dexie wraps the browser's DOMException; the useful name is the inner one when there is one. */
export function errorName(err: unknown): string {
  const e = err as { name?: string; inner?: { name?: string } } | null;
  return e?.inner?.name ?? e?.name ?? String(err);
}

/** Which failure an open/read error is, in the terms pages explain to the person. */
export function classifyOpenError(err: unknown): DatabaseUnavailableError {
  if (err instanceof DatabaseUnavailableError) return err;
  const names = [
    (err as { name?: string } | null)?.name,
    (err as { inner?: { name?: string } } | null)?.inner?.name,
  ];
  const detail = errorName(err);
  if (names.includes('VersionError')) return new DatabaseUnavailableError('newerVersion', detail);
  if (
    names.includes('BlockedError') ||
    (names.includes('DatabaseClosedError') && /blocked/i.test(String(err)))
  )
    return new DatabaseUnavailableError('blocked', detail);
  if (
    names.some((n) =>
      [
        'QuotaExceededError',
        'UnknownError',
        'InvalidStateError',
        'OpenFailedError',
        'NotReadableError',
        'DataError',
      ].includes(n ?? ''),
    )
  )
    return new DatabaseUnavailableError('storage', detail);
  return new DatabaseUnavailableError('unknown', detail);
}
