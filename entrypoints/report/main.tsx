import { render } from 'preact';
import '@/components/theme.css';
import './report.css';
import { App } from './App';
import { t } from '@/utils/i18n';

document.title = t('progRepTitle');
render(<App />, document.getElementById('app')!);
