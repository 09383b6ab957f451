import { formatDate, t } from '../../platform/i18n.ts';
import type { Story } from '../../lib/story/story.ts';
import { topicLabel } from '../../lib/story/topics.ts';
import { ExternalLink } from '../ExternalLink.tsx';
import { withIsolates } from '../Isolates.tsx';

/** Category, topic, series, tags, headline, dek, byline, dates and read time. */
export function StoryHeader({ story, topicNames }: { story: Story; topicNames?: Record<string, string> }) {
  // By the name the follow buttons give it ("AI", the store's own name), not its slug.
  const topic = topicLabel(story.topic, topicNames);
  const meta: preact.ComponentChildren[] = [];
  if (story.byline) meta.push(<span>{withIsolates((s) => t('byLine', s(story.byline!)))}</span>);
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
        {/* The story's words take their own direction (dir="auto", <bdi>); ours stay left to right. */}
        <bdi>{story.category}</bdi>
        <span aria-hidden="true"> · </span>
        <span>{withIsolates((s) => t('topicLabel', s(topic)))}</span>
        {story.series && (
          <>
            <span aria-hidden="true"> · </span>
            <span>{withIsolates((s) => t('seriesPosition', [story.series!.position, story.series!.of, s(topic)]))}</span>
          </>
        )}
      </p>
      {story.tags?.length ? (
        <ul class="story-header__tags" aria-label={t('tagsLabel')}>
          {story.tags.map((tag, i) => (
            <li key={i}>
              <bdi>{tag}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
      <h1 id="story-title" class="story-header__title" dir="auto">
        {story.title}
      </h1>
      {story.dek && (
        <p class="story-header__dek" dir="auto">
          {story.dek}
        </p>
      )}
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
