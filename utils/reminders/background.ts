/** Reminders and the toolbar badge (issue #5): alarms, notifications, badge text and tooltip. */
import type { Journal } from '../db/journal';

export function registerReminders(_journal: Journal): void {}
