import type { ComponentChildren } from 'preact';
import { tn } from '../lib/i18n.ts';
import type { MatchReason as Reason } from '../lib/match/types.ts';
import type { Story } from '../lib/story.ts';
import { storyFigures } from '../lib/story-figures.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { FollowButtons } from './FollowButtons.tsx';
import { MatchReason } from './MatchReason.tsx';
import { MissingPerspectives } from './MissingPerspectives.tsx';
import { SourceList } from './SourceList.tsx';
import { ViewpointBar } from './ViewpointBar.tsx';
import { t } from '../lib/i18n.ts';

/** The popup's view of a matched story: coverage, shares, what's missing, sources, why; `children` go under the why. */
export function StoryCard({ story, reasons, children }: { story: Story; reasons: Reason[]; children?: ComponentChildren }) {
  const figures = storyFigures(story);
  return (
    <article class="story-card" aria-labelledby="story-title">
      <header class="story-card__header">
        <p class="story-card__category muted">{story.category}</p>
        <h1 id="story-title" class="story-card__title">
          <ExternalLink href={story.url}>{story.title}</ExternalLink>
        </h1>
        <p class="story-card__figures">
          {tn('outlets', figures.outlets)} · {tn('viewpointsSurfaced', figures.viewpointsSurfaced)}
        </p>
      </header>
      <MatchReason reasons={reasons} />
      <FollowButtons story={story} />
      {children}
      <section aria-labelledby="viewpoints-heading">
        <h2 id="viewpoints-heading" class="section-heading">{t('viewpointsHeading')}</h2>
        <ViewpointBar viewpoints={story.viewpoints} />
      </section>
      <MissingPerspectives missing={story.missingPerspectives} />
      <SourceList groups={figures.byViewpoint} />
    </article>
  );
}
