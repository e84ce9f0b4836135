/**
 * classify(url, doc): does this page teach exercises or stretches to self-treat pain or an injury?
 *
 *   cheap, always          URL words, <title>, meta description, og:type, JSON-LD @type, h1-h3 (≤ 40)
 *     └─ stop here unless both a condition word and an exercise word appeared somewhere above
 *   bounded, only then     up to TEXT_CAP characters of the main content's text nodes (textContent, never innerText:
 *                          no layout), skipping nav/aside/footer/forms; numbered lists in the main content
 *
 * Three positive axes must all be present: CONDITION (pain, injury, rehab), EXERCISE (exercises, stretches, yoga…)
 * and INSTRUCTION (hold for N seconds, N repetitions, body positions, numbered steps), or for a video page, a
 * title that names both a condition and exercises. Negative evidence (shop, booking, research, job post, animals,
 * medical-information sections) is subtracted. Axes are capped so no single loud signal decides alone.
 * Nothing is stored: the result lives only as long as the page.
 */
import {
  has,
  headingSignals,
  structuredKinds,
  textSignals,
  topicOf,
  urlSaysAnimal,
  urlSaysBooking,
  urlSaysCondition,
  urlSaysExercise,
  urlSaysJob,
  urlSaysResearch,
  urlSaysShop,
  urlSaysVideo,
  urlWords,
} from './detectors';
import { normalize } from './words';

export type ReasonId =
  | 'urlTopic'
  | 'titleTopic'
  | 'metaTopic'
  | 'headingsTopic'
  | 'textTopic'
  | 'hold'
  | 'reps'
  | 'position'
  | 'steps'
  | 'howTo'
  | 'video'
  | 'shop'
  | 'booking'
  | 'research'
  | 'job'
  | 'animal'
  | 'medinfo';

export interface Reason {
  id: ReasonId;
  /** Points added (negative for evidence against). */
  weight: number;
}

export interface Classification {
  caution: boolean;
  score: number;
  reasons: Reason[];
}

/** Characters of main text sampled at most. */
export const TEXT_CAP = 12_000;
const MAX_HEADINGS = 40;
const MAX_JSONLD = 6;
const MAX_SCRIPTS = 150;
const THRESHOLD = 9;

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

/** Up to `cap` characters of text from `root`, skipping scripts, navigation, sidebars, footers and forms. */
export function sampleText(root: Element, cap = TEXT_CAP, start: Element | null = null): string {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (n) =>
      n.nodeType === 1 && SKIP.has((n as Element).tagName.toUpperCase()) ? 2 /* REJECT */ : 1,
  });
  if (start) walker.currentNode = start; // document order from there on, leaving the page header behind
  const parts: string[] = [];
  let length = 0;
  for (let n = start ?? walker.nextNode(); n && length < cap; n = walker.nextNode()) {
    if (n.nodeType !== 3) {
      // block boundaries become spaces so "…30 seconds.</li><li>Lie…" never glues words
      parts.push(' ');
      continue;
    }
    const s = n.nodeValue ?? '';
    if (!s.trim()) continue;
    parts.push(s.length + length > cap ? s.slice(0, cap - length) : s);
    length += s.length;
  }
  return parts.join('');
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
    for (let i = 0, h = list[0]; h && i < max && out.length < MAX_HEADINGS; h = list[++i])
      out.push(normalize((h.textContent ?? '').slice(0, 200)).trim());
  }
  return out;
}

/** Items of ordered lists in the main content (numbered steps), bounded. */
function orderedItems(root: Element): number {
  const lists = root.getElementsByTagName('ol');
  let n = 0;
  for (let i = 0, ol = lists[0]; ol && i < 10; ol = lists[++i]) n += Math.min(ol.children.length, 20);
  return n;
}

const cap = (x: number, max: number) => Math.min(x, max);

