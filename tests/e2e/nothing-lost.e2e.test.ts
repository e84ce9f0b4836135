/**
 * Nothing lost (issue #11), on the built extension in Chromium: a stale draft is offered, never restored over a newer
 * entry; a save that meets a day changed in the options page shows the merge view and loses nothing; a database left
 * by a newer version is reported plainly on every page, with nothing deleted and a copy still possible.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { axeViolations, launchExtension, screenshot, within, type ExtensionBrowser } from './harness';
import { readStore } from './raw-store';
import { PopupPage, browserDay } from './pages/popup';

let b: ExtensionBrowser;
beforeEach(async () => {
  b = await launchExtension();
});
afterEach(async () => {
  await b?.close();
});

/** Saves `day` through the options page's History editor, as a second window would. */
async function editInOptions(
  page: Page,
  day: string,
  change: { pain?: string; stiffness?: string; note?: string },
) {
  const row = page.locator('.history-table tbody tr', { has: page.locator(`time[datetime="${day}"]`) });
  let form;
  if (await row.count()) {
    await row.getByRole('button', { name: /^Edit/ }).click();
    form = page.locator('.edit-row form');
  } else {
    await page.getByRole('button', { name: 'Add a missed day' }).click();
    form = page.locator('.history-add form');
    await form.getByLabel('Date').fill(day);
  }
  if (change.pain) await form.getByLabel('Pain (0-10)').selectOption(change.pain);
  if (change.stiffness) await form.getByLabel('Stiffness (0-10)').selectOption(change.stiffness);
  if (change.note) await form.getByLabel('Note', { exact: true }).fill(change.note);
  await form.getByRole('button', { name: 'Save' }).click();
  await page
    .getByText(/^Saved /)
    .first()
    .waitFor();
}

test('a stale draft is offered as older, never restored over the newer entry', async () => {
  const popup = await PopupPage.open(b);
  const today = await browserDay(popup.page);
  await popup.page.keyboard.press('3');
  await popup.page.close(); // draft kept, typed over an empty day

  const options = await b.openPage('options.html');
  await editInOptions(options, today, { pain: '8', note: 'Worse after gardening' });

  const again = await PopupPage.open(b);
  const conflict = again.page.getByTestId('conflict');
  await conflict.waitFor();
  expect(await conflict.textContent()).toContain('Older unsaved changes for this day');
  expect(await again.page.getByTestId('draft-notice').count()).toBe(0);
  expect(await again.page.locator('form.checkin').isHidden()).toBe(true);
  // Ctrl+Enter does not save over it while the choice is open.
  await again.page.keyboard.press('Control+Enter');
  expect((await again.storedEntries())[0]).toMatchObject({ pain: 8, note: 'Worse after gardening' });
  await screenshot(again.page, 'nothing-lost-older-draft');
  // The person takes their own pain, keeps the note saved elsewhere.
  await conflict.locator('tr[data-field="pain"] input[value="mine"]').check();
  await conflict.getByRole('button', { name: 'Save my choices' }).click();
  await again.page.getByTestId('saved').waitFor();
  const [entry] = await again.storedEntries();
  expect(entry).toMatchObject({ date: today, pain: 3, note: 'Worse after gardening' });
  await again.page.close();
  const third = await PopupPage.open(b);
  expect(await third.page.getByTestId('conflict').count()).toBe(0);
  expect(await third.pain().getAttribute('aria-valuenow')).toBe('3');
});

test('popup open, the same day edited in the options page, popup saves: the merge view shows, nothing lost', async () => {
  const popup = await PopupPage.open(b);
  const today = await browserDay(popup.page);
  await popup.page.keyboard.press('4');
  await popup.saveWithKeyboard();
  await popup.page.keyboard.press('5'); // typed, not saved yet

  const options = await b.openPage('options.html');
  await editInOptions(options, today, { stiffness: '6', note: 'Added from the dashboard' });

  await popup.page.bringToFront(); // the person is back in the popup
  await popup.page.keyboard.press('Control+Enter');
  const conflict = popup.page.getByTestId('conflict');
  await conflict.waitFor();
  // Keyboard users land on the question that replaced the form.
  expect(await popup.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
    'conflict',
  );
  expect(await conflict.textContent()).toContain('This day was changed somewhere else');
  expect(await axeViolations(popup.page)).toEqual([]);
  // what changed, field by field: my pain, their stiffness and note
  expect(
    await conflict.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field'))),
  ).toEqual(['pain', 'stiffness', 'note']);
  expect(await conflict.locator('tr[data-field="pain"] input[value="mine"]').isChecked()).toBe(true);
  expect(await conflict.locator('tr[data-field="note"] input[value="theirs"]').isChecked()).toBe(true);
  // Nothing was overwritten yet.
  expect((await popup.storedEntries())[0]).toMatchObject({
    pain: 4,
    stiffness: 6,
    note: 'Added from the dashboard',
  });
  await screenshot(popup.page, 'nothing-lost-conflict');
  await conflict.getByRole('button', { name: 'Save my choices' }).click();
  await popup.page.getByTestId('saved').waitFor();
  expect((await popup.storedEntries())[0]).toMatchObject({
    date: today,
    pain: 5,
    stiffness: 6,
    note: 'Added from the dashboard',
  });
});

