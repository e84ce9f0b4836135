import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { App } from './App';
import { t } from '@/utils/i18n';

document.title = t('popupTitle');
render(<App />, document.getElementById('app')!);
