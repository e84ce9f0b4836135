/**
 * classifyExcerpt(excerpt): the decision over a PageExcerpt (./excerpt.ts). Loaded where it runs once per candidate
 * page (the background), so its vocabularies and weights do not weigh on every page.
 *
 * A logistic-regression model (weights in ./model-weights.ts, trained offline by `npm run train:caution` on the
 * corpus in tests/fixtures/caution-corpus) over the features of ./features.ts: the hand-made detectors as dense
 * features plus hashed words, word pairs and character 4-grams of the title, headings and text.
 *
 *   score   = bias + Σ dense weight × value + Σ hashed weight × value (+ CLAIM_WEIGHT when the title or address
 *             itself says "exercises for <condition>" and nothing marks a research, shop, job or animal page)
 *   caution = score ≥ threshold
 *   reasons = the same terms summed per ReasonId (bias excluded), so "Why am I seeing this?" adds up to the score.
 */
import type { PageExcerpt } from './excerpt';
import { CLAIM_WEIGHT, DENSE, FIELDS, HASH_BUCKETS, featurize, fieldReason } from './features';
import { MODEL } from './model-weights';

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
  /** Contribution to the score (log-odds; negative for evidence against), rounded to 2 decimals. */
  weight: number;
}

export interface Classification {
  caution: boolean;
  /** The model's log-odds minus its threshold: ≥ 0 means caution. */
  score: number;
  reasons: Reason[];
}

let hashed: Float32Array | null = null;
/** The hashed weights, decoded once (Int8 × scale). */
function hashedWeights(): Float32Array {
  if (hashed) return hashed;
  const bin = atob(MODEL.hashed);
  const out = new Float32Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = ((bin.charCodeAt(i) << 24) >> 24) * MODEL.scale;
  return (hashed = out);
}

/** The model's terms per reason for one excerpt (exported for the trainer's and the tests' checks). */
export function contributions(ex: PageExcerpt): { logit: number; byReason: Map<ReasonId, number> } {
  const f = featurize(ex);
  const w = hashedWeights();
  const byReason = new Map<ReasonId, number>();
  const add = (id: ReasonId, x: number) => byReason.set(id, (byReason.get(id) ?? 0) + x);
  let logit = MODEL.bias;
  DENSE.forEach(([, id], i) => {
    const x = (MODEL.dense[i] ?? 0) * (f.dense[i] ?? 0);
    if (x !== 0) add(id, x);
    logit += x;
  });
  FIELDS.forEach((field, k) => {
    const { idx, val } = f.hashed[field];
    let s = 0;
    for (const j of idx) s += (w[k * HASH_BUCKETS + j] ?? 0) * val;
    if (s !== 0) add(fieldReason(field), s);
    logit += s;
  });
  if (f.claim) {
    add(f.claim === 'title' ? 'titleTopic' : 'urlTopic', CLAIM_WEIGHT);
    logit += CLAIM_WEIGHT;
  }
  return { logit, byReason };
}

export function classifyExcerpt(ex: PageExcerpt): Classification {
  const { logit, byReason } = contributions(ex);
  const reasons: Reason[] = [];
  for (const [id, x] of byReason) {
    const weight = Math.round(x * 100) / 100;
    if (weight !== 0) reasons.push({ id, weight });
  }
  reasons.sort((a, b) => b.weight - a.weight);
  const margin = logit - MODEL.threshold;
  return { caution: margin >= 0, score: Math.round(margin * 100) / 100, reasons };
}
