import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { App } from './App';
import { t } from '@/utils/i18n';

document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);
