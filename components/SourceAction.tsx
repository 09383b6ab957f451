import { useState } from 'preact/hooks';
import { t } from '../lib/i18n.ts';
import { searchTextFor } from '../lib/placement.ts';
import type { Source } from '../lib/story.ts';
import { searchTheWeb } from '../lib/web-search.ts';
import { ExternalLink } from './ExternalLink.tsx';

/**
 * The way to read a source: its own address when the story gives one, else "Find this article",
 * which hands the headline and outlet to the reader's default search engine, only on click.
 */
export function SourceAction({ source }: { source: Source }) {
  const [failed, setFailed] = useState(false);
  if (source.url) {
    return (
      <ExternalLink class="source-action" href={source.url}>
        {t('readSource', [source.n, source.outlet])} <span aria-hidden="true">↗</span>
      </ExternalLink>
    );
  }
  return (
    <span class="source-action">
      <span class="source-action__outlet">[{source.n}] {source.outlet}</span>
      <button
        type="button"
        class="link-button source-action__find"
        aria-label={t('findArticleLabel', [source.n, source.outlet, source.title])}
        // The new tab takes focus, which closes a popup by itself.
        onClick={() => void searchTheWeb(searchTextFor(source)).catch(() => setFailed(true))}
      >
        {t('findArticle')}
      </button>
      {failed && <span role="alert" class="source-action__error">{t('findArticleFailed')}</span>}
    </span>
  );
}
