/**
 * A page's stylesheet inlined into its HTML: the popup (issue #12: time to ready) and the dashboard (time to charts
 * drawn). An extension page fetches each file through the browser process, and a module script waits for the page's
 * stylesheets before it runs, so the first load is one request (the page's script) instead of two. Extension pages'
 * CSP restricts scripts, not styles (the manifest's `content_security_policy` has no style-src), in Chrome and
 * Firefox. The CSS file stays in the build (WXT's build summary lists it), unused.
 *
 * Called from WXT's build:done hook (wxt.config.ts), on the files on disk: WXT moves each page's HTML to its final
 * name after Vite's build. The build fails if the page does not link exactly one stylesheet, or if the CSS could close
 * the <style> element.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[\w.-]+\.css)">/g;

/** `outDir`: the built extension (e.g. .output/chrome-mv3); `html`: the page's file name there. */
export function inlineStylesheet(outDir: string, html: string): void {
  const page = join(outDir, html);
  const source = readFileSync(page, 'utf8');
  const links = [...source.matchAll(LINK)];
  if (links.length !== 1)
    throw new Error(`${html}: expected one stylesheet link, found ${links.length} (scripts/inline-css.ts)`);
  const [tag, href] = links[0] as unknown as [string, string];
  const css = readFileSync(join(outDir, href), 'utf8').trim();
  if (/<\/style/i.test(css)) throw new Error(`${href} contains "</style": it cannot be inlined`);
  writeFileSync(
    page,
    source.replace(tag, () => `<style>${css}</style>`),
  );
}
