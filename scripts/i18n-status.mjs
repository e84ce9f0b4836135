/**
 * Translation bookkeeping: which English text each translation was made from.
 *
 *   locales/en/*.json          the source text (English)
 *   locales/<lang>/*.json      translations, same keys and placeholders
 *   locales/_sources/<lang>.json   one line per key: "en:<hash of English> tr:<hash of the translation>"
 *
 * A translation is *stale* when the English message changed after it was made (the recorded English hash no longer
 * matches), so a reworded English message fails tests/unit/i18n.test.ts until someone re-translates it.
 *
 *   npm run i18n:status                    list missing, stale and unrecorded keys per language (exit 1 if any)
 *   npm run i18n:stamp                     after translating: record every translation that is new or whose text
 *                                          changed; a translation whose English changed but whose text did not is
 *                                          left stale (it still needs a translator)
 *   npm run i18n:stamp -- --accept key ... the English edit needs no re-translation (a typo fix): record it as is;
 *                                          "key" for every language, "lang:key" for one
 *
 * Plain JavaScript (no build step): Node runs it directly, and the unit test imports the same functions.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOCALES = join(dirname(fileURLToPath(import.meta.url)), '..', 'locales');

/**
 * Messages that may read the same as English, with the reason. Anything else identical to English counts as
 * "left in English". "*" applies to every language.
 */
export const SAME_AS_ENGLISH = {
  '*': {
    extName: 'product name',
    remBadgeText: 'a number on the toolbar badge',
    remTitle: 'placeholders and line breaks only',
    progAxisReach: 'unit symbol (cm)',
    dataActivityRating: 'placeholder and scale only',
    dataOk: '"OK" is the usual button word in these languages (Spanish uses "Aceptar")',
  },
  fr: {
    srcTitle: '"Sources" is French too',
    dataDatesTitle: '"Dates" is French too',
    dataColDate: '"Date" is French too',
    dataColNote: '"Note" is French too',
    popupNoteLabel: '"Note" is French too',
    dataColActions: '"Actions" is French too',
    optionsNavLabel: '"Sections" is French too',
    cmdGroup_journal: '"Journal" is French too',
    progPoints: '"{0} points" is French too',
    progPoint1: '"{0} point" is French too',
  },
  nl: { progTableWeek: '"Week" is Dutch too', paletteRecent: '"Recent" is Dutch too' },
};

/** Language folders: en, es, pt_BR… (not _sources). */
export function languages(root = LOCALES) {
  return readdirSync(root)
    .filter((name) => /^[a-z]{2,3}(_[A-Z]{2})?$/.test(name) && statSync(join(root, name)).isDirectory())
    .sort();
}

/** All messages of one language as { key: message } (same merge as scripts/locales.ts flatMessages). */
export function readMessages(lang, root = LOCALES) {
  const out = {};
  for (const file of readdirSync(join(root, lang))
    .filter((f) => f.endsWith('.json'))
    .sort())
    Object.assign(out, JSON.parse(readFileSync(join(root, lang, file), 'utf8')));
  return out;
}

export const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 10);

export function readSources(lang, root = LOCALES) {
  try {
    return JSON.parse(readFileSync(join(root, '_sources', `${lang}.json`), 'utf8'));
  } catch {
    return {};
  }
}

function writeSources(lang, sources, root) {
  mkdirSync(join(root, '_sources'), { recursive: true });
  // Sorted, one key per line: two people adding different keys rarely touch the same line.
  const sorted = Object.fromEntries(Object.entries(sources).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(join(root, '_sources', `${lang}.json`), `${JSON.stringify(sorted, null, 2)}\n`);
}

const record = (en, tr) => `en:${hash(en)} tr:${hash(tr)}`;

/** Per language: keys missing, stale (English changed since), unrecorded, left in English, unknown. */
export function status(root = LOCALES) {
  const english = readMessages('en', root);
  const result = {};
  for (const lang of languages(root).filter((l) => l !== 'en')) {
    const messages = readMessages(lang, root);
    const sources = readSources(lang, root);
    const allowed = { ...SAME_AS_ENGLISH['*'], ...(SAME_AS_ENGLISH[lang] ?? {}) };
    const r = { missing: [], stale: [], unrecorded: [], english: [], unknown: [] };
    for (const [key, en] of Object.entries(english)) {
      const tr = messages[key];
      if (tr === undefined) {
        r.missing.push(key);
        continue;
      }
      const rec = sources[key];
      if (rec === undefined) r.unrecorded.push(key);
      else if (!rec.startsWith(`en:${hash(en)} `)) r.stale.push(key);
      else if (rec !== record(en, tr)) r.unrecorded.push(key);
      if (tr.trim() === en.trim() && !(key in allowed)) r.english.push(key);
    }
    for (const key of Object.keys(messages)) if (!(key in english)) r.unknown.push(key);
    result[lang] = r;
  }
  return result;
}

/**
 * Records translations: new ones and ones whose text changed since the last record. `accept` lists keys ("key" or
 * "lang:key") whose English changed in a way that needs no re-translation.
 */
export function stamp(accept = [], root = LOCALES) {
  const english = readMessages('en', root);
  const changed = {};
  for (const lang of languages(root).filter((l) => l !== 'en')) {
    const messages = readMessages(lang, root);
    const sources = readSources(lang, root);
    const next = {};
    changed[lang] = [];
    for (const [key, tr] of Object.entries(messages)) {
      const en = english[key];
      if (en === undefined) continue;
      const rec = sources[key];
      const accepted = accept.includes(key) || accept.includes(`${lang}:${key}`);
      const textChanged = rec === undefined || !rec.endsWith(` tr:${hash(tr)}`);
      if (textChanged || accepted) {
        next[key] = record(en, tr);
        if (rec !== next[key]) changed[lang].push(key);
      } else next[key] = rec; // unchanged translation: keep what it was made from (stale stays stale)
    }
    writeSources(lang, next, root);
  }
  return changed;
}

const list = (keys) =>
  keys.length > 30 ? `${keys.slice(0, 30).join(', ')} … and ${keys.length - 30} more` : keys.join(', ');

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--stamp') {
    const accept = args.slice(1).filter((a) => a !== '--accept');
    for (const [lang, keys] of Object.entries(stamp(accept)))
      if (keys.length) console.log(`${lang}: recorded ${keys.length} (${list(keys)})`);
  }
  let problems = 0;
  for (const [lang, r] of Object.entries(status())) {
    const lines = [
      ['missing', r.missing, 'translate these'],
      ['stale', r.stale, 'English changed since the translation: re-translate, then npm run i18n:stamp'],
      ['unrecorded', r.unrecorded, 'translated but not recorded: npm run i18n:stamp'],
      ['left in English', r.english, 'translate, or add to SAME_AS_ENGLISH with a reason'],
      ['unknown', r.unknown, 'not in English any more: remove'],
    ].filter(([, keys]) => keys.length);
    problems += lines.reduce((n, [, keys]) => n + keys.length, 0);
    console.log(`${lang}: ${lines.length ? '' : 'complete'}`);
    for (const [what, keys, hint] of lines) console.log(`  ${what} (${keys.length}; ${hint}): ${list(keys)}`);
  }
  process.exitCode = problems ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
