import { render } from 'preact';
import '@/components/theme.css';
import './sources.css';
import { setDocumentLanguage, t, type MessageKey } from '@/utils/i18n';
import {
  EARLY_POST_SURGERY_WEEKS,
  PAIN_MIN_MEANINGFUL_POINTS,
  SOURCES,
  type Source,
  type SourceId,
} from '@/utils/journal/clinical';
import { MIN_DAYS_PER_WEEK, SAME_BELOW } from '@/utils/journal/compare';
import { GOOD_ADHERENCE_SHARE, NOT_RESPONDING_WEEKS, SORENESS_DAYS } from '@/utils/journal/insights';

/**
 * Sources: every citation behind a number or a health sentence in PT Journal, written out (authors, year, title,
 * journal), with what was measured and in whom, and how the app uses it. Each source has a stable anchor, its id in
 * utils/journal/clinical.ts SOURCES (e.g. sources.html#ekedahl2012): the insights' "Why / source", the report and the
 * help page link here. A plain static page: no journal data is read.
 */
const GROUPS: Array<{ id: string; title: MessageKey; ids: SourceId[] }> = [
  { id: 'pain', title: 'srcSectionPain', ids: ['ostelo2008', 'childs2005'] },
  { id: 'function', title: 'srcSectionFunction', ids: ['stratford1995', 'abbott2014'] },
  { id: 'reach', title: 'srcSectionReach', ids: ['ekedahl2012', 'perret2001'] },
  {
    id: 'soreness',
    title: 'srcSectionSoreness',
    ids: ['cheung2003', 'thomee1997', 'silbernagel2007', 'smith2017'],
  },
  { id: 'adherence', title: 'srcSectionAdherence', ids: ['schneiders1998', 'henry1999'] },
  { id: 'guidance', title: 'srcSectionGuidance', ids: ['guidelines', 'redFlags'] },
];

function Citation({ id }: { id: SourceId }) {
  const s: Source = SOURCES[id];
  return (
    <article class="src" id={id} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        {s.authors} ({s.year})
      </h3>
      <p class="src-cite">
        {s.title}. <cite>{s.where}</cite>.
      </p>
      <p>
        <strong>{t('srcWhat')}</strong> {t(`src_${id}_what`)}
      </p>
      <p>
        <strong>{t('srcUse')}</strong> {t(`src_${id}_use`)}
      </p>
    </article>
  );
}

function Sources() {
  return (
    <main class="sources">
      <h1>{t('srcTitle')}</h1>
      <p>{t('srcIntro')}</p>
      <nav aria-labelledby="src-toc-h">
        <h2 id="src-toc-h" class="visually-hidden">
          {t('srcContents')}
        </h2>
        <ul class="src-toc">
          {GROUPS.map((g) => (
            <li key={g.id}>
              <a href={`#${g.id}`}>{t(g.title)}</a>
            </li>
          ))}
          <li>
            <a href="#own-rules">{t('srcSectionOwn')}</a>
          </li>
        </ul>
      </nav>
      {GROUPS.map((g) => (
        <section key={g.id} id={g.id} aria-labelledby={`${g.id}-h`}>
          <h2 id={`${g.id}-h`}>{t(g.title)}</h2>
          {g.ids.map((id) => (
            <Citation key={id} id={id} />
          ))}
        </section>
      ))}
      <section id="own-rules" aria-labelledby="own-rules-h">
        <h2 id="own-rules-h">{t('srcSectionOwn')}</h2>
        <ul>
          <li>{t('srcOwn1', MIN_DAYS_PER_WEEK)}</li>
          <li>{t('srcOwn2', PAIN_MIN_MEANINGFUL_POINTS)}</li>
          <li>{t('srcOwn3', SAME_BELOW.toLocaleString())}</li>
          <li>{t('srcOwn4', SORENESS_DAYS, EARLY_POST_SURGERY_WEEKS)}</li>
          <li>{t('srcOwn5', NOT_RESPONDING_WEEKS, Math.round(GOOD_ADHERENCE_SHARE * 100))}</li>
        </ul>
      </section>
    </main>
  );
}

document.title = `${t('srcTitle')} — PT Journal`;
setDocumentLanguage();
render(<Sources />, document.getElementById('app')!);
