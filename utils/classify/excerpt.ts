/**
 * The every-page half of the caution classifier. CONTRACT (issue #8, used by the content script of issue #9):
 *
 *   extractExcerpt(url, doc) → PageExcerpt   cheap, bounded, synchronous; reads the page, never changes it. At most
 *                                           MAX_HEADINGS headings, TEXT_CAP characters of main text (text nodes'
 *                                           nodeValue, never innerText: no layout), MAX_SCRIPTS scripts looked at.
 *                                           The excerpt is plain data (strings, numbers, a string array): it can be
 *                                           sent to the background with structured clone as it is.
 *   headMayMatch(url, title) → boolean      the first look, from the address and the title only (nothing of the
 *                                           body is read): false when a title of 4+ words and the address have no
 *                                           word of either vocabulary. Most pages stop here.
 *   prefilter(excerpt) → boolean            tiny and of very high recall: false means "certainly not a page that
 *                                           teaches exercises for pain or injury" (the first look fails, or there is
 *                                           no pain/condition word, or no exercise/instruction word, anywhere in URL,
 *                                           title, headings or text). True means "ask classifyExcerpt".
 *   classifyExcerpt(excerpt) → Classification   in ./score.ts (the model; loaded by the background only).
 *   classify(url, doc) = prefilter(ex) ? classifyExcerpt(ex) : NOT_CAUTION, with ex = extractExcerpt(url, doc)
 *                                           (./index.ts): tests and the extension see the same decision.
 *
 * This module must stay light (it ships in every page): it imports only ./normalize.
 */
import { normalize } from './normalize';

export interface PageExcerpt {
  /** The page's address (href), as read. */
  url: string;
  /** <title>, at most 300 characters. */
  title: string;
  /** meta description / og:description / twitter:description, at most 500 characters. */
  description: string;
  /** og:type, lower case ('' when absent). */
  ogType: string;
  /** JSON-LD @type values (top level, @graph, mainEntity), bounded. */
  types: string[];
  /** The first h1's text, at most 300 characters. */
  h1: string;
  /** Up to MAX_HEADINGS h1-h3 texts (h1s first, then h2s, then h3s), each at most 200 characters. */
  headings: string[];
  /** Up to TEXT_CAP characters of the main content's text, skipping nav/aside/footer/forms/scripts. */
  text: string;
}

/** Characters of main text read at most. */
export const TEXT_CAP = 4_000;
export const MAX_HEADINGS = 40;
const MAX_JSONLD = 6;
const MAX_SCRIPTS = 150;

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'ASIDE',
  'FOOTER',
  'FORM',
  'BUTTON',
  'SELECT',
  'SVG',
  'IFRAME',
]);

/** Meta tags live in <head>: searching only there keeps a missing tag from costing a scan of a huge body. */
function meta(doc: Document, ...names: string[]): string {
  const head = doc.head;
  if (!head) return '';
  for (const n of names) {
    const el = head.querySelector(`meta[name="${n}"], meta[property="${n}"]`);
    const content = el?.getAttribute('content');
    if (content) return content.slice(0, 500);
  }
  return '';
}

/** @type values of the page's JSON-LD (top level and @graph), bounded in count and size; broken JSON is ignored. */
export function jsonLdTypes(doc: Document): string[] {
  const out: string[] = [];
  // Live collection walked item by item: stops after MAX_SCRIPTS scripts instead of matching a selector everywhere.
  const all = doc.getElementsByTagName('script');
  const scripts: HTMLScriptElement[] = [];
  for (let i = 0, s = all[0]; s && i < MAX_SCRIPTS && scripts.length < MAX_JSONLD; s = all[++i])
    if (s.type === 'application/ld+json') scripts.push(s);
  const add = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 2 || out.length > 30) return;
    if (Array.isArray(node)) return node.slice(0, 20).forEach((n) => add(n, depth));
    const o = node as Record<string, unknown>;
    const type = o['@type'];
    for (const t of Array.isArray(type) ? type : [type])
      if (typeof t === 'string') out.push(t.replace(/^.*[/:]/, ''));
    if (o['@graph']) add(o['@graph'], depth + 1);
    if (o.mainEntity) add(o.mainEntity, depth + 1);
  };
  for (const script of scripts) {
    const raw = script.textContent ?? '';
    if (raw.length > 100_000) continue;
    try {
      add(JSON.parse(raw), 0);
    } catch {
      // not our problem: pages ship broken JSON-LD
    }
  }
  return out;
}

/**
 * Where the main content is: the <article> holding the h1 (listing cards and comments are articles too), else the
 * first <article> or <main>. Without either, the body, read from the h1 on (`start`): headers built from plain divs
 * would otherwise fill the capped sample before the content begins.
 */
