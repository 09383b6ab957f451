import { useEffect, useRef, useState } from 'preact/hooks';
import { StorySearch } from '../../components/StorySearch.tsx';
import { StoryView } from '../../components/story/StoryView.tsx';
import { t, type MessageKey } from '../../lib/i18n.ts';
import type { TabReport } from '../../lib/messages.ts';
import { sendMessage } from '../../lib/messaging.ts';
import type { Story } from '../../lib/story.ts';
import { useTabReport } from './use-tab-report.ts';

const search = (query: string) => sendMessage('searchStories', { query, limit: 25 });

export function App() {
  const loaded = useTabReport();
  const [searching, setSearching] = useState(false);
  const [picked, setPicked] = useState<Story | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  const open = async (id: string) => {
    const story = await sendMessage('getStory', { id });
    if (!story) return;
    setPicked(story);
    setSearching(false);
    document.getElementById('panel-main')?.focus();
  };
  const closeSearch = () => {
    setSearching(false);
    toggle.current?.focus();
  };
  // A different tab, or a new report for it, replaces a story opened from search.
  const report = loaded.status === 'ready' ? loaded.report : null;
  useEffect(() => setPicked(null), [report]);

  return (
    <>
      <header class="panel-header">
        <p class="panel-header__name">{t('extName')}</p>
        <button
          ref={toggle}
          type="button"
          class="secondary"
          aria-expanded={searching}
          aria-controls="panel-search"
          onClick={() => (searching ? closeSearch() : setSearching(true))}
        >
          {searching ? t('closeSearch') : t('searchStories')}
        </button>
      </header>
      <main id="panel-main" class="panel" tabIndex={-1} aria-busy={loaded.status === 'loading'} data-state={loaded.status === 'loading' ? 'loading' : picked ? 'picked' : (report?.state ?? 'unread')}>
        {searching ? (
          <div id="panel-search">
            <StorySearch search={search} onOpen={open} onEscape={closeSearch} autoFocus />
          </div>
        ) : picked ? (
          <>
            {report?.state === 'match' && (
              <button type="button" class="secondary panel__back" onClick={() => setPicked(null)}>{t('backToPageStory')}</button>
            )}
            <StoryView story={picked} />
          </>
        ) : loaded.status === 'loading' ? (
          <p class="muted">{t('loading')}</p>
        ) : report?.state === 'match' ? (
          <StoryView story={report.story} reasons={report.reasons} />
        ) : (
          <NoStory report={report} onOpen={open} />
        )}
      </main>
    </>
  );
}

function NoStory({ report, onOpen }: { report: TabReport | null; onOpen: (id: string) => void }) {
  const [title, body]: [MessageKey, MessageKey] = !report
    ? ['panelUnreadTitle', 'panelUnreadBody']
    : report.state === 'no-match'
      ? ['noMatchTitle', 'panelSearchHint']
      : report.state === 'not-article'
        ? ['notArticleTitle', 'panelSearchHint']
        : ['errorTitle', 'panelSearchHint'];
  return (
    <div class="panel__empty">
      <h1>{t(title)}</h1>
      <p class="muted">{t(body)}</p>
      <StorySearch search={search} onOpen={onOpen} />
    </div>
  );
}
