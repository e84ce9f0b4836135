/**
 * History, profile and backup on the built extension's options page (PT_OUT_DIR=.output-data): a backup imported
 * through the file input, previewed and confirmed shows in History; exporting gives the same data back; broken files
 * change nothing; CSV escapes formulas; edit and delete-with-undo; axe-core on the three sections.
 */
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, launchExtension, screenshot, type ExtensionBrowser } from './harness';
import { syntheticBackup } from '../fixtures/synthetic';
import { readStore } from './raw-store';

const dir = mkdtempSync(join(tmpdir(), 'pt-data-e2e-'));
const source = syntheticBackup({ days: 90, gapRate: 0.1, end: '2026-11-01' });
source.entries.at(-1)!.note = '=HYPERLINK("http://evil.example","click")';
source.entries.at(-1)!.noteForClinician = true;
source.settings.reminder = { enabled: true, time: '08:15' };
const sourceFile = join(dir, 'backup.json');
writeFileSync(sourceFile, JSON.stringify(source));

let b: ExtensionBrowser;
let page: Page;
beforeAll(async () => {
  b = await launchExtension();
  page = await b.openPage('options.html');
  await page.waitForSelector('#bk-file');
});
afterAll(() => b?.close());

const byAdded = <T extends { addedOn: string; id: string }>(xs: T[]) =>
  [...xs].sort((x, y) => x.addedOn.localeCompare(y.addedOn) || x.id.localeCompare(y.id));

async function importFile(path: string) {
  await page.setInputFiles('#bk-file', path);
}

async function download(button: string): Promise<string> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync((await dl.path())!, 'utf8');
}

/** Entries as stored, read with raw IndexedDB (independent of the app's code). */
function storedEntries(): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(readStore, 'entries');
}

test('import a backup through the page: preview, confirm, see the days in History', async () => {
  await importFile(sourceFile);
  const preview = page.getByTestId('import-preview');
  await preview.waitFor();
  expect(await preview.textContent()).toContain(
    `${source.entries.length} days, 0 conflicting with existing days.`,
  );
  await screenshot(page.locator('#backup').page(), 'data-backup-preview');
  expect(await axeViolations(page, '#backup')).toEqual([]);
  await page.getByRole('button', { name: `Import ${source.entries.length} days` }).click();
  await page.getByTestId('import-done').waitFor();
  expect(await page.getByTestId('import-done').textContent()).toContain(
    `${source.entries.length} days saved`,
  );

  // History (liveQuery): newest first, paged.
  const rows = page.locator('.history-table tbody tr');
  await expect.poll(() => rows.count()).toBe(30);
  expect(await rows.first().locator('time').getAttribute('datetime')).toBe(source.entries.at(-1)!.date);
  expect(await page.locator('.history-tools').textContent()).toContain(
    `Days logged: ${source.entries.length}`,
  );
  expect(await page.locator('.history-pager').first().textContent()).toContain('Page 1 of 3');
  await page.locator('#history').scrollIntoViewIfNeeded();
  await screenshot(page, 'data-options-after-import');
});

test('export JSON gives back exactly the imported data', async () => {
  const exported = JSON.parse(await download('Download backup (JSON)'));
  expect(exported.exportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect({ ...exported, exportedAt: source.exportedAt }).toEqual({
    ...source,
    profile: {
      ...source.profile,
      activities: byAdded(source.profile.activities),
      exercises: byAdded(source.profile.exercises),
    },
  });
});

test('CSV export escapes formulas and quotes per RFC 4180', async () => {
  const csv = await download('Download spreadsheet (CSV)');
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toMatch(/^date,pain,soreness,/);
  expect(lines).toHaveLength(source.entries.length + 2); // header + days + final empty line
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
});

test('a broken file shows what is wrong and where, and changes nothing', async () => {
  const before = await storedEntries();
  await page
    .getByRole('button', { name: 'OK' })
    .click()
    .catch(() => {});

  const invalidJson = join(dir, 'invalid.json');
  writeFileSync(invalidJson, '{"format": "pt-journal-backup", "entries": [');
  await importFile(invalidJson);
  const problems = page.getByTestId('import-problems');
  await problems.waitFor();
  expect(await problems.textContent()).toMatch(/not valid JSON/);
  await problems.getByRole('button', { name: 'OK' }).click();

  const broken = syntheticBackup({ days: 40, seed: 9 }) as unknown as {
    entries: Array<Record<string, unknown>>;
  };
  broken.entries[5]!.pain = 12;
  broken.entries[9]!.soreness = 'burning';
  const brokenFile = join(dir, 'broken.json');
  writeFileSync(brokenFile, JSON.stringify(broken));
  await importFile(brokenFile);
  await problems.waitFor();
  const text = (await problems.textContent()) ?? '';
  expect(text).toContain('was not imported');
  expect(text).toContain(
    `Entry 6 (${broken.entries[5]!.date}), pain: Pain must be a whole number from 0 to 10.`,
  );
  expect(text).toContain(`Entry 10 (${broken.entries[9]!.date}), soreness`);
  expect(await axeViolations(page, '#backup')).toEqual([]);
  await problems.scrollIntoViewIfNeeded();
  await screenshot(page, 'data-backup-problems', false);
  expect(await storedEntries()).toEqual(before);
  await problems.getByRole('button', { name: 'OK' }).click();
});

test('edit a day in History, delete it, and undo restores the exact entry', async () => {
  const newest = source.entries.at(-1)!;
  const row = page.locator('.history-table tbody tr').first();
  await row.getByRole('button', { name: /^Edit/ }).click();
  const editor = page.locator('.edit-row form');
  await editor.waitFor();
  // keyboard users land in the editor
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(`ee-${newest.date}-pain`);
  await editor.getByLabel('Pain (0-10)').selectOption('3');
  await editor.getByLabel('Reach (cm)').fill('500');
  await editor.getByRole('button', { name: 'Save' }).click();
  // the data layer's validation message shows, nothing saved
  await expect.poll(() => editor.locator('.problem-list').textContent()).toContain('Reach must be a number');
  await screenshot(page, 'data-history-edit-error', false);
  await editor.getByLabel('Reach (cm)').fill('12.5');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.locator('.edit-row').count()).toBe(0);
  await expect.poll(() => row.locator('td').first().textContent()).toBe('3');
  const edited = (await storedEntries()).find((e) => e.date === newest.date)!;
  expect(edited).toMatchObject({ pain: 3, reachCm: 12.5, note: newest.note, noteForClinician: true });
  expect(edited.updatedAt).not.toBe(newest.updatedAt);

  await row.getByRole('button', { name: /^Delete/ }).click();
  await expect.poll(async () => (await storedEntries()).some((e) => e.date === newest.date)).toBe(false);
  await expect.poll(() => row.locator('time').getAttribute('datetime')).not.toBe(newest.date);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => row.locator('time').getAttribute('datetime')).toBe(newest.date);
  expect((await storedEntries()).find((e) => e.date === newest.date)).toEqual(edited);
});

