import { axeViolations, launchExtension, screenshot, type ExtensionBrowser } from './harness';

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchExtension();
});
afterAll(() => b?.close());

test('the built extension loads and its manifest is ours', async () => {
  const page = await b.openPage('options.html');
  const manifest = await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }
    ).chrome.runtime.getManifest(),
  );
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions).toEqual(expect.arrayContaining(['storage']));
  expect(manifest.content_security_policy).toEqual({
    extension_pages: "script-src 'self'; object-src 'self'",
  });
  expect(b.extensionId).toMatch(/^[a-p]{32}$/);
});

test('the whole options page: no axe violations in light and dark, no sideways scroll at 200% zoom', async () => {
  const page = await b.openPage('options.html');
  await page.locator('#settings input').first().waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  // 200% zoom of an 1100 px window is a 550 CSS px viewport
  await page.setViewportSize({ width: 550, height: 800 });
  await screenshot(page, 'options-zoom200');
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`)
      .slice(0, 5),
  );
  expect(wide).toEqual([]);
  expect(b.externalRequests).toEqual([]);
});
