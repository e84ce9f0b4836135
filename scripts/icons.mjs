/**
 * Draws the toolbar/store icon (public/icon/<size>.png) from the SVG below with Debian's Chromium, so every size is
 * rendered from vectors rather than scaled from one bitmap. Run: node scripts/icons.mjs (the PNGs are committed).
 * The smallest sizes drop the journal line, which would only blur at 16 px.
 */
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { ROOT, CHROMIUM } from './lib/browser.mjs';

const SIZES = [16, 32, 48, 96, 128];

/** @param {number} size */
function svg(size) {
  const detailed = size >= 48;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="#0b5cad"/>
  <path d="${detailed ? 'M32 58 L54 80 L96 36' : 'M28 64 L54 90 L100 38'}" fill="none" stroke="#ffffff"
    stroke-width="${detailed ? 15 : 20}" stroke-linecap="round" stroke-linejoin="round"/>
  ${detailed ? '<path d="M32 101 H96" stroke="#8cc2ff" stroke-width="10" stroke-linecap="round"/>' : ''}
</svg>`;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg(size)}`,
    );
    await page.screenshot({ path: join(ROOT, 'public', 'icon', `${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
