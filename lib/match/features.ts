/**
 * The evidence for one (article, story) pair as a few numbers (0..1 but for `bm25`, a log), each one a signal a
 * person would check: how much of the article's telling vocabulary the story has, whether the
 * headline is the same, whether the names (who is named most, who the headline and lede
 * name) are the same, whether the dates agree, and whether the figures, dates and weekdays the
 * article states are the story's (facts.ts), and whether the article uses the particulars the
 * story's texts repeat (particulars.ts): what tells two events of one kind apart when their words
 * and names do not.
 */
import { compareDays, compareFigures } from './facts.ts';
import type { AnalysedQuery } from './query.ts';
import type { Story } from '../story/story.ts';
import { sourceDomain, type StoryDoc, type StoryFacts, type StoryFullNames } from './story-doc.ts';
import type { Scores } from './text-index.ts';
import { particularsShares } from './particulars.ts';
import { tokenize } from './tokenize.ts';

/** The features, in the order of the model's weights. */
// Also tried and left out because they did not help held out (scripts/fit-match.ts): the lead
// over the runner-up (on ECB+ it learnt a negative weight: an unseen event's sibling stands
// alone), the share of the article's heaviest words the story has, shared numbers without what
// they count, the best TF-IDF cosine of the article (or of one of its paragraphs) with one story
// paragraph, shared word 3- and 5-grams (quotes), years named in the text, numbers written in
// words, whether the article's most named person leads the story, the share of the article's
// name mentions the story has, interactions (with "undated", with the names), and, instead of
// this logistic model, boosted decision stumps and trees. Dropped: the weekdays agreeing (a
// story told by eight sources names most days of its week; held out it cost correct answers).
export const FEATURES = [
  'bm25',
  'evidence',
  'title',
  'names',
  'storyNames',
  'nameProfile',
  'leadName',
  'ledeNames',
  'timeFar',
  'figuresSame',
  'figuresDiffer',
  'daysDiffer',
  'headFull',
  'ledeFull',
  'storyFull',
  'particulars',
  'ledeParticulars',
] as const;
/** One value per feature. */
export type Features = Record<(typeof FEATURES)[number], number>;

/** The share of `names` (the article's full names) the story names; 0 without any. */
const shareNamed = (names: string[], story: StoryFullNames) =>
  names.length ? names.filter((n) => story.all.has(n)).length / names.length : 0;

/** How often the article names the story's most named full names, as a share of how often the story names them. */
function storyFullShare(q: AnalysedQuery, story: StoryFullNames): number {
  let all = 0;
  let hit = 0;
  for (const [n, c] of story.top) {
    all += c;
    if (q.full.all.has(n)) hit += c;
  }
  return all ? hit / all : 0;
}

/** The smallest score share told apart from none (its log is the feature's floor). */
const MIN_SHARE = 0.01;
/** Gaps are compared on a log scale up to this many days (ten years). */
const FAR_DAYS = 3650;
/**
 * Past this many days between the article and every date of the story, figures and weekdays
 * that agree are a recurrence (the same fault quaking again, an anniversary), not the same
 * event's facts, so they corroborate nothing. In the corpus no right story is more than 36 days
 * from its article.
 */
const RECURRENCE_DAYS = 365;

/** The source (n = 0: the story itself) whose headline is closest to the article's, and how close. */
export interface TitleHit {
  n: number;
  outlet: string;
  domain: string | null;
  similarity: number;
}

/** idf-weighted cosine between the article's headline words `a` (with `na`, their squared norm) and a headline's. */
function titleSimilarity(q: AnalysedQuery, a: Set<string>, na: number, b: string[]): number {
  // A headline has a dozen words: looked through, not put in a Set (forty headlines a match).
  let shared = 0;
  let nb = 0;
  for (const t of a) if (b.includes(t)) shared += q.idfOf(t) ** 2;
  for (let i = 0; i < b.length; i++) if (b.indexOf(b[i]!) === i) nb += q.idfOf(b[i]!) ** 2;
  return na && nb ? shared / Math.sqrt(na * nb) : 0;
}

/** The headline of the story or of one of its sources closest to the article's headline. */
export function bestTitle(q: AnalysedQuery, story: Story): TitleHit {
  const a = new Set(q.titleTokens);
  let na = 0;
  for (const t of a) na += q.idfOf(t) ** 2;
  let best: TitleHit = { n: 0, outlet: '', domain: null, similarity: a.size ? titleSimilarity(q, a, na, tokenize(story.title)) : 0 };
  if (!a.size) return best;
  for (const s of story.sources) {
    const sim = titleSimilarity(q, a, na, tokenize(s.title));
    if (sim > best.similarity) best = { n: s.n, outlet: s.outlet, domain: sourceDomain(s), similarity: sim };
  }
  return best;
}

/** Days between the article's day and the story's window (0 inside it), or null if either is unknown. */
export function dayGap(q: AnalysedQuery, doc: StoryDoc): number | null {
  if (q.day === null || !doc.window) return null;
  const [from, to] = doc.window;
  return q.day < from ? from - q.day : q.day > to ? q.day - to : 0;
}

