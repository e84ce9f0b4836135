/**
 * classify(url, doc): does this page teach exercises or stretches to self-treat pain or an injury?
 *
 *   extractExcerpt(url, doc)   ./excerpt.ts: cheap, bounded read of the page (URL, title, meta, JSON-LD types,
 *                              headings, the first TEXT_CAP characters of main text)
 *   prefilter(excerpt)         ./excerpt.ts: tiny, very high recall; its first look (headMayMatch: the address and
 *                              the title) stops most pages before the content script reads anything else
 *   classifyExcerpt(excerpt)   ./score.ts: the decision, with reasons from the same numbers
 *
 * classify is exactly `prefilter(ex) ? classifyExcerpt(ex) : not caution`, so a test calling classify on a parsed
 * page sees the decision the extension makes when it splits the two halves between the page and the background.
 * Nothing is stored: the result lives only as long as the page.
 */
import { extractExcerpt, prefilter } from './excerpt';
import { classifyExcerpt, type Classification } from './score';

export {
  bodyMayMatch,
  extractExcerpt,
  headMayMatch,
  prefilter,
  readForPrefilter,
  TEXT_CAP,
  type PageExcerpt,
} from './excerpt';
export { classifyExcerpt, type Classification, type Reason, type ReasonId } from './score';
export { urlWords } from './detectors';

/** The answer for a page the prefilter lets go: no caution, no reasons. */
export const notCaution = (): Classification => ({ caution: false, score: 0, reasons: [] });

export function classify(url: URL, doc: Document): Classification {
  const ex = extractExcerpt(url, doc);
  return prefilter(ex) ? classifyExcerpt(ex) : notCaution();
}
