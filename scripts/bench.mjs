// npm run bench: builds once, then runs every scripts/bench/*.mjs in order and prints their figures.
// Figures, not pass/fail: targets are printed beside them; see each issue's closing note for the numbers.
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!process.argv.includes('--no-build'))
  execSync('npx wxt build', { stdio: 'inherit', cwd: join(here, '..') });
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const file of readdirSync(join(here, 'bench'))
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  console.log(`\n## ${file.replace(/\.mjs$/, '')}`);
  const mod = await import(join(here, 'bench', file));
  await mod.default();
}
