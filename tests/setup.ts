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
