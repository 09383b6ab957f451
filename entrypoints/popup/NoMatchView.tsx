import { ReaderChoiceNote } from '../../components/NotThisStory.tsx';
import { SameSubject } from '../../components/SameSubject.tsx';
import { Suggestion } from '../../components/Suggestion.tsx';
import type { ReaderChoice, StoreSummary, TabReport } from '../../lib/messages.ts';
import { clipAtWord, isolated } from '../../lib/words.ts';
import { t } from '../../platform/i18n.ts';
import { Empty } from './Empty.tsx';

// The page's title as the no-match states quote it: a news headline of 150 characters took two lines too many.
const TITLE_QUOTED = 80;
// Stories of the page's subject the popup lists (the side panel lists them all): two fit beside the search.
const SAME_SUBJECT_SHOWN = 2;

interface Props {
  view: Extract<TabReport, { state: 'no-match' }>;
  summary: StoreSummary | null;
  busy: boolean;
  onOpenStory: (id: string) => void;
  onOpenAlerts: () => void;
  onChoose: (choice: ReaderChoice | null) => void;
}

/** No story is the page's: the reader's own word, a story asked about, the stories of its subject, or none. */
export function NoMatchView({ view, summary, busy, onOpenStory, onOpenAlerts, onChoose }: Props) {
  const topicNames = summary?.topicNames;
  // The reader's own "no story covers this page" is the whole answer: one message, and its undo.
  if (view.dismissedByReader) {
    return (
      <Empty title="dismissedTitle" summary={summary} topicNames={topicNames} onOpenStory={onOpenStory} onOpenAlerts={onOpenAlerts}>
        <ReaderChoiceNote kind="dismissed" busy={busy} onUndo={() => onChoose(null)} />
      </Empty>
    );
  }
  // A story likelier than not but not sure is asked about, with why: the reader's yes makes it the page's.
  // Stories of the page's subject, none told apart as its event, are offered to read.
  const body = view.suggestion ? 'suggestBody' : view.sameSubject ? 'sameSubjectBody' : 'noMatchBody';
  const title = clipAtWord(view.page.title, TITLE_QUOTED);
  return (
    <Empty
      title={view.suggestion ? 'suggestTitle' : view.sameSubject ? 'sameSubjectTitle' : 'noMatchTitle'}
      crowded={!!(view.suggestion || view.sameSubject)}
      // The page's title, not ours: its direction marks stay inside its quotes. A page with no
      // title at all (no <title>, headline or declared one) is "this page", not empty quotes.
      body={title ? t(body, isolated(title)) : t(`${body}Untitled`)}
      summary={summary}
      topicNames={topicNames}
      onOpenStory={onOpenStory}
      onOpenAlerts={onOpenAlerts}
    >
      {view.suggestion && (
        <Suggestion
          suggestion={view.suggestion}
          busy={busy}
          onPick={(storyId) => onChoose({ kind: 'story', storyId })}
          onOpen={onOpenStory}
          clamp
        />
      )}
      {!view.suggestion && view.sameSubject && (
        <SameSubject
          stories={view.sameSubject.stories.slice(0, SAME_SUBJECT_SHOWN)}
          reasons={view.sameSubject.reasons}
          onOpen={onOpenStory}
          clamp
        />
      )}
    </Empty>
  );
}