/**
 * How the article's figures and weekdays fare against the story's (facts.ts). Agreement more
 * than RECURRENCE_DAYS from the story's dates is dropped: it corroborates nothing.
 */
export function factsEvidence(
  q: AnalysedQuery,
  story: StoryFacts,
  gap: number | null,
): { agree: number; disagree: number; same: string[]; days: -1 | 0 | 1 } {
  const figures = compareFigures(q.facts.figures.keys(), story.figures, q.facts.background, q.facts.unshown);
  const days = compareDays(q.facts.days, story.days);
  if (gap === null || gap <= RECURRENCE_DAYS) return { ...figures, days };
  return { agree: 0, disagree: figures.disagree, same: [], days: days === 1 ? 0 : days };
}

/**
 * The features of `slot`'s story (its evidence `doc`, its `facts` and its full names `full`,
 * story-doc.ts's `storyFullNames`) for the article, given every slot's BM25 scores.
 */
export function featuresOf(
  q: AnalysedQuery,
  scores: Scores,
  slot: number,
  doc: StoryDoc,
  facts: StoryFacts,
  title: TitleHit,
  full: StoryFullNames,
  particulars: readonly string[],
): Features {
  const s = scores.score[slot]!;
  const hits = scores.hits[slot]!;
  const has = (bit: number) => bit >= 0 && ((hits >>> bit) & 1) === 1;
  let nameAll = 0;
  let nameHit = 0;
  for (const n of q.names) {
    nameAll += n.idf;
    if (has(n.bit)) nameHit += n.idf;
  }
  // The story's protagonists, weighted by how often the story names them, found in the article.
  let storyAll = 0;
  let storyHit = 0;
  let dot = 0;
  let qq = 0;
  let ss = 0;
  doc.names.forEach((t, i) => {
    const c = doc.nameCounts[i]!;
    storyAll += c;
    if (q.tokens.has(t)) storyHit += c;
    const w = q.idfOf(t) ** 2;
    dot += c * (q.nameCounts.get(t) ?? 0) * w;
    ss += c * c * w;
  });
  for (const n of q.names) qq += (q.nameCounts.get(n.token) ?? 0) ** 2 * n.idf ** 2;
  let ledeAll = 0;
  let ledeHit = 0;
  for (const n of q.lede) {
    ledeAll += n.idf;
    if (has(n.bit)) ledeHit += n.idf;
  }
  const gap = dayGap(q, doc);
  const stated = factsEvidence(q, facts, gap);
  const told = particularsShares(
    particulars,
    q.idfOf,
    (t) => q.tokens.has(t),
    (t) => q.headLede.has(t),
  );
  return {
    // A log: the score's share of its ceiling matters as a ratio (half as much evidence), not a difference.
    bm25: Math.log(Math.max(MIN_SHARE, s / q.ceiling)),
    // How much telling evidence the pair shares, whatever the article's length: the share above
    // is small for a long article with many rare words of its own even when the story has a lot.
    evidence: Math.log1p(s),
    title: title.similarity,
    names: nameAll ? nameHit / nameAll : 0,
    storyNames: storyAll ? storyHit / storyAll : 0,
    nameProfile: qq && ss ? Math.min(1, dot / Math.sqrt(qq * ss)) : 0,
    // Who the article is about is among the story's main names: a sibling event of one kind
    // (another player's arrest, another sect leader's trial) often mentions the article's
    // protagonist in passing, but does not name them often.
    leadName: q.leadName !== null && doc.names.includes(q.leadName) ? 1 : 0,
    // The actors the headline and first two sentences name, which the story mentions anywhere: a
    // sibling event shares the article's vocabulary and many of its names, but its lede is
    // about other people (another team's offer, another town's quake).
    ledeNames: ledeAll ? ledeHit / ledeAll : 0,
    timeFar: gap === null ? 0 : Math.min(1, Math.log1p(gap) / Math.log1p(FAR_DAYS)),
    // Logs: the third figure in agreement adds less than the first.
    figuresSame: Math.log1p(stated.agree),
    figuresDiffer: Math.log1p(stated.disagree),
    daysDiffer: stated.days === -1 ? 1 : 0,
    // Who the headline and the lede name in full, named by the story too: the name tokens above
    // are shared by a sibling event's team, country and company ("Saints", "Indian navy"); its
    // headline names another player, another ship ("Pierre Thomas", not "Reggie Bush").
    headFull: shareNamed(q.full.title, full),
    ledeFull: shareNamed(q.full.lede, full),
    // And the other way: who the story names most in full, named by the article.
    storyFull: storyFullShare(q, full),
    // The event's particulars, which several of the story's texts repeat, used by the article
    // (particulars.ts): a sibling event shares the kind's vocabulary, not these. And used where
    // the article tells its own event, its headline and lede: a follow-up recalls the event it
    // follows further down.
    particulars: told[0],
    ledeParticulars: told[1],
  };
}
