// Unit/DOM test setup: IndexedDB in memory, and the browser's i18n backed by our own locale files.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flatMessages } from '../scripts/locales';

const messages = flatMessages('en');
fakeBrowser.i18n.getMessage = ((key: string) => messages[key] ?? '') as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-US';

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = ((key: string) => messages[key] ?? '') as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
});

// Opt-in clock sweep (README, Development): `PTJ_TEST_NOW=2028-02-29T23:59:50 npx vitest run` starts every test file's
// clock at that LOCAL moment (no "Z"; it keeps ticking), to catch tests that depend on the real date or hour. Tests
// that set their own fake timers override it.
const testNow = process.env.PTJ_TEST_NOW;
if (testNow) {
  const now = new Date(testNow);
  if (Number.isNaN(now.getTime())) throw new Error(`PTJ_TEST_NOW is not a date: ${testNow}`);
  vi.useFakeTimers({ toFake: ['Date'], now, shouldAdvanceTime: true });
}
