/**
 * Every clinical number the UI uses, in one place, each with the id of its source in docs/clinical.md
 * (the UI links to docs by these ids through `sourceOf`). Reference points, never verdicts about a person.
 */
export const SOURCES = {
  ostelo2008:
    'Ostelo RW et al. Interpreting change scores for pain and functional status in low back pain. Spine 2008;33(1):90-94.',
  childs2005:
    'Childs JD, Piva SR, Fritz JM. Responsiveness of the numeric pain rating scale in patients with low back pain. Spine 2005;30(11):1331-1334.',
  baselineMcid:
    'Baseline-dependent minimal important change of pain intensity in low back pain (doi:10.1055/a-1304-3677).',
  stratford1995:
    'Stratford P et al. Assessing disability and change on individual patients: a report of a patient specific measure. Physiotherapy Canada 1995;47:258-263.',
  abbott2014:
    'Abbott JH, Schmitt JS. Minimum important differences for the Patient-Specific Functional Scale, 4 region-specific outcome measures, and the numeric pain rating scale. JOSPT 2014;44(8):560-564.',
  perret2001:
    'Perret C et al. Validity, reliability, and responsiveness of the fingertip-to-floor test. Arch Phys Med Rehabil 2001;82(11):1566-1570.',
  cheung2003:
    'Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies and performance factors. Sports Med 2003;33(2):145-164.',
  silbernagel2007:
    'Silbernagel KG et al. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med 2007;35(6):897-906.',
  smith2017:
    'Smith BE et al. Should exercises be painful in the management of chronic musculoskeletal pain? A systematic review and meta-analysis. Br J Sports Med 2017;51(23):1679-1687.',
  redFlags:
    'NICE Clinical Knowledge Summaries: Back pain - low (without radiculopathy), red flags; NHS: Back pain; AHCPR Clinical Practice Guideline 14 (1994), red flags for low back problems.',
  guidelines:
    'Qaseem A et al. (American College of Physicians) Ann Intern Med 2017; NICE guideline NG59 (2016, updated 2020); WHO guideline for non-surgical management of chronic primary low back pain in adults (2023).',
  adherence:
    'Home exercise adherence in physiotherapy: often-quoted non-adherence of 50-70% (e.g. Jack K et al. Man Ther 2010;15(3):220-228); written and illustrated instructions improve adherence (Schneiders AG et al. JOSPT 1998;27(4):265-272).',
} as const;
export type SourceId = keyof typeof SOURCES;

/** Pain (0-10 NPRS): a change of about 2 points or 30% from baseline is often considered meaningful. */
export const PAIN_MEANINGFUL_POINTS = 2;
export const PAIN_MEANINGFUL_PERCENT = 30;
export const PAIN_SOURCES: SourceId[] = ['ostelo2008', 'childs2005'];

/** The size of a meaningful pain change grows with the starting level (baselineMcid). */
export function painMeaningfulForBaseline(baseline: number): number {
  if (baseline < 5) return 1;
  if (baseline < 8) return 2;
  return 3.5;
}

/** PSFS mean (0-10): about 2 points; a single activity: about 3 points (abbott2014). */
export const PSFS_MEANINGFUL_MEAN = 2;
export const PSFS_MEANINGFUL_SINGLE = 3;
export const PSFS_SOURCES: SourceId[] = ['stratford1995', 'abbott2014'];
export const MAX_ACTIVITIES_NOTE = 'PSFS asks for 3-5 activities'; // stratford1995

/** Fingertip-to-floor: changes under about 4.5 cm can be measurement noise (perret2001). */
export const REACH_DETECTABLE_CM = 4.5;

/** Delayed-onset muscle soreness: peaks 24-72 h after new or harder exercise, fades within about 5-7 days. */
export const DOMS_PEAK_HOURS: [number, number] = [24, 72];
export const DOMS_FADES_DAYS: [number, number] = [5, 7];

/** Pain-monitoring model (silbernagel2007): during exercise 0-3 fine, 4-5 acceptable, above 5 too much. */
export const PAIN_MONITOR_SAFE_MAX = 3;
export const PAIN_MONITOR_ACCEPTABLE_MAX = 5;

/** Product rule (not a clinical threshold): the "early after surgery" window shown in the popup and banner. */
export const EARLY_POST_SURGERY_WEEKS = 12;
