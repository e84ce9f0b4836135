/**
 * Calendar days. A check-in belongs to the person's *local* calendar day, written "YYYY-MM-DD". All day arithmetic
 * goes through UTC midnight of that day, so DST changes (23- or 25-hour days) never skip or repeat a day.
 */
export type Day = string; // YYYY-MM-DD

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Local calendar day of a moment (default: now). */
export function localDay(at: Date = new Date()): Day {
  const y = at.getFullYear();
  const m = at.getMonth() + 1;
  const d = at.getDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True for a real calendar date in YYYY-MM-DD form (rejects 2025-02-30, 2025-13-01, "2025-1-1"). */
export function isDay(s: unknown): s is Day {
  if (typeof s !== 'string') return false;
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function toUtc(day: Day): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`Not a day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtc(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  return fromUtc(toUtc(day) + n * MS_PER_DAY);
}

/** Whole days from a to b (b - a); negative when b is earlier. */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toUtc(b) - toUtc(a)) / MS_PER_DAY);
}

/** Every day from `from` to `to`, inclusive. */
export function dayRange(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let ms = toUtc(from), end = toUtc(to); ms <= end; ms += MS_PER_DAY) out.push(fromUtc(ms));
  return out;
}

/** Between midnight and 3 a.m. a person logging "today" may well mean the day that just ended. */
export function isSmallHours(at: Date = new Date()): boolean {
  return at.getHours() < 3;
}

/** A Date at local noon of the day: safe for formatting with toLocaleDateString in any time zone. */
export function dayToLocalDate(day: Day): Date {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`Not a day: ${day}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A day for people ("Mon, Nov 23"); formatters are cached because creating one costs ~0.3 ms (long tables). */
export function formatDay(day: Day, locale = 'en', opts: Intl.DateTimeFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', ...opts });
    formatters.set(key, f);
  }
  return f.format(dayToLocalDate(day));
}

/** Weekday 0 (Sunday) … 6 of a day, independent of time zone. */
export function weekday(day: Day): number {
  return new Date(toUtc(day)).getUTCDay();
}

/**
 * The one future-day policy (issue #11), used by the data layer, the history editor and import: a check-in may be
 * dated at most tomorrow. Tomorrow, because a person travelling east, or a backup made in a time zone ahead of this
 * device's, has a "today" that is already tomorrow here; anything later is a typo.
 */
export function latestEntryDay(today: Day = localDay()): Day {
  return addDays(today, 1);
}

/** True when `day` is not after latestEntryDay(today). */
export function isAllowedEntryDay(day: Day, today: Day = localDay()): boolean {
  return day <= latestEntryDay(today);
}
