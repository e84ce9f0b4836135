/**
 * Detectors: small pure functions, each over one kind of input it receives as a parameter (a URL, a title, a list
 * of headings, a text sample, the JSON-LD types). None touches a Document; `index.ts` reads the page and feeds them.
 * Every URL detector sits beside the list of real-looking URLs it must accept (`url-examples.ts`), and the unit test
 * checks it rejects every other list.
 */
import * as W from './words';

const SOURCES = {
  condition: W.CONDITION,
  exercise: W.EXERCISE,
  hold: W.HOLD,
  reps: W.REPS,
  position: W.POSITION,
  shop: W.SHOP,
  booking: W.BOOKING,
  research: W.RESEARCH,
  job: W.JOB,
  animal: W.ANIMAL,
  medinfo: W.MEDINFO,
  relief: W.RELIEF,
} as const;
export type Counted = keyof typeof SOURCES;

/**
 * One RegExp per vocabulary, built on first use and shared by `has` and `count`. Compiling these large alternations
 * is most of a page's classification cost (each page load starts a fresh content-script world), so a page that stops
 * at the early exit compiles only two of them, and no vocabulary is ever compiled twice with different flags.
 */
const compiled: Partial<Record<Counted, RegExp>> = {};
const rx = (kind: Counted): RegExp => (compiled[kind] ??= new RegExp(SOURCES[kind], 'g'));

/** Whether a vocabulary occurs in normalised text. */
export function has(kind: Counted, normalized: string): boolean {
  const g = rx(kind);
  g.lastIndex = 0;
  const found = g.test(normalized);
  g.lastIndex = 0;
  return found;
}

/** How many times a vocabulary occurs in normalised text, stopping at `cap` (bounded work on long pages). */
export function count(kind: Counted, normalized: string, cap = 50): number {
  const g = rx(kind);
  g.lastIndex = 0;
  let n = 0;
  while (n < cap && g.exec(normalized)) n++;
  g.lastIndex = 0;
  return n;
}

/**
 * Movement verbs aimed at a body part, by walking the words: verb, link word (your/the/la/le/das…), an optional
 * word (left, right, other…), body part; or, for German infinitives, link word, body part, optional word, verb
 * ("das rechte Bein langsam anheben", "Heben Sie das Becken"). Set lookups only: nothing to compile.
 */
export function countMoves(normalized: string, cap = 50): number {
  const t = normalized.split(/[^a-z0-9]+/);
  let n = 0;
  for (let i = 0; i < t.length && n < cap; i++) {
    const w = t[i] ?? '';
    if (W.MOVE_VERBS.has(w)) {
      let j = i + 1;
      if (t[j] === 'sie') j++; // "heben Sie das Becken"
      if (
        W.MOVE_LINKS.has(t[j] ?? '') &&
        (W.MOVE_BODY.has(t[j + 1] ?? '') || W.MOVE_BODY.has(t[j + 2] ?? ''))
      )
        n++;
    } else if (W.MOVE_BODY.has(w) && (W.MOVE_LINKS.has(t[i - 1] ?? '') || W.MOVE_LINKS.has(t[i - 2] ?? ''))) {
      if (W.MOVE_VERBS.has(t[i + 1] ?? '') || W.MOVE_VERBS.has(t[i + 2] ?? '')) n++; // "das Becken (langsam) anheben"
    }
  }
  return n;
}

const TOPICS = [
  'condition',
  'exercise',
  'shop',
  'booking',
  'research',
  'job',
  'animal',
  'medinfo',
  'relief',
] as const;
/** Topic words of a short text (title, description, heading), already normalised. */
export type Topic = Record<(typeof TOPICS)[number], boolean>;

/** Each flag is computed on first read, so a caller pays only for the vocabularies it asks about. */
export function topicOf(normalized: string): Topic {
  const topic = {} as Topic;
  for (const kind of TOPICS) {
    let value: boolean | undefined;
    Object.defineProperty(topic, kind, { enumerable: true, get: () => (value ??= has(kind, normalized)) });
  }
  return topic;
}

// ---- URL ---------------------------------------------------------------------------------------------------------

/** Host and path as words: "www.x.com/de/rueckenschmerzen-uebungen/" → "www x com de rueckenschmerzen uebungen". */
export function urlWords(url: URL): string {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape: keep the raw path
  }
  return W.normalize(`${url.hostname} ${path}`.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim();
}

const URL_SHOP =
  /(?:^|\s)(?:shop|store|tienda|boutique|negozio|loja|winkel|cart|basket|checkout|product|products|producto|productos|produit|produits|produkt|produkte|prodotto|prodotti|produto|produtos|dp|sku|buy|kaufen|comprar|acheter)(?:\s|$)/;
const URL_BOOKING =
  /(?:^|\s)(?:book|booking|bookings|appointment|appointments|book online|schedule|contact|contact us|locations|new patients|pricing|prices|cita|citas|rendez vous|rdv|termin|termine|terminbuchung|prenota|prenotazione|agendar|marcacao|afspraak|tarifs|preise)(?:\s|$)/;
