import { render } from 'preact';
import '@/components/theme.css';
import './add-exercise.css';
import { App } from './App';
import { setDocumentLanguage, t } from '@/utils/i18n';

document.title = t('addTitle');
setDocumentLanguage();
render(<App />, document.getElementById('app')!);
