import { render } from 'preact';
import '../../components/theme.css';
import '../../components/story/story.css';
import './sidepanel.css';
import { App } from './App.tsx';
import { t } from '../../platform/i18n.ts';

// The page speaks the language of the messages it shows, which may differ from the browser's.
document.documentElement.lang = t('uiLang');
render(<App />, document.getElementById('app')!);
