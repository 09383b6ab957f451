/**
 * Every message between the extension's contexts, in one place. Verb first; the comment on
 * each says who sends it and who answers.
 */
import type { Article, NotArticleReason } from './article.ts';
import type { ReaderChoice } from './match/corrections.ts';
import type { Candidate, MatchReason } from './match/types.ts';
import type { Story } from './story.ts';

/** A runner-up story, named so the reader can pick it ("Not this story?"). */
export interface Alternative extends Candidate {
  title: string;
}

/** What the popup and side panel show for one tab. */
export type TabReport =
  | {
      state: 'match';
      page: PageRef;
      story: Story;
      confidence: number;
      reasons: MatchReason[];
      alternatives: Alternative[];
      /** Set when the reader picked this story for this page. */
      chosenByReader?: boolean;
    }
  | { state: 'no-match'; page: PageRef; alternatives?: Alternative[]; dismissedByReader?: boolean }
  | { state: 'not-article'; page: PageRef; reason: NotArticleReason }
  | { state: 'error'; message: string };

/** The little of the page an extension page needs to name it: never leaves the browser. */
export interface PageRef {
  url: string;
  title: string;
  siteName?: string | null;
}

export interface Messages {
  /** popup / side panel → background: read this tab's article and match it. */
  matchTab: { request: { tabId: number }; response: TabReport };
  /** popup → background: remember the reader's choice for this tab's page (null forgets it) and report again. */
  correctMatch: { request: { tabId: number; choice: ReaderChoice | null }; response: TabReport };
}

export type MessageType = keyof Messages;
export type Request<K extends MessageType> = { type: K } & Messages[K]['request'];

export type { Article, ReaderChoice };
