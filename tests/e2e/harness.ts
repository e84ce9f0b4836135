/**
 * End-to-end harness: Debian's Chromium driven by playwright-core with the built extension (.output/chrome-mv3) in a
 * fresh profile (scripts/lib/browser.mjs). Every test gets its own browser so state never leaks.
 *
 *   const b = await launchExtension();            // b.context, b.extensionId, b.externalRequests
 *   const page = await b.openPage('popup.html');
 *   expect(await axeViolations(page)).toEqual([]);
 *   await b.close();
 */
import type { Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from '../../scripts/lib/browser.mjs';

export { launchExtension, serveFolder, ROOT, EXTENSION_DIR } from '../../scripts/lib/browser.mjs';
export type ExtensionBrowser = Awaited<
  ReturnType<typeof import('../../scripts/lib/browser.mjs').launchExtension>
>;

/**
 * A browser call that has no timeout of its own (`page.evaluate`, DevTools protocol commands, mouse and keyboard
 * input, `newPage`), bounded: a hang becomes an error that names the step, well inside the test's 60 s, instead of
 * an anonymous "Test timed out". (Playwright's waits — locators, `waitForEvent`, `goto` — have their own 30 s.)
 */
export function within<T>(step: string, work: Promise<T>, ms = 20_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screens');

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core violations (WCAG 2.1 A/AA + best practices) of a page or of one element. The script is evaluated over
 * the DevTools protocol, which the extension pages' strict CSP does not apply to.
 */
export async function axeViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  await within('loading axe-core', page.evaluate(axeSource));
  const where = `axe on ${page.url()}${selector ? ` (${selector})` : ''}`;
  return within(
    where,
    page.evaluate(async (sel) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: unknown,
              o: unknown,
            ) => Promise<{
              violations: Array<{
                id: string;
                impact: string | null;
                help: string;
                nodes: Array<{ target: unknown[] }>;
              }>;
            }>;
          };
        }
      ).axe;
      const r = await axe.run(sel ? { include: [sel] } : document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => JSON.stringify(n.target)),
      }));
    }, selector ?? null),
    40_000,
  );
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
