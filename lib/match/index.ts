/**
 * On-device story matching. A source URL is proof; so is the same outlet with the same
 * headline. Otherwise BM25 finds the few stories whose words the article shares most, and a
 * calibrated model weighs the evidence for each (vocabulary, headline, names, dates). Below
 * the model's threshold the answer is "no match": a wrong story is worse than none.
 */
import { normalizeUrl } from '../url.ts';
import { bestTitle, dayGap, factsEvidence, featuresOf, type Features, type TitleHit } from './features.ts';
import { confidenceOf, MODEL, type Model } from './model.ts';
import { analyseQuery, type AnalysedQuery } from './query.ts';
import { isTellingWord } from './rarity.ts';
import { wordAt, type StoryWrites } from './full-names.ts';
import { outletTitleReason, reasonsFor, SAME_TITLE, subjectReasons, urlReason } from './reasons.ts';
import { readForLookup, readForWeighing } from './on-disk.ts';
import { storyFacts, storyFullNames, tellingTexts } from './story-doc.ts';
import { storyNamed, storyParticulars } from './particulars.ts';
import type { Story } from '../story/story.ts';
import type { StoryIndex } from './story-index.ts';
import { score, topSlots, type Scores } from './text-index.ts';
import type { Candidate, Match, MatchQuery, MatchReason, MatchResult } from './types.ts';

export type * from './types.ts';
export {
  addStories,
  buildIndex,
  loadIndex,
  removeStories,
  serializeIndex,
  syncIndex,
  type SerializedIndex,
  type StoryIndex,
} from './story-index.ts';

/** How many stories BM25 hands to the model. */
const CANDIDATES = 5;
const ALTERNATIVES = 3;
/** A runner-up below this confidence has next to no evidence: offering it would only be noise. */
const MIN_ALTERNATIVE = 0.01;
/**
 * Below the threshold, a story at least this likely (even odds: the model finds the same event
 * more likely than not) is offered to the reader as a question, never as a match: readers of
 * stories the matcher is not sure of can still reach them, and the badge stays off. A pair
 * without distinctive content is capped below it (`weighCandidates`).
 */
export const SUGGEST = 0.5;

/** One story the model weighed for an article. */
export interface Weighed {
  slot: number;
  storyId: string;
  features: Features;
  confidence: number;
  title: TitleHit;
  /** The article is from a source's outlet and carries its headline. */
  sameOutletTitle: boolean;
  /** The pair shares something distinctive (see `distinctive`); without it the confidence stays below any threshold. */
  distinctive: boolean;
  /** A plausible story of several the article shares its subject with, none told apart as its event (`holdUntoldApart`). */
  untold?: boolean;
}

/**
 * Things a pair must share when it states no figure alike: telling words (not common in the
 * language, not bare numbers), names among them, but a person named in full counts once ("Donald"
 * and "Trump" are one person, whichever text writes the full name). Counted in words, one Trump
 * story matched an article on any other Trump news that wrote his full name.
 */
const MIN_SHARED_THINGS = 2;

/**
 * Whether the article and a story share distinctive content: a figure stated alike, or at least
 * MIN_SHARED_THINGS things among the article's telling words (`storyFull`: the story's full
 * names). A pair without it is never a match, whatever its dates, its headline and the store's
 * size: a date can corroborate content, never stand in for it (issue 19), and neither can one
 * name.
 */
export function distinctive(q: AnalysedQuery, scores: Scores, slot: number, features: Features, storyFull: ReadonlySet<string>): boolean {
  if (features.figuresSame > 0) return true;
  const hits = scores.hits[slot]!;
  const shared: string[] = [];
  for (const t of q.terms) if (t.bit >= 0 && (hits >>> t.bit) & 1 && isTellingWord(t.term)) shared.push(t.term);
  return sharedThings(shared, [q.full.all, storyFull]) >= MIN_SHARED_THINGS;
}

/** How many things the `shared` tokens name: the tokens of one full name of `fulls` ("donald trump") count once. */
export function sharedThings(shared: readonly string[], fulls: readonly ReadonlySet<string>[]): number {
  if (shared.length < 2) return shared.length;
  const left = new Set(shared);
  let things = shared.length;
  for (const names of fulls)
    for (const name of names) {
      // Most full names hold none of the shared words: counted first, merged only when two are.
      let inName = 0;
      for (const w of name.split(' ')) if (left.has(w)) inName++;
      if (inName < 2) continue;
      things -= inName - 1;
      for (const w of name.split(' ')) left.delete(w);
    }
  return things;
}

/**
 * Gets ready to match `query`: for an index whose postings and evidence were left on disk (a
 * waking worker's), reads the postings of the words the query is looked up by, then the
 * evidence of the stories the match will weigh; and, at the same time, has `loadStories` bring
 * those stories' objects. Call before `matchArticle`.
 */
