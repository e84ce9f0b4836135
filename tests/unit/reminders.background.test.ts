/**
 * The background side of reminders against WXT's fake browser, with an injected clock and time zone. Alarms never
 * fire by themselves in the fake: each test moves the clock and delivers the alarm the real browser would.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { Journal } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import { DEFAULT_SETTINGS, updateSettings, type Settings } from '@/utils/settings';
import {
  ALARM_BADGE,
  ALARM_DAILY,
  ALARM_HOURLY,
  ALARM_SNOOZE,
  NOTIFICATION_ID,
  SNOOZE_MS,
  registerReminders,
  type Reminders,
} from '@/utils/reminders/background';

const NY = 'America/New_York';
let n = 0;
let clock = 0;
let zone = NY;

function start(opts: { buttons?: boolean; journal?: Journal } = {}) {
  const journal =
    opts.journal ?? new Journal(new JournalDB(`reminders-${n++}`), { now: () => new Date(clock) });
  const rem = registerReminders(journal, {
    browser: fakeBrowser as unknown as typeof import('wxt/browser').browser,
    now: () => clock,
    timeZone: () => zone,
    notificationButtons: opts.buttons ?? true,
  });
  return { journal, rem };
}

async function setReminder(
  rem: Reminders,
  reminder: Partial<Settings['reminder']>,
  badge?: Settings['badge'],
) {
  await updateSettings((s) => ({ ...s, reminder: { ...s.reminder, ...reminder }, badge: badge ?? s.badge }));
  await rem.idle();
}

/** Moves the clock to the alarm's time and delivers it, as the browser would. */
async function fire(rem: Reminders, name: string, deliveredAt?: number) {
  const alarm = await fakeBrowser.alarms.get(name);
  if (!alarm) throw new Error(`no alarm ${name}`);
  clock = deliveredAt ?? alarm.scheduledTime;
  await fakeBrowser.alarms.onAlarm.trigger(alarm as Browser.alarms.Alarm);
  await rem.idle();
}

/** A stopped service worker loses its listeners; alarms and storage stay. */
function killWorker() {
  for (const event of [
    fakeBrowser.alarms.onAlarm,
    fakeBrowser.runtime.onStartup,
    fakeBrowser.runtime.onInstalled,
    fakeBrowser.runtime.onMessage,
    fakeBrowser.notifications.onClicked,
    fakeBrowser.notifications.onButtonClicked,
    fakeBrowser.storage.onChanged,
  ])
    (event as unknown as { removeAllListeners: () => void }).removeAllListeners();
}

const scheduled = async (name: string) => {
  const a = await fakeBrowser.alarms.get(name);
  return a ? new Date(a.scheduledTime).toISOString() : undefined;
};
const notifications = async () =>
  fakeBrowser.notifications.getAll() as Promise<Record<string, { buttons?: unknown[]; message: string }>>;
const badge = () => fakeBrowser.action.getBadgeText({});
const title = () => fakeBrowser.action.getTitle({});

beforeEach(() => {
  clock = Date.parse('2026-01-15T15:00:00Z'); // Thursday 10:00 in New York
  zone = NY;
});

