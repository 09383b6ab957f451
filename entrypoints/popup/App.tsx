import { useEffect, useRef, useState } from 'preact/hooks';
import { AlertList } from '../../components/AlertList.tsx';
import { NotThisStory, ReaderChoiceNote } from '../../components/NotThisStory.tsx';
import { StoryCard } from '../../components/StoryCard.tsx';
import { markAllRead, useAlerts } from '../../components/use-alerts.ts';
import { t, tn, type MessageKey } from '../../lib/i18n.ts';
import type { ReaderChoice, TabReport } from '../../lib/messages.ts';
import { sendMessage } from '../../lib/messaging.ts';
import { openSidePanel, type PanelRequest } from '../../lib/side-panel.ts';
import { targetTabId } from '../../lib/target-tab.ts';
import { DataAge } from './DataAge.tsx';

// Reading a huge page can take a while; past this the popup says so instead of spinning.
const TIMEOUT_MS = 20_000;

type View = { state: 'loading' } | TabReport;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(t('errorTimeout'))), ms))]);
}

/** Asks the background about the tab; with `choice`, first records the reader's word on the match. */
async function load(tabIdRef: { current: number | null }, choice?: ReaderChoice | null): Promise<TabReport> {
  try {
    const tabId = await targetTabId(location.search);
    tabIdRef.current = tabId;
    if (tabId === null) return { state: 'not-article', reason: 'browser-page', page: { url: '', title: '' } };
    const asked = choice === undefined ? sendMessage('matchTab', { tabId }) : sendMessage('correctMatch', { tabId, choice });
    return await withTimeout(asked, TIMEOUT_MS);
  } catch (err) {
    return { state: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}

export function App() {
  const [view, setView] = useState<View>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const tabId = useRef<number | null>(null);
  const refresh = () => {
    setView({ state: 'loading' });
    void load(tabId).then(setView);
  };
  // The reader's word keeps the current view until the answer comes, so focus is not lost.
  const choose = (choice: ReaderChoice | null) => {
    setBusy(true);
    void load(tabId, choice).then((v) => {
      setView(v);
      setBusy(false);
    });
  };
  useEffect(refresh, []);
  const openPanel = (request?: PanelRequest) => {
    if (tabId.current === null) return;
    openSidePanel(tabId.current, request).then(() => window.close(), (err: unknown) => setView({ state: 'error', message: String(err) }));
  };
  return (
    <>
      <main class="popup" data-state={view.state} aria-live="polite" aria-busy={view.state === 'loading' || busy}>
        <Body view={view} onRetry={refresh} onOpenPanel={openPanel} onChoose={choose} busy={busy} />
      </main>
      <DataAge />
    </>
  );
}

interface BodyProps {
  view: View;
  onRetry: () => void;
  onOpenPanel: (request?: PanelRequest) => void;
  onChoose: (choice: ReaderChoice | null) => void;
  busy: boolean;
}

function Body({ view, onRetry, onOpenPanel, onChoose, busy }: BodyProps) {
  switch (view.state) {
    case 'loading':
      return <p class="popup__status">{t('loading')}</p>;
    case 'match':
      return (
        <>
          <StoryCard story={view.story} reasons={view.reasons}>
            {view.chosenByReader && <ReaderChoiceNote kind="picked" busy={busy} onUndo={() => onChoose(null)} />}
            {/* A new story or a new choice starts with the list closed. */}
            <NotThisStory
              key={`${view.story.id}:${view.chosenByReader ? 1 : 0}`}
              alternatives={view.alternatives}
              busy={busy}
              onPick={(storyId) => onChoose({ kind: 'story', storyId })}
              onDismiss={() => onChoose({ kind: 'none' })}
            />
          </StoryCard>
          <div class="popup__actions">
            <button type="button" onClick={() => onOpenPanel()}>{t('openViewpoints')}</button>
            <UnreadLink onOpen={() => onOpenPanel({ view: 'alerts' })} />
          </div>
        </>
      );
    case 'no-match':
      return (
        <Empty title="noMatchTitle" body={t('noMatchBody', view.page.title)} onOpenStory={(story) => onOpenPanel({ story })}>
          {view.dismissedByReader && <ReaderChoiceNote kind="dismissed" busy={busy} onUndo={() => onChoose(null)} />}
        </Empty>
      );
    case 'not-article':
      return <Empty title="notArticleTitle" body={t(`notArticle_${view.reason.replace(/-/g, '_')}` as MessageKey)} onOpenStory={(story) => onOpenPanel({ story })} />;
    case 'error':
      return (
        <section class="popup__empty" role="alert">
          <h1>{t('errorTitle')}</h1>
          <p class="muted">{t('errorBody', view.message)}</p>
          <button type="button" onClick={onRetry}>{t('tryAgain')}</button>
        </section>
      );
  }
}

interface EmptyProps {
  title: MessageKey;
  body: string;
  onOpenStory: (id: string) => void;
  children?: preact.ComponentChildren;
}

/**
 * A page with no story: say so, and show the reader's alerts — opening the popup is opening the
 * list, so they count as read from here (which clears the badge).
 */
function Empty({ title, body, onOpenStory, children }: EmptyProps) {
  const [alerts] = useAlerts();
  useEffect(() => {
    if (alerts?.some((a) => !a.read)) void markAllRead();
  }, [alerts]);
  return (
    <>
      <section class="popup__empty">
        <h1>{t(title)}</h1>
        <p class="muted">{body}</p>
        {children}
      </section>
      {alerts && alerts.length > 0 && <AlertList alerts={alerts.slice(0, 5)} onOpen={onOpenStory} />}
    </>
  );
}

/** On a matched page the story comes first; unread alerts are one click away. */
function UnreadLink({ onOpen }: { onOpen: () => void }) {
  const [alerts] = useAlerts();
  const unread = alerts?.filter((a) => !a.read).length ?? 0;
  if (!unread) return null;
  return (
    <button type="button" class="secondary" onClick={onOpen}>
      {tn('alertCount', unread)}
    </button>
  );
}
