/**
 * classifyExcerpt(excerpt): the decision over a PageExcerpt (./excerpt.ts). Loaded where it runs once per candidate
 * page (the background), so its vocabularies and weights do not weigh on every page.
 *
 * Three positive axes must all be present: CONDITION (pain, injury, rehab), EXERCISE (exercises, stretches, yoga…)
 * and INSTRUCTION (hold for N seconds, N repetitions, body positions, numbered steps), or for a video page, a
 * title that names both a condition and exercises. Negative evidence (shop, booking, research, job post, animals,
 * medical-information sections) is subtracted. Axes are capped so no single loud signal decides alone.
 */
import {
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
} from './detectors';
import type { PageExcerpt } from './excerpt';
import { normalize } from './normalize';

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

const THRESHOLD = 9;
const cap = (x: number, max: number) => Math.min(x, max);

export function classifyExcerpt(ex: PageExcerpt): Classification {
  const reasons: Reason[] = [];
  const add = (id: ReasonId, weight: number) => {
    if (weight !== 0) reasons.push({ id, weight: Math.round(weight * 100) / 100 });
    return weight;
  };
  const url = new URL(ex.url);
  const titleText = normalize(ex.title);
  const descriptionText = normalize(ex.description);
  const headingTexts = ex.headings.map((h) => normalize(h));

  const title = topicOf(titleText);
  const description = topicOf(descriptionText);
  const kinds = structuredKinds(ex.types, ex.ogType);
  // Single-page video sites keep the first page's <head> (og:type) after navigating: the URL still says "video".
  kinds.video ||= urlSaysVideo(url);
  const heads = headingSignals(headingTexts);
  const h1 = topicOf(normalize(ex.h1));
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

  if (u.condition || u.exercise) add('urlTopic', (u.condition ? 2 : 0) + (u.exercise ? 2 : 0));
  if (title.condition || title.exercise)
    add('titleTopic', (title.condition ? 3 : 0) + (title.exercise ? 3 : 0));
  if (description.condition || description.exercise)
    add('metaTopic', (description.condition ? 1.5 : 0) + (description.exercise ? 1.5 : 0));
  if (heads.condition || heads.exercise)
    add('headingsTopic', cap(heads.condition, 3) + cap(heads.exercise, 3));

  const text = textSignals(normalize(ex.text));
  const textCondition = cap(text.condition * 0.25, 2);
  const textExercise = cap(text.exercise * 0.25, 2);
  condition += textCondition;
  exercise += textExercise;
  add('textTopic', textCondition + textExercise);

  let instruction = 0;
  instruction += add('hold', cap(text.hold * 1.5, 4.5));
  instruction += add('reps', cap(text.reps, 3));
  instruction += add('position', cap(text.position * 0.75, 3));
  instruction += add('steps', (ex.olItems >= 3 ? 1 : 0) + (heads.steps >= 3 ? 1.5 : 0));
  instruction += add('howTo', kinds.howTo || kinds.exercisePlan ? 2 : 0);
  instruction = cap(instruction, 8);
  const video = kinds.video && bothInTitle ? add('video', 3) : 0;

  const neg = {
    shop: (kinds.product ? 6 : 0) + (urlSaysShop(url) ? 3 : 0) + (title.shop ? 2 : 0) + cap(text.shop, 5),
    booking:
      (kinds.clinic ? 2 : 0) +
      (urlSaysBooking(url) ? 3 : 0) +
      (title.booking ? 3 : 0) +
      cap(text.booking * 0.75, 4),
    research:
      (kinds.scholarly ? 5 : 0) +
      (ex.citation ? 5 : 0) +
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
