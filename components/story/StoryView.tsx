import type { ComponentChildren } from 'preact';
import { t, tn, type MessageKey } from '../../platform/i18n.ts';
import type { MatchReason as Reason } from '../../lib/match/types.ts';
import type { PageRef } from '../../lib/messages.ts';
import { placeReader } from '../../lib/story/placement.ts';
import type { Story } from '../../lib/story/story.ts';
import { storyFigures } from '../../lib/story/figures.ts';
import { FollowButtons } from '../FollowButtons.tsx';
import { MatchReason } from '../MatchReason.tsx';
import { MissingPerspectives } from '../MissingPerspectives.tsx';
import { PlacementNote } from '../PlacementNote.tsx';
import { SourceList } from '../SourceList.tsx';
import { ViewpointBar } from '../ViewpointBar.tsx';
import { Section } from './Section.tsx';
import { StoryBody } from './StoryBody.tsx';
import { StoryHeader } from './StoryHeader.tsx';
import { BulletList, Faq, KeyTerms, Stats, Timeline } from './StoryLists.tsx';
import { ViewpointCards } from './ViewpointCards.tsx';

interface Props {
  story: Story;
  /** Why the story was matched to the tab, when it was. */
  reasons?: Reason[];
  /** The tab's page, when the story is its match: where it stands is said first, and marked. */
  page?: PageRef;
  topicNames?: Record<string, string>;
  /** The reader chose this story for the page (in the popup): said in place of why it matched. */
  chosenByReader?: boolean;
  /** A sync took the story out of the store: it is shown as it was, but not offered to follow. */
  withdrawn?: boolean;
}

/** The whole story, every field FORMAT.md carries, in reading order with a table of contents. */
export function StoryView({ story, reasons, page, topicNames, chosenByReader = false, withdrawn = false }: Props) {
  const figures = storyFigures(story);
  const placement = page ? placeReader(story, page, reasons ?? []) : null;
  const readerSource = placement?.kind === 'source' ? placement.source.n : null;
  const sections: [string, MessageKey, ComponentChildren | null][] = [
    [
      'viewpoints',
      'viewpointsHeading',
      <>
        <ViewpointBar viewpoints={story.viewpoints} />
        <ViewpointCards story={story} figures={figures} readerSource={readerSource} />
      </>,
    ],
    ['why', 'whyItMattersHeading', story.whyItMatters ? <p dir="auto">{story.whyItMatters}</p> : null],
    ['key-points', 'keyPointsHeading', story.keyPoints?.length ? <BulletList items={story.keyPoints} /> : null],
    ['stats', 'statsHeading', story.stats?.length ? <Stats stats={story.stats} /> : null],
    ['story', 'bodyHeading', story.body?.length ? <StoryBody story={story} /> : null],
    ['timeline', 'timelineHeading', story.timeline?.length ? <Timeline items={story.timeline} /> : null],
    ['unknowns', 'unknownsHeading', story.unknowns?.length ? <BulletList items={story.unknowns} /> : null],
    ['key-terms', 'keyTermsHeading', story.keyTerms?.length ? <KeyTerms terms={story.keyTerms} /> : null],
    ['faq', 'faqHeading', story.faq?.length ? <Faq faq={story.faq} /> : null],
  ];
  const present = sections.filter(([, , body]) => body !== null);
  return (
    <article class="story-view" aria-labelledby="story-title">
      <StoryHeader story={story} topicNames={topicNames} />
      <section class="coverage" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading" class="visually-hidden">
          {t('coverageHeading')}
        </h2>
        <p class="coverage__figures">
          {tn('outlets', figures.outlets)} · {tn('viewpointsSurfaced', figures.viewpointsSurfaced)} ·{' '}
          {figures.missing ? tn('missingCount', figures.missing) : t('missingCountNone')}
        </p>
        <PlacementNote story={story} placement={placement} outlets={figures.outlets} />
        {chosenByReader ? (
          <p class="match-reason reader-choice" data-kind="picked">
            {t('chosenByReader')}
          </p>
        ) : (
          reasons && <MatchReason reasons={reasons} />
        )}
        <FollowButtons story={story} topicNames={topicNames} withdrawn={withdrawn} />
      </section>
      <nav class="toc" aria-label={t('tocLabel')}>
        <ul>
          {present.slice(0, 1).map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(title)}</a>
            </li>
          ))}
          <li>
            <a href="#missing">{t('missingHeading')}</a>
          </li>
          {present.slice(1).map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(title)}</a>
            </li>
          ))}
          <li>
            <a href="#sources">{t('sourcesHeading')}</a>
          </li>
        </ul>
      </nav>
      {present.slice(0, 1).map(([id, title, body]) => (
        <Section key={id} id={id} title={t(title)}>
          {body}
        </Section>
      ))}
      <div id="missing" class="story-section" tabIndex={-1}>
        <MissingPerspectives missing={story.missingPerspectives} />
      </div>
      {present.slice(1).map(([id, title, body]) => (
        <Section key={id} id={id} title={t(title)}>
          {body}
        </Section>
      ))}
      <div id="sources" class="story-section" tabIndex={-1}>
        <SourceList sources={story.sources} viewpoints={story.viewpoints} readerSource={readerSource} />
      </div>
    </article>
  );
}
