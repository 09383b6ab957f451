import { formatDate, t } from '../platform/i18n.ts';
import type { RelatedStory } from '../lib/messages.ts';
import type { MatchReason } from '../lib/match/types.ts';

interface Props {
  stories: RelatedStory[];
  /** What the page shares with all of them (the matcher's reasons: names first). */
  reasons: MatchReason[];
  /** Titles shown in full (the side panel) or in two lines (the popup, short of room). */
  clamp?: boolean;
  /** Reads a story in the side panel. */
  onOpen: (storyId: string) => void;
}

/**
 * On a page with no match, the stories of its subject that the matcher could not tell apart as
 * the page's event (a saga's other stages): offered to read, with their dates, never as the
 * page's story. Where the page stands: on their subject, not in one of them.
 */
export function SameSubject({ stories, reasons, onOpen, clamp = false }: Props) {
  // The names (or words) themselves: "Shared with this page: Brandt Reservoir, Osage Flats".
  const shared = reasons[0];
  return (
    <section class="same-subject" aria-labelledby="same-subject-heading">
      <h2 class="section-heading" id="same-subject-heading">
        {t('sameSubjectHeading')}
      </h2>
      {shared && (
        <p class="match-reason" data-kind={shared.kind}>
          <span class="match-reason__label">{t('sameSubjectLabel')}</span> <bdi>{shared.args?.[0] ?? shared.detail}</bdi>
        </p>
      )}
      <ul class="story-search__results">
        {stories.map((s) => (
          <li key={s.storyId} data-story-id={s.storyId}>
            <button type="button" class="story-search__result" onClick={() => onOpen(s.storyId)}>
              <span class={clamp ? 'story-search__title clamp-2' : 'story-search__title'} dir="auto" title={clamp ? s.title : undefined}>
                {s.title}
              </span>
              <span class="muted story-search__meta">{formatDate(s.publishedAt, false)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