export function classify(url: URL, doc: Document): Classification {
  const reasons: Reason[] = [];
  const add = (id: ReasonId, weight: number) => {
    if (weight !== 0) reasons.push({ id, weight: Math.round(weight * 100) / 100 });
    return weight;
  };

  // ---- cheap signals
  const titleText = normalize(doc.title.slice(0, 300));
  const descriptionText = normalize(meta(doc, 'description', 'og:description', 'twitter:description'));
  const headingTexts = headings(doc);
  // Early exit: without a condition word and an exercise word somewhere in the cheap signals, nothing below can reach
  // the thresholds (the text sample adds at most 2 points per axis, 3 are needed). Two regex runs for most pages.
  const cheap = [urlWords(url), titleText, descriptionText, ...headingTexts].join('\n');
  if (!has('condition', cheap) || !has('exercise', cheap)) return { caution: false, score: 0, reasons };

  const title = topicOf(titleText);
  const description = topicOf(descriptionText);
  const kinds = structuredKinds(jsonLdTypes(doc), meta(doc, 'og:type'));
  // Single-page video sites keep the first page's <head> (og:type) after navigating: the URL still says "video".
  kinds.video ||= urlSaysVideo(url);
  const citation =
    meta(doc, 'citation_title', 'citation_doi', 'citation_journal_title', 'dc.identifier') !== '';
  const heads = headingSignals(headingTexts);
  const h1 = topicOf(normalize((doc.getElementsByTagName('h1')[0]?.textContent ?? '').slice(0, 300)));
  const u = { condition: urlSaysCondition(url), exercise: urlSaysExercise(url) };

  let condition =
    (u.condition ? 2 : 0) +
    (title.condition ? 3 : 0) +
    (description.condition ? 1.5 : 0) +
    cap(heads.condition, 3);
  let exercise =
    (u.exercise ? 2 : 0) +
    (title.exercise ? 3 : 0) +
    (description.exercise ? 1.5 : 0) +
    cap(heads.exercise, 3) +
    (kinds.exercisePlan ? 2 : 0);
  const bothInTitle = (title.condition || h1.condition) && (title.exercise || h1.exercise);

  if (condition < 1 || exercise < 1) return { caution: false, score: 0, reasons }; // e.g. both only in the URL

  if (u.condition || u.exercise) add('urlTopic', (u.condition ? 2 : 0) + (u.exercise ? 2 : 0));
  if (title.condition || title.exercise)
    add('titleTopic', (title.condition ? 3 : 0) + (title.exercise ? 3 : 0));
  if (description.condition || description.exercise)
    add('metaTopic', (description.condition ? 1.5 : 0) + (description.exercise ? 1.5 : 0));
  if (heads.condition || heads.exercise)
    add('headingsTopic', cap(heads.condition, 3) + cap(heads.exercise, 3));

  // ---- bounded text sample
  const { root, start } = mainRoot(doc);
  const text = root ? textSignals(normalize(sampleText(root, TEXT_CAP, start))) : textSignals('');
  const textCondition = cap(text.condition * 0.25, 2);
  const textExercise = cap(text.exercise * 0.25, 2);
  condition += textCondition;
  exercise += textExercise;
  add('textTopic', textCondition + textExercise);

  let instruction = 0;
  instruction += add('hold', cap(text.hold * 1.5, 4.5));
  instruction += add('reps', cap(text.reps, 3));
  instruction += add('position', cap(text.position * 0.75, 3));
  const items = root ? orderedItems(root) : 0;
  instruction += add('steps', (items >= 3 ? 1 : 0) + (heads.steps >= 3 ? 1.5 : 0));
  instruction += add('howTo', kinds.howTo || kinds.exercisePlan ? 2 : 0);
  instruction = cap(instruction, 8);
  const video = kinds.video && bothInTitle ? add('video', 3) : 0;

  // ---- evidence against
  const neg = {
    shop: (kinds.product ? 6 : 0) + (urlSaysShop(url) ? 3 : 0) + (title.shop ? 2 : 0) + cap(text.shop, 5),
    booking:
      (kinds.clinic ? 2 : 0) +
      (urlSaysBooking(url) ? 3 : 0) +
      (title.booking ? 3 : 0) +
      cap(text.booking * 0.75, 4),
    research:
      (kinds.scholarly ? 5 : 0) +
      (citation ? 5 : 0) +
      (urlSaysResearch(url) ? 4 : 0) +
      cap(text.research * 0.75, 6),
    job: (kinds.job ? 8 : 0) + (urlSaysJob(url) ? 4 : 0) + (title.job ? 3 : 0) + cap(text.job, 6),
    animal:
      (urlSaysAnimal(url) ? 4 : 0) +
      (title.animal || h1.animal ? 4 : 0) +
      (description.animal ? 2 : 0) +
      cap(text.animal * 0.5, 4),
    medinfo: cap(heads.medinfo * 0.75, 3),
  };
  let against = 0;
  for (const [id, weight] of Object.entries(neg)) against += -add(id as ReasonId, -weight);

  const score =
    Math.round((cap(condition, 8) + cap(exercise, 8) + instruction + video - against) * 100) / 100;
  const caution =
    condition >= 3 &&
    exercise >= 3 &&
    (instruction >= 3 || video > 0 || (bothInTitle && instruction >= 1.5)) &&
    score >= THRESHOLD;
  return { caution, score, reasons };
}

export { urlWords };
