/**
 * Pure time arithmetic for reminders and the badge: every function takes `now` (epoch ms) and an IANA time zone,
 * so tests can pin both and the background never depends on timers or the process's own zone.
 *
 * A "wall time" (a day plus HH:MM in a zone) maps to zero, one or two instants:
 *
 *   normal day        20:00 ─────────────► one instant
 *   spring forward    02:30 (gap 02:00→03:00) ► none: we use the first valid instant after it, the jump itself (03:00)
 *   fall back         01:30 (01:00–02:00 twice) ► two: we use the first, so a reminder never fires twice
 *
 * Offsets are read from Intl.DateTimeFormat (the browser's tz database), never hard-coded.
 */
import { addDays, type Day } from '../dates';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
const DAY_MS = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock of `instant` in `timeZone`. */
export function wallClock(instant: number, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    // Some engines print midnight as "24" even with h23; it is the start of the same day.
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Milliseconds to add to UTC to get the zone's wall clock at `instant` (e.g. -5 h in New York in winter). */
export function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The local calendar day of `instant` in `timeZone`. */
export function zonedDay(instant: number, timeZone: string): Day {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** "HH:MM" → minutes after midnight; throws on anything else (settings are validated before they get here). */
export function minutesOf(time: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new RangeError(`Not a time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The instant at which the wall clock in `timeZone` shows `minutes` after midnight of `day`. When that wall time
 * happens twice (fall back) the first; when it never happens (spring forward) the first instant after the gap.
 */
export function zonedToInstant(day: Day, minutes: number, timeZone: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, 0, minutes);
  // A zone changes offset at most once within a couple of days, so the offsets a day either side are the only
  // two candidates.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter((c) => c + offsetAt(c, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: the local clock jumps over `wall`; find the jump (first instant whose wall clock is past `wall`).
  let lo = Math.min(wall - before, wall - after);
  let hi = Math.max(wall - before, wall - after);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid + offsetAt(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The next instant strictly after `now` at which the daily reminder at `time` ("HH:MM" local) should fire. */
export function nextReminderAt(now: number, time: string, timeZone: string): number {
  const minutes = minutesOf(time);
  const today = zonedDay(now, timeZone);
  for (let i = 0; i < 3; i += 1) {
    const at = zonedToInstant(addDays(today, i), minutes, timeZone);
    if (at > now) return at;
  }
  // Unreachable for real zones (a day is never longer than 26 hours); a day ahead keeps the alarm alive anyway.
  return now + DAY_MS;
}

/** The next local midnight strictly after `now` (the start of tomorrow, wherever the zone puts it). */
export function nextMidnight(now: number, timeZone: string): number {
  return zonedToInstant(addDays(zonedDay(now, timeZone), 1), 0, timeZone);
}

export interface BadgeRules {
  reminder: { enabled: boolean; time: string };
  badge: { eveningHour: number };
}

/** The instant on `day` from which an unlogged day shows the badge: the reminder time, or the evening hour. */
export function badgeThreshold(day: Day, rules: BadgeRules, timeZone: string): number {
  const minutes = rules.reminder.enabled ? minutesOf(rules.reminder.time) : rules.badge.eveningHour * 60;
  return zonedToInstant(day, minutes, timeZone);
}

/** Whether the toolbar badge should say "not logged yet". */
export function shouldShowBadge(
  now: number,
  loggedToday: boolean,
  rules: BadgeRules,
  timeZone: string,
): boolean {
  return !loggedToday && now >= badgeThreshold(zonedDay(now, timeZone), rules, timeZone);
}

/** When the badge may next change without a check-in being saved: today's threshold if still ahead, else midnight. */
export function nextBadgeChangeAt(now: number, rules: BadgeRules, timeZone: string): number {
  const threshold = badgeThreshold(zonedDay(now, timeZone), rules, timeZone);
  const midnight = nextMidnight(now, timeZone);
  return threshold > now ? Math.min(threshold, midnight) : midnight;
}

/**
 * Consecutive logged days ending today, or ending yesterday while today is still open (an unlogged morning does
 * not break a streak; the day has to end first).
 */
export function currentStreak(loggedDays: Iterable<Day>, today: Day): number {
  const days = new Set(loggedDays);
  let day = days.has(today) ? today : addDays(today, -1);
  let n = 0;
  while (days.has(day)) {
    n += 1;
    day = addDays(day, -1);
  }
  return n;
}