const URL_RESEARCH =
  /(?:^|\s)(?:pubmed|ncbi|pmc|doi|scholar|sciencedirect|springer|wiley|frontiersin|mdpi|jamanetwork|bmj|thelancet|plos|journals?|abstract|abstracts|article 10|10 \d{4})(?:\s|$)/;
const URL_JOB =
  /(?:^|\s)(?:jobs?|careers?|vacanc(?:y|ies)|hiring|empleo|empleos|trabajo|emploi|emplois|recrutement|stellen|stellenangebot|stellenangebote|karriere|lavoro|lavora con noi|vagas?|vacatures?|werken bij)(?:\s|$)/;

/** Video sites and video pages: their text rarely spells the exercises out, the title and the player do. */
const URL_VIDEO =
  /(?:^|\s)(?:youtube|youtu|vimeo|dailymotion|tiktok|rumble|wistia|bilibili|watch|video|videos|shorts|reel|reels|embed)(?:\s|$)/;

export const urlSaysCondition = (url: URL): boolean => has('condition', urlWords(url));
export const urlSaysExercise = (url: URL): boolean => has('exercise', urlWords(url));
export const urlSaysRelief = (url: URL): boolean => has('relief', urlWords(url));
export const urlSaysShop = (url: URL): boolean => URL_SHOP.test(urlWords(url));
export const urlSaysBooking = (url: URL): boolean => URL_BOOKING.test(urlWords(url));
export const urlSaysResearch = (url: URL): boolean => URL_RESEARCH.test(urlWords(url));
export const urlSaysJob = (url: URL): boolean => URL_JOB.test(urlWords(url));
export const urlSaysAnimal = (url: URL): boolean => has('animal', urlWords(url));
export const urlSaysVideo = (url: URL): boolean => URL_VIDEO.test(urlWords(url));

// ---- structured data -----------------------------------------------------------------------------------------------

export interface StructuredKinds {
  howTo: boolean;
  exercisePlan: boolean;
  video: boolean;
  article: boolean;
  qa: boolean;
  product: boolean;
  clinic: boolean;
  scholarly: boolean;
  job: boolean;
}

/** What the page says it is, from its JSON-LD @type values and og:type. */
export function structuredKinds(types: readonly string[], ogType: string): StructuredKinds {
  const has = (...names: string[]) => types.some((t) => names.includes(t));
  const og = ogType.toLowerCase();
  const article = has(
    'Article',
    'BlogPosting',
    'NewsArticle',
    'MedicalWebPage',
    'WebPage',
    'HealthTopicContent',
  );
  return {
    howTo: has('HowTo', 'HowToStep', 'HowToSection'),
    exercisePlan: has('ExercisePlan', 'ExerciseAction', 'PhysicalActivity'),
    video: has('VideoObject') || og.startsWith('video'),
    article: article || og === 'article',
    qa: has('QAPage', 'Question', 'FAQPage'),
    product:
      has('Product', 'Offer', 'AggregateOffer', 'IndividualProduct', 'ProductGroup') ||
      og === 'product' ||
      og === 'og:product',
    // A clinic's own landing page; its blog posts also carry Article types, which outweigh this.
    clinic:
      has(
        'MedicalClinic',
        'MedicalBusiness',
        'Physician',
        'PhysicalTherapy',
        'LocalBusiness',
        'Hospital',
        'Dentist',
        'MedicalOrganization',
      ) && !article,
    scholarly: has('ScholarlyArticle', 'MedicalScholarlyArticle', 'Dataset'),
    job: has('JobPosting'),
  };
}

// ---- headings and steps --------------------------------------------------------------------------------------------

const STEP_HEADING =
  /^(?:(?:step|paso|etape|schritt|passo|passo|stap|exercise|exercice|ejercicio|ubung|uebung|esercizio|exercicio|oefening)\s*)?#?\d{1,2}\s*[.):\-–—]?\s+\S/;

export interface HeadingSignals {
  condition: number;
  exercise: number;
  steps: number;
  medinfo: number;
}

/** Counts over normalised headings: how many name a condition, an exercise, a numbered step, a medical-info section. */
export function headingSignals(headings: readonly string[]): HeadingSignals {
  const out = { condition: 0, exercise: 0, steps: 0, medinfo: 0 };
  for (const h of headings) {
    const t = topicOf(h);
    if (t.condition) out.condition++;
    if (t.exercise) out.exercise++;
    if (t.medinfo && !t.exercise) out.medinfo++;
    if (STEP_HEADING.test(h)) out.steps++;
  }
  return out;
}

// ---- main text -----------------------------------------------------------------------------------------------------

export interface TextSignals {
  condition: number;
  exercise: number;
  hold: number;
  reps: number;
  position: number;
  shop: number;
  booking: number;
  research: number;
  job: number;
  animal: number;
  relief: number;
}

/** Vocabulary counts over a bounded, normalised sample of the main text. */
export function textSignals(normalized: string): TextSignals {
  return {
    condition: count('condition', normalized),
    exercise: count('exercise', normalized),
    hold: count('hold', normalized),
    reps: count('reps', normalized),
    position: count('position', normalized) + countMoves(normalized),
    shop: count('shop', normalized),
    booking: count('booking', normalized),
    research: count('research', normalized),
    job: count('job', normalized),
    animal: count('animal', normalized),
    relief: count('relief', normalized),
  };
}
