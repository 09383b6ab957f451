import { useEffect, useState } from 'preact/hooks';
import { NotThisStory, ReaderChoiceNote } from '../../components/NotThisStory.tsx';
import { StoryCard } from '../../components/StoryCard.tsx';
import { t, type MessageKey } from '../../lib/i18n.ts';
import type { ReaderChoice, TabReport } from '../../lib/messages.ts';
import { sendMessage } from '../../lib/messaging.ts';
import { targetTabId } from '../../lib/target-tab.ts';

// Reading a huge page can take a while; past this the popup says so instead of spinning.
const TIMEOUT_MS = 20_000;

type View = { state: 'loading' } | TabReport;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(t('errorTimeout'))), ms))]);
}

/** Asks the background about the tab; with `choice`, first records the reader's word on the match. */
async function load(choice?: ReaderChoice | null): Promise<TabReport> {
  try {
    const tabId = await targetTabId(location.search);
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
  const refresh = () => {
    setView({ state: 'loading' });
    void load().then(setView);
  };
  // The reader's word keeps the current view until the answer comes, so focus is not lost.
  const choose = (choice: ReaderChoice | null) => {
    setBusy(true);
    void load(choice).then((v) => {
      setView(v);
      setBusy(false);
    });
  };
  useEffect(refresh, []);
  return (
    <main class="popup" data-state={view.state} aria-live="polite" aria-busy={view.state === 'loading' || busy}>
      <Body view={view} onRetry={refresh} onChoose={choose} busy={busy} />
    </main>
  );
}

function Body({ view, onRetry, onChoose, busy }: { view: View; onRetry: () => void; onChoose: (c: ReaderChoice | null) => void; busy: boolean }) {
  switch (view.state) {
    case 'loading':
      return <p class="popup__status">{t('loading')}</p>;
    case 'match':
      return (
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
      );
    case 'no-match':
      return (
        <section class="popup__empty">
          <h1>{t('noMatchTitle')}</h1>
          <p class="muted">{t('noMatchBody', view.page.title)}</p>
          {view.dismissedByReader && <ReaderChoiceNote kind="dismissed" busy={busy} onUndo={() => onChoose(null)} />}
        </section>
      );
    case 'not-article':
      return (
        <section class="popup__empty">
          <h1>{t('notArticleTitle')}</h1>
          <p class="muted">{t(`notArticle_${view.reason.replace(/-/g, '_')}` as MessageKey)}</p>
        </section>
      );
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