export async function readForQuery(
  query: MatchQuery,
  index: StoryIndex,
  loadStories: (ids: string[]) => Promise<void> = async () => {},
): Promise<void> {
  const q = analyseQuery(query, index.text);
  await readForLookup(
    index,
    q.terms.map((t) => t.term),
    urlKeys(query),
  );
  const slots = slotsFor(query, index, q);
  await Promise.all([readForWeighing(index, slots), loadStories(slots.map((slot) => index.docs.idOf(slot)))]);
}

/** The article's addresses as source URL keys: the canonical one first. */
const urlKeys = (query: MatchQuery): string[] => [query.canonicalUrl, query.url].flatMap((url) => normalizeUrl(url) ?? []);

/** The slots `matchArticle` will read for `query`: a source URL's story, else the candidates BM25 ranks highest. */
function slotsFor(query: MatchQuery, index: StoryIndex, q: AnalysedQuery): number[] {
  for (const key of urlKeys(query)) {
    const hit = index.urls.get(key);
    if (hit) return [hit[0]];
  }
  return topSlots(score(index.text, q.terms), CANDIDATES);
}

/**
 * An article dated more than this many days outside a story's coverage (its sources' and its own
 * dates) is about another stage of its subject, a follow-up or what led to it: at best a question
 * for the reader, never a match. No right answer of the corpus sets is more than 3 days outside.
 */
export const OUTSIDE_COVERAGE_DAYS = 7;

/**
 * The stories BM25 ranks highest for the article, each weighed by the model, best first.
 * `holdBack: false` leaves out the checks that only hold answers back (a date far outside the
 * story's coverage, a saga's stages: `holdUntoldApart`), for fitting the model: fitted with them,
 * the threshold falls and held-out false matches rise (docs/matching.md).
 */
export function weighCandidates(
  index: StoryIndex,
  q: AnalysedQuery,
  model: Model = MODEL,
  { holdBack = true }: { holdBack?: boolean } = {},
): { scores: Scores; weighed: Weighed[] } {
  const scores = score(index.text, q.terms);
  // A story the index knows but whose object is not at hand (not loaded) is not weighed.
  const top = topSlots(scores, CANDIDATES).filter((slot) => index.stories.has(index.docs.get(slot)!.id));
  const weighed = top.map((slot) => {
    const doc = index.docs.get(slot)!;
    const story = index.stories.get(doc.id)!;
    const title = bestTitle(q, story);
    const full = storyFullNames(story);
    const features = featuresOf(q, scores, slot, doc, storyFacts(story), title, full, storyParticulars(story));
    const sameOutletTitle = title.n > 0 && !!q.host && title.domain === q.host && title.similarity >= SAME_TITLE;
    const shares = distinctive(q, scores, slot, features, full.all);
    const modelled = confidenceOf(features, model);
    let confidence = sameOutletTitle ? 1 : shares ? modelled : Math.min(modelled, model.threshold / 2);
    if (holdBack && !sameOutletTitle && (dayGap(q, doc) ?? 0) > OUTSIDE_COVERAGE_DAYS) confidence = Math.min(confidence, SUGGEST);
    return { slot, storyId: doc.id, features, confidence, title, sameOutletTitle, distinctive: shares };
  });
  weighed.sort((a, b) => b.confidence - a.confidence);
  if (holdBack) holdUntoldApart(q, scores, weighed, model);
  return { scores, weighed };
}

/**
 * A story the model gives at least this chance is a plausible answer: what the article shares with
 * it is no evidence for another story. (At 0.01, the floor of the runners-up the popup lists, two
 * right answers of the corpus sets were held back by stories the model gave 1 to 5 %; at 0.05,
 * none was.)
 */
const PLAUSIBLE = 0.05;

/**
 * In a store with several stories of one saga (the committee announced, then its members
 * rejected; this week's jobless claims and last week's), an article on another stage of it
 * shares the saga's words and names with each of them, and the likeliest is a guess. So a story
 * is a match only if the article shares with it something no other plausible story has: a
 * telling word or name, or more agreeing figures than any of them. When the likeliest story is not
 * told apart so, none below it is either (the article is about what they have in common), and
 * each is held below the question's even odds like a pair without distinctive content.
 * `weighed` is sorted by confidence, best first.
 */
function holdUntoldApart(q: AnalysedQuery, scores: Scores, weighed: Weighed[], model: Model): void {
  const plausible = weighed.filter((w) => w.confidence >= PLAUSIBLE);
  let held = false;
  for (const w of weighed) {
    if (w.sameOutletTitle || (!held && (!w.distinctive || toldApart(q, scores, w, plausible)))) continue;
    held = true;
    if (w.distinctive && w.confidence >= PLAUSIBLE) w.untold = true;
    w.distinctive = false;
    w.confidence = Math.min(w.confidence, model.threshold / 2);
  }
}

