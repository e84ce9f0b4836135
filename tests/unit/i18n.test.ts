/**
 * Every user-visible string reaches the page through the browser's i18n messages (locales/<lang>/*.json, merged at
 * build time by scripts/locales.ts). That a t('key') / msg('key') names an English message is the compiler's job
 * (t takes a MessageKey, read by tsc from locales/en/*.json in utils/i18n-keys.ts). This test reads the source with
 * the TypeScript parser and checks what tsc cannot:
 *   - every __MSG_key__ (manifest, HTML) names an English message, and utils/i18n-keys.ts reads every English file;
 *   - a call passes exactly as many substitutions as its message has placeholders {0}…{n-1}, numbered without gaps;
 *   - every other language has no unknown keys and the same placeholders as English for each key it translates.
 * Keys defined but never seen as a string anywhere in the source are reported as a warning only: some are looked up
 * through a variable (e.g. a table of section titles), which a static scan cannot follow.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { flatMessages, languages, mergedMessages } from '../../scripts/locales';
import { status, stamp, SAME_AS_ENGLISH } from '../../scripts/i18n-status.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCAN = ['entrypoints', 'components', 'utils'];
const LOOKUPS = new Set(['t', 'msg']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

interface Use {
  key: string;
  where: string;
  /** Substitutions passed, or null when unknown (a spread). */
  subs: number | null;
}

