import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { App } from './App';
import { JournalGate } from '@/components/JournalGate';
import { setDocumentLanguage, t } from '@/utils/i18n';

document.title = t('optionsTitle');
setDocumentLanguage();
render(
  <JournalGate>
    <App />
  </JournalGate>,
  document.getElementById('app')!,
);
