/** Page object for the check-in popup (opened as a page at popup.html; the toolbar popup is the same document). */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../harness';
import { readStore } from '../raw-store';

export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(b: ExtensionBrowser): Promise<PopupPage> {
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 400, height: 900 });
    await page.goto(b.url('popup.html'));
    const popup = new PopupPage(page);
    await popup.ready();
    return popup;
  }

  /** Ready = today's entry loaded and Pain focused (the same moment the benchmark measures). */
  async ready(day?: string): Promise<void> {
    await this.page.waitForFunction(() => performance.getEntriesByName('pt:popup-ready').length > 0);
    if (day) await this.page.locator(`main[data-loaded="${day}"]`).waitFor();
  }

  note() {
    return this.page.getByLabel('Note', { exact: true });
  }

  pain() {
    return this.page.getByRole('slider', { name: /^Pain/ });
  }

  async focusedId(): Promise<string | undefined> {
    return this.page.evaluate(() => document.activeElement?.id);
  }

  async painValue(): Promise<string | null> {
    return this.pain().getAttribute('aria-valuetext');
  }

  async saveWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
    await this.page.getByTestId('saved').waitFor();
  }

  /** All stored entries, read straight from the extension's IndexedDB. */
  storedEntries(): Promise<Array<Record<string, unknown>>> {
    return this.page.evaluate(readStore, 'entries');
  }
}

/** Local calendar day of the browser, as the popup computes it. */
export function browserDay(page: Page, offsetDays = 0): Promise<string> {
  return page.evaluate((off) => {
    const d = new Date();
    d.setDate(d.getDate() + off);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, offsetDays);
}
