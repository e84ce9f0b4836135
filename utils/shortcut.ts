import { browser } from 'wxt/browser';

/** The key currently assigned to open the check-in (the action command), or null when none is set or unknown. */
export async function checkinShortcut(): Promise<string | null> {
  try {
    const commands = await browser.commands.getAll();
    return (
      commands.find((c) => c.name === '_execute_action' || c.name === '_execute_browser_action')?.shortcut ||
      null
    );
  } catch {
    return null;
  }
}
