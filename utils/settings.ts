/**
 * Settings live in browser.storage.local (never the synced storage area: nothing leaves the device) under one key, with a
 * version and migrations, validated on every read: a broken or foreign value falls back to defaults instead of
 * breaking a surface. storage.local (not IndexedDB) because the content script must read the caution switch and
 * muted hosts, and a content script's IndexedDB belongs to the page.
 *
 * Why not WXT's storage.defineItem (version, migrations, fallback, watch; considered for issue #12): it runs an item's
 * migrations when the module defining it loads, in every context, as an unlocked read-modify-write, so a background
 * waking while a page mutes a site could write the pre-change value back over it (the lost update the settings lock
 * below exists for), and the content script would run and write migrations on web pages; it keeps the version in a
 * separate "settings$" key, which backups and restore (utils/backup) would then have to carry beside the value; and
 * its fallback only covers a missing value, not an invalid one, so normalizeSettings would stay anyway. The version
 * lives in the value, migrations run on read (nothing written until the person changes a setting, under the lock).
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

const Time = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
const Host = v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/i));

export const SettingsSchema = v.strictObject({
  version: v.literal(SETTINGS_VERSION),
  reminder: v.strictObject({
    enabled: v.boolean(),
    /** Local time "HH:MM". */
    time: Time,
  }),
  badge: v.strictObject({
    /** When reminders are off, the "not logged yet" badge shows from this local hour. */
    eveningHour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)),
  }),
  caution: v.strictObject({
    enabled: v.boolean(),
    mutedHosts: v.pipe(v.array(Host), v.maxLength(1000)),
  }),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  reminder: { enabled: false, time: '20:00' },
  badge: { eveningHour: 18 },
  caution: { enabled: true, mutedHosts: [] },
};

/** Migrations from each older settings version to the next; empty until a version 2 exists. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

/** Turns any stored value into valid settings: migrate, validate, fall back to defaults field by field. */
export function normalizeSettings(raw: unknown): Settings {
  let value = (raw && typeof raw === 'object' ? { ...(raw as Record<string, unknown>) } : {}) as Record<
    string,
    unknown
  >;
  let version = typeof value.version === 'number' ? value.version : SETTINGS_VERSION;
  for (
    let migrate = MIGRATIONS[version];
    version < SETTINGS_VERSION && migrate;
    migrate = MIGRATIONS[version]
  ) {
    value = migrate(value);
    version += 1;
  }
  const merged = {
    version: SETTINGS_VERSION,
    reminder: { ...DEFAULT_SETTINGS.reminder, ...(value.reminder as object) },
    badge: { ...DEFAULT_SETTINGS.badge, ...(value.badge as object) },
    caution: { ...DEFAULT_SETTINGS.caution, ...(value.caution as object) },
  };
  const out = structuredClone(DEFAULT_SETTINGS);
  for (const section of ['reminder', 'badge', 'caution'] as const) {
    const schema = SettingsSchema.entries[section];
    const r = v.safeParse(schema, merged[section]);
    if (r.success) (out as Record<string, unknown>)[section] = r.output;
  }
  return out;
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(got[SETTINGS_KEY]);
}

/** Validates, then stores; throws a ValiError (nothing stored) when the result would be invalid. */
export async function saveSettings(next: Settings): Promise<Settings> {
  const valid = v.parse(SettingsSchema, next);
  await browser.storage.local.set({ [SETTINGS_KEY]: valid });
  return valid;
}

/**
 * Runs `task` as the only settings writer (issue #11: two tabs muting sites at once each read the old list and the
 * second write dropped the first host). The Web Locks API serialises it across every context of the extension's
 * origin (pages, the background); where it is missing (tests, old browsers) a queue serialises this context.
 */
let queue: Promise<unknown> = Promise.resolve();
export function exclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (
    globalThis.navigator as { locks?: { request: (n: string, f: () => Promise<T>) => Promise<T> } }
  )?.locks;
  if (locks) return locks.request(`pt-journal:${name}`, task);
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

/** Read-modify-write of the settings under the settings lock, so concurrent changes all persist. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  return exclusive('settings', async () => saveSettings(change(structuredClone(await loadSettings()))));
}

/** Calls back with fresh settings whenever they change in any context; returns the unsubscribe function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) cb(normalizeSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
