// Reminders and badge (issue #5): how fast the toolbar badge reacts, and what the background costs.
//   - save → badge cleared: "Saved" shown in the popup → chrome.action badge text empty (median of 7)
//   - cold wake → badge restored: worker stopped, one message wakes it → badge set again (median of 5)
//   - background.js size (raw, gzip)
// Targets: badge cleared within 500 ms of saving; a woken worker restores the badge within 1 s.
/* global chrome */
import { join } from 'node:path';
import { launchExtension, EXTENSION_DIR } from '../lib/browser.mjs';
import { fileSize, kb, median } from '../lib/sizes.mjs';

async function pollUntil(fn, want, timeoutMs = 10_000) {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if ((await fn()) === want) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${JSON.stringify(want)}`);
}

export default async function () {
  const b = await launchExtension();
  try {
    const page = await b.openPage('options.html');
    const badge = () => page.evaluate(() => chrome.action.getBadgeText({}));
    // Badge from midnight, reminders off: "not logged yet" is due right away.
    await page.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({
        settings: { ...(settings ?? {}), version: 1, badge: { eveningHour: 0 } },
      });
    });
    await pollUntil(badge, '1');

    const clear = [];
    for (let i = 0; i < 7; i++) {
      const popup = await b.context.newPage();
      await popup.goto(b.url('popup.html'));
      await popup.waitForFunction(() => document.activeElement?.id === 'pain');
      await popup.keyboard.press(String(i + 1));
      await popup.keyboard.press('Control+Enter');
      await popup.getByTestId('saved').waitFor();
      clear.push(await pollUntil(badge, ''));
      await popup.close();
      // Remove today's entry again (straight from IndexedDB) and tell the background, so the badge comes back. The
      // data layer's own delete also drops the popup's snapshot of today (utils/db/snapshot.ts); a raw delete must do
      // the same, or the next popup paints the deleted entry and its save meets the "deleted elsewhere" merge view.
      await page.evaluate(() => localStorage.removeItem('pt-journal:snapshot'));
      await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const req = indexedDB.open('pt-journal');
            req.onsuccess = () => {
              const tx = req.result.transaction('entries', 'readwrite');
              tx.objectStore('entries').clear();
              tx.oncomplete = () => resolve(null);
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'journal:changed', what: 'entries' }));
      await pollUntil(badge, '1');
    }
    console.log(`save → badge cleared: median ${median(clear).toFixed(0)} ms (target ≤ 500 ms)`);

    const wake = [];
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    let status = '';
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const v = versions.find((x) => x.scriptURL.endsWith('/background.js'));
      if (v) status = v.runningStatus;
    });
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => chrome.action.setBadgeText({ text: '' }));
      await cdp.send('ServiceWorker.stopAllWorkers');
      await pollUntil(async () => status, 'stopped');
      const t0 = performance.now();
      await page.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'journal:changed', what: 'entries' }).catch(() => null),
      );
      await pollUntil(badge, '1');
      wake.push(performance.now() - t0);
    }
    console.log(`cold wake → badge restored: median ${median(wake).toFixed(0)} ms (target ≤ 1000 ms)`);

    const bg = fileSize(join(EXTENSION_DIR, 'background.js'));
    console.log(`background.js: ${kb(bg.raw)} raw, ${kb(bg.gzip)} gzip`);
  } finally {
    await b.close();
  }
}
