import type { ComponentChildren } from 'preact';
import { t, tn } from '../platform/i18n.ts';
import type { MatchReason as Reason } from '../lib/match/types.ts';
import type { PageRef } from '../lib/messages.ts';
import { placeReader, restatesPlacement } from '../lib/story/placement.ts';
import type { Story } from '../lib/story/story.ts';
import { storyFigures } from '../lib/story/figures.ts';
import { CoverageSplit } from './CoverageSplit.tsx';
import { ExternalLink } from './ExternalLink.tsx';
import { FollowButtons } from './FollowButtons.tsx';
import { MatchReason } from './MatchReason.tsx';
import { MissingCallout } from './MissingCallout.tsx';
import { PlacementNote } from './PlacementNote.tsx';

interface Props {
  story: Story;
  page: PageRef;
  reasons: Reason[];
  topicNames?: Record<string, string>;
  /** The primary action and its neighbours: first in reading and keyboard order after the headline. */
  actions: ComponentChildren;
  /** Beside the follow buttons: the reader's word on the match ("Not this story?"). */
  children?: ComponentChildren;
  /** Under the reason: the reader's earlier choice for this page, which is the reason then. */
  note?: ComponentChildren;
  /** Opens the full view (the side panel): what "+ 7 more … in the full view" leads to. */
  onOpenFull?: () => void;
}

/**
 * The popup's one glance at a matched story: what it is and how big, where the reader's page
 * stands, the way to the other viewpoints, the split of the coverage, who is missing, and why
 * this story. The whole story (every source, in depth) is the side panel's.
 */
export function StoryCard({ story, page, reasons, topicNames, actions, children, note, onOpenFull }: Props) {
  const figures = storyFigures(story);
  const placement = placeReader(story, page, reasons);
  return (
    <article class="story-card" aria-labelledby="story-title">
      <header class="story-card__header">
        {/* The story's words take their own direction (dir="auto"); ours stay left to right. */}
        <p class="story-card__category" dir="auto">
          {story.category}
        </p>
        <h1 id="story-title" class="story-card__title clamp-3" dir="auto">
          {story.title}
        </h1>
        <p class="story-card__figures">
          {tn('outlets', figures.outlets)} · {tn('viewpoints', figures.viewpointsSurfaced)} ·{' '}
          {figures.missing ? tn('missingShort', figures.missing) : t('missingShortNone')}
        </p>
      </header>
      {/* The viewpoint is named once, on its row ("You are here"); the note keys it by its swatch. */}
      <PlacementNote story={story} placement={placement} outlets={figures.outlets} viewpointNamed={false} />
      <div class="story-card__actions">{actions}</div>
      <CoverageSplit story={story} placement={placement} onOpenFull={onOpenFull} />
      <MissingCallout missing={story.missingPerspectives} outlets={figures.outlets} onOpenFull={onOpenFull} />
      {/* "This page is source [2], Fortune" under "You're reading [2] Fortune" says it twice. */}
      {!restatesPlacement(reasons[0], placement) && <MatchReason reasons={reasons} />}
      {note}
      <div class="story-card__more">
        <FollowButtons story={story} topicNames={topicNames} />
        {story.url && (
          <ExternalLink class="story-card__factlen" href={story.url}>
            {t('storyOnFactlen')}
          </ExternalLink>
        )}
        {children}
      </div>
    </article>
  );
}
