import { render } from 'preact';
import '@/components/theme.css';
import './welcome.css';
import { App } from './App';
import { t } from '@/utils/i18n';

document.title = t('welcomeTitle');
render(<App />, document.getElementById('app')!);
