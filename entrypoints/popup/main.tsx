import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { App } from './App';
import { preloadDay } from './day';
import { JournalGate } from '@/components/JournalGate';
import { pageJournal } from '@/utils/db/journal';
import { localDay } from '@/utils/dates';
import { setDocumentLanguage, t } from '@/utils/i18n';
import { mark } from '@/utils/perf';

mark('pt:main-start');
document.title = t('popupTitle');
setDocumentLanguage();
preloadDay(pageJournal(), localDay());
render(
  <JournalGate compact>
    <App />
  </JournalGate>,
  document.getElementById('app')!,
);
mark('pt:rendered');
