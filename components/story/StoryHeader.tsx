import { formatDate, t } from '../../platform/i18n.ts';
import type { Story } from '../../lib/story/story.ts';
import { ExternalLink } from '../ExternalLink.tsx';

/** Category, topic, headline, dek, byline, dates and read time. */
export function StoryHeader({ story }: { story: Story }) {
  const meta: preact.ComponentChildren[] = [];
  if (story.byline) meta.push(<span>{t('byLine', story.byline)}</span>);
  meta.push(
    <span>
      {t('publishedOn')} <time dateTime={story.publishedAt}>{formatDate(story.publishedAt)}</time>
    </span>,
  );
  if (story.updatedAt && story.updatedAt !== story.publishedAt) {
    meta.push(
      <span>
        {t('updatedOn')} <time dateTime={story.updatedAt}>{formatDate(story.updatedAt)}</time>
      </span>,
    );
  }
  if (story.readMinutes) meta.push(<span>{t('readMinutes', story.readMinutes)}</span>);
  return (
    <header class="story-header">
      <p class="story-header__kicker">
        <span>{story.category}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('topicLabel', story.topic)}</span>
        {story.series && (
          <>
            <span aria-hidden="true"> · </span>
            <span>{t('seriesPosition', [story.series.position, story.series.of, story.topic])}</span>
          </>
        )}
      </p>
      <h1 id="story-title" class="story-header__title">
        {story.title}
      </h1>
      {story.dek && <p class="story-header__dek">{story.dek}</p>}
      <p class="story-header__meta">
        {meta.map((m, i) => (
          <>
            {i > 0 && <span aria-hidden="true"> · </span>}
            {m}
          </>
        ))}
      </p>
      {story.url && (
        <p>
          <ExternalLink class="story-header__link" href={story.url}>
            {t('storyOnFactlen')}
          </ExternalLink>
        </p>
      )}
    </header>
  );
}
