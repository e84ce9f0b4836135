/**
 * A copy of whatever the journal's database holds, read with plain IndexedDB at the database's CURRENT version (no
 * upgrade, no schema): the "export is still possible" path when the data layer refuses to open it (a newer schema
 * after a downgrade; see DatabaseUnavailableError). Read-only; the copy uses the backup envelope so a matching
 * version of PT Journal can import it, and a person can read it in any text editor.
 */
import { DB_NAME } from './database';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The stored rows as backup-shaped JSON text; rejects when the database cannot be read at all. */
export async function rescueCopy(settings: unknown, now = new Date(), name = DB_NAME): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
    // The database did not exist (this call just created it empty): nothing to copy, and nothing to upgrade.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onblocked = () => reject(new DOMException('blocked', 'BlockedError'));
  });
  try {
    const names = ['entries', 'activities', 'exercises', 'meta'].filter((s) =>
      db.objectStoreNames.contains(s),
    );
    const tx = db.transaction(names, 'readonly');
    const rows: Record<string, unknown[]> = {};
    for (const s of names) rows[s] = await request(tx.objectStore(s).getAll());
    const dates =
      ((rows.meta ?? []) as Array<{ key: string; value: unknown }>).find((r) => r.key === 'profile')?.value ??
      {};
    const backup = {
      format: 'pt-journal-backup',
      version: 1,
      exportedAt: now.toISOString(),
      profile: {
        ptStartDate: null,
        surgeryDate: null,
        ...(dates as object),
        activities: rows.activities ?? [],
        exercises: rows.exercises ?? [],
      },
      settings,
      entries: rows.entries ?? [],
    };
    return JSON.stringify(backup, null, 1);
  } finally {
    db.close();
  }
}
