import { render } from 'preact';
import '@/components/theme.css';
import './welcome.css';
import { App } from './App';
import { JournalGate } from '@/components/JournalGate';
import { setDocumentLanguage, t } from '@/utils/i18n';

document.title = t('welcomeTitle');
setDocumentLanguage();
render(
  <JournalGate>
    <App />
  </JournalGate>,
  document.getElementById('app')!,
);
