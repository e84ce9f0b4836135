/**
 * Features of a PageExcerpt for the caution model (./model.ts), shared by the extension (background) and the offline
 * trainer (scripts/caution/train.ts), so both compute exactly the same numbers.
 *
 * Two kinds, each tagged with the ReasonId it is reported under in "Why am I seeing this?":
 *   dense    today's hand-made detectors (./detectors.ts) turned into ~45 bounded numbers: topic words in the URL,
 *            title, summary and headings; counts of condition/exercise/instruction phrases in the text; structured
 *            data kinds; evidence against (shop, booking, research, job, animals, medical-information headings)
 *   hashed   words, word pairs and character 4-grams of the title (with h1), the headings and the text, hashed into
 *            HASH_BUCKETS buckets per field; each field's vector is scaled to unit length so long pages do not weigh more.
 * The host name is never a feature (the path words are, through the URL detectors only).
 */
import {
  countMoves,
  headingSignals,
  structuredKinds,
  textSignals,
  topicOf,
  urlSaysAnimal,
  urlSaysBooking,
  urlSaysCondition,
  urlSaysExercise,
  urlSaysRelief,
  urlSaysJob,
  urlSaysResearch,
  urlSaysShop,
  urlSaysVideo,
} from './detectors';
import type { PageExcerpt } from './excerpt';
import { normalize } from './normalize';
import type { ReasonId } from './score';

/** Hash space per field (title, headings, text): 3 × 4096 weights. */
export const HASH_BITS = 12;
export const HASH_BUCKETS = 1 << HASH_BITS;
export const FIELDS = ['title', 'headings', 'text'] as const;
export type Field = (typeof FIELDS)[number];
const FIELD_REASON: Record<Field, ReasonId> = {
  title: 'titleTopic',
  headings: 'headingsTopic',
  text: 'textTopic',
};
export const fieldReason = (f: Field): ReasonId => FIELD_REASON[f];

/** Dense features: name → the reason it counts towards. Order is the weight order in the model table. */
export const DENSE: ReadonlyArray<readonly [string, ReasonId]> = [
  ['titleCondition', 'titleTopic'],
  ['titleExercise', 'titleTopic'],
  ['titleBoth', 'titleTopic'],
  ['urlCondition', 'urlTopic'],
  ['urlExercise', 'urlTopic'],
  ['urlBoth', 'urlTopic'],
  ['metaCondition', 'metaTopic'],
  ['metaExercise', 'metaTopic'],
  ['headCondition', 'headingsTopic'],
  ['headExercise', 'headingsTopic'],
  ['headSteps', 'steps'],
  ['headMedinfo', 'medinfo'],
  ['textCondition', 'textTopic'],
  ['textExercise', 'textTopic'],
  ['conditionAnywhere', 'textTopic'],
  ['exerciseAnywhere', 'textTopic'],
  ['conditionAndExercise', 'textTopic'],
  ['hold', 'hold'],
  ['reps', 'reps'],
  ['position', 'position'],
  ['moves', 'position'],
  ['instructionAny', 'hold'],
  ['topicAndInstruction', 'hold'],
  ['howTo', 'howTo'],
  ['video', 'video'],
  ['videoTopic', 'video'],
  ['shopText', 'shop'],
  ['shopPage', 'shop'],
  ['bookingText', 'booking'],
  ['bookingPage', 'booking'],
  ['researchText', 'research'],
  ['researchPage', 'research'],
  ['jobText', 'job'],
  ['jobPage', 'job'],
  ['animalText', 'animal'],
  ['animalPage', 'animal'],
  ['qa', 'textTopic'],
  ['article', 'textTopic'],
  ['shortText', 'textTopic'],
  ['titleRelief', 'titleTopic'],
  ['textRelief', 'textTopic'],
  ['reliefAndExercise', 'textTopic'],
];

/**
 * A page whose title (or h1) or address itself names both a condition and exercises ("Exercises for sciatica",
 * /ejercicios-para-la-ciatica) teaches them in nearly every case, instruction phrase or not (121 of 125 such pages in
 * the corpus's train and dev splits), unless it is a research, shop, booking, job or animal page. Such a claim adds
 * CLAIM_WEIGHT to the score, under the title's or the address's reason.
 */
export const CLAIM_WEIGHT = 3;

export interface Features {
  dense: Float32Array;
  /** Where the page claims "exercises for <condition>" (see CLAIM_WEIGHT), or null. */
  claim: 'title' | 'url' | null;
  /** Per field: bucket indices (may repeat) and the value each occurrence adds. */
  hashed: Record<Field, { idx: Uint32Array; val: number }>;
}

const sat = (n: number, cap: number) => Math.log1p(Math.min(n, cap)) / Math.log1p(cap);
const b = (x: boolean) => (x ? 1 : 0);

/** FNV-1a, 32 bits. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Word tokens of normalised text; numbers become '#', one-letter words are dropped. */
export function tokens(normalized: string): string[] {
  const out: string[] = [];
  for (const w of normalized.split(/[^a-z0-9]+/))
    if (w.length > 1 || /\d/.test(w)) out.push(/^\d+$/.test(w) ? '#' : w);
  return out;
}