test('add a missed past day', async () => {
  await page.getByRole('button', { name: 'Add a missed day' }).click();
  const form = page.locator('.history-add form');
  await form.getByLabel('Date').fill('2026-11-05');
  await form.getByLabel('Pain (0-10)').selectOption('4');
  await form.getByLabel('Soreness').selectOption('muscle');
  await form.getByLabel('Sitting for an hour (0-10)').selectOption('6');
  await form.getByLabel('Bridges').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(async () => (await storedEntries()).find((e) => e.date === '2026-11-05'))
    .toMatchObject({
      pain: 4,
      soreness: 'muscle',
      function: { 'act-sit': 6 },
      exercisesDone: ['ex-bridge'],
    });
  // The table follows a live query: poll, the row appears a moment after the write.
  await expect
    .poll(() => page.locator('.history-table tbody tr').first().locator('time').getAttribute('datetime'))
    .toBe('2026-11-05');
});

test('profile: add an activity and an exercise, archive keeps history; axe-clean sections', async () => {
  const profile = page.locator('#profile');
  await profile.getByLabel('New activity').fill('Carrying groceries');
  await profile.getByRole('button', { name: 'Add', exact: true }).click();
  await expect.poll(() => profile.getByLabel('Activity 4').inputValue()).toBe('Carrying groceries');
  await profile.getByRole('button', { name: 'Remove Sitting for an hour' }).click();
  await expect.poll(() => profile.getByRole('status').first().textContent()).toContain('Archived');
  await profile.getByRole('form', { name: 'New exercise' }).getByLabel('Exercise name').fill('Pelvic tilt');
  await profile.getByRole('form', { name: 'New exercise' }).getByLabel('From').selectOption('online');
  await profile
    .getByRole('form', { name: 'New exercise' })
    .getByLabel('Web address (optional)')
    .fill('notaurl');
  await profile.getByRole('button', { name: 'Add exercise' }).click();
  await expect.poll(() => profile.getByRole('status').first().textContent()).toContain('web address');
  await profile
    .getByRole('form', { name: 'New exercise' })
    .getByLabel('Web address (optional)')
    .fill('https://example.org/tilt');
  await profile.getByRole('button', { name: 'Add exercise' }).click();
  await expect.poll(() => profile.getByRole('status').first().textContent()).toContain('Added “Pelvic tilt”');
  await profile.scrollIntoViewIfNeeded();
  await screenshot(page, 'data-profile');
  for (const id of ['#history', '#profile', '#backup']) expect(await axeViolations(page, id), id).toEqual([]);
});

test('dark theme and the delete-all confirmation', async () => {
  const dark = await launchExtension({ colorScheme: 'dark' });
  try {
    const p = await dark.openPage('options.html');
    await p.setInputFiles('#bk-file', sourceFile);
    await p.getByRole('button', { name: /^Import \d+ days/ }).click();
    await p.getByTestId('import-done').waitFor();
    await p.getByRole('button', { name: 'Delete all data…' }).click();
    const confirm = p.getByRole('button', { name: 'Delete everything' });
    expect(await confirm.isDisabled()).toBe(true);
    await p.getByLabel('To confirm, type “delete”').fill('delete');
    for (const id of ['#history', '#profile', '#backup']) expect(await axeViolations(p, id), id).toEqual([]);
    await screenshot(p, 'data-options-dark');
    await p.evaluate(() => localStorage.setItem('pt-journal:draft:2026-11-01', '{}'));
    await confirm.click();
    await p.getByText('All data was deleted.').waitFor();
    expect(await p.evaluate(() => localStorage.length)).toBe(0);
    await expect.poll(() => p.locator('.history-tools').textContent()).toContain('Days logged: 0');
  } finally {
    await dark.close();
  }
});