describe('daily reminder', () => {
  test('off by default: no daily alarm, but the badge keeps its own alarms', async () => {
    const { rem } = start();
    await rem.ready;
    expect(await scheduled(ALARM_DAILY)).toBeUndefined();
    expect((await fakeBrowser.alarms.get(ALARM_HOURLY))?.periodInMinutes).toBe(60);
    expect(await scheduled(ALARM_BADGE)).toBe('2026-01-15T23:00:00.000Z'); // 18:00 evening hour
  });

  test('turning it on schedules the next local reminder time; turning it off clears it', async () => {
    const { rem } = start();
    await rem.ready;
    await setReminder(rem, { enabled: true, time: '20:00' });
    expect(await scheduled(ALARM_DAILY)).toBe('2026-01-16T01:00:00.000Z');
    await setReminder(rem, { enabled: false });
    expect(await scheduled(ALARM_DAILY)).toBeUndefined();
  });

  test('a changed reminder time re-schedules at once, the same day if still ahead', async () => {
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    await setReminder(rem, { time: '07:30' });
    expect(await scheduled(ALARM_DAILY)).toBe('2026-01-16T12:30:00.000Z'); // tomorrow 07:30 EST
    await setReminder(rem, { time: '11:15' });
    expect(await scheduled(ALARM_DAILY)).toBe('2026-01-15T16:15:00.000Z'); // today 11:15 EST
  });

  test('fires a notification with "Log now" and "Snooze 1 hour", then schedules tomorrow', async () => {
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    await fire(rem, ALARM_DAILY);
    const shown = (await notifications())[NOTIFICATION_ID];
    expect(shown?.buttons).toEqual([{ title: 'Log now' }, { title: 'Snooze 1 hour' }]);
    expect(await scheduled(ALARM_DAILY)).toBe('2026-01-17T01:00:00.000Z');
  });

  test('no notification when today is already logged, but tomorrow is still scheduled', async () => {
    const { rem, journal } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    await journal.saveEntry({ date: '2026-01-15', pain: 3 });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await fire(rem, ALARM_DAILY);
    expect(create).not.toHaveBeenCalled();
    expect(await scheduled(ALARM_DAILY)).toBe('2026-01-17T01:00:00.000Z');
  });

  test('an alarm delivered a little early does not schedule the same evening again', async () => {
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    await fire(rem, ALARM_DAILY, Date.parse('2026-01-16T00:59:59.500Z'));
    expect(await scheduled(ALARM_DAILY)).toBe('2026-01-17T01:00:00.000Z');
  });

  test('a reminder delivered the next morning (computer asleep) is dropped as stale', async () => {
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await fire(rem, ALARM_DAILY, Date.parse('2026-01-16T13:00:00Z')); // Friday 08:00
    expect(create).not.toHaveBeenCalled();
    expect(await scheduled(ALARM_DAILY)).toBe('2026-01-17T01:00:00.000Z'); // Friday 20:00
  });

  test('keeps 20:00 local across spring forward and fall back', async () => {
    clock = Date.parse('2026-03-07T17:00:00Z'); // Saturday 12:00 EST
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    expect(await scheduled(ALARM_DAILY)).toBe('2026-03-08T01:00:00.000Z'); // Sat 20:00 EST
    await fire(rem, ALARM_DAILY);
    expect(await scheduled(ALARM_DAILY)).toBe('2026-03-09T00:00:00.000Z'); // Sun 20:00 EDT

    clock = Date.parse('2026-10-31T16:00:00Z'); // Saturday 12:00 EDT
    await setReminder(rem, { time: '20:01' });
    await setReminder(rem, { time: '20:00' });
    expect(await scheduled(ALARM_DAILY)).toBe('2026-11-01T00:00:00.000Z'); // Sat 20:00 EDT
    await fire(rem, ALARM_DAILY);
    expect(await scheduled(ALARM_DAILY)).toBe('2026-11-02T01:00:00.000Z'); // Sun 20:00 EST
  });

  test('a time that does not exist on the spring-forward day fires at 03:00, then 02:30 again', async () => {
    clock = Date.parse('2026-03-08T05:30:00Z'); // Sunday 00:30 EST
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '02:30' });
    expect(await scheduled(ALARM_DAILY)).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    await fire(rem, ALARM_DAILY);
    expect(Object.keys(await notifications())).toEqual([NOTIFICATION_ID]);
    expect(await scheduled(ALARM_DAILY)).toBe('2026-03-09T06:30:00.000Z');
  });

  test('a time zone change is picked up on the hourly check', async () => {
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    zone = 'Europe/Berlin';
    await fire(rem, ALARM_HOURLY, clock + 60 * 60_000); // Berlin: 17:00
    expect(await scheduled(ALARM_DAILY)).toBe('2026-01-15T19:00:00.000Z'); // 20:00 in Berlin
  });
});