/** Hashed terms of one field: words, word pairs, and 4-grams of words of 5+ letters (compounds, inflections). */
function terms(normalized: string, maxTokens: number): number[] {
  const t = tokens(normalized).slice(0, maxTokens);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const w = t[i] as string;
    out.push(hash('w' + w) & (HASH_BUCKETS - 1));
    if (i > 0) out.push(hash('b' + t[i - 1] + ' ' + w) & (HASH_BUCKETS - 1));
    if (w.length >= 5) {
      const p = `<${w}>`;
      for (let j = 0; j + 4 <= p.length; j++) out.push(hash('c' + p.slice(j, j + 4)) & (HASH_BUCKETS - 1));
    }
  }
  return out;
}

export function featurize(ex: PageExcerpt): Features {
  let url: URL | null = null;
  try {
    url = new URL(ex.url);
  } catch {
    // a page without a parseable address: URL features stay 0
  }
  const titleText = normalize(`${ex.title}\n${ex.h1}`);
  const metaText = normalize(ex.description);
  const headingTexts = ex.headings.map((h) => normalize(h));
  const bodyText = normalize(ex.text);

  const title = topicOf(titleText);
  const meta = topicOf(metaText);
  const heads = headingSignals(headingTexts);
  const text = textSignals(bodyText);
  const moves = countMoves(bodyText);
  const kinds = structuredKinds(ex.types, ex.ogType);
  const u = url
    ? {
        condition: urlSaysCondition(url),
        exercise: urlSaysExercise(url),
        relief: urlSaysRelief(url),
        shop: urlSaysShop(url),
        booking: urlSaysBooking(url),
        research: urlSaysResearch(url),
        job: urlSaysJob(url),
        animal: urlSaysAnimal(url),
        video: urlSaysVideo(url),
      }
    : {
        condition: false,
        exercise: false,
        relief: false,
        shop: false,
        booking: false,
        research: false,
        job: false,
        animal: false,
        video: false,
      };

  const conditionAnywhere =
    title.condition || u.condition || meta.condition || heads.condition > 0 || text.condition > 0;
  const exerciseAnywhere =
    title.exercise ||
    u.exercise ||
    meta.exercise ||
    heads.exercise > 0 ||
    text.exercise > 0 ||
    kinds.exercisePlan;
  const instruction = text.hold + text.reps + text.position;
  const topicBoth = (title.condition || u.condition) && (title.exercise || u.exercise);

  const values: Record<string, number> = {
    titleCondition: b(title.condition),
    titleExercise: b(title.exercise),
    titleBoth: b(title.condition && title.exercise),
    urlCondition: b(u.condition),
    urlExercise: b(u.exercise),
    urlBoth: b(u.condition && u.exercise),
    metaCondition: b(meta.condition),
    metaExercise: b(meta.exercise),
    headCondition: sat(heads.condition, 5),
    headExercise: sat(heads.exercise, 5),
    headSteps: sat(heads.steps, 8),
    headMedinfo: sat(heads.medinfo, 5),
    textCondition: sat(text.condition, 20),
    textExercise: sat(text.exercise, 20),
    conditionAnywhere: b(conditionAnywhere),
    exerciseAnywhere: b(exerciseAnywhere),
    conditionAndExercise: b(conditionAnywhere && exerciseAnywhere),
    hold: sat(text.hold, 10),
    reps: sat(text.reps, 10),
    position: sat(text.position - moves, 10),
    moves: sat(moves, 10),
    instructionAny: b(instruction > 0),
    topicAndInstruction: b(conditionAnywhere && exerciseAnywhere && instruction > 0),
    howTo: b(kinds.howTo || kinds.exercisePlan),
    video: b(kinds.video || u.video),
    videoTopic: b((kinds.video || u.video) && topicBoth),
    shopText: sat(text.shop, 6),
    shopPage: b(kinds.product || u.shop || title.shop),
    bookingText: sat(text.booking, 6),
    bookingPage: b(kinds.clinic || u.booking || title.booking),
    researchText: sat(text.research, 8),
    researchPage: b(kinds.scholarly || u.research),
    jobText: sat(text.job, 6),
    jobPage: b(kinds.job || u.job || title.job),
    animalText: sat(text.animal, 6),
    animalPage: b(u.animal || title.animal || meta.animal),
    qa: b(kinds.qa),
    article: b(kinds.article),
    shortText: b(ex.text.length < 600),
    // "how to relieve <condition>" in the title or address; relief words in the text; relief + condition + exercise
    titleRelief: b((title.relief || u.relief) && (title.condition || u.condition)),
    textRelief: sat(text.relief, 5),
    reliefAndExercise: b(
      (title.relief || u.relief || meta.relief || text.relief > 0) && conditionAnywhere && exerciseAnywhere,
    ),
  };
  const dense = new Float32Array(DENSE.length);
  DENSE.forEach(([name], i) => (dense[i] = values[name] ?? 0));
  const against =
    values.researchPage ||
    values.animalPage ||
    values.shopPage ||
    values.jobPage ||
    text.research ||
    text.animal;
  const claim = against
    ? null
    : title.condition && title.exercise
      ? 'title'
      : u.condition && u.exercise
        ? 'url'
        : null;

  const hashed = {} as Features['hashed'];
  const fieldText: Record<Field, string> = {
    title: titleText,
    headings: headingTexts.join('\n'),
    text: bodyText,
  };
  for (const f of FIELDS) {
    const idx = terms(fieldText[f], f === 'text' ? 800 : 300);
    hashed[f] = { idx: Uint32Array.from(idx), val: idx.length ? 1 / Math.sqrt(idx.length) : 0 };
  }
  return { dense, claim, hashed };
}
