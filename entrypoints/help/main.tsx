import { render } from 'preact';
import '@/components/theme.css';
import './help.css';
import { t } from '@/utils/i18n';

/**
 * "When to get help now": a fixed list from NICE CKS / NHS guidance and the AHCPR low back pain red flags
 * (docs/clinical.md#red-flags). Always reachable from every surface; never shown or changed because of what
 * someone logged, and worded as "get checked", not as a cause.
 */
const URGENT = ['helpUrgent1', 'helpUrgent2', 'helpUrgent3', 'helpUrgent4'];
const SOON = ['helpSoon1', 'helpSoon2', 'helpSoon3', 'helpSoon4', 'helpSoon5', 'helpSoon6'];

function Help() {
  return (
    <main class="help">
      <h1>{t('helpTitle')}</h1>
      <p>{t('helpIntro')}</p>
      <section class="urgent" aria-labelledby="urgent-h">
        <h2 id="urgent-h">{t('helpUrgentTitle')}</h2>
        <ul>
          {URGENT.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
        <p>
          <strong>{t('helpUrgentAction')}</strong>
        </p>
      </section>
      <section class="soon" aria-labelledby="soon-h">
        <h2 id="soon-h">{t('helpSoonTitle')}</h2>
        <ul>
          {SOON.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </section>
      <p class="muted">{t('helpNote')}</p>
      <p class="muted small">{t('helpSource')}</p>
    </main>
  );
}

document.title = t('helpTitle');
render(<Help />, document.getElementById('app')!);
