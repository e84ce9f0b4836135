/** Storage-failure handling shared by every write of the data layer (./journal.ts, utils/backup). */
import { ValidationError } from '../journal/schema';
import { t } from '../i18n';
import { ConflictError } from './errors';

export class StorageError extends Error {
  constructor(
    message: string,
    readonly full: boolean,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

function isQuotaError(err: unknown): boolean {
  const e = err as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/** Runs a write; validation errors pass through, storage failures become a StorageError in plain words. */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof ValidationError || err instanceof StorageError || err instanceof ConflictError)
      throw err;
    if ((err as Error)?.name === 'ImportConflictError') throw err; // utils/backup/apply.ts: the journal changed
    if (isQuotaError(err)) throw new StorageError(t('errStorageFull'), true);
    throw new StorageError(t('errStorageFailed', (err as Error)?.name ?? 'error'), false);
  }
}
