/**
 * The extension's database read and written with raw IndexedDB, independent of the app's code. These run inside an
 * extension page: pass them to `page.evaluate(readStore, 'entries')` (Playwright and Puppeteer alike), so they must
 * not use anything from their module scope.
 *
 * Neither ever creates the database. In a fresh profile the extension creates it a moment after its first page
 * loads; a plain `indexedDB.open('pt-journal')` that came first made an empty version-1 database instead: the
 * transaction that followed threw inside `onsuccess`, the promise never settled, the test hung until its 60 s
 * timeout (CI, 2026-12-02), and the open connection blocked the app's own upgrade. So an open that would create the
 * database is aborted and tried again until the app has made it, and every connection is closed after use.
 */

/** Every record of one object store. */
export function readStore(store: string): Promise<Array<Record<string, unknown>>> {
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
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as Array<Record<string, unknown>>);
          req.onerror = () => reject(req.error);
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

/** Puts one record into one object store (as the app would, for a test's setup); resolves once committed. */
export function putRecord({ store, record }: { store: string; record: unknown }): Promise<void> {
  const deadline = Date.now() + 15_000;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const open = indexedDB.open('pt-journal');
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onerror = () => {
        if (Date.now() < deadline) setTimeout(attempt, 100);
        else reject(new Error(`the extension's database did not appear: ${String(open.error)}`));
      };
      open.onsuccess = () => {
        const db = open.result;
        try {
          const tx = db.transaction(store, 'readwrite');
          tx.objectStore(store).put(record);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
        } catch (e) {
          reject(e);
        } finally {
          db.close();
        }
      };
    };
    attempt();
  });
}
