import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { App } from './App';
import { JournalGate } from '@/components/JournalGate';
import { setDocumentLanguage, t } from '@/utils/i18n';
import { startProgressData } from './sections/progress/useProgressData';

// The charts' read starts now (it opens the database), so it runs while the page renders and paints.
startProgressData();
document.title = t('optionsTitle');
setDocumentLanguage();
render(
  <JournalGate>
    <App />
  </JournalGate>,
  document.getElementById('app')!,
);
