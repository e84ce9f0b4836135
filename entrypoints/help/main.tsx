import { render } from 'preact';
import '@/components/theme.css';
import './help.css';
import { setDocumentLanguage, t, type MessageKey } from '@/utils/i18n';
import { sourceHref } from '@/utils/journal/clinical';

/**
 * "When to get help now": a fixed list from NICE CKS / NHS guidance on low back pain and sciatica (docs/clinical.md
 * #red-flags, the Sources page #redFlags). Always reachable from every surface; never shown or changed because of
 * what someone logged (not even the surgery date: the "after an operation" group is always there), and worded as
 * "get checked", not as a cause. "New" is part of an item where a long-standing sign is not a reason to go today.
 */
const URGENT: MessageKey[] = ['helpUrgent1', 'helpUrgent2', 'helpUrgent3', 'helpUrgent4', 'helpUrgent5'];
const SOON: MessageKey[] = [
  'helpSoon1',
  'helpSoon2',
  'helpSoon3',
  'helpSoon4',
  'helpSoon5',
  'helpSoon6',
  'helpSoon7',
  'helpSoon8',
];
const AFTER_SURGERY: MessageKey[] = ['helpSurgery1', 'helpSurgery2', 'helpSurgery3'];

function List({ keys }: { keys: MessageKey[] }) {
  return (
    <ul>
      {keys.map((k) => (
        <li key={k}>{t(k)}</li>
      ))}
    </ul>
  );
}

function Help() {
  return (
    <main class="help">
      <h1>{t('helpTitle')}</h1>
      <p>{t('helpIntro')}</p>
      <section class="urgent" id="urgent" aria-labelledby="urgent-h">
        <h2 id="urgent-h">{t('helpUrgentTitle')}</h2>
        <List keys={URGENT} />
        <p>
          <strong>{t('helpUrgentAction')}</strong>
        </p>
      </section>
      <section class="soon" id="soon" aria-labelledby="soon-h">
        <h2 id="soon-h">{t('helpSoonTitle')}</h2>
        <List keys={SOON} />
      </section>
      <section class="surgery" id="after-surgery" aria-labelledby="surgery-h">
        <h2 id="surgery-h">{t('helpSurgeryTitle')}</h2>
        <p class="urgent-line">
          <strong>{t('helpSurgeryUrgent')}</strong>
        </p>
        <List keys={AFTER_SURGERY} />
        <p>{t('helpSurgeryAction')}</p>
      </section>
      <section class="review" id="not-improving" aria-labelledby="review-h">
        <h2 id="review-h">{t('helpReviewTitle')}</h2>
        <p>{t('helpReview1')}</p>
      </section>
      <p class="muted">{t('helpNote')}</p>
      <p class="muted small">
        {t('helpSource')} <a href={sourceHref('redFlags')}>{t('helpSourcesLink')}</a>
      </p>
    </main>
  );
}

document.title = t('helpTitle');
setDocumentLanguage();
render(<Help />, document.getElementById('app')!);