describe('notification actions', () => {
  test('"Snooze 1 hour" clears it and reminds again an hour later', async () => {
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    await fire(rem, ALARM_DAILY);
    await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 1);
    await rem.idle();
    expect(await notifications()).toEqual({});
    const snoozeAt = Date.parse('2026-01-16T01:00:00Z') + SNOOZE_MS;
    expect(await scheduled(ALARM_SNOOZE)).toBe(new Date(snoozeAt).toISOString());
    await fire(rem, ALARM_SNOOZE);
    expect(Object.keys(await notifications())).toEqual([NOTIFICATION_ID]);
    // The daily alarm is untouched by a snooze.
    expect(await scheduled(ALARM_DAILY)).toBe('2026-01-17T01:00:00.000Z');
  });

  test('a snoozed reminder stays quiet if the check-in was saved meanwhile', async () => {
    const { rem, journal } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    await fire(rem, ALARM_DAILY);
    await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 1);
    await rem.idle();
    const snooze = await fakeBrowser.alarms.get(ALARM_SNOOZE);
    await journal.saveEntry({ date: '2026-01-15', pain: 2 });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'journal:changed', what: 'entries' }, {});
    await rem.idle();
    // Saving cancels the snooze; even a late delivery of it shows nothing.
    expect(await fakeBrowser.alarms.get(ALARM_SNOOZE)).toBeUndefined();
    clock = snooze!.scheduledTime;
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await fakeBrowser.alarms.onAlarm.trigger(snooze as Browser.alarms.Alarm);
    await rem.idle();
    expect(create).not.toHaveBeenCalled();
  });

  test('"Log now" opens the popup when the browser allows it', async () => {
    const openPopup = vi.spyOn(fakeBrowser.action, 'openPopup').mockImplementation(() => Promise.resolve());
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    await fire(rem, ALARM_DAILY);
    await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 0);
    await rem.idle();
    expect(openPopup).toHaveBeenCalledTimes(1);
    expect(tabs).not.toHaveBeenCalled();
    expect(await notifications()).toEqual({});
  });

  test('"Log now" falls back to the check-in in a tab when openPopup rejects (no focused window)', async () => {
    vi.spyOn(fakeBrowser.action, 'openPopup').mockImplementation(() =>
      Promise.reject(new Error('Could not find an active browser window.')),
    );
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    await fire(rem, ALARM_DAILY);
    await fakeBrowser.notifications.onClicked.trigger(NOTIFICATION_ID);
    await rem.idle();
    expect(tabs).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/popup.html'), active: true });
  });

  test('"Log now" focuses the last browser window and retries the popup before falling back to a tab', async () => {
    const win = await fakeBrowser.windows.create({ focused: false });
    const openPopup = vi
      .spyOn(fakeBrowser.action, 'openPopup')
      .mockImplementationOnce(() => Promise.reject(new Error('Browser window is not focused.')))
      .mockImplementationOnce(() => Promise.resolve());
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue(win);
    const update = vi.spyOn(fakeBrowser.windows, 'update');
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '20:00' });
    await fire(rem, ALARM_DAILY);
    await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 0);
    await rem.idle();
    expect(update).toHaveBeenCalledWith(win.id, { focused: true });
    expect(openPopup).toHaveBeenLastCalledWith({ windowId: win.id });
    expect(tabs).not.toHaveBeenCalled();
  });

  test('without notification buttons (Firefox) the message says a click opens the check-in', async () => {
    const { rem } = start({ buttons: false });
    await setReminder(rem, { enabled: true, time: '20:00' });
    await fire(rem, ALARM_DAILY);
    const shown = (await notifications())[NOTIFICATION_ID];
    expect(shown?.buttons).toBeUndefined();
    expect(shown?.message).toMatch(/click/i);
  });

  test('ignores other notifications and alarms', async () => {
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    const { rem } = start();
    await rem.ready;
    await fakeBrowser.notifications.onClicked.trigger('someone-else');
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'other', scheduledTime: clock } as Browser.alarms.Alarm);
    await rem.idle();
    expect(tabs).not.toHaveBeenCalled();
    expect(await notifications()).toEqual({});
  });
});

