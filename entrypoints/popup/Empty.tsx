import type { ComponentChildren } from 'preact';
import { AlertList } from '../../components/AlertList.tsx';
import { StorySearch } from '../../components/StorySearch.tsx';
import { markSeen, useAlerts } from '../../components/use-alerts.ts';
import type { StoreSummary } from '../../lib/messages.ts';
import { t, tn, type MessageKey } from '../../platform/i18n.ts';
import { search } from './search.ts';
import { StoreLine } from './StoreLine.tsx';
import { UnreadLink } from './UnreadLink.tsx';

/**
 * How many alerts the popup has room for under a state's answer; the side panel lists them all.
 * Two at the default 16 px font; one at a reader's larger default font, where the popup's rem grow
 * and Chrome's 600 px cap does not (two took the popup with no story to 659 px at 20 px, "See all"
 * and the footer below the fold).
 */
const alertsShown = () => (parseFloat(getComputedStyle(document.documentElement).fontSize) > 16.5 ? 1 : 2);

export interface EmptyProps {
  title: MessageKey;
  body?: string;
  /** The state has its own list (a question, stories of the subject): the alerts are one link away, not listed. */
  crowded?: boolean;
  summary: StoreSummary | null;
  topicNames?: Record<string, string>;
  onOpenStory: (id: string) => void;
  onOpenAlerts: () => void;
  children?: ComponentChildren;
}

/**
 * A page with no story: say so, say what Lens knows, offer the stories to search, and show the
 * reader's newest alerts. An alert counts as read once it has been on screen (which clears its
 * part of the badge): one below the popup's fold, or left unlisted, has not been seen.
 */
export function Empty({ title, body, crowded, summary, topicNames, onOpenStory, onOpenAlerts, children }: EmptyProps) {
  const [alerts] = useAlerts();
  const shown = alertsShown();
  return (
    <>
      <section class="popup__empty">
        <h1>{t(title)}</h1>
        {body && <p class="muted">{body}</p>}
        {children}
        <StoreLine summary={summary} />
        {crowded && <UnreadLink onOpen={onOpenAlerts} />}
      </section>
      <StorySearch search={search} onOpen={onOpenStory} listEmpty={false} />
      {!crowded && alerts && alerts.length > 0 && (
        <AlertList alerts={alerts.slice(0, shown)} onOpen={onOpenStory} topicNames={topicNames} onSeen={seen} />
      )}
      {!crowded && alerts && alerts.length > shown && (
        <button type="button" class="link-button popup__all-alerts" onClick={onOpenAlerts}>
          {tn('allAlerts', alerts.length)}
        </button>
      )}
    </>
  );
}

/** Marks alerts the reader has had on screen read; a failed write leaves them unread, and says so. */
const seen = (keys: string[]) =>
  void markSeen(keys).catch((err: unknown) => console.warn('[factlen] alerts could not be marked read', err));
