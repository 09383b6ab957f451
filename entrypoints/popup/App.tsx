import { useEffect, useRef, useState } from 'preact/hooks';
import { AlertList } from '../../components/AlertList.tsx';
import { NotThisStory, ReaderChoiceNote } from '../../components/NotThisStory.tsx';
import { StoryCard } from '../../components/StoryCard.tsx';
import { StorySearch } from '../../components/StorySearch.tsx';
import { Suggestion } from '../../components/Suggestion.tsx';
import { SameSubject } from '../../components/SameSubject.tsx';
import { markSeen, useAlerts } from '../../components/use-alerts.ts';
import { useStoreSummary } from '../../components/use-store-summary.ts';
import { t, tn, type MessageKey } from '../../platform/i18n.ts';
import { unreadCount } from '../../lib/alerts/state.ts';
import { clipAtWord, isolated } from '../../lib/words.ts';
import type { ReaderChoice, StoreSummary, TabReport } from '../../lib/messages.ts';
import { sendMessage } from '../../platform/messaging.ts';
import type { PanelRequest } from '../../lib/panel-request.ts';
import { openSidePanel } from '../../platform/side-panel.ts';
import { targetTabId } from '../../platform/target-tab.ts';
import { Footer } from './Footer.tsx';
import { StoreLine } from './StoreLine.tsx';

// Reading a huge page can take a while; past this the popup says so instead of spinning.
const TIMEOUT_MS = 20_000;
// The popup has room for this many search results and alerts; the side panel lists them all.
const SEARCH_LIMIT = 4;
const ALERTS_SHOWN = 2;
// The page's title as the no-match states quote it: a news headline of 150 characters took two lines too many.
const TITLE_QUOTED = 80;
// Stories of the page's subject the popup lists (the side panel lists them all): two fit beside the search.
const SAME_SUBJECT_SHOWN = 2;

type View = { state: 'loading' } | TabReport;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(t('errorTimeout'))), ms))]);
}