/** Whether the article shares with `w`'s story a telling word, or more agreeing figures, that no other of `plausible` has. */
function toldApart(q: AnalysedQuery, scores: Scores, w: Weighed, plausible: readonly Weighed[]): boolean {
  let others = 0;
  let figures = 0;
  for (const o of plausible)
    if (o !== w) {
      others |= scores.hits[o.slot]!;
      figures = Math.max(figures, o.features.figuresSame);
    }
  if (w.features.figuresSame > figures) return true;
  const own = scores.hits[w.slot]! & ~others;
  if (own) for (const t of q.terms) if (t.bit >= 0 && (own >>> t.bit) & 1 && isTellingWord(t.term)) return true;
  return false;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Finds the story `query` belongs to, or none, with the reasons and up to 3 alternatives; with
 * none, the story it is likelier than not about (`suggestion`) or the stories of its subject that
 * none is told apart from the others as its event (`sameSubject`).
 */
export function matchArticle(query: MatchQuery, index: StoryIndex, model: Model = MODEL): MatchResult {
  for (const key of urlKeys(query)) {
    const hit = index.urls.get(key);
    if (hit && index.stories.has(index.docs.get(hit[0])!.id)) {
      const id = index.docs.get(hit[0])!.id;
      return { match: { storyId: id, confidence: 1, reasons: [urlReason(index.stories.get(id)!, hit[1])] }, alternatives: [] };
    }
  }
  const q = analyseQuery(query, index.text);
  const { scores, weighed } = weighCandidates(index, q, model);
  const best = weighed[0];
  const alternatives = (list: Weighed[]): Candidate[] =>
    list
      .filter((w) => w.confidence >= MIN_ALTERNATIVE)
      .slice(0, ALTERNATIVES)
      .map((w) => ({ storyId: w.storyId, confidence: round(w.confidence) }));
  if (!best || best.confidence < model.threshold) {
    const none: MatchResult = { match: null, alternatives: alternatives(weighed) };
    if (best && best.distinctive && best.confidence >= SUGGEST) none.suggestion = explained(index, q, scores, best);
    const untold = weighed.filter((w) => w.untold);
    if (untold.length && !none.suggestion)
      none.sameSubject = { stories: alternatives(untold), reasons: subjectOf(index, q, scores, untold) };
    return none;
  }
  return { match: explained(index, q, scores, best), alternatives: alternatives(weighed.slice(1)) };
}

/** Whether `story` writes a phrase anywhere (spacing and, unless `cased`, case aside): read once, when a reason asks. */
function storyWrites(story: Story): StoryWrites {
  let all: string | null = null;
  let lower: string | null = null;
  const spaced = (t: string) => t.replace(/\s+/g, ' ');
  return (phrase, cased = false) => {
    all ??= spaced(tellingTexts(story).join('\n'));
    if (cased) return wordAt(all, spaced(phrase)) >= 0;
    return wordAt((lower ??= all.toLowerCase()), spaced(phrase).toLowerCase()) >= 0;
  };
}

/** What the article shares with every one of `stories`: why they are listed on its subject. */
function subjectOf(index: StoryIndex, q: AnalysedQuery, scores: Scores, stories: Weighed[]): MatchReason[] {
  const listed = stories.slice(0, ALTERNATIVES);
  const writes = listed.map((w) => storyWrites(index.stories.get(w.storyId)!));
  const hits = listed.reduce((mask, w) => mask & scores.hits[w.slot]!, ~0 >>> 0);
  const named = listed.map((w) => storyNamed(index.stories.get(w.storyId)!));
  return subjectReasons(
    q,
    hits,
    (phrase, cased) => writes.every((has) => has(phrase, cased)),
    (term) => named.every((n) => n.has(term)),
  );
}

/** `w` as an answer: its story, its confidence and the reasons a reader can check. */
function explained(index: StoryIndex, q: AnalysedQuery, scores: Scores, w: Weighed): Match {
  const doc = index.docs.get(w.slot)!;
  const gap = dayGap(q, doc);
  const story = index.stories.get(w.storyId)!;
  const reasons = reasonsFor(q, scores, w.slot, w.title, gap, factsEvidence(q, storyFacts(story), gap).same, storyWrites(story), (t) =>
    storyNamed(story).has(t),
  );
  if (w.sameOutletTitle) reasons.splice(0, reasons[0]?.kind === 'title' ? 1 : 0, outletTitleReason(w.title));
  return { storyId: w.storyId, confidence: round(w.confidence), reasons };
}
