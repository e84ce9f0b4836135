// Size of the JavaScript a built page loads: its module scripts plus their modulepreload chunks, raw and gzip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @param {string} dir built extension folder  @param {string} html page file name, e.g. "popup.html" */
export function pageJsSize(dir, html) {
  const source = readFileSync(join(dir, html), 'utf8');
  const files = new Set();
  for (const m of source.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g))
    files.add(m[1].replace(/^\//, ''));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { files: [...files], raw, gzip };
}

/** @param {string} path */
export function fileSize(path) {
  const buf = readFileSync(path);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** @param {number[]} xs  @param {number} p 0..1 (nearest rank) */
export function quantile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))];
}

/** "median 75.7 ms (min 54.8, p25 63.1)": a busy machine only adds time, so min and p25 say more than the median. */
export function spread(xs, digits = 1) {
  const f = (x) => x.toFixed(digits);
  return `median ${f(median(xs))} ms (min ${f(Math.min(...xs))}, p25 ${f(quantile(xs, 0.25))}, ${xs.length} runs)`;
}