/** Asks the background about the tab; with `choice`, first records the reader's word on the page at `pageUrl`. */
async function load(tabIdRef: { current: number | null }, choice?: ReaderChoice | null, pageUrl = ''): Promise<TabReport> {
  try {
    const tabId = await targetTabId(location.search);
    tabIdRef.current = tabId;
    if (tabId === null) return { state: 'not-article', reason: 'browser-page', page: { url: '', title: '' } };
    const asked = choice === undefined ? sendMessage('matchTab', { tabId }) : sendMessage('correctMatch', { tabId, choice, pageUrl });
    return await withTimeout(asked, TIMEOUT_MS);
  } catch (err) {
    return { state: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}

const search = (query: string) => sendMessage('searchStories', { query, limit: SEARCH_LIMIT });

export function App() {
  const [view, setView] = useState<View>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const summary = useStoreSummary();
  const tabId = useRef<number | null>(null);
  const refresh = () => {
    setView({ state: 'loading' });
    void load(tabId).then(setView);
  };
  // The reader's word keeps the current view until the answer comes, so focus is not lost.
  const choose = (choice: ReaderChoice | null) => {
    setBusy(true);
    // The choice is about the page the reader sees here, whatever the tab shows by now.
    const pageUrl = view.state === 'match' || view.state === 'no-match' ? view.page.url : '';
    void load(tabId, choice, pageUrl).then((v) => {
      setView(v);
      setBusy(false);
    });
  };
  useEffect(refresh, []);
  const openPanel = (request?: PanelRequest) => {
    if (tabId.current === null) return;
    openSidePanel(tabId.current, request).then(
      () => window.close(),
      (err: unknown) => {
        console.warn('[factlen] the side panel could not be opened', err);
        setView({ state: 'error', message: t('errorPanel') });
      },
    );
  };
  return (
    <>
      <main class="popup" data-state={view.state} aria-live="polite" aria-busy={view.state === 'loading' || busy}>
        <Body view={view} summary={summary} onRetry={refresh} onOpenPanel={openPanel} onChoose={choose} busy={busy} />
      </main>
      {/* The states without a story say how fresh the stories are in their store line. */}
      <Footer showAge={view.state === 'match' || view.state === 'loading'} />
    </>
  );
}

interface BodyProps {
  view: View;
  summary: StoreSummary | null;
  onRetry: () => void;
  onOpenPanel: (request?: PanelRequest) => void;
  onChoose: (choice: ReaderChoice | null) => void;
  busy: boolean;
}

function Body({ view, summary, onRetry, onOpenPanel, onChoose, busy }: BodyProps) {
  const openStory = (story: string) => onOpenPanel({ story });
  const openAlerts = () => onOpenPanel({ view: 'alerts' });
  switch (view.state) {
    case 'loading':
      return <p class="popup__status">{t('loading')}</p>;
    case 'match':
      return (
        <StoryCard
          story={view.story}
          page={view.page}
          reasons={view.reasons}
          topicNames={summary?.topicNames}
          actions={
            <>
              <button type="button" class="primary" onClick={() => onOpenPanel()}>
                {t('openViewpoints')}
              </button>
              <UnreadLink onOpen={() => onOpenPanel({ view: 'alerts' })} />
            </>
          }
          note={view.chosenByReader && <ReaderChoiceNote kind="picked" busy={busy} onUndo={() => onChoose(null)} />}
        >
          {/* A new story or a new choice starts with the list closed. */}
          <NotThisStory
            key={`${view.story.id}:${view.chosenByReader ? 1 : 0}`}
            alternatives={view.alternatives}
            busy={busy}
            onPick={(storyId) => onChoose({ kind: 'story', storyId })}
            onDismiss={() => onChoose({ kind: 'none' })}
          />
        </StoryCard>
      );
    case 'no-match':
      // The reader's own "no story covers this page" is the whole answer: one message, and its undo.
      return view.dismissedByReader ? (
        <Empty title="dismissedTitle" summary={summary} topicNames={summary?.topicNames} onOpenStory={openStory} onOpenAlerts={openAlerts}>
          <ReaderChoiceNote kind="dismissed" busy={busy} onUndo={() => onChoose(null)} />
        </Empty>
      ) : (
        // A story likelier than not but not sure is asked about, with why: the reader's yes makes it the page's.
        // Stories of the page's subject, none told apart as its event, are offered to read.
        <Empty
          title={view.suggestion ? 'suggestTitle' : view.sameSubject ? 'sameSubjectTitle' : 'noMatchTitle'}
          crowded={!!(view.suggestion || view.sameSubject)}
          body={t(
            view.suggestion ? 'suggestBody' : view.sameSubject ? 'sameSubjectBody' : 'noMatchBody',
            // The page's title, not ours: its direction marks stay inside its quotes.
            isolated(clipAtWord(view.page.title, TITLE_QUOTED)),
          )}
          summary={summary}
          topicNames={summary?.topicNames}
          onOpenStory={openStory}
          onOpenAlerts={openAlerts}
        >
          {view.suggestion && (
            <Suggestion
              suggestion={view.suggestion}
              busy={busy}
              onPick={(storyId) => onChoose({ kind: 'story', storyId })}
              onOpen={openStory}
            />
          )}
          {!view.suggestion && view.sameSubject && (
            <SameSubject
              stories={view.sameSubject.stories.slice(0, SAME_SUBJECT_SHOWN)}
              reasons={view.sameSubject.reasons}
              onOpen={openStory}
              clamp
            />
          )}
        </Empty>
      );
    case 'not-article':
      return (
        <Empty
          title="notArticleTitle"
          body={t(`notArticle_${view.reason.replace(/-/g, '_')}` as MessageKey)}
          summary={summary}
          topicNames={summary?.topicNames}
          onOpenStory={openStory}
          onOpenAlerts={openAlerts}
        />
      );
    case 'error': {
      // Our own words (the time-out, the side panel) are said; a browser's or the background's are folded away.
      const own =
        view.message === t('errorTimeout') ? t('errorBody', view.message) : view.message === t('errorPanel') ? view.message : null;
      return (
        <>
          <section class="popup__empty" role="alert">
            <h1>{t('errorTitle')}</h1>
            <p class="muted">{own ?? t('errorUnknown')}</p>
            {!own && (
              <details class="popup__error-details">
                <summary>{t('errorDetails')}</summary>
                <p>{view.message}</p>
              </details>
            )}
            <button type="button" onClick={onRetry}>
              {t('tryAgain')}
            </button>
            <StoreLine summary={summary} />
          </section>
          {/* The stories are still there to read, whatever went wrong with this page. */}
          <StorySearch search={search} onOpen={openStory} listEmpty={false} />
        </>
      );
    }
  }
}

interface EmptyProps {
  title: MessageKey;
  body?: string;
  /** The state has its own list (a question, stories of the subject): the alerts are one link away, not listed. */
  crowded?: boolean;
  summary: StoreSummary | null;
  topicNames?: Record<string, string>;
  onOpenStory: (id: string) => void;
  onOpenAlerts: () => void;
  children?: preact.ComponentChildren;
}

/**
 * A page with no story: say so, say what Lens knows, offer the stories to search, and show the
 * reader's newest alerts. An alert counts as read once it has been on screen (which clears its
 * part of the badge): one below the popup's fold, or left unlisted, has not been seen.
 */
function Empty({ title, body, crowded, summary, topicNames, onOpenStory, onOpenAlerts, children }: EmptyProps) {
  const [alerts] = useAlerts();
  return (
    <>
      <section class="popup__empty">
        <h1>{t(title)}</h1>
        {body && <p class="muted">{body}</p>}
        {children}
        <StoreLine summary={summary} />
        {crowded && <UnreadLink onOpen={onOpenAlerts} />}
      </section>
      <StorySearch search={search} onOpen={onOpenStory} listEmpty={false} />
      {!crowded && alerts && alerts.length > 0 && (
        <AlertList alerts={alerts.slice(0, ALERTS_SHOWN)} onOpen={onOpenStory} topicNames={topicNames} onSeen={seen} />
      )}
      {!crowded && alerts && alerts.length > ALERTS_SHOWN && (
        <button type="button" class="link-button popup__all-alerts" onClick={onOpenAlerts}>
          {tn('allAlerts', alerts.length)}
        </button>
      )}
    </>
  );
}

/** Marks alerts the reader has had on screen read; a failed write leaves them unread, and says so. */
const seen = (keys: string[]) =>
  void markSeen(keys).catch((err: unknown) => console.warn('[factlen] alerts could not be marked read', err));

/** Where the page's own answer comes first, unread alerts are one click away: a link, not a second button. */
function UnreadLink({ onOpen }: { onOpen: () => void }) {
  const [alerts] = useAlerts();
  const unread = alerts ? unreadCount(alerts) : 0;
  if (!unread) return null;
  return (
    <button type="button" class="link-button unread-link" onClick={onOpen}>
      {tn('alertCount', unread)}
    </button>
  );
}
