/**
 * The caution part of the settings, as the note's module (utils/caution/ui.ts, content-script side) reads it to take a
 * note down when the person turns the notes off or mutes the site elsewhere. It does not carry the whole settings
 * module (every section's schema, migrations, writes): it validates only the caution section, falling back to the
 * defaults like utils/settings.ts does, and leaves writes (muting a site) to the background ("caution:mute").
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../settings';

export type CautionSettings = Settings['caution'];

/**
 * The caution section's shape, checked by hand rather than with valibot: this file is in the content script that
 * runs on every page, where the validator would be ~3 KB of its budget. Same rules as SettingsSchema.caution
 * (tests/unit/caution-guards.test.ts compares the two on good and broken values).
 */
const HOST_RE = /^[a-z0-9.-]+$/i;
export function isCautionSection(x: unknown): x is CautionSettings {
  if (!x || typeof x !== 'object') return false;
  const keys = Object.keys(x);
  const { enabled, mutedHosts } = x as Record<string, unknown>;
  return (
    keys.length === 2 &&
    typeof enabled === 'boolean' &&
    Array.isArray(mutedHosts) &&
    mutedHosts.length <= 1000 &&
    mutedHosts.every((h) => typeof h === 'string' && h.length >= 1 && h.length <= 253 && HOST_RE.test(h))
  );
}

/** Any stored value → valid caution settings (a missing or broken section means the defaults). */
export function readCaution(raw: unknown): CautionSettings {
  const section = raw && typeof raw === 'object' ? (raw as { caution?: unknown }).caution : undefined;
  const merged = { ...DEFAULT_SETTINGS.caution, ...(section && typeof section === 'object' ? section : {}) };
  return isCautionSection(merged) ? merged : { ...DEFAULT_SETTINGS.caution };
}

/** Muted "example.com" also covers "www.example.com" and "m.example.com"; a leading "www." never matters. */
export function isMuted(hostname: string, muted: readonly string[]): boolean {
  const bare = (h: string) => h.toLowerCase().replace(/^www\./, '');
  const host = bare(hostname);
  return muted.some((m) => {
    const mm = bare(m);
    return host === mm || host.endsWith(`.${mm}`);
  });
}

export async function loadCaution(): Promise<CautionSettings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return readCaution(got[SETTINGS_KEY]);
}

/** Calls back with the caution settings whenever the stored settings change; returns the unsubscribe function. */
export function watchCaution(cb: (c: CautionSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) cb(readCaution(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
