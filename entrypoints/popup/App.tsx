import { useEffect, useRef, useState } from 'preact/hooks';
import { useStoreSummary } from '../../components/use-store-summary.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';
import type { ReaderChoice, StoreSummary, TabReport } from '../../lib/messages.ts';
import { sendMessage } from '../../platform/messaging.ts';
import type { PanelRequest } from '../../lib/panel-request.ts';
import { openSidePanel } from '../../platform/side-panel.ts';
import { targetTabId } from '../../platform/target-tab.ts';
import { Empty } from './Empty.tsx';
import { ErrorView } from './ErrorView.tsx';
import { Footer } from './Footer.tsx';
import { MatchView } from './MatchView.tsx';
import { NoMatchView } from './NoMatchView.tsx';

// Reading a huge page can take a while; past this the popup says so instead of spinning.
const TIMEOUT_MS = 20_000;

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

/** The popup's answer for the tab, one file per state. */
function Body({ view, summary, onRetry, onOpenPanel, onChoose, busy }: BodyProps) {
  const openStory = (story: string) => onOpenPanel({ story });
  const openAlerts = () => onOpenPanel({ view: 'alerts' });
  switch (view.state) {
    case 'loading':
      return <p class="popup__status">{t('loading')}</p>;
    case 'match':
      return <MatchView view={view} topicNames={summary?.topicNames} busy={busy} onOpenPanel={onOpenPanel} onChoose={onChoose} />;
    case 'no-match':
      return (
        <NoMatchView view={view} summary={summary} busy={busy} onOpenStory={openStory} onOpenAlerts={openAlerts} onChoose={onChoose} />
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
    case 'error':
      return <ErrorView message={view.message} summary={summary} onRetry={onRetry} onOpenStory={openStory} />;
  }
}
