import { render } from 'preact';
import '@/components/theme.css';
import './add-exercise.css';
import { App } from './App';
import { t } from '@/utils/i18n';

document.title = t('addTitle');
render(<App />, document.getElementById('app')!);
