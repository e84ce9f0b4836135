// Builds tests/fixtures/caution-corpus/corpus.jsonl from the saved search excerpts in
// tests/fixtures/caution-corpus/raw/*.txt (issue #8). Run: node scripts/caution/build-corpus.mjs
//
// Raw format, one block per page (the page's own words, copied from a stored copy of the public page):
//   @ <url>
//   # <lang> <y|n> <one-line why>
//   <text lines…>
// Title: the first text line when it is short (≤ 120 characters) and does not end a sentence, else ''.
// Split: by host (www. dropped), FNV-1a hash of the host: 0-59 train, 60-79 dev, 80-99 test, so no host is in two
// splits and the split never depends on the label or on the order of the files.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, '..', '..', 'tests', 'fixtures', 'caution-corpus');
const LANGS = new Set(['en', 'es', 'fr', 'de', 'it', 'pt', 'nl']);

export function hostOf(url) {
  return new URL(url).hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

export function splitOf(host) {
  let h = 0x811c9dc5;
  for (let i = 0; i < host.length; i++) h = Math.imul(h ^ host.charCodeAt(i), 0x01000193) >>> 0;
  const b = h % 100;
  return b < 60 ? 'train' : b < 80 ? 'dev' : 'test';
}

function parse(file, raw) {
  const out = [];
  const blocks = raw.split(/^@ /m).slice(1);
  for (const block of blocks) {
    const lines = block.split('\n');
    const url = lines[0].trim();
    const m = /^# (\w\w) ([yn]) (.+)$/.exec(lines[1] ?? '');
    if (!m) throw new Error(`${file}: bad header for ${url}: ${lines[1]}`);
    const [, language, yn, why] = m;
    if (!LANGS.has(language)) throw new Error(`${file}: unknown language ${language} for ${url}`);
    new URL(url); // throws on a malformed address
    const text = lines
      .slice(2)
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (text.length < 80) throw new Error(`${file}: text too short for ${url}`);
    const first = text.split('\n')[0].trim();
    const title = first.length <= 120 && !/[.:;!?…]$/.test(first) ? first : '';
    out.push({ url, title, text, label: yn === 'y', language, why: why.trim(), split: splitOf(hostOf(url)) });
  }
  return out;
}

const rows = [];
for (const file of readdirSync(join(dir, 'raw'))
  .filter((f) => f.endsWith('.txt'))
  .sort())
  rows.push(...parse(file, readFileSync(join(dir, 'raw', file), 'utf8')));

const seen = new Set();
for (const r of rows) {
  if (seen.has(r.url)) throw new Error(`duplicate url ${r.url}`);
  seen.add(r.url);
}
writeFileSync(join(dir, 'corpus.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

const by = (f) => rows.reduce((m, r) => ((m[f(r)] = (m[f(r)] ?? 0) + 1), m), {});
console.log(`${rows.length} pages, ${rows.filter((r) => r.label).length} positive`);
console.log(
  'language',
  by((r) => r.language),
);
console.log(
  'split',
  by((r) => r.split),
);
console.log(
  'split×label',
  by((r) => `${r.split}:${r.label ? 'y' : 'n'}`),
);
console.log(
  'test positives by language',
  by((r) => (r.split === 'test' && r.label ? r.language : '-')),
);
