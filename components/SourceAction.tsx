import { useState } from 'preact/hooks';
import { t } from '../platform/i18n.ts';
import { searchTextFor } from '../lib/story/placement.ts';
import type { Source } from '../lib/story/story.ts';
import { searchTheWeb } from '../platform/web-search.ts';
import { clipAtWord } from '../lib/words.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { safeHref } from '../lib/story/links.ts';
import { withIsolates } from './Isolates.tsx';

/**
 * "Find this article" for a source the story gives no address for: hands its headline and outlet
 * to the reader's default search engine (the browser's search API), only when clicked.
 */
export function FindArticle({ source }: { source: Source }) {
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        class="link-button find-article"
        aria-label={t('findArticleLabel', [source.n, source.outlet, source.title])}
        // The new tab takes focus, which closes a popup by itself.
        onClick={() => void searchTheWeb(searchTextFor(source)).catch(() => setFailed(true))}
      >
        {t('findArticle')}
      </button>
      {failed && (
        <span role="alert" class="find-article__error">
          {t('findArticleFailed')}
        </span>
      )}
    </>
  );
}

/**
 * The way to read a source: its own address when the story gives one, else "Find this article".
 * `outletShown` clips the outlet's name as shown (the popup's one line per viewpoint); what is
 * searched for is the whole name.
 */
export function SourceAction({ source, outletShown }: { source: Source; outletShown?: number }) {
  const outlet = outletShown ? clipAtWord(source.outlet, outletShown) : source.outlet;
  // An address Lens will not link to (one on the reader's own network) is searched for instead.
  const href = safeHref(source.url);
  if (href) {
    return (
      <ExternalLink class="source-action" href={href}>
        {/* Its own box, so a line too short for the outlet cuts the words and keeps the ↗ after them. */}
        <span class="source-action__text">{withIsolates((story) => t('readSource', [source.n, story(outlet)]))}</span>{' '}
        <span aria-hidden="true">↗</span>
      </ExternalLink>
    );
  }
  return (
    <span class="source-action">
      <span class="source-action__outlet">
        [{source.n}] <bdi>{outlet}</bdi>
      </span>{' '}
      {/* A space, for where the action flows inline (the popup's legend); a flex box drops it. */}
      <FindArticle source={source} />
    </span>
  );
}
