/**
 * V8's explicit compile hint for the caution note's every-page script (issue #9: script time on every page).
 *
 * V8 compiles a function lazily: the whole script is pre-parsed when it loads, then each function is parsed again and
 * compiled on its first call. Every function of `caution-page.js` runs on every page load, so that second parse is
 * pure cost. The magic comment `//# allFunctionsCalledOnLoad` on the file's first line tells V8 to compile them all
 * at once (https://v8.dev/blog/explicit-compile-hints). Measured with `npm run bench`'s script-time setup: about
 * 0.4-0.5 ms less per page in Chromium 156. Other engines read a comment.
 *
 * Added at the very end of the build (writeBundle: the file on disk), because two generateBundle steps come first:
 * minification would strip the comment, and WXT turns `var cautionPage=(function(){…})()` into an anonymous IIFE only
 * when that is the file's start. The build fails if the script does not start with the anonymous IIFE, so no global
 * slips back in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export function eagerCompileHint(fileName: string) {
  return {
    name: 'pt-journal:eager-compile-hint',
    apply: 'build' as const,
    writeBundle(options: { dir?: string }, bundle: Record<string, unknown>) {
      if (!(fileName in bundle) || !options.dir) return;
      const file = join(options.dir, fileName);
      const code = readFileSync(file, 'utf8');
      if (code.startsWith(COMPILE_HINT)) return;
      if (!code.startsWith('(function'))
        throw new Error(`${fileName} does not start with an anonymous IIFE: see scripts/compile-hint.ts`);
      writeFileSync(file, COMPILE_HINT + code);
    },
  };
}

/**
 * WXT wraps every unlisted script in a virtual entry that adds a logger and two try/catch blocks around `main()`
 * (about 550 bytes here, compiled on every page for nothing: its logger prints only in development, and an error it
 * rethrows lands in the content script's own console, never the page's). For the every-page script (issue #9: script
 * time), this plugin serves that virtual entry as a bare `main()` call instead. `entryFile` is the entrypoint's
 * path; if WXT ever names its virtual entry differently, this plugin simply matches nothing and WXT's wrapper stays.
 */
export function bareUnlistedScript(entryFile: string) {
  const virtualId = '\0virtual:wxt-unlisted-script-entrypoint?';
  const normalized = entryFile.replace(/\\/g, '/');
  return {
    name: 'pt-journal:bare-unlisted-script',
    enforce: 'pre' as const,
    load(id: string) {
      if (!id.startsWith(virtualId) || id.slice(virtualId.length) !== normalized) return null;
      return `import definition from ${JSON.stringify(normalized)};\ndefinition.main();\n`;
    },
  };
}
