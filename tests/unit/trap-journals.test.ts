/**
 * tests/fixtures/journals/*.json are the trap journals of issue #10 written for TRAP_FIXED_TODAY (import them by hand
 * through Options → Backup to see what a person sees; set the computer's date near that day, or read the e2e test,
 * which writes fresh ones for the real today). This test keeps the files equal to the generator:
 * `UPDATE_FIXTURES=1 npx vitest run tests/unit/trap-journals.test.ts` rewrites them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntrySchema, ProfileSchema } from '@/utils/journal/schema';
import * as v from 'valibot';
import { TRAPS, TRAP_FIXED_TODAY } from '../fixtures/trap-journals';

const DIR = join(__dirname, '../fixtures/journals');

test.each(Object.entries(TRAPS))('%s.json is current and valid', (name, make) => {
  const file = join(DIR, `${name}.json`);
  const want = `${JSON.stringify(make(TRAP_FIXED_TODAY), null, 2)}\n`;
  if (process.env.UPDATE_FIXTURES || !existsSync(file)) writeFileSync(file, want);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(want));
  const backup = make(TRAP_FIXED_TODAY);
  expect(v.safeParse(ProfileSchema, backup.profile).success).toBe(true);
  for (const e of backup.entries) expect(v.safeParse(EntrySchema, e).issues).toBeUndefined();
});
