/**
 * "Today" is computed in two ways: pages use the Date object's local time (utils/dates localDay), the background's
 * badge and reminders use Intl with an IANA zone (utils/reminders/schedule). Both must name the same day at every
 * instant in every zone, and each day's boundaries must follow from the other, or the badge would nag about a day the
 * popup has already saved. Checked for every zone the engine knows, and densely around DST changes in the zones that
 * change at midnight, by half an hour, or are furthest from UTC.
 */
import { addDays, localDay } from '@/utils/dates';
import { nextMidnight, nextReminderAt, shouldShowBadge, zonedDay } from '@/utils/reminders/schedule';

const HOUR = 3_600_000;
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

/** Instants from `from` (ISO) every `stepHours` hours (an odd step, so samples drift across the clock). */
function instants(from: string, count: number, stepHours: number): number[] {
  const start = Date.parse(from);
  return Array.from({ length: count }, (_, i) => start + Math.round(i * stepHours * HOUR));
}

function check(zone: string, times: number[]): string[] {
  process.env.TZ = zone;
  const wrong: string[] = [];
  for (const t of times) {
    const day = zonedDay(t, zone);
    const pageDay = localDay(new Date(t));
    if (pageDay !== day)
      wrong.push(`${zone} ${new Date(t).toISOString()}: page ${pageDay}, background ${day}`);
    const midnight = nextMidnight(t, zone);
    if (!(midnight > t)) wrong.push(`${zone} ${new Date(t).toISOString()}: next midnight not after now`);
    if (zonedDay(midnight, zone) !== addDays(day, 1) || zonedDay(midnight - 1000, zone) !== day)
      wrong.push(
        `${zone} ${new Date(t).toISOString()}: next midnight ${new Date(midnight).toISOString()} is no day boundary`,
      );
    if (localDay(new Date(midnight)) !== addDays(pageDay, 1))
      wrong.push(
        `${zone} ${new Date(t).toISOString()}: the page's day does not change at the background's midnight`,
      );
    const reminder = nextReminderAt(t, '20:00', zone);
    if (!(reminder > t && reminder <= t + 26 * HOUR))
      wrong.push(
        `${zone} ${new Date(t).toISOString()}: next 20:00 reminder at ${new Date(reminder).toISOString()}`,
      );
    // From midnight on, with nothing logged, the badge is on at once; never before the evening hour.
    const rules = { reminder: { enabled: false, time: '20:00' }, badge: { eveningHour: 0 } };
    if (!shouldShowBadge(t, false, rules, zone)) wrong.push(`${zone} ${new Date(t).toISOString()}: no badge`);
  }
  return wrong;
}

test('pages and background agree on today, and on when tomorrow starts, in every time zone', () => {
  const zones = Intl.supportedValuesOf('timeZone');
  expect(zones.length).toBeGreaterThan(300);
  const wrong: string[] = [];
  // Every 730 hours (a month) through 2026, 10 hours later on the clock each time: twelve hours of the day visited.
  const times = instants('2026-01-01T00:17:00Z', 12, 730);
  for (const zone of zones) wrong.push(...check(zone, times));
  expect(wrong.slice(0, 10)).toEqual([]);
}, 60_000); // about a second; the margin is for a loaded machine

test('around DST changes: every 20 minutes through the changes of 2026 in zones that make them hard', () => {
  const zones = [
    'America/New_York', // 02:00 both ways
    'Europe/Berlin',
    'America/Santiago', // changes at midnight: a day starts at 01:00
    'America/Havana', // midnight too
    'America/Asuncion',
    'Asia/Beirut',
    'Australia/Lord_Howe', // half an hour
    'Pacific/Chatham', // UTC+13:45 in summer
    'Pacific/Kiritimati', // UTC+14
    'Etc/GMT+12', // UTC-12
    'Asia/Kathmandu', // UTC+5:45
    'Africa/Casablanca', // an hour back during Ramadan
  ];
  const wrong: string[] = [];
  let changesSeen = 0;
  for (const zone of zones) {
    // The instants where the offset changes, found from hourly samples, then 20-minute samples for a day around each.
    const hourly = instants('2026-01-01T00:00:00Z', 366 * 24, 1);
    process.env.TZ = zone;
    const offsets = hourly.map((t) => new Date(t).getTimezoneOffset());
    const changes = hourly.filter((_, i) => i > 0 && offsets[i] !== offsets[i - 1]);
    changesSeen += changes.length;
    for (const c of changes)
      wrong.push(...check(zone, instants(new Date(c - 12 * HOUR).toISOString(), 72, 1 / 3)));
  }
  expect(wrong.slice(0, 10)).toEqual([]);
  expect(changesSeen).toBeGreaterThanOrEqual(16); // two a year in eight of these zones, more in Casablanca
}, 60_000);
