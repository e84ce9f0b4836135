import { browser } from 'wxt/browser';
import { OPEN_DASHBOARD_COMMAND } from './keyboard/background';

export interface AssignedShortcuts {
  /** Opens today's check-in (the toolbar popup). */
  checkin: string | null;
  /** Opens the dashboard. */
  dashboard: string | null;
}

/**
 * The keys currently assigned to the extension's two browser commands (the person may change them at
 * chrome://extensions/shortcuts), null for one that is unset or unknown.
 */
export async function assignedShortcuts(): Promise<AssignedShortcuts> {
  try {
    const commands = await browser.commands.getAll();
    const key = (match: (name: string) => boolean) =>
      commands.find((c) => c.name !== undefined && match(c.name))?.shortcut || null;
    return {
      checkin: key((n) => n === '_execute_action' || n === '_execute_browser_action'),
      dashboard: key((n) => n === OPEN_DASHBOARD_COMMAND),
    };
  } catch {
    return { checkin: null, dashboard: null };
  }
}

/** The key currently assigned to open the check-in (the action command), or null when none is set or unknown. */
export async function checkinShortcut(): Promise<string | null> {
  return (await assignedShortcuts()).checkin;
}
