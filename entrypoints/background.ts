import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getJournal } from '@/utils/db/journal';
import { registerCautionHandlers } from '@/utils/caution/background';
import { registerReminders } from '@/utils/reminders/background';

// The background only wires: each feature registers its own listeners (synchronously, so a woken service worker
// sees the event that woke it).
export default defineBackground(() => {
  const journal = getJournal();
  registerCautionHandlers(journal);
  registerReminders(journal);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
});
