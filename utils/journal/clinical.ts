/**
 * Every clinical number the UI uses, in one place, each with the id of its source. The ids are the anchors of the
 * extension's Sources page (entrypoints/sources, `sources.html#<id>`) and of docs/clinical.md; a unit test
 * (tests/unit/clinical-docs.test.ts) checks the numbers here against docs/clinical.md. Reference points, never
 * verdicts about a person.
 */
import { daysBetween, isDay, type Day } from '../dates';

/** One citation, written out. `what` (what was measured and in whom) is a message key: it is translated. */
export interface Source {
  authors: string;
  year: number;
  title: string;
  /** Journal (or publisher), volume, issue and pages as published. */
  where: string;
}

export const SOURCES = {
  ostelo2008: {
    authors: 'Ostelo RWJG, Deyo RA, Stratford P, et al.',
    year: 2008,
    title:
      'Interpreting change scores for pain and functional status in low back pain: towards international consensus regarding minimal important change',
    where: 'Spine 2008;33(1):90-94',
  },
  childs2005: {
    authors: 'Childs JD, Piva SR, Fritz JM',
    year: 2005,
    title: 'Responsiveness of the numeric pain rating scale in patients with low back pain',
    where: 'Spine 2005;30(11):1331-1334',
  },
  stratford1995: {
    authors: 'Stratford P, Gill C, Westaway M, Binkley J',
    year: 1995,
    title: 'Assessing disability and change on individual patients: a report of a patient specific measure',
    where: 'Physiotherapy Canada 1995;47(4):258-263',
  },
  abbott2014: {
    authors: 'Abbott JH, Schmitt JS',
    year: 2014,
    title:
      'Minimum important differences for the Patient-Specific Functional Scale, 4 region-specific outcome measures, and the numeric pain rating scale',
    where: 'J Orthop Sports Phys Ther 2014;44(8):560-564',
  },
  perret2001: {
    authors: 'Perret C, Poiraudeau S, Fermanian J, et al.',
    year: 2001,
    title: 'Validity, reliability, and responsiveness of the fingertip-to-floor test',
    where: 'Arch Phys Med Rehabil 2001;82(11):1566-1570',
  },
  ekedahl2012: {
    authors: 'Ekedahl H, Jönsson B, Frobell RB',
    year: 2012,
    title:
      'Fingertip-to-floor test and straight leg raising test: validity, responsiveness, and predictive value in patients with acute/subacute low back pain',
    where: 'Arch Phys Med Rehabil 2012;93(12):2210-2215',
  },
  cheung2003: {
    authors: 'Cheung K, Hume P, Maxwell L',
    year: 2003,
    title: 'Delayed onset muscle soreness: treatment strategies and performance factors',
    where: 'Sports Med 2003;33(2):145-164',
  },
  thomee1997: {
    authors: 'Thomeé R',
    year: 1997,
    title: 'A comprehensive treatment approach for patellofemoral pain syndrome in young women',
    where: 'Phys Ther 1997;77(12):1690-1703',
  },
  silbernagel2007: {
    authors: 'Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J',
    year: 2007,
    title:
      'Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy: a randomized controlled study',
    where: 'Am J Sports Med 2007;35(6):897-906',
  },
  smith2017: {
    authors: 'Smith BE, Hendrick P, Smith TO, et al.',
    year: 2017,
    title:
      'Should exercises be painful in the management of chronic musculoskeletal pain? A systematic review and meta-analysis',
    where: 'Br J Sports Med 2017;51(23):1679-1687',
  },
  schneiders1998: {
    authors: 'Schneiders AG, Zusman M, Singer KP',
    year: 1998,
    title: 'Exercise therapy compliance in acute low back pain patients',
    where: 'Man Ther 1998;3(3):147-152',
  },
  henry1999: {
    authors: 'Henry KD, Rosemond C, Eckert LB',
    year: 1999,
    title: 'Effect of number of home exercises on compliance and performance in adults over 65 years of age',
    where: 'Phys Ther 1999;79(3):270-277',
  },
  redFlags: {
    authors: 'National Institute for Health and Care Excellence (NICE); NHS',
    year: 2024,
    title:
      'Clinical Knowledge Summaries: Back pain - low (without radiculopathy) and Sciatica (lumbar radiculopathy), red flags; NHS: Back pain, Sciatica, Cauda equina syndrome',
    where: 'cks.nice.org.uk; nhs.uk',
  },
  guidelines: {
    authors: 'Qaseem A et al. (American College of Physicians); NICE; World Health Organization (WHO)',
    year: 2023,
    title:
      'Noninvasive treatments for acute, subacute, and chronic low back pain (ACP 2017); Low back pain and sciatica in over 16s: assessment and management (NICE NG59, 2016, updated 2020); WHO guideline for non-surgical management of chronic primary low back pain in adults in primary and community care settings (2023)',
    where: 'Ann Intern Med 2017;166(7):514-530; nice.org.uk/guidance/ng59; who.int',
  },
} as const satisfies Record<string, Source>;
export type SourceId = keyof typeof SOURCES;

