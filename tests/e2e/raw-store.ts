/**
 * The extension's database read (and, for a test's setup, written) with raw IndexedDB, independent of the app's code.
 * It runs inside an extension page: pass it to `page.evaluate(readStore, 'entries')` (Playwright and Puppeteer
 * alike), so it must not use anything from its module scope.
 *
 * It never creates the database. In a fresh profile the extension creates it a moment after its first page loads; a
 * plain `indexedDB.open('pt-journal')` that came first made an empty version-1 database instead: the transaction that
 * followed threw inside `onsuccess`, the promise never settled, the test hung until its 60 s timeout (CI,
 * 2026-12-02), and the open connection blocked the app's own upgrade. So an open that would create the database is
 * aborted and tried again until the app has made it, and the connection is closed after use.
 */

/**
 * Every record of one object store: `'entries'`, or `{ store: 'meta', put: record }` to put one record first (in the
 * same transaction; resolves once it is committed).
 */
export function readStore(
  op: string | { store: string; put: unknown },
): Promise<Array<Record<string, unknown>>> {
  const { store, put } = typeof op === 'string' ? { store: op, put: undefined } : op;
  const deadline = Date.now() + 15_000;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const open = indexedDB.open('pt-journal');
      open.onupgradeneeded = () => open.transaction?.abort(); // not created yet by the extension: never by us
      open.onerror = () => {
        if (Date.now() < deadline) setTimeout(attempt, 100);
        else reject(new Error(`the extension's database did not appear: ${String(open.error)}`));
      };
      open.onsuccess = () => {
        const db = open.result;
        try {
          const tx = db.transaction(store, put === undefined ? 'readonly' : 'readwrite');
          if (put !== undefined) tx.objectStore(store).put(put);
          const all = tx.objectStore(store).getAll();
          tx.oncomplete = () => resolve(all.result as Array<Record<string, unknown>>);
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
        } catch (e) {
          reject(e);
        } finally {
          db.close(); // takes effect once the transaction is done
        }
      };
    };
    attempt();
  });
}
