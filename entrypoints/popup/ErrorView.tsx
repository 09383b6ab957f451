import { StorySearch } from '../../components/StorySearch.tsx';
import type { StoreSummary } from '../../lib/messages.ts';
import { t } from '../../platform/i18n.ts';
import { search } from './search.ts';
import { StoreLine } from './StoreLine.tsx';

interface Props {
  message: string;
  summary: StoreSummary | null;
  onRetry: () => void;
  onOpenStory: (id: string) => void;
}

/** Something went wrong reading the page: said plainly, with a retry, and the stories still there to search. */
export function ErrorView({ message, summary, onRetry, onOpenStory }: Props) {
  // Our own words (the time-out, the side panel) are said; a browser's or the background's are folded away.
  const own = message === t('errorTimeout') ? t('errorBody', message) : message === t('errorPanel') ? message : null;
  return (
    <>
      <section class="popup__empty" role="alert">
        <h1>{t('errorTitle')}</h1>
        <p class="muted">{own ?? t('errorUnknown')}</p>
        {!own && (
          <details class="popup__error-details">
            <summary>{t('errorDetails')}</summary>
            <p>{message}</p>
          </details>
        )}
        <button type="button" onClick={onRetry}>
          {t('tryAgain')}
        </button>
        <StoreLine summary={summary} />
      </section>
      {/* The stories are still there to read, whatever went wrong with this page. */}
      <StorySearch search={search} onOpen={onOpenStory} listEmpty={false} />
    </>
  );
}
