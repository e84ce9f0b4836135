/** Opening the journal's database (Journal.open in ./journal.ts), with its failures made plain. */
import { isNewerSchema, type JournalDB } from './database';
import { DatabaseUnavailableError, classifyOpenError } from './errors';

/** Opens `db`; throws a DatabaseUnavailableError when it cannot be opened (see Journal.open). */
export async function openDatabase(db: JournalDB, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError('blocked', 'timeout')), timeoutMs);
  });
  try {
    await Promise.race([db.open(), blocked]);
    // A database written by a NEWER PT Journal (the person went back to an older version): Dexie 4 opens it anyway
    // and would let this older code read and write rows whose shape it does not know. Close it instead, so every
    // read and write of this page fails, and say so (components/JournalGate.tsx).
    if (isNewerSchema(db)) {
      const found = db.backendDB().version / 10;
      db.close();
      throw new DatabaseUnavailableError('newerVersion', `VersionError (${found})`);
    }
  } catch (err) {
    throw classifyOpenError(err);
  } finally {
    clearTimeout(timer);
  }
}
