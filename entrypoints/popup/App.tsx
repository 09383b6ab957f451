import { useEffect, useRef, useState } from 'preact/hooks';
import { AlertList } from '../../components/AlertList.tsx';
import { StoryCard } from '../../components/StoryCard.tsx';
import { markAllRead, useAlerts } from '../../components/use-alerts.ts';
import { t, tn, type MessageKey } from '../../lib/i18n.ts';
import type { TabReport } from '../../lib/messages.ts';
import { sendMessage } from '../../lib/messaging.ts';
import { openSidePanel, type PanelRequest } from '../../lib/side-panel.ts';
import { DataAge } from './DataAge.tsx';
import { targetTabId } from '../../lib/target-tab.ts';

// Reading a huge page can take a while; past this the popup says so instead of spinning.
const TIMEOUT_MS = 20_000;

type View = { state: 'loading' } | TabReport;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(t('errorTimeout'))), ms))]);
}

async function load(tabIdRef: { current: number | null }): Promise<TabReport> {
  try {
    const tabId = await targetTabId(location.search);
    tabIdRef.current = tabId;
    if (tabId === null) return { state: 'not-article', reason: 'browser-page', page: { url: '', title: '' } };
    return await withTimeout(sendMessage('matchTab', { tabId }), TIMEOUT_MS);
  } catch (err) {
    return { state: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}

export function App() {
  const [view, setView] = useState<View>({ state: 'loading' });
  const tabId = useRef<number | null>(null);
  const refresh = () => {
    setView({ state: 'loading' });
    void load(tabId).then(setView);
  };
  useEffect(refresh, []);
  const openPanel = (request?: PanelRequest) => {
    if (tabId.current === null) return;
    openSidePanel(tabId.current, request).then(() => window.close(), (err: unknown) => setView({ state: 'error', message: String(err) }));
  };
  return (
    <>
      <main class="popup" data-state={view.state} aria-live="polite" aria-busy={view.state === 'loading'}>
        <Body view={view} onRetry={refresh} onOpenPanel={openPanel} />
      </main>
      <DataAge />
    </>
  );
}

interface BodyProps {
  view: View;
  onRetry: () => void;
  onOpenPanel: (request?: PanelRequest) => void;
}

function Body({ view, onRetry, onOpenPanel }: BodyProps) {
  switch (view.state) {
    case 'loading':
      return <p class="popup__status">{t('loading')}</p>;
    case 'match':
      return (
        <>
          <StoryCard story={view.story} reasons={view.reasons} />
          <div class="popup__actions">
            <button type="button" onClick={() => onOpenPanel()}>{t('openViewpoints')}</button>
            <UnreadLink onOpen={() => onOpenPanel({ view: 'alerts' })} />
          </div>
        </>
      );
    case 'no-match':
      return (
        <Empty title="noMatchTitle" body={t('noMatchBody', view.page.title)} onOpenStory={(story) => onOpenPanel({ story })} />
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

/**
 * A page with no story: say so, and show the reader's alerts — opening the popup is opening the
 * list, so they count as read from here (which clears the badge).
 */
function Empty({ title, body, onOpenStory }: { title: MessageKey; body: string; onOpenStory: (id: string) => void }) {
  const [alerts] = useAlerts();
  useEffect(() => {
    if (alerts?.some((a) => !a.read)) void markAllRead();
  }, [alerts]);
  return (
    <>
      <section class="popup__empty">
        <h1>{t(title)}</h1>
        <p class="muted">{body}</p>
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
