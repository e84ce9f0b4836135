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

export function mergedMessages(): Record<string, Record<string, { message: string }>> {
  const result: Record<string, Record<string, { message: string }>> = {};
  for (const lang of readdirSync(root)) {
    const flat = flatMessages(lang);
    // The browser treats "$" as a placeholder marker; escape any literal one.
    result[lang] = Object.fromEntries(
      Object.entries(flat).map(([k, m]) => [k, { message: m.replaceAll('$', '$$$$') }]),
    );
  }
  return result;
}
