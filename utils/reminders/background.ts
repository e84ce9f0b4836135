/**
 * Reminders and the toolbar badge (issue #5), run in the background (Chrome service worker, Firefox event page).
 *
 * Nothing lives in memory between wake-ups: the state is the settings (storage.local), the journal (IndexedDB) and
 * named alarms, which the browser keeps while the worker sleeps.
 *
 *   rem:daily   one-shot at the next reminder time → notify (unless today is logged), schedule the next
 *   rem:snooze  one-shot an hour after "Snooze 1 hour" → notify again (unless logged meanwhile)
 *   rem:badge   one-shot at the next badge change (today's threshold, else local midnight) → re-evaluate
 *   rem:hourly  every 60 min: re-evaluate and re-check the schedule (clock or time-zone changes, lost alarms)
 *
 * Every wake-up, startup, install, settings change and "journal:changed" message re-evaluates the badge and makes sure
 * the alarms match the settings. The decisions are pure functions in ./schedule.ts; this file only reads state and
 * calls browser APIs, all injectable for tests.
 */
import { browser } from 'wxt/browser';
import type { Journal } from '../db/journal';
import { addDays, type Day } from '../dates';
import { t } from '../i18n';
import { onMessages } from '../messages';
import { loadSettings, watchSettings, type Settings } from '../settings';
import {
  HOUR,
  MINUTE,
  currentStreak,
  nextBadgeChangeAt,
  nextReminderAt,
  shouldShowBadge,
  zonedDay,
} from './schedule';

export const ALARM_DAILY = 'rem:daily';
export const ALARM_SNOOZE = 'rem:snooze';
export const ALARM_BADGE = 'rem:badge';
export const ALARM_HOURLY = 'rem:hourly';
export const NOTIFICATION_ID = 'rem:reminder';
export const SNOOZE_MS = HOUR;
/** The badge colour: the theme's accent, not an alarming red. */
export const BADGE_COLOR = '#0b5cad';

type Browser = typeof browser;
type ActionApi = Pick<Browser['action'], 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'> & {
  openPopup?: (options?: { windowId?: number }) => Promise<void>;
};

export interface ReminderDeps {
  browser: Browser;
  now: () => number;
  /** IANA zone the person lives in; read on every use so travelling (a zone change) is picked up. */
  timeZone: () => string;
  /** Chrome shows notification buttons; Firefox does not, so its click means "Log now". */
  notificationButtons: boolean;
}

export interface Reminders {
  /** Settles when the work started at registration (badge, schedule) is done. */
  ready: Promise<void>;
  /** Re-evaluates the badge and the alarms. */
  refresh: () => Promise<void>;
  /** Settles once all queued work (from any listener) is done; lets tests wait for the effects of an event. */
  idle: () => Promise<void>;
}

function defaultDeps(): ReminderDeps {
  return {
    browser,
    now: () => Date.now(),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    notificationButtons: import.meta.env.BROWSER !== 'firefox',
  };
}

/** Chrome MV3 and Firefox MV3 have `action`; Firefox MV2 (our Firefox build) has `browserAction`. */
function actionApi(b: Browser): ActionApi | undefined {
  const any = b as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return any.action ?? any.browserAction;
}

/** Days with a check-in that form the streak ending at `today`; reads only as far back as the streak goes. */
async function streakOf(journal: Journal, today: Day): Promise<number> {
  for (let span = 64; ; span *= 4) {
    const from = addDays(today, -span);
    const days = (await journal.listEntries(from, today)).map((e) => e.date);
    const streak = currentStreak(days, today);
    // The streak reached the start of the window only if it may go further back.
    if (streak < span || span > 40_000) return streak;
  }
}

export function streakText(streak: number): string {
  if (streak === 0) return t('remStreakNone');
  if (streak === 1) return t('remStreakOne');
  return t('remStreakMany', streak);
}

