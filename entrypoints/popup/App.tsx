import { useEffect, useState } from 'preact/hooks';
import { StoryCard } from '../../components/StoryCard.tsx';
import { browser } from 'wxt/browser';
import { locale, t, type MessageKey } from '../../lib/i18n.ts';
import type { TabReport } from '../../lib/messages.ts';
import { sendMessage } from '../../lib/messaging.ts';
import { dataAge, dataTime, readDataDates } from '../../lib/store/age.ts';
import { BUILT_AT } from '../../lib/store/build-config.ts';
import { targetTabId } from '../../lib/target-tab.ts';

// Reading a huge page can take a while; past this the popup says so instead of spinning.
const TIMEOUT_MS = 20_000;

type View = { state: 'loading' } | TabReport;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(t('errorTimeout'))), ms))]);
}

async function load(): Promise<TabReport> {
  try {
    const tabId = await targetTabId(location.search);
    if (tabId === null) return { state: 'not-article', reason: 'browser-page', page: { url: '', title: '' } };
    return await withTimeout(sendMessage('matchTab', { tabId }), TIMEOUT_MS);
  } catch (err) {
    return { state: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}

export function App() {
  const [view, setView] = useState<View>({ state: 'loading' });
  const refresh = () => {
    setView({ state: 'loading' });
    void load().then(setView);
  };
  useEffect(refresh, []);
  return (
    <>
      <main class="popup" data-state={view.state} aria-live="polite" aria-busy={view.state === 'loading'}>
        <Body view={view} onRetry={refresh} />
      </main>
      <DataAge />
    </>
  );
}

/** "Story data from 3 days ago" once the stories are over a day old; matching works offline regardless. */
export function DataAge() {
  const [age, setAge] = useState<string | null>(null);
  useEffect(() => {
    void readDataDates().then((status) => setAge(dataAge(dataTime(status, BUILT_AT), Date.now(), locale())), () => {});
  }, []);
  if (!age) return null;
  return (
    <footer class="popup__age">
      <span>{t('storyDataAge', age)}</span>
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>{t('openOptions')}</button>
    </footer>
  );
}

function Body({ view, onRetry }: { view: View; onRetry: () => void }) {
  switch (view.state) {
    case 'loading':
      return <p class="popup__status">{t('loading')}</p>;
    case 'match':
      return <StoryCard story={view.story} reasons={view.reasons} />;
    case 'no-match':
      return (
        <section class="popup__empty">
          <h1>{t('noMatchTitle')}</h1>
          <p class="muted">{t('noMatchBody', view.page.title)}</p>
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
