/**
 * Every message between the extension's contexts, in one place. Verb first; the comment on
 * each says who sends it and who answers.
 */
import type { Article, Extraction, NotArticleReason } from './article.ts';
import type { ReaderChoice } from './match/corrections.ts';
import type { Candidate, MatchReason } from './match/types.ts';
import type { SyncStatus } from './store/settings.ts';
import type { Story } from './story/story.ts';
import type { StorySummary } from './story/search.ts';
import type { TopicSummary } from './story/topic-list.ts';

/** A runner-up story, named so the reader can pick it ("Not this story?"). */
export interface Alternative extends Candidate {
  title: string;
}

/** A story of the page's subject that is not its event, dated so the reader can tell a saga's stages apart. */
export interface RelatedStory extends Alternative {
  publishedAt: string;
}

/** A story offered as a question on a page with no match, with why. */
export interface Suggestion extends Alternative {
  reasons: MatchReason[];
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
  | {
      state: 'no-match';
      page: PageRef;
      alternatives?: Alternative[];
      dismissedByReader?: boolean;
      /** The story the matcher finds likelier than not but is not sure of (lib/match's SUGGEST): asked, never badged. */
      suggestion?: Suggestion;
      /** Stories of the page's subject, none told apart as its event (a saga's other stages), and what the page shares with them: offered to read, never badged. */
      sameSubject?: { stories: RelatedStory[]; reasons: MatchReason[] };
    }
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
  /** side panel → background: the last report for this tab, if it was read since it loaded. */
  getTabReport: { request: { tabId: number }; response: TabReport | null };
  /** side panel → background: stories whose title, topic or outlets match the query. */
  searchStories: { request: { query: string; limit?: number }; response: StorySummary[] };
  /** side panel → background: one story of the store, by id. */
  getStory: { request: { id: string }; response: Story | null };
  /** options page → background: the store sync's status, with the story counts in use now. */
  getStoreStatus: { request: Record<string, never>; response: SyncStatus };
  /**
   * options page → background: save the store settings (storeUrl null: the build's store, "":
   * none) and start a sync. The page asks for the store origin's permission first.
   */
  saveStoreSettings: { request: { storeUrl: string | null; syncMinutes: number }; response: SyncStatus };
  /** options page → background: every topic of the stories in use, with its name and size. */
  listTopics: { request: Record<string, never>; response: TopicSummary[] };
  /** options page → background: sync now, whatever the back-off; answers when it is done. */
  syncNow: { request: Record<string, never>; response: SyncStatus };
  /** popup / side panel → background: how many stories Lens knows, since when, and the store's topic names. */
  getStoreSummary: { request: Record<string, never>; response: StoreSummary };
  /**
   * popup → background: remember the reader's choice for the page the popup showed, `pageUrl`
   * (null forgets it), and report again. A tab that has moved on to another page gets no choice.
   */
  correctMatch: { request: { tabId: number; choice: ReaderChoice | null; pageUrl: string }; response: TabReport };
  /**
   * auto-read script (a tab's top frame, automatic mode only) → background: what it read there.
   * The background matches it later (throttled) and answers at once, with nothing.
   */
  autoRead: { request: { extraction: Extraction }; response: null };
}

/**
 * The messages a content script sends, from a web page's tab; every other message is accepted
 * only from the extension's own pages.
 */
export const FROM_CONTENT_SCRIPT: ReadonlySet<string> = new Set<MessageType>(['autoRead']);

/** What a page needs to name the topics and say how much Lens knows. */
export interface StoreSummary {
  /** Stories in use, bundled and downloaded. */
  stories: number;
  /** When those stories were last known current (the last good sync, else the build); null if unknown. */
  updatedAt: number | null;
  /**
   * The last sync failed and those stories are over a day old (or of unknown age): a reader is
   * told, where the popup says how fresh they are. A failure with fresh stories is a retry
   * pending, not news.
   */
  syncFailing: boolean;
  /** The store's names for topic slugs (`ai` → "Artificial intelligence"). */
  topicNames: Record<string, string>;
}

export type MessageType = keyof Messages;
export type Request<K extends MessageType> = { type: K } & Messages[K]['request'];

export type { Article, ReaderChoice, TopicSummary };