export function mainRoot(doc: Document): { root: Element | null; start: Element | null } {
  const h1 = doc.getElementsByTagName('h1')[0] ?? null;
  const marked =
    h1?.closest('article') ?? doc.getElementsByTagName('article')[0] ?? doc.getElementsByTagName('main')[0];
  if (marked) return { root: marked, start: null };
  return { root: doc.body, start: h1 && doc.body?.contains(h1) ? h1 : null };
}

/**
 * Up to `cap` characters of text from `root`, skipping scripts, navigation, sidebars, footers and forms.
 *
 * The walker has no filter callback: a skipped element's subtree is stepped over by hand (next sibling, else an
 * ancestor's next sibling: where TreeWalker goes after a rejected node). Same text as a FILTER_REJECT callback, but the
 * browser does not call back into the content script for every node (issue #9: script time on every page).
 */
export function sampleText(root: Element, cap = TEXT_CAP, start: Element | null = null): string {
  const walker = root.ownerDocument.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  if (start) walker.currentNode = start; // document order from there on, leaving the page header behind
  const parts: string[] = [];
  let length = 0;
  let n: Node | null = start ?? walker.nextNode();
  while (n && length < cap) {
    if (n.nodeType !== 3) {
      if (n !== start && SKIP.has((n as Element).tagName.toUpperCase())) {
        n = nextOutside(walker);
        continue;
      }
      // block boundaries become line breaks so "…30 seconds.</li><li>Lie…" never glues words
      if (parts[parts.length - 1] !== '\n') parts.push('\n');
    } else {
      const s = n.nodeValue ?? '';
      if (s.trim()) {
        parts.push(s.length + length > cap ? s.slice(0, cap - length) : s);
        length += s.length;
      }
    }
    n = walker.nextNode();
  }
  return parts.join('').trim();
}

/** The first node after the walker's current node and its subtree (null at the end of the root). */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next) return next;
    if (!walker.parentNode()) return null;
  }
}

/**
 * Up to MAX_HEADINGS h1-h3 texts. Live collections read item by item stop as soon as enough are found (a selector
 * list, or reading .length, would match every heading of a huge page first).
 */
function headings(doc: Document): string[] {
  const out: string[] = [];
  for (const [tag, max] of [
    ['h1', 5],
    ['h2', 25],
    ['h3', MAX_HEADINGS],
  ] as const) {
    const list = doc.getElementsByTagName(tag);
    for (let i = 0, h = list[0]; h && i < max && out.length < MAX_HEADINGS; h = list[++i]) {
      const t = (h.textContent ?? '').slice(0, 200).replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
    }
  }
  return out;
}

/** What the prefilter reads: the excerpt without its structured-data fields. */
export type PrefilterInput = Pick<PageExcerpt, 'url' | 'title' | 'description' | 'headings' | 'text'>;

/**
 * The part of the excerpt the prefilter needs, read first: on most pages the prefilter says no and the rest
 * (og:type, JSON-LD, the h1) is never read (issue #9: script time on every page).
 */
export function readForPrefilter(url: Pick<URL, 'href'>, doc: Document): PrefilterInput {
  const { root, start } = mainRoot(doc);
  return {
    url: url.href,
    title: (doc.title ?? '').slice(0, 300),
    description: meta(doc, 'description', 'og:description', 'twitter:description'),
    headings: headings(doc),
    text: root ? sampleText(root, TEXT_CAP, start) : '',
  };
}

/** Reads the bounded excerpt of a page that every later step works from (`base`: what readForPrefilter read). */
export function extractExcerpt(
  url: Pick<URL, 'href'>,
  doc: Document,
  base = readForPrefilter(url, doc),
): PageExcerpt {
  return {
    ...base,
    ogType: meta(doc, 'og:type').toLowerCase(),
    types: jsonLdTypes(doc),
    h1: (doc.getElementsByTagName('h1')[0]?.textContent ?? '').slice(0, 300).replace(/\s+/g, ' ').trim(),
  };
}

/**
 * Prefilter vocabularies over normalised text (lower case, no accents), deliberately broad: a stem here only lets a
 * page through to the model, so a missing stem costs recall and an extra one costs nothing but a model call.
 * Seven languages: en, es, fr, de, it, pt, nl. German and Dutch compounds match inside words.
 */
