import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { AlertList } from '../../components/AlertList.tsx';
import { StorySearch } from '../../components/StorySearch.tsx';
import { Suggestion } from '../../components/Suggestion.tsx';
import { SameSubject } from '../../components/SameSubject.tsx';
import { StoryView } from '../../components/story/StoryView.tsx';
import { markAllRead, useAlerts } from '../../components/use-alerts.ts';
import { useStoreSummary } from '../../components/use-store-summary.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';
import { unreadCount } from '../../lib/alerts/state.ts';
import type { TabReport } from '../../lib/messages.ts';
import { sendMessage } from '../../platform/messaging.ts';
import { reasonsForNewer } from '../../lib/story/placement.ts';
import type { Story } from '../../lib/story/story.ts';
import { takePanelRequest } from './panel-request.ts';
import { useFreshStory } from './use-fresh-story.ts';
import { useTabReport } from './use-tab-report.ts';

const search = (query: string) => sendMessage('searchStories', { query, limit: 25 });

type Overlay = 'search' | 'alerts' | null;

export function App() {
  const loaded = useTabReport();
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [picked, setPicked] = useState<Story | null>(null);
  const [alerts] = useAlerts();
  const unread = alerts ? unreadCount(alerts) : 0;
  const topicNames = useStoreSummary()?.topicNames;
  const buttons = { search: useRef<HTMLButtonElement>(null), alerts: useRef<HTMLButtonElement>(null) };

  // A story asked for by id (an alert, search) that the store no longer has: said in words.
  const [gone, setGone] = useState(false);

  const open = async (id: string) => {
    const story = await sendMessage('getStory', { id });
    setPicked(story);
    setGone(!story);
    setOverlay(null);
    // A story opened from far down a list starts at its top, its headline clear of the header.
    window.scrollTo(0, 0);
    document.getElementById('panel-main')?.focus({ preventScroll: true });
  };
  const back = () => {
    setPicked(null);
    window.scrollTo(0, 0);
    document.getElementById('panel-main')?.focus({ preventScroll: true });
  };
  const close = () => {
    if (overlay) buttons[overlay].current?.focus();
    setOverlay(null);
  };
  // A list opened over a story starts at its top, not where the story was scrolled to.
  const toggle = (which: Exclude<Overlay, null>) => {
    if (overlay === which) return close();
    window.scrollTo(0, 0);
    setOverlay(which);
  };

  // What the panel was opened for: a story or the alert list (from the popup or a notification).
  useEffect(() => {
    void takePanelRequest(location.search).then((request) => {
      if (request.story) void open(request.story);
      else if (request.view === 'alerts') setOverlay('alerts');
    });
  }, []);
  // Looking at the list is reading it.
  useEffect(() => {
    if (overlay === 'alerts' && unread) void markAllRead();
  }, [overlay, alerts]);
  // A different tab, or a new report for it, replaces a story opened from search.
  const report = loaded.status === 'ready' ? loaded.report : null;
  const shown = useRef<TabReport | null | undefined>(undefined);
  useEffect(() => {
    if (loaded.status !== 'ready') return;
    if (shown.current !== undefined && shown.current !== loaded.report) {
      setPicked(null);
      setGone(false);
    }
    shown.current = loaded.report;
  }, [loaded]);

  // Jumps within the story (its contents, its citations) land below the sticky header, however
  // many rows it takes: its height is the page's scroll padding (sidepanel.css).
  const header = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = header.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(() => document.documentElement.style.setProperty('--header-h', `${el.offsetHeight}px`));
    watch.observe(el);
    return () => watch.disconnect();
  }, []);
  const { story, withdrawn } = useFreshStory(picked ?? (report?.state === 'match' ? report.story : null));
  const state = loaded.status === 'loading' ? 'loading' : (overlay ?? (picked ? 'picked' : gone ? 'gone' : (report?.state ?? 'unread')));
  // Another story, or another view, starts at its top: a story that replaced the tab's while the
  // reader was scrolled down (another one picked in the popup) opened at its middle. A newer
  // version of the same story (useFreshStory) keeps the reader's place.
  const shownKey = `${state}:${story?.id ?? ''}`;
  const lastKey = useRef(shownKey);
  useLayoutEffect(() => {
    if (lastKey.current !== shownKey) window.scrollTo(0, 0);
    lastKey.current = shownKey;
  }, [shownKey]);
  return (
    <>
      <header class="panel-header" ref={header}>
        <p class="panel-header__name">{t('extName')}</p>
        <div class="panel-header__actions">
          <button
            ref={buttons.alerts}
            type="button"
            class="secondary"
            aria-expanded={overlay === 'alerts'}
            aria-controls="panel-main"
            onClick={() => toggle('alerts')}
          >
            {t('alertsOpen')}
            {unread ? (
              <>
                {' '}
                <span class="count-pill">{unread}</span>
                <span class="visually-hidden"> {t('alertUnread')}</span>
              </>
            ) : null}
          </button>
          <button
            ref={buttons.search}
            type="button"
            class="secondary"
            aria-expanded={overlay === 'search'}
            aria-controls="panel-main"
            onClick={() => toggle('search')}
          >
            {overlay === 'search' ? t('closeSearch') : t('searchStories')}
          </button>
        </div>
      </header>
      <main
        id="panel-main"
        class="panel"
        tabIndex={-1}
        aria-busy={loaded.status === 'loading'}
        data-state={state}
        onKeyDown={(e) => e.key === 'Escape' && overlay && close()}
      >
        {overlay === 'search' ? (
          <>
            <h1 class="visually-hidden">{t('searchStories')}</h1>
            <StorySearch search={search} onOpen={open} onEscape={close} autoFocus />
          </>
        ) : overlay === 'alerts' ? (
          <AlertList alerts={alerts ?? []} onOpen={open} headingLevel={1} topicNames={topicNames} />
        ) : picked ? (
          <>
            {/* Back to what the panel says of the tab's page: its story, or its question or list. */}
            {report && (
              <button type="button" class="secondary panel__back" onClick={back}>
                {t(report.state === 'match' ? 'backToPageStory' : 'backToPage')}
              </button>
            )}
            {withdrawn && <Withdrawn onSearch={() => toggle('search')} />}
            <StoryView story={story ?? picked} topicNames={topicNames} withdrawn={withdrawn} />
          </>
        ) : gone ? (
          <div class="panel__empty">
            {report?.state === 'match' && (
              <button type="button" class="secondary panel__back" onClick={() => setGone(false)}>
                {t('backToPageStory')}
              </button>
            )}
            <h1>{t('storyGoneTitle')}</h1>
            <p class="muted">{t('storyGoneBody')}</p>
            <StorySearch search={search} onOpen={open} />
          </div>
        ) : loaded.status === 'loading' ? (
          <p class="muted">{t('loading')}</p>
        ) : report?.state === 'match' ? (
          <>
            {withdrawn && <Withdrawn onSearch={() => toggle('search')} />}
            <StoryView
              story={story ?? report.story}
              reasons={story && story !== report.story ? reasonsForNewer(report.reasons, report.story, story) : report.reasons}
              page={report.page}
              topicNames={topicNames}
              chosenByReader={report.chosenByReader}
              withdrawn={withdrawn}
            />
          </>
        ) : (
          <NoStory report={report} onOpen={open} />
        )}
      </main>
    </>
  );
}

