/**
 * Reads every record of one object store of the extension's database with raw IndexedDB, independent of the app's
 * code. It runs inside an extension page: pass it to `page.evaluate(readStore, 'entries')` (Playwright and Puppeteer
 * alike), so it must not use anything from its module scope.
 */
export function readStore(store: string): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('pt-journal');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result as Array<Record<string, unknown>>);
      };
      req.onerror = () => reject(req.error);
    };
  });
}
