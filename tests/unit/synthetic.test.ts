import * as v from 'valibot';
import { syntheticBackup } from '../fixtures/synthetic';
import { EntrySchema, ProfileSchema } from '@/utils/journal/schema';
import { SettingsSchema } from '@/utils/settings';

test('the synthetic journal is deterministic and valid against the schemas', () => {
  const a = syntheticBackup({ days: 400, seed: 7, gapRate: 0.1 });
  const b = syntheticBackup({ days: 400, seed: 7, gapRate: 0.1 });
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  expect(JSON.stringify(syntheticBackup({ days: 400, seed: 8 }))).not.toBe(JSON.stringify(a));
  expect(a.format).toBe('pt-journal-backup');
  expect(v.safeParse(ProfileSchema, a.profile).success).toBe(true);
  expect(v.safeParse(SettingsSchema, a.settings).success).toBe(true);
  for (const e of a.entries) expect(v.safeParse(EntrySchema, e).issues).toBeUndefined();
  expect(a.entries.length).toBeGreaterThan(300);
  expect(a.entries.length).toBeLessThan(400);
  expect(a.entries.at(-1)!.date <= '2026-11-22').toBe(true);
  // every optional field appears somewhere
  for (const k of [
    'soreness',
    'function',
    'stiffness',
    'reachCm',
    'session',
    'homeExercises',
    'exercisesDone',
    'note',
    'noteForClinician',
  ])
    expect(a.entries.some((e) => k in e)).toBe(true);
});

test('N days without gaps gives N consecutive entries; very long journals stay within valid years', () => {
  const s = syntheticBackup({ days: 28 });
  expect(s.entries).toHaveLength(28);
  expect(s.entries[27]!.date).toBe('2026-11-22');
  expect(s.entries[0]!.date).toBe('2026-10-26');
  const big = syntheticBackup({ days: 100_000 });
  expect(big.entries).toHaveLength(100_000);
  expect(big.entries[0]!.date).toBe('1900-01-01');
  expect(v.safeParse(EntrySchema, big.entries[99_999]).success).toBe(true);
});
