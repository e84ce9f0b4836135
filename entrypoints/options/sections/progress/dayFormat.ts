import { uiLocale } from '@/utils/i18n';

/**
 * Cached Intl.DateTimeFormat for day labels. Date#toLocaleDateString (utils/dates formatDay) builds a new formatter on
 * every call (about 0.3 ms each): fine for one label, far too slow for a calendar of 371 days or a table of 14,000
 * weeks. Formats the same text as formatDay for the same options.
 */
const cache = new Map<string, Intl.DateTimeFormat>();
const MS_PER_DAY = 86_400_000;

export function dayFormatter(opts: Intl.DateTimeFormatOptions): (dayMs: number) => string {
  const key = JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    // The day is given as its UTC midnight; formatting in UTC keeps it on the same calendar day in every time zone.
    f = new Intl.DateTimeFormat(uiLocale(), { ...opts, timeZone: 'UTC' });
    cache.set(key, f);
  }
  const fmt = f;
  return (dayMs: number) => fmt.format(new Date(dayMs));
}

/** UTC midnight of a YYYY-MM-DD day, in ms. */
export const dayMs = (d: string) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
export { MS_PER_DAY };
