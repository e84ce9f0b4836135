/**
 * Build-time guard for "never render text as HTML": Preact's renderer contains one `dom.innerHTML = props.__html`
 * (its dangerouslySetInnerHTML support). We never use that prop (eslint forbids innerHTML in our code), but the
 * assignment still ships in the bundle and addons-linter rightly flags it (UNSAFE_VAR_ASSIGNMENT). This Vite plugin
 * replaces that one assignment with a throw, so the capability is gone from the built extension rather than the
 * warning silenced. If a Preact update changes the code shape, the build fails here instead of quietly shipping it.
 */

/** The slice of Vite's plugin API used here (typed locally: WXT bundles its own Vite, whose types differ). */
interface TransformContext {
  error(message: string): never;
}

const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(?:module\.js|mjs)$/;
const ASSIGNMENT = /\b([\w$]+)\.innerHTML=([\w$]+)\.__html\b/g;

export function noPreactInnerHtml() {
  return {
    name: 'pt-journal:no-preact-inner-html',
    transform(this: TransformContext, code: string, id: string) {
      if (!PREACT_DIST.test(id.split('?')[0] ?? id)) return null;
      let count = 0;
      const out = code.replace(ASSIGNMENT, () => {
        count += 1;
        return '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in PT Journal")})()';
      });
      if (count !== 1)
        this.error(
          `expected one innerHTML assignment in ${id}, found ${count}: update scripts/no-inner-html.ts`,
        );
      return { code: out, map: null };
    },
  };
}
