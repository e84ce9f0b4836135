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
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
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
  }, selector ?? null);
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
