import { browser } from 'wxt/browser';
import type { EnglishMessageKey } from './i18n-keys';

/** A key of locales/en/*.json (one name for WXT's auto-imports: utils/i18n-keys.ts exports it differently). */
export type MessageKey = EnglishMessageKey;

/**
 * Every user-visible string goes through t(): the text lives in locales/<lang>/*.json and reaches the page through
 * the browser's i18n API (no bundle cost, works in content scripts). Placeholders are {0}, {1}, ….
 */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  // Keys come from locales/*.json merged at build time, so WXT's generated key type does not know them; ours
  // (utils/i18n-keys.ts) is read from the same files.
  const raw = (browser.i18n.getMessage as (k: string) => string)(key) || key;
  return subs.length === 0 ? raw : raw.replace(/\{(\d)\}/g, (_, i: string) => formatSub(subs[Number(i)]));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number passed to t() is written the browser's way ("4,5 cm" in German and Spanish). No digit grouping, so a
 * year stays "2026"; callers that want fixed decimals format the number themselves and pass a string.
 */
function formatSub(value: string | number | undefined): string {
  if (typeof value !== 'number') return value ?? '';
  const locale = uiLocale();
  let f = numberFormats.get(locale);
  if (!f)
    numberFormats.set(
      locale,
      (f = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 })),
    );
  return f.format(value);
}

/**
 * Marks a page with the language its messages are actually in (the `langTag` message of the locale the browser
 * picked), so screen readers pronounce it right and hyphenation and spell-check follow it. The HTML files say "en"
 * until this runs.
 */
export function setDocumentLanguage(doc: Document = document): void {
  doc.documentElement.lang = t('langTag');
}

/** The UI language the browser picked for our messages, for date and number formatting. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
