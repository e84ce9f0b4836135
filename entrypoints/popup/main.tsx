import { render } from 'preact';
import './popup.css';
import { App } from './App';
import { preloadDay, store } from './day';
import { JournalGate } from '@/components/JournalGate';
import { readSnapshot } from '@/utils/db/snapshot';
import { localDay } from '@/utils/dates';
import { setDocumentLanguage, t } from '@/utils/i18n';
import { mark } from '@/utils/perf';

mark('pt:main-start');
document.title = t('popupTitle');
setDocumentLanguage();
// No snapshot of today: read the database now, in parallel with the first render. With one, App paints from it and
// loads the database after the first frame (the gate opens it then too).
if (!readSnapshot(localDay())) preloadDay(localDay());
render(
  <JournalGate compact open={() => store().then((s) => s.open())}>
    <App />
  </JournalGate>,
  document.getElementById('app')!,
);
mark('pt:rendered');
