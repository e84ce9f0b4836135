import { render } from 'preact';
import '@/components/theme.css';

render(<p>…</p>, document.getElementById('app')!);
