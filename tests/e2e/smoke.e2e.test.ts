import { launchExtension, type ExtensionBrowser } from './harness';

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
