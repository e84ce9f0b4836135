import { browser } from 'wxt/browser';

/**
 * Every user-visible string goes through t(): the text lives in locales/<lang>/*.json and reaches the page through
 * the browser's i18n API (no bundle cost, works in content scripts). Placeholders are {0}, {1}, ….
 */
export function t(key: string, ...subs: Array<string | number>): string {
  // Keys come from locales/*.json merged at build time, so WXT's generated key type does not know them.
  const raw = (browser.i18n.getMessage as (k: string) => string)(key) || key;
  return subs.length === 0 ? raw : raw.replace(/\{(\d)\}/g, (_, i: string) => String(subs[Number(i)] ?? ''));
}

/** The UI language the browser picked for our messages, for date and number formatting. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
