/** The shapes that cross the matcher's boundary. */

export type ReasonKind = 'url' | 'title' | 'text' | 'entities' | 'time';

/** One piece of evidence for a match, worded for the reader. */
export interface MatchReason {
  kind: ReasonKind;
  /** In English. */
  detail: string;
  /** The message (a `reason…` key of _locales) and its arguments, for a page to translate. */
  code?: string;
  args?: string[];
}

/** What the matcher needs of an article: the extraction output, or a line of an eval set. */
export interface MatchQuery {
  title: string;
  text: string;
  url?: string | null;
  canonicalUrl?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

export interface Candidate {
  storyId: string;
  confidence: number;
}

export interface Match extends Candidate {
  reasons: MatchReason[];
}

/**
 * The matcher's answer: the story (or none, which is an answer) and up to 3 runners-up. With no
 * match, `suggestion` is the story it would have named had it been sure enough: one the model
 * finds more likely the same event than not, with its reasons (never shown as a match).
 */
export interface MatchResult {
  match: Match | null;
  alternatives: Candidate[];
  suggestion?: Match;
  /**
   * With no match because the article shares its subject with several stories (a saga's stages)
   * and nothing tells one of them apart as its event: those stories, likeliest first, and what
   * the article shares with all of them. Related, not the same event: never a match, never
   * asked about.
   */
  sameSubject?: { stories: Candidate[]; reasons: MatchReason[] };
}