const CONDITION =
  /\b(?:pain|ach(?:e|es|ing|y)\b|sore|injur|sciati|herni|dis[ck]|rehab|physio|tendin|tendon|bursit|sprain|strain|stiff|arthr|plantar|fasci|faszi|epicond|frozen|tennis|golfer|carpal|whiplash|postur|imping|spondyl|stenos|surg|acl\b|menisc|rotator|piriform|lumbag|lumbar|back|knee|shoulder|neck|hip|spine|elbow|wrist|ankle|heel|jaw|dolor|dor(?:es)?\b|doule|mal (?:de|du|au|aux|di)\b|lesi|lesao|bless|ciatic|ernia|esguinc|entors|distors|contract|lombal|lumbal|cervic|rehabil|reabil|riabil|reeduc|revalid|fisio|fysio|kine|osteopat|artros|torcicol|torticol|espalda|rodill|hombro|cuello|cadera|columna|codo|muneca|tobillo|talon|genou|epaule|nuque|cou\b|hanche|coude|poignet|cheville|dos\b|schiena|ginocch|spalla|collo|anca|gomito|polso|caviglia|costas|joelho|ombro|pescoco|quadril|coluna|cotovelo|punho|tornozelo|rug|schouder|nek\b|heup|elleboog|enkel|hiel|operat|cirug|cirurg|chirurg|interven)|schmerz|beschwerd|verletz|ischias|bandscheib|verstauch|verspann|hexenschu|fersensporn|krankengym|rucken|nacken|schulter|knie|hufte|wirbel|ellenbog|handgelenk|sprunggel|pijn|klacht|verstuik|peesontst/;
const EXERCISE =
  /\b(?:exerc|ejercic|eserciz|oefen|stretch|estira|etire|allung|alonga|yoga|pilates|mobil|strength|fortal|renforc|rinforz|versterk|workout|routin|rutin|gymnas|ginnast|ginast|train|allena|entrena|treino|hold|manten|sosten|maintene|mantien|mantenha|repet|ripet|herhal|reps?\b|sets?\b|series\b|plank|bridge|puente|ponte|squat|lunge|mckenzie|isometr|eccentr|raises?\b|tumba|acuesta|allonge|sdraia|deita|lie on|lying|reliev|relief|alivi|soulag|sollie|allevi|mouvem|movim|posture|postura|pose)|ubung|uebung|dehn|kraftig|halten|wiederhol|sekunden|seconds|segundos|secondes|secondi|seconden|rekken|strekken|stark|beweg|linder|verlicht|verzacht/;

/** The address as words: decoded, normalised, punctuation as spaces (see prefilter for why this order). */
function addressWords(url: string): string {
  let path = url;
  try {
    path = decodeURIComponent(url);
  } catch {
    // a malformed escape: keep the raw address
  }
  return normalize(path.replace(/[\u0300-\u036f]/g, ' ')).replace(/[^a-z0-9]+/g, ' ');
}

/** A title of fewer words ("Home", "Blog", a site's or an app's name, "Test page two") says too little: then the page's text decides. */
const TELLING_TITLE_WORDS = 4;

/**
 * The first look, before anything of the page's body is read (issue #9: most pages stop here, and reading the body is
 * most of the content script's cost on a page without a note): false when the page has a title of at least
 * TELLING_TITLE_WORDS words and neither the title nor the address has a word of either vocabulary. A page that teaches
 * exercises for pain says what it is about there ("7 stretches for sciatica", /exercices-mal-de-dos): measured on
 * the corpus of real pages (docs/caution.md), every page labelled caution passes this look. An empty or short title
 * tells nothing, so it never turns a page down.
 */
export function headMayMatch(url: string, title: string): boolean {
  if (normalize(title).trim().split(' ').length < TELLING_TITLE_WORDS) return true;
  const head = normalize(`${addressWords(url)}\n${title}`);
  return EXERCISE.test(head) || CONDITION.test(head);
}

/**
 * True unless the page certainly does not teach exercises for pain or injury (see the contract above): it passes the
 * first look (headMayMatch), and the address, title, description, headings and text together hold a word of each
 * vocabulary.
 *
 * The address's punctuation becomes spaces AFTER normalising, with an ASCII class: a Unicode property class
 * (`\p{L}`) costs about half a millisecond to compile in every page's fresh content-script world. Never rejects
 * what the Unicode version accepted (tests/unit/classify-prefilter.test.ts): a letter it now turns into a space is
 * not an ASCII word character, so every `\b` in the vocabularies sees the same boundary; combining accents typed as
 * such in the address are separators, as before (normalising would otherwise glue "…i\u0307dos" into one word).
 */
export function prefilter(ex: PrefilterInput): boolean {
  return headMayMatch(ex.url, ex.title) && bodyMayMatch(ex);
}

/**
 * The prefilter's second look alone, over everything read: for a caller that has already taken the first look (the
 * content script takes it before reading the body, and need not take it twice on every page it lets through).
 */
export function bodyMayMatch(ex: PrefilterInput): boolean {
  const all = normalize([addressWords(ex.url), ex.title, ex.description, ...ex.headings, ex.text].join('\n'));
  // EXERCISE first: a page that fails either is turned down, and a fresh world pays for compiling each expression it
  // runs (about proportional to its length): the shorter one decides alone more often (issue #9, docs/caution.md).
  return EXERCISE.test(all) && CONDITION.test(all);
}
