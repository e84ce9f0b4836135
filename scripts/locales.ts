/**
 * User-visible text, one JSON file per surface: locales/<lang>/<surface>.json = { "key": "message" }.
 * At build time they are merged into the browser's _locales/<lang>/messages.json format. Keys must be unique
 * across files (checked here and in tests/unit/i18n.test.ts). Placeholders are {0}, {1}… and are filled by utils/i18n.ts,
 * so messages never need the browser's $-escaping.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'locales');

export function flatMessages(lang: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(join(root, lang))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const part = JSON.parse(readFileSync(join(root, lang, file), 'utf8')) as Record<string, string>;
    for (const [key, message] of Object.entries(part)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`locales/${lang}/${file}: bad key "${key}"`);
      if (key in out) throw new Error(`locales/${lang}/${file}: duplicate key "${key}"`);
      out[key] = message;
    }
  }
  return out;
}

/** Language folders (en, es, pt_BR…); locales/_sources holds translation records, not messages (scripts/i18n-status.mjs). */
export function languages(): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z]{2,3}(_[A-Z]{2})?$/.test(d.name))
    .map((d) => d.name)
    .sort();
}

export function mergedMessages(): Record<string, Record<string, { message: string }>> {
  const result: Record<string, Record<string, { message: string }>> = {};
  for (const lang of languages()) {
    const flat = flatMessages(lang);
    // The browser treats "$" as a placeholder marker; escape any literal one.
    result[lang] = Object.fromEntries(
      Object.entries(flat).map(([k, m]) => [k, { message: m.replaceAll('$', '$$$$') }]),
    );
  }
  // Chrome falls back from the UI locale to its language (pt_PT -> pt), then to default_locale (English); it never
  // tries a sibling region. So a Portuguese (Portugal) browser would get English unless "pt" exists: ship the
  // Brazilian Portuguese messages as "pt" too. (Firefox negotiates pt-PT -> pt-BR by itself.)
  if (result.pt_BR && !result.pt) result.pt = result.pt_BR;
  return result;
}
