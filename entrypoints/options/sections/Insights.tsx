/**
 * Options section "Insights": the rules of utils/journal/insights.ts applied to the journal, each with a "Why / source"
 * disclosure naming the reference points and linking each source to the extension's Sources page. Reads only the
 * first FIRST_READ entries, the first weeks after PT start and the last INSIGHT_WINDOW_DAYS days (bounded work on any
 * journal size) with useLiveQuery, so a check-in saved in the popup updates them at once.
 */
import { t } from '@/utils/i18n';
import { localDay } from '@/utils/dates';
import { pageJournal } from '@/utils/db/journal';
import { SOURCES_PAGE, shortCitation, sourceHref } from '@/utils/journal/clinical';
import { FIRST_READ, allInsights, insightInputRange, type Insight } from '@/utils/journal/insights';
import { useLiveQuery } from '@/components/useLiveQuery';
import './Progress.css';
import './Insights.css';

export function InsightsSection() {
  const journal = pageJournal();
  const today = localDay();
  const data = useLiveQuery(async () => {
    const profile = await journal.getProfile();
    const { from, to, ptWeeks } = insightInputRange(today, profile.ptStartDate);
    const [first, recent, pt] = await Promise.all([
      journal.firstEntries(FIRST_READ),
      journal.listEntries(from, to),
      ptWeeks ? journal.listEntries(ptWeeks.from, ptWeeks.to) : [],
    ]);
    return allInsights({
      today,
      first,
      recent,
      ptWeeks: pt,
      ptStartDate: profile.ptStartDate,
      surgeryDate: profile.surgeryDate,
      exerciseAddedOn: profile.exercises.filter((e) => !e.archived).map((e) => e.addedOn),
    });
  }, [today]).value;

  if (!data) return <p class="muted">{t('progLoading')}</p>;
  return (
    <div class="ins">
      <p class="muted">{t('progInsIntro')}</p>
      <ul class="ins-list">
        {data.map((i) => (
          <InsightCard key={i.id} insight={i} />
        ))}
      </ul>
      <p class="muted">{t('progInsNotAdvice')}</p>
    </div>
  );
}

function InsightCard({ insight: i }: { insight: Insight }) {
  const h = `ins-${i.id}-h`;
  return (
    <li class={`ins-card ins-${i.tone}`} aria-labelledby={h} data-insight={i.id}>
      <h3 id={h}>{i.title}</h3>
      {i.lines.map((line, k) => (
        <p key={k}>{line}</p>
      ))}
      <details class="ins-why">
        <summary>{t('progInsWhySummary')}</summary>
        <p>{i.why}</p>
        <ul>
          {i.sources.map((id) => (
            <li key={id}>
              <a href={sourceHref(id)} target="_blank">
                {shortCitation(id)}
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a href={SOURCES_PAGE} target="_blank">
            {t('progInsSourcesLink')}
          </a>
        </p>
      </details>
    </li>
  );
}