function scanSource(path: string): { uses: Use[]; strings: Set<string> } {
  const text = readFileSync(path, 'utf8');
  const uses: Use[] = [];
  const strings = new Set<string>();
  const where = (node: ts.Node, sf: ts.SourceFile) =>
    `${relative(ROOT, path)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;

  for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) {
    const line = text.slice(0, m.index).split('\n').length;
    uses.push({ key: m[1]!, where: `${relative(ROOT, path)}:${line}`, subs: 0 });
    strings.add(m[1]!);
  }
  if (!/\.(tsx?|mts)$/.test(path)) return { uses, strings };

  const sf = ts.createSourceFile(
    path,
    text,
    ts.ScriptTarget.Latest,
    true,
    path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node)) strings.add(node.text);
    // `dataSoreness_${value}`: the head counts as a key prefix (see unusedKeys).
    if (ts.isTemplateHead(node)) strings.add(`${node.text}*`);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && LOOKUPS.has(node.expression.text)) {
      const [first, ...rest] = node.arguments;
      if (first && ts.isStringLiteralLike(first)) {
        const spread = rest.some((a) => ts.isSpreadElement(a));
        uses.push({ key: first.text, where: where(node, sf), subs: spread ? null : rest.length });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { uses, strings };
}

/** Placeholder numbers used by a message, e.g. "{1} of {0}" → [0, 1]. */
function placeholders(message: string): number[] {
  return [...new Set([...message.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

const english = flatMessages('en');
const sources = [
  ...SCAN.flatMap((d) => files(join(ROOT, d))).filter((f) =>
    ['.ts', '.tsx', '.html', '.mts'].includes(extname(f)),
  ),
  join(ROOT, 'wxt.config.ts'),
];
const scanned = sources.map(scanSource);
const uses = scanned.flatMap((s) => s.uses);
const seenStrings = new Set(scanned.flatMap((s) => [...s.strings]));

test('the scan finds the lookups it is meant to check', () => {
  // Guards the test itself: if a refactor renamed t() or moved the sources, every check below would pass vacuously.
  expect(uses.length).toBeGreaterThan(50);
  expect(uses.some((u) => u.key === 'extName' && u.where.startsWith('wxt.config.ts'))).toBe(true);
  expect(uses.some((u) => u.key === 'remNotificationTitle')).toBe(true);
});

test('every __MSG_key__ in the manifest and the HTML pages exists in the English messages', () => {
  const msgUses = uses.filter((u) => u.where.endsWith('.html') || u.where.startsWith('wxt.config.ts'));
  expect(msgUses.length).toBeGreaterThan(3);
  const missing = msgUses.filter((u) => !(u.key in english)).map((u) => `${u.where}: ${u.key}`);
  expect(missing).toEqual([]);
});

test('the MessageKey type reads every English message file (a new file must be added to utils/i18n-keys.ts)', () => {
  const typed = readFileSync(join(ROOT, 'utils', 'i18n-keys.ts'), 'utf8');
  const imported = [...typed.matchAll(/from '\.\.\/locales\/en\/([\w-]+\.json)'/g)].map((m) => m[1]).sort();
  const inTuple = [...typed.matchAll(/^\s+typeof (\w+),$/gm)].map((m) => `${m[1]}.json`).sort();
  const files = readdirSync(join(ROOT, 'locales', 'en'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  expect(imported).toEqual(files);
  expect(inTuple).toEqual(files);
});

test('placeholders are numbered {0}…{n-1} without gaps', () => {
  const bad = Object.entries(english)
    .filter(([, message]) => placeholders(message).some((n, i) => n !== i))
    .map(([key, message]) => `${key}: ${message}`);
  expect(bad).toEqual([]);
});

test('each call passes as many substitutions as its message has placeholders', () => {
  const mismatched = uses
    .filter((u) => u.key in english && u.subs !== null && !u.where.endsWith('.html'))
    .filter((u) => !u.where.startsWith('wxt.config.ts'))
    .filter((u) => placeholders(english[u.key]!).length !== u.subs)
    .map((u) => `${u.where}: ${u.key} expects ${placeholders(english[u.key]!).length}, gets ${u.subs}`);
  expect(mismatched).toEqual([]);
});

test('manifest and HTML messages need no substitutions', () => {
  const withPlaceholders = uses
    .filter((u) => u.subs === 0 && (u.where.endsWith('.html') || u.where.startsWith('wxt.config.ts')))
    .filter((u) => u.key in english && placeholders(english[u.key]!).length > 0)
    .map((u) => `${u.where}: ${u.key}`);
  expect(withPlaceholders).toEqual([]);
});

test('other languages translate only known keys, with the same placeholders', () => {
  const langs = languages().filter((l) => l !== 'en');
  const problems: string[] = [];
  for (const lang of langs) {
    for (const [key, message] of Object.entries(flatMessages(lang))) {
      if (!(key in english)) problems.push(`${lang}: unknown key ${key}`);
      else if (placeholders(message).join() !== placeholders(english[key]!).join())
        problems.push(`${lang}: ${key} placeholders differ from English`);
    }
  }
  expect(problems).toEqual([]);
});

test('report (warning only) keys that no source file mentions', () => {
  const prefixes = [...seenStrings].filter((p) => p.endsWith('*') && p.length > 4).map((p) => p.slice(0, -1));
  const unused = Object.keys(english).filter(
    (key) => !seenStrings.has(key) && !prefixes.some((p) => key.startsWith(p)),
  );
  if (unused.length > 0)
    console.warn(`i18n: ${unused.length} message key(s) never seen in the source: ${unused.join(', ')}`);
  // The detector itself must see keys that are used only through t() and only through __MSG_.
  expect(unused).not.toContain('remNotificationTitle');
  expect(unused).not.toContain('extDescription');
});

describe('translations (issue #14; run `npm run i18n:status` to see the same list)', () => {
  const report = status() as Record<string, Record<string, string[]>>;
  const problems = (kind: string) =>
    Object.entries(report).flatMap(([lang, r]) => (r[kind] ?? []).map((key) => `${lang}: ${key}`));

  test('the languages the caution note reads are all there', () => {
    expect(languages()).toEqual(expect.arrayContaining(['en', 'es', 'fr', 'de', 'it', 'pt_BR', 'nl']));
    expect(Object.keys(report).sort()).toEqual(languages().filter((l) => l !== 'en'));
  });

  test('every language has every English key', () => {
    expect(problems('missing')).toEqual([]);
  });

  test('no message is left in English (except names, units and placeholders; see SAME_AS_ENGLISH)', () => {
    expect(problems('english')).toEqual([]);
    // Every allowlisted key exists, so the list cannot quietly cover keys that are gone.
    const listed = Object.values(SAME_AS_ENGLISH as Record<string, Record<string, string>>).flatMap(
      Object.keys,
    );
    expect(listed.filter((key) => !(key in english))).toEqual([]);
  });

  test('no translation is stale: each was made from the current English text', () => {
    // Fails when an English message changes after it was translated. Re-translate it in every language, then run
    // `npm run i18n:stamp` (or `npm run i18n:stamp -- --accept <key>` when the English edit changes no meaning).
    expect(problems('stale')).toEqual([]);
  });

  test('every translation is recorded in locales/_sources (npm run i18n:stamp)', () => {
    expect(problems('unrecorded')).toEqual([]);
  });

  test('store name and description fit the Chrome Web Store limits in every language', () => {
    const tooLong = languages().flatMap((lang) => {
      const m = flatMessages(lang);
      return [
        (m.extName ?? '').length > 45 ? `${lang}: extName` : [],
        (m.extDescription ?? '').length > 132
          ? `${lang}: extDescription (${m.extDescription!.length} > 132)`
          : [],
      ].flat();
    });
    expect(tooLong).toEqual([]);
  });

  test('Portuguese (Portugal) browsers get Portuguese, not English: the build ships "pt" as a fallback', () => {
    const merged = mergedMessages();
    expect(merged.pt).toBeDefined();
    expect(merged.pt).toEqual(merged.pt_BR);
    expect(Object.keys(merged)).not.toContain('_sources');
  });
});

describe('the stale-translation guard itself', () => {
  let root: string;
  const write = (lang: string, messages: Record<string, string>) =>
    writeFileSync(join(root, lang, 'a.json'), JSON.stringify(messages));
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'i18n-'));
    cpSync(join(ROOT, 'tests', 'fixtures', 'i18n'), root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const es = () => (status(root) as Record<string, Record<string, string[]>>).es!;

  test('a changed English message is stale until re-translated; a stamp alone does not clear it', () => {
    stamp([], root);
    expect(es()).toMatchObject({ missing: [], stale: [], unrecorded: [], english: [] });

    write('en', { hello: 'Hello, {0}!', bye: 'Goodbye for now' });
    expect(es().stale).toEqual(['bye']);
    stamp([], root); // nobody re-translated: still stale
    expect(es().stale).toEqual(['bye']);

    write('es', { hello: '¡Hola, {0}!', bye: 'Hasta pronto' }); // re-translated: the stamp now records it
    expect(es().stale).toEqual(['bye']);
    stamp([], root);
    expect(es()).toMatchObject({ stale: [], unrecorded: [] });
  });

  test('--accept records an English edit that needs no re-translation; new keys show as missing', () => {
    stamp([], root);
    write('en', { hello: 'Hello, {0}.', bye: 'Goodbye', extra: 'More' });
    expect(es()).toMatchObject({ stale: ['hello'], missing: ['extra'] });
    stamp(['es:hello'], root);
    expect(es()).toMatchObject({ stale: [], missing: ['extra'] });
  });

  test('a translation identical to English is reported', () => {
    write('es', { hello: 'Hello, {0}!', bye: 'Adiós' });
    expect(es().english).toEqual(['hello']);
  });
});

test('every extension page marks itself with the language of its messages (setDocumentLanguage)', () => {
  // The HTML files say lang="en"; a page that forgets this reads Spanish text to a screen reader as English.
  const pages = readdirSync(join(ROOT, 'entrypoints'))
    .map((d) => join(ROOT, 'entrypoints', d, 'main.tsx'))
    .filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
  expect(pages.length).toBeGreaterThan(4);
  const missing = pages
    .filter((f) => !readFileSync(f, 'utf8').includes('setDocumentLanguage()'))
    .map((f) => relative(ROOT, f));
  expect(missing).toEqual([]);
});