test('the history editor meets a change from the popup: merge view, and "keep theirs" keeps it knowingly', async () => {
  const popup = await PopupPage.open(b);
  const today = await browserDay(popup.page);
  await popup.page.keyboard.press('2');
  await popup.saveWithKeyboard();

  const options = await b.openPage('options.html');
  const row = options.locator('.history-table tbody tr').first();
  await row.getByRole('button', { name: /^Edit/ }).click();
  const form = options.locator('.edit-row form');
  await form.getByLabel('Note', { exact: true }).fill('typed in the dashboard');

  await popup.page.keyboard.press('7');
  await popup.page.getByRole('button', { name: /Save changes/ }).click();
  await expect.poll(async () => (await popup.storedEntries())[0]?.pain).toBe(7);

  await form.getByRole('button', { name: 'Save' }).click();
  const conflict = options.getByTestId('conflict');
  await conflict.waitFor();
  expect((await popup.storedEntries())[0]).toMatchObject({ date: today, pain: 7 });
  await conflict.getByRole('button', { name: 'Keep the saved version, drop my changes' }).click();
  await expect.poll(() => options.getByTestId('conflict').count()).toBe(0);
  expect((await popup.storedEntries())[0]).toMatchObject({ pain: 7 });
  expect((await popup.storedEntries())[0]).not.toHaveProperty('note');
});

test('a database left by a newer version: every page says so plainly, nothing is deleted, a copy is possible', async () => {
  const popup = await PopupPage.open(b);
  await popup.page.keyboard.press('6');
  await popup.note().fill('Keep me');
  await popup.saveWithKeyboard();
  const before = await popup.storedEntries();
  await popup.page.close();

  // "A newer PT Journal" upgrades the database (Dexie version 99 = native 990), keeping the stores.
  const page = await b.openPage('help.html');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('pt-journal', 990);
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      }),
  );

  for (const path of ['popup.html', 'options.html', 'report.html', 'welcome.html']) {
    const p = await b.openPage(path);
    const failure = p.getByTestId('db-failure');
    await failure.waitFor({ timeout: 15_000 });
    const text = (await failure.textContent()) ?? '';
    expect(text, path).toContain('Your journal cannot be opened right now');
    expect(text, path).toContain('Nothing was deleted');
    expect(text, path).toContain('newer version of PT Journal');
    expect(await p.locator('main[aria-busy="true"]').count(), path).toBe(0);
    expect(await p.getByText('No days logged yet').count(), path).toBe(0);
    if (path === 'options.html') {
      await screenshot(p, 'nothing-lost-db-failure');
      const [dl] = await Promise.all([
        p.waitForEvent('download'),
        p.getByRole('button', { name: 'Save a copy of what is stored' }).click(),
      ]);
      const copy = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
      expect(copy.entries).toEqual(before);
    }
    await p.close();
  }
  // Still there, untouched.
  const check = await b.openPage('help.html');
  const stored = await within('reading the entries', check.evaluate(readStore, 'entries'));
  expect(stored).toEqual(before);
});

test('"Last backup" on the options page: none yet, then today after a JSON export', async () => {
  const options = await b.openPage('options.html');
  const line = options.getByTestId('last-backup');
  await expect.poll(() => line.textContent()).toContain('No backup made yet.');
  await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Download backup (JSON)' }).click(),
  ]);
  await expect.poll(() => line.textContent()).toContain('Last backup: today.');
  expect(await axeViolations(options, '#backup')).toEqual([]);
});