export function registerReminders(journal: Journal, overrides: Partial<ReminderDeps> = {}): Reminders {
  const deps = { ...defaultDeps(), ...overrides };
  const b = deps.browser;

  // Serialise the work so two triggers (say, a settings change during an alarm) never interleave their writes.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (job: () => Promise<void>): Promise<void> => {
    const run = queue.then(job, job);
    queue = run.catch((err: unknown) => console.error('[reminders]', err));
    return run.catch(() => undefined);
  };

  async function updateBadge(settings: Settings): Promise<void> {
    const action = actionApi(b);
    const now = deps.now();
    const tz = deps.timeZone();
    const day = zonedDay(now, tz);
    const logged = await journal.isLogged(day);
    const show = shouldShowBadge(now, logged, settings, tz);
    const streak = await streakOf(journal, day);
    if (action) {
      await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
      await action.setBadgeText({ text: show ? t('remBadgeText') : '' });
      const status = logged ? t('remTitleLogged') : t('remTitleNotLogged');
      await action.setTitle({ title: t('remTitle', t('extName'), status, streakText(streak)) });
    }
    if (logged) {
      // Logged from anywhere: a pending reminder or snooze has nothing left to say.
      await b.notifications.clear(NOTIFICATION_ID);
      await b.alarms.clear(ALARM_SNOOZE);
    }
    await b.alarms.create(ALARM_BADGE, { when: nextBadgeChangeAt(now, settings, tz) });
  }

  /**
   * Makes the alarms match the settings. `force` re-creates the daily alarm even if one exists (settings changed);
   * otherwise an existing alarm is kept unless it is off by more than a minute (the clock or zone changed).
   */
  async function schedule(settings: Settings, force: boolean): Promise<void> {
    if (!(await b.alarms.get(ALARM_HOURLY))) await b.alarms.create(ALARM_HOURLY, { periodInMinutes: 60 });
    if (!settings.reminder.enabled) {
      await b.alarms.clear(ALARM_DAILY);
      await b.alarms.clear(ALARM_SNOOZE);
      await b.notifications.clear(NOTIFICATION_ID);
      return;
    }
    const when = nextReminderAt(deps.now(), settings.reminder.time, deps.timeZone());
    const existing = await b.alarms.get(ALARM_DAILY);
    if (force || !existing || Math.abs(existing.scheduledTime - when) > MINUTE) {
      await b.alarms.create(ALARM_DAILY, { when });
    }
  }

  async function notify(): Promise<void> {
    await b.notifications.create(NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: b.runtime.getURL('/icon/128.png'),
      title: t('remNotificationTitle'),
      message: deps.notificationButtons ? t('remNotificationMessage') : t('remNotificationMessageClick'),
      ...(deps.notificationButtons
        ? { buttons: [{ title: t('remActionLogNow') }, { title: t('remActionSnooze') }] }
        : {}),
    });
  }

  /**
   * Opens today's check-in: the popup where the browser allows it, else the check-in in a tab. openPopup needs a
   * focused browser window and rejects otherwise (a notification is often clicked from another app), so: try at
   * once (Firefox only honours it synchronously inside the click handler), then focus the last window and retry,
   * then fall back to a tab in a focused window.
   */
  async function openCheckin(): Promise<void> {
    const action = actionApi(b);
    const popup = (windowId?: number) =>
      action?.openPopup
        ? action.openPopup(windowId === undefined ? undefined : { windowId })
        : Promise.reject(new Error('no openPopup'));
    try {
      await popup();
      return;
    } catch {
      // not allowed right now: try with a focused window
    }
    try {
      const win = await b.windows.getLastFocused({ windowTypes: ['normal'] });
      if (win?.id !== undefined) {
        await b.windows.update(win.id, { focused: true });
        await popup(win.id);
        return;
      }
    } catch {
      // no window, or the popup still cannot open: use a tab
    }
    const url = b.runtime.getURL('/popup.html');
    let tab: { windowId?: number } | undefined;
    try {
      tab = await b.tabs.create({ url, active: true });
    } catch {
      await b.windows.create({ url, focused: true }); // no browser window open at all
      return;
    }
    if (tab?.windowId !== undefined)
      await b.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
  }

  async function onAlarm(alarm: { name: string; scheduledTime: number }): Promise<void> {
    const settings = await loadSettings();
    const tz = deps.timeZone();
    if (alarm.name === ALARM_DAILY || alarm.name === ALARM_SNOOZE) {
      const now = deps.now();
      // A reminder delivered after the day it was for ended (the computer slept through it) is stale.
      const fresh = zonedDay(alarm.scheduledTime, tz) === zonedDay(now, tz);
      if (settings.reminder.enabled && fresh && !(await journal.isLogged(zonedDay(now, tz)))) await notify();
      if (alarm.name === ALARM_DAILY && settings.reminder.enabled) {
        // From the scheduled time, not just `now`: an alarm delivered a little early must not be rescheduled for
        // the same evening.
        const from = Math.max(now, alarm.scheduledTime + 1000);
        await b.alarms.create(ALARM_DAILY, { when: nextReminderAt(from, settings.reminder.time, tz) });
      }
    } else if (alarm.name === ALARM_HOURLY) {
      await schedule(settings, false);
    }
    if (alarm.name.startsWith('rem:')) await updateBadge(settings);
  }

  /**
   * Opens the check-in first and synchronously (Firefox only lets openPopup run inside the click's handler, before
   * any await), then tidies up in the queue.
   */
  function logNow(): void {
    const opening = openCheckin();
    void serial(async () => {
      await opening;
      await b.notifications.clear(NOTIFICATION_ID);
    });
  }

  async function snooze(): Promise<void> {
    await b.notifications.clear(NOTIFICATION_ID);
    await b.alarms.create(ALARM_SNOOZE, { when: deps.now() + SNOOZE_MS });
  }

  const refresh = (force = false) =>
    serial(async () => {
      const settings = await loadSettings();
      await schedule(settings, force);
      await updateBadge(settings);
    });

  // ---- listeners: registered synchronously, so the event that woke the worker reaches them ----------------------
  b.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith('rem:')) void serial(() => onAlarm(alarm));
  });
  b.notifications.onClicked.addListener((id) => {
    // A click on the body (Firefox's only option) means "Log now"; opening must happen while the click is fresh.
    if (id === NOTIFICATION_ID) logNow();
  });
  // Optional: not every browser exposes button events (Firefox shows no buttons).
  b.notifications.onButtonClicked?.addListener((id, index) => {
    if (id !== NOTIFICATION_ID) return;
    if (index === 0) logNow();
    else void serial(snooze);
  });
  b.runtime.onStartup.addListener(() => void refresh(true));
  b.runtime.onInstalled.addListener(() => void refresh(true));
  // No reply (void): other listeners (caution handlers) stay free to answer their own messages.
  onMessages({ 'journal:changed': (msg) => void refresh(msg.what === 'settings') }, { runtime: b.runtime });
  watchSettings(() => void refresh(true));

  const idle = async () => {
    for (let seen = queue; ; seen = queue) {
      await seen;
      if (seen === queue) return;
    }
  };

  return { ready: refresh(false), refresh: () => refresh(false), idle };
}
