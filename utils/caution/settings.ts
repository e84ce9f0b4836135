/**
 * The caution part of the settings, as the content script reads it. The content script runs on every page, so it does
 * not carry the whole settings module (every section's schema, migrations, writes): it validates only the caution
 * section, falling back to the defaults like utils/settings.ts does, and leaves writes (muting a site) to the
 * background ("caution:mute").
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../settings';

export type CautionSettings = Settings['caution'];

const CautionSection = v.strictObject({
  enabled: v.boolean(),
  mutedHosts: v.pipe(v.array(v.pipe(v.string(), v.maxLength(253))), v.maxLength(1000)),
});

/** Any stored value → valid caution settings (a missing or broken section means the defaults). */
export function readCaution(raw: unknown): CautionSettings {
  const section = raw && typeof raw === 'object' ? (raw as { caution?: unknown }).caution : undefined;
  const merged = { ...DEFAULT_SETTINGS.caution, ...(section && typeof section === 'object' ? section : {}) };
  const r = v.safeParse(CautionSection, merged);
  return r.success ? r.output : { ...DEFAULT_SETTINGS.caution };
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
