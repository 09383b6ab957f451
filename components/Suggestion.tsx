import { t } from '../platform/i18n.ts';
import type { Suggestion as Suggested } from '../lib/messages.ts';
import { MatchReason } from './MatchReason.tsx';

interface Props {
  suggestion: Suggested;
  /** Reads the story without choosing it (the side panel). */
  onOpen: (storyId: string) => void;
  /** The reader's word that it is this story, remembered for the page; absent where a page cannot take it. */
  onPick?: (storyId: string) => void;
  busy?: boolean;
  /** The title in three lines (the popup, short of room) or whole (the side panel). */
  clamp?: boolean;
}

/**
 * "Is it this story?": on a page with no match, the story the matcher finds likelier than not but
 * is not sure of, with why. A question, never a match: no badge, no story card, until the
 * reader says yes.
 */
export function Suggestion({ suggestion, onOpen, onPick, busy = false, clamp = false }: Props) {
  return (
    <section class="suggestion" aria-labelledby="suggestion-heading" data-story-id={suggestion.storyId}>
      <h2 class="section-heading" id="suggestion-heading">
        {t('suggestHeading')}
      </h2>
      <p class={clamp ? 'suggestion__title clamp-3' : 'suggestion__title'} dir="auto">
        {suggestion.title}
      </p>
      <MatchReason reasons={suggestion.reasons} />
      <div class="suggestion__actions">
        {onPick && (
          <button type="button" class="primary" disabled={busy} onClick={() => onPick(suggestion.storyId)}>
            {t('suggestPick')}
          </button>
        )}
        <button type="button" class="secondary" onClick={() => onOpen(suggestion.storyId)}>
          {t('suggestOpen')}
        </button>
      </div>
      {onPick && <p class="muted suggestion__note">{t('choiceStaysHere')}</p>}
    </section>
  );
}