/** "Ostelo RWJG, Deyo RA, … 2008": enough to find the full citation on the Sources page. */
export function shortCitation(id: SourceId): string {
  const s: Source = SOURCES[id];
  const first = s.authors.split(/[,;(]/)[0]!.trim();
  const more = s.authors.length > first.length ? ' et al.' : '';
  return `${first}${more} ${s.year}`;
}

/** The extension page that writes every source out, and the anchor of one of them. */
export const SOURCES_PAGE = '/sources.html';
export const sourceHref = (id: SourceId) => `${SOURCES_PAGE}#${id}`;

/**
 * Pain (0-10 NPRS): a fall of about 2 points or 30% from baseline is often considered meaningful for low back pain
 * (ostelo2008, consensus, defined for improvement; childs2005: detectable change 2 points, MCID 2.2 at one week and
 * 1.5 at four weeks). Below 1 point absolute a 30% change is noise, so nothing under PAIN_MIN_MEANINGFUL_POINTS is
 * ever called meaningful, and a rise is judged by the same rule as a fall.
 */
export const PAIN_MEANINGFUL_POINTS = 2;
export const PAIN_MEANINGFUL_PERCENT = 30;
export const PAIN_MIN_MEANINGFUL_POINTS = 1;
export const PAIN_DETECTABLE_POINTS = 2; // childs2005
export const PAIN_SOURCES: SourceId[] = ['ostelo2008', 'childs2005'];

/**
 * PSFS (0-10, stratford1995): about 2 points for the mean is often considered meaningful; a single activity needs
 * about 3 points to exceed measurement error (minimal detectable change). MCID 1.3 small, 2.3 medium, 2.7 large
 * (abbott2014).
 */
export const PSFS_MEANINGFUL_MEAN = 2;
export const PSFS_DETECTABLE_SINGLE = 3;
/** @deprecated the single-activity figure is a detectable change, not a meaningful one: use PSFS_DETECTABLE_SINGLE. */
export const PSFS_MEANINGFUL_SINGLE = PSFS_DETECTABLE_SINGLE;
export const PSFS_MCID: [small: number, medium: number, large: number] = [1.3, 2.3, 2.7];
export const PSFS_SOURCES: SourceId[] = ['stratford1995', 'abbott2014'];

/**
 * Fingertip-to-floor: smallest detectable change about 4.5 cm, examiner-measured, acute/subacute low back pain
 * (ekedahl2012; reliability ICC 0.99 in perret2001). Self-measured at home is less reliable: a lower bound for "more
 * than measurement noise", never a meaningful change.
 */
export const REACH_DETECTABLE_CM = 4.5;
export const REACH_SOURCES: SourceId[] = ['ekedahl2012', 'perret2001'];

/** Delayed-onset muscle soreness (cheung2003): peaks 24-72 h after new or harder exercise, fades within about 5-7 days. */
export const DOMS_PEAK_HOURS: [number, number] = [24, 72];
export const DOMS_FADES_DAYS: [number, number] = [5, 7];

/**
 * Pain-monitoring model (thomee1997; silbernagel2007, Achilles tendinopathy): pain DURING exercise 0-2 safe, 2-5
 * acceptable, above 5 high risk. Education only: the journal records pain now, not pain during exercise, so these
 * zones are never applied to logged values.
 */
export const PAIN_MONITOR_SAFE_MAX = 2;
export const PAIN_MONITOR_ACCEPTABLE_MAX = 5;

/** Product rule (not a clinical threshold): the "early after surgery" window shown in the popup and banner. */
export const EARLY_POST_SURGERY_WEEKS = 12;

/**
 * True when `today` lies within EARLY_POST_SURGERY_WEEKS weeks after the surgery date (the day itself included): the
 * one definition used by the popup line, the caution banner and the insights.
 */
export function isEarlyAfterSurgery(surgeryDate: string | null | undefined, today: Day): boolean {
  if (!surgeryDate || !isDay(surgeryDate)) return false;
  const since = daysBetween(surgeryDate, today);
  return since >= 0 && since < EARLY_POST_SURGERY_WEEKS * 7;
}