/**
 * Said above a story a sync took out of the store while it was open: it stays readable as it
 * was (the reader may be halfway through it), but it is no longer Factlen's word on the event.
 */
function Withdrawn({ onSearch }: { onSearch: () => void }) {
  return (
    <div class="panel__withdrawn" role="status">
      <p>
        <strong>{t('storyWithdrawnTitle')}</strong> {t('storyWithdrawnBody')}
      </p>
      <button type="button" class="secondary" onClick={onSearch}>
        {t('searchStories')}
      </button>
    </div>
  );
}

function NoStory({ report, onOpen }: { report: TabReport | null; onOpen: (id: string) => void }) {
  const suggestion = report?.state === 'no-match' && !report.dismissedByReader ? report.suggestion : undefined;
  const sameSubject = report?.state === 'no-match' && !report.dismissedByReader && !suggestion ? report.sameSubject : undefined;
  const [title, body]: [MessageKey, MessageKey] = !report
    ? ['panelUnreadTitle', 'panelUnreadBody']
    : suggestion
      ? ['suggestTitle', 'suggestPanelHint']
      : sameSubject
        ? ['sameSubjectTitle', 'sameSubjectPanelHint']
        : report.state === 'no-match'
          ? [report.dismissedByReader ? 'dismissedByReader' : 'noMatchTitle', 'panelSearchHint']
          : report.state === 'not-article'
            ? ['notArticleTitle', 'panelSearchHint']
            : ['errorTitle', 'panelSearchHint'];
  return (
    <div class="panel__empty">
      <h1>{t(title)}</h1>
      <p class="muted">{t(body)}</p>
      {suggestion && <Suggestion suggestion={suggestion} onOpen={onOpen} />}
      {sameSubject && <SameSubject stories={sameSubject.stories} reasons={sameSubject.reasons} onOpen={onOpen} />}
      <StorySearch
        search={search}
        onOpen={onOpen}
        shown={[...(suggestion ? [suggestion.storyId] : []), ...(sameSubject?.stories.map((s) => s.storyId) ?? [])]}
      />
    </div>
  );
}
