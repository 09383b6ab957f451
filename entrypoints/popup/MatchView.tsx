import { NotThisStory, ReaderChoiceNote } from '../../components/NotThisStory.tsx';
import { StoryCard } from '../../components/StoryCard.tsx';
import type { ReaderChoice, TabReport } from '../../lib/messages.ts';
import type { PanelRequest } from '../../lib/panel-request.ts';
import { t } from '../../platform/i18n.ts';
import { UnreadLink } from './UnreadLink.tsx';

interface Props {
  view: Extract<TabReport, { state: 'match' }>;
  topicNames?: Record<string, string>;
  busy: boolean;
  onOpenPanel: (request?: PanelRequest) => void;
  onChoose: (choice: ReaderChoice | null) => void;
}

/** The page's story: its card, "Open viewpoints" first, the reader's earlier choice, and "Not this story?". */
export function MatchView({ view, topicNames, busy, onOpenPanel, onChoose }: Props) {
  return (
    <StoryCard
      story={view.story}
      page={view.page}
      reasons={view.reasons}
      topicNames={topicNames}
      onOpenFull={() => onOpenPanel()}
      actions={
        <>
          <button type="button" class="primary" onClick={() => onOpenPanel()}>
            {t('openViewpoints')}
          </button>
          <UnreadLink onOpen={() => onOpenPanel({ view: 'alerts' })} />
        </>
      }
      note={view.chosenByReader && <ReaderChoiceNote kind="picked" busy={busy} onUndo={() => onChoose(null)} />}
    >
      {/* A new story or a new choice starts with the list closed. */}
      <NotThisStory
        key={`${view.story.id}:${view.chosenByReader ? 1 : 0}`}
        alternatives={view.alternatives}
        busy={busy}
        onPick={(storyId) => onChoose({ kind: 'story', storyId })}
        onDismiss={() => onChoose({ kind: 'none' })}
      />
    </StoryCard>
  );
}