describe('across restarts', () => {
  test('a woken worker keeps the existing alarm; startup re-creates it from the settings', async () => {
    const first = start();
    await setReminder(first.rem, { enabled: true, time: '20:00' });
    const before = await fakeBrowser.alarms.get(ALARM_DAILY);

    // The worker was shut down; a new one registers again (listeners are gone with the old worker).
    killWorker();
    const second = start({ journal: first.journal });
    await second.rem.ready;
    expect(await fakeBrowser.alarms.get(ALARM_DAILY)).toEqual(before);

    // Browser restart: some browsers drop alarms; onStartup schedules again from storage.
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    await second.rem.idle();
    expect(await scheduled(ALARM_DAILY)).toBe('2026-01-16T01:00:00.000Z');
    expect(await scheduled(ALARM_HOURLY)).toBeDefined();
  });

  test('settings stored before the worker started are honoured on wake', async () => {
    await updateSettings((s) => ({ ...s, reminder: { enabled: true, time: '21:45' } }));
    const { rem } = start();
    await rem.ready;
    expect(await scheduled(ALARM_DAILY)).toBe('2026-01-16T02:45:00.000Z');
    expect(DEFAULT_SETTINGS.reminder.enabled).toBe(false);
  });
});

describe('badge integration', () => {
  test('appears at the evening hour, clears the moment a check-in is saved, and again at midnight', async () => {
    const { rem, journal } = start();
    await rem.ready;
    expect(await badge()).toBe('');
    await fire(rem, ALARM_BADGE); // 18:00
    expect(await badge()).toBe('1');
    expect(await title()).toContain('not logged yet');

    await journal.saveEntry({ date: '2026-01-15', pain: 4 });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'journal:changed', what: 'entries' }, {});
    await rem.idle();
    expect(await badge()).toBe('');
    expect(await title()).toContain('1 day logged in a row');

    await journal.deleteEntry('2026-01-15');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'journal:changed', what: 'entries' }, {});
    await rem.idle();
    expect(await badge()).toBe('1');
    expect(await scheduled(ALARM_BADGE)).toBe('2026-01-16T05:00:00.000Z'); // next local midnight
    await fire(rem, ALARM_BADGE);
    expect(await badge()).toBe('');
  });

  test('with reminders on, it waits for the reminder time instead of the evening hour', async () => {
    const { rem } = start();
    await setReminder(rem, { enabled: true, time: '21:00' }, { eveningHour: 18 });
    expect(await scheduled(ALARM_BADGE)).toBe('2026-01-16T02:00:00.000Z');
    clock = Date.parse('2026-01-15T23:30:00Z'); // 18:30: past the evening hour, before the reminder
    await rem.refresh();
    expect(await badge()).toBe('');
    await fire(rem, ALARM_DAILY);
    expect(await badge()).toBe('1');
  });

  test('a changed evening hour applies at once', async () => {
    clock = Date.parse('2026-01-15T22:30:00Z'); // 17:30
    const { rem } = start();
    await rem.ready;
    expect(await badge()).toBe('');
    await setReminder(rem, {}, { eveningHour: 17 });
    expect(await badge()).toBe('1');
  });

  test('ignores malformed messages', async () => {
    const { rem } = start();
    await rem.ready;
    const spy = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'journal:changed', what: 'everything' }, {});
    await fakeBrowser.runtime.onMessage.trigger('journal:changed', {});
    await rem.idle();
    expect(spy).not.toHaveBeenCalled();
  });
});
