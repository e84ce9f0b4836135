import { render } from 'preact';
import '@/components/theme.css';
import './report.css';
import { App } from './App';
import { JournalGate } from '@/components/JournalGate';
import { setDocumentLanguage, t } from '@/utils/i18n';

document.title = t('progRepTitle');
setDocumentLanguage();
render(
  <JournalGate>
    <App />
  </JournalGate>,
  document.getElementById('app')!,
);
