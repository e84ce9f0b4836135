import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getJournal } from '@/utils/db/journal';
import { registerCautionHandlers } from '@/utils/caution/background';
import { registerReminders } from '@/utils/reminders/background';
import { registerOmnibox } from '@/utils/omnibox/background';
import { registerBrowserCommands } from '@/utils/keyboard/background';
import { registerAutoBackup } from '@/utils/backup/auto';

// The background only wires: each feature registers its own listeners (synchronously, so a woken service worker
// sees the event that woke it).
export default defineBackground(() => {
  const journal = getJournal();
  registerCautionHandlers();
  const reminders = registerReminders(journal);
  // The handlers also sit on the worker's own scope (reachable only by extension code and DevTools), so the e2e test
  // can drive exactly what the browser calls: the headless browser has no address bar to type into.
  Object.assign(globalThis, { ptJournalOmnibox: registerOmnibox(journal, { onSaved: reminders.refresh }) });
  registerBrowserCommands();
  registerAutoBackup(journal);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
});
