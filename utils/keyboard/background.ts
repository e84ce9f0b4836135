import { browser } from 'wxt/browser';

/** The browser command (manifest `commands`) that opens the dashboard; the check-in is the action's own command. */
export const OPEN_DASHBOARD_COMMAND = 'open-dashboard';

/** Opens the dashboard on its command (registered synchronously, so the key press that woke the worker arrives). */
export function registerBrowserCommands(b: typeof browser = browser): void {
  b.commands?.onCommand.addListener((name) => {
    if (name === OPEN_DASHBOARD_COMMAND) void b.runtime.openOptionsPage();
  });
}
