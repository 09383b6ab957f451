import { render } from 'preact';
import '../../components/theme.css';
import './welcome.css';
import { t } from '../../platform/i18n.ts';
import { App } from './App.tsx';

document.title = t('welcomeTitle');
render(<App />, document.getElementById('app')!);
