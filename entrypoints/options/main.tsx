import { render } from 'preact';
import '../../components/theme.css';
import './options.css';
import { t } from '../../platform/i18n.ts';
import { App } from './App.tsx';

document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);
