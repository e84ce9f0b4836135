import { launchExtension, axeViolations, screenshot, type ExtensionBrowser } from './harness';
import { PopupPage, browserDay } from './pages/popup';

let b: ExtensionBrowser;
beforeEach(async () => {
  b = await launchExtension();
});
afterEach(async () => {
  await b?.close();
});

test('keyboard-only check-in: digit, Tab to a choice, Ctrl+Enter; close, reopen, value persisted', async () => {
  const popup = await PopupPage.open(b);
  expect(await popup.focusedId()).toBe('pain');
  await popup.page.keyboard.press('1');
  await popup.page.keyboard.press('0');
  expect(await popup.pain().getAttribute('aria-valuenow')).toBe('10');
  await popup.page.keyboard.press('ArrowDown');
  await popup.page.keyboard.press('ArrowDown');
  expect(await popup.pain().getAttribute('aria-valuenow')).toBe('8');
  await popup.page.keyboard.press('4');
  await popup.page.keyboard.press('Tab'); // soreness group
  await popup.page.keyboard.press('ArrowDown'); // first radio gets checked by arrow navigation
  await popup.saveWithKeyboard();
  await expect.poll(() => popup.page.getByTestId('saved').textContent()).toMatch(/^Saved for/);
  await popup.page.close();

  const again = await PopupPage.open(b);
  expect(await again.pain().getAttribute('aria-valuenow')).toBe('4');
  expect(await again.page.getByRole('button', { name: /Save changes/ }).count()).toBe(1);
  const entries = await again.storedEntries();
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ date: await browserDay(again.page), pain: 4 });
  expect(entries[0]?.soreness).toBeDefined();
  expect(b.externalRequests).toEqual([]);
});

test('a draft survives the popup closing mid-entry and is clearly marked', async () => {
  const popup = await PopupPage.open(b);
  await popup.page.keyboard.press('7');
  await popup.note().fill('Stairs were easier today');
  await popup.page.close(); // like losing focus: no save, no chance to run async code

  const again = await PopupPage.open(b);
  await again.page.getByTestId('draft-notice').waitFor();
  expect(await again.pain().getAttribute('aria-valuenow')).toBe('7');
  expect(await again.note().inputValue()).toBe('Stairs were easier today');
  expect(await again.storedEntries()).toEqual([]); // a draft is not a check-in until saved
  await again.saveWithKeyboard();
  expect(await again.page.getByTestId('draft-notice').count()).toBe(0);
  expect((await again.storedEntries())[0]).toMatchObject({ pain: 7, note: 'Stairs were easier today' });
  await again.page.close();

  const third = await PopupPage.open(b);
  expect(await third.page.getByTestId('draft-notice').count()).toBe(0);
});

test("editing today's entry updates it instead of adding a second one", async () => {
  const popup = await PopupPage.open(b);
  await popup.page.keyboard.press('3');
  await popup.saveWithKeyboard();
  await popup.page.close();
  const again = await PopupPage.open(b);
  await again.page.keyboard.press('5');
  await again.page.getByRole('button', { name: /Save changes/ }).click();
  await again.page.getByTestId('saved').waitFor();
  const entries = await again.storedEntries();
  expect(entries).toHaveLength(1);
  expect(entries[0]?.pain).toBe(5);
});

test('Y switches to yesterday (missed days happen) and saves there', async () => {
  const popup = await PopupPage.open(b);
  await popup.page.keyboard.press('y');
  await popup.page.getByRole('heading', { name: /Yesterday/ }).waitFor();
  await popup.ready(await browserDay(popup.page, -1));
  await popup.page.keyboard.press('2');
  await popup.saveWithKeyboard();
  const entries = await popup.storedEntries();
  expect(entries.map((e) => e.date)).toEqual([await browserDay(popup.page, -1)]);
});

test('saving without a pain level explains what to do and stores nothing', async () => {
  const popup = await PopupPage.open(b);
  await popup.note().fill('forgot the number');
  await popup.page.keyboard.press('Control+Enter');
  await expect.poll(() => popup.page.getByTestId('errors').textContent()).toMatch(/pain level/);
  expect(await popup.focusedId()).toBe('pain');
  expect(await popup.storedEntries()).toEqual([]);
});

test('popup, welcome and help pages have no axe violations, light and dark', async () => {
  const popup = await PopupPage.open(b);
  await popup.page.keyboard.press('6');
  expect(await axeViolations(popup.page)).toEqual([]);
  await screenshot(popup.page, 'popup');
  for (const path of ['welcome.html', 'help.html']) {
    const page = await b.openPage(path);
    await page.waitForSelector('h1');
    expect(await axeViolations(page), path).toEqual([]);
    await screenshot(page, path.replace('.html', ''));
  }
  await b.close();
  b = await launchExtension({ colorScheme: 'dark' });
  const dark = await PopupPage.open(b);
  expect(await axeViolations(dark.page)).toEqual([]);
  await screenshot(dark.page, 'popup-dark');
  expect(b.externalRequests).toEqual([]);
});

test('readable at 200% zoom: nothing overflows sideways', async () => {
  const popup = await PopupPage.open(b);
  await popup.page.setViewportSize({ width: 400, height: 900 });
  // 200% zoom of a 400 px popup is a 200 CSS px viewport
  const cdp = await b.context.newCDPSession(popup.page);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: 200,
    height: 450,
    deviceScaleFactor: 2,
    mobile: false,
  });
  const overflow = await popup.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await screenshot(popup.page, 'popup-zoom200');
  expect(overflow).toBeLessThanOrEqual(0);
});
