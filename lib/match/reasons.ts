/** Why a story matched, in words a reader can check against the page in front of them. */
import type { AnalysedQuery } from './query.ts';
import { showFigures } from './shown-figures.ts';
import { isTitleAlone, officesOf, personOf, shownName, wholeName, wordAt, type StoryWrites } from './full-names.ts';
import { isTellingWord } from './rarity.ts';
import type { TitleHit } from './features.ts';
import type { Story } from '../story/story.ts';
import type { Scores } from './text-index.ts';
import type { MatchReason, ReasonKind } from './types.ts';
import { fillMessage } from '../words.ts';
// One wording for the reader, in the extension's messages: the CLI and `detail` use the English
// one, the extension's pages translate `code` with `args` (components/MatchReason.tsx).
import messages from '../../public/_locales/en/messages.json' with { type: 'json' };

const ENGLISH = messages as Record<string, { message: string }>;

/** A reason worded by the message `code` (a `reason…` key of _locales) with `$1`… from `args`. */
function reason(kind: ReasonKind, code: string, args: (string | number)[] = []): MatchReason {
  const list = args.map(String);
  const detail = fillMessage(ENGLISH[code]?.message ?? code, list);
  return { kind, detail, code, args: list };
}

/** A headline at least this close (idf-weighted cosine) reads as "the same headline". */
export const SAME_TITLE = 0.85;
/** A headline at least this close reads as "a close headline". */
export const CLOSE_TITLE = 0.5;
const LIST = 3;

function titleReason(t: TitleHit): MatchReason | null {
  const whose = t.n === 0 ? 'Story' : 'Source';
  if (t.similarity >= SAME_TITLE) return reason('title', `reasonSameTitle${whose}`, [t.outlet]);
  if (t.similarity >= CLOSE_TITLE) return reason('title', `reasonCloseTitle${whose}`, [t.outlet]);
  return null;
}

/**
 * A word as the article writes it when that is an acronym it never writes in lower case ("GOP"
 * of a headline, "CDC"), one of its names ("Trump"), or a word neither the article nor the story
 * ever writes in lower case; else in lower case, as the matcher reads every word ("Jobless" of a
 * title-case headline is "jobless").
 */
export function asWritten(
  q: AnalysedQuery,
  storyHas: StoryWrites = () => false,
  storyNames: (term: string) => boolean = () => false,
): (term: string) => string {
  const texts = [q.title, q.text];
  let lower: string[] | null = null;
  return (term) => {
    if (texts.some((text) => wordAt(text, term) >= 0)) return term;
    lower ??= texts.map((text) => text.toLowerCase());
    // A name keeps its capitals wherever the text writes it so ("Same figures: Trump 232").
    const name = q.nameCounts.has(term);
    for (let i = 0; i < texts.length; i++) {
      const at = wordAt(lower[i]!, term);
      const written = at >= 0 ? texts[i]!.slice(at, at + term.length) : '';
      if (written.length > 1 && written.toLowerCase() === term && written === written.toUpperCase()) return written;
      if (!/^\p{Lu}/u.test(written)) continue;
      if (name) return written;
      // A name the article writes only where any word has a capital (a title-case headline, a
      // sentence's start) is no name to the matcher, and "Shares rare terms: trump, christopher"
      // read wrong. Capitalised when the story's prose reads it as a name and never writes it in
      // lower case: "Jobless" of two title-case headlines and a sentence's start stays "jobless".
      if (storyNames(term) && !storyHas(term, true)) return written;
    }
    return term;
  };
}

/**
 * The article's names (as written, without office or possessive) whose every word the story also
 * has, rarest first; each as the page writes it whole when the story writes that whole too ("Bank
 * of America", not "America": `wholeName`).
 */
function sharedNames(q: AnalysedQuery, has: (term: string) => boolean, storyHas: StoryWrites): string[] {
  const rank = new Map(q.names.map((n, i) => [n.token, i]));
  const seen = new Set<string>();
  // "White House Chief" of "… Chief of Staff Mick Mulvaney" is his office, not a name to look for.
  const offices = officesOf(q.nameText);
  const ranked = q.nameText
    .filter((n) => !offices.has(n))
    .map(personOf)
    .filter((n) => n.tokens.every(has) && n.tokens.some((t) => rank.has(t)) && !isTitleAlone(n.tokens))
    .sort((a, b) => Math.min(...a.tokens.map((t) => rank.get(t) ?? 99)) - Math.min(...b.tokens.map((t) => rank.get(t) ?? 99)))
    .filter((n) => {
      // "Mayo" adds nothing after "Mayo Clinic".
      if ([...seen].some((s) => n.tokens.every((t) => s.split(' ').includes(t)))) return false;
      seen.add(n.tokens.join(' '));
      return true;
    });
  // Each as written whole, once ("Centers" and "Disease Control" are both "Centers for Disease
  // Control"), until LIST are found: the page is read around each name looked at.
  // A sentence's "Mayo" is no name (sentences start with capitals), so "Clinic" may come before
  // "Mayo Clinic": a name inside another shown one is the same name.
  const shown: string[] = [];
  const within = (a: string, b: string) => wordAt(b.toLowerCase(), a.toLowerCase()) >= 0;
  for (const n of ranked) {
    const name = shownName(wholeName(q.text, n.text, storyHas));
    if (shown.some((s) => within(name, s))) continue;
    const first = shown.findIndex((s) => within(s, name));
    if (first < 0) shown.push(name);
    else {
      shown[first] = name;
      for (let i = shown.length - 1; i > first; i--) if (within(shown[i]!, name)) shown.splice(i, 1);
    }
    if (shown.length === LIST) break;
  }
  return shown;
}

function timeReason(gap: number | null): MatchReason | null {
  if (gap === null || gap > 7) return null;
  return gap === 0
    ? reason('time', 'reasonTimeDuring')
    : reason('time', gap === 1 ? 'reasonTimeWithinOne' : 'reasonTimeWithinOther', [gap]);
}

/**
 * How many figures stated alike make them the first thing to check after a headline: two facts
 * of the event ("56%, $48m a year") are more specific than the place both texts name ("Riverton"),
 * one figure alone ("10 years") less so than the names.
 */
const FIGURES_FIRST = 2;

/**
 * The reasons for matching `slot`'s story, most specific first: a headline, then names (after
 * figures stated alike when there are FIGURES_FIRST of them), then words, then dates. Only
 * evidence that is there is listed; the popup shows the first.
 */
export function reasonsFor(
  q: AnalysedQuery,
  scores: Scores,
  slot: number,
  title: TitleHit,
  gap: number | null,
  sameFigures: readonly string[] = [],
  storyHas: StoryWrites = () => false,
  storyNames: (term: string) => boolean = () => false,
): MatchReason[] {
  const hits = scores.hits[slot]!;
  const hitTerms = new Set(q.terms.filter((t) => t.bit >= 0 && (hits >>> t.bit) & 1).map((t) => t.term));
  const names = sharedNames(q, (t) => hitTerms.has(t), storyHas);
  const figures = showFigures(sameFigures, q.facts.keyFirst, asWritten(q, storyHas, storyNames)).slice(0, LIST);
  // Common words ("year", "first", "one") and bare numbers ("000") are never cited as rare,
  // however few stories share them; nor is a word the article writes as a name ("nancy" of "Nancy
  // Pelosi"), which reads wrong in lower case.
  const cited = new Set<string>();
  // "harlow" says nothing "Harlow County" has not said (a sentence's first word is no name to the matcher).
  const shownWords = new Set(names.flatMap((n) => n.toLowerCase().split(/[^\p{L}\p{N}]+/u)));
  const inNames = (t: string) => shownWords.has(t);
  const rare = q.terms
    .filter((t) => hitTerms.has(t.term) && !q.nameCounts.has(t.term) && isTellingWord(t.term) && !inNames(t.term))
    .map((t) => t.term)
    .filter((t) => {
      // "vaccine" says all that "vaccines, vaccine" says.
      const one = t.replace(/([^s])s$/, '$1');
      if (cited.has(one)) return false;
      cited.add(one);
      return true;
    })
    .slice(0, LIST)
    .map(asWritten(q, storyHas, storyNames));
  const named = names.length ? reason('entities', 'reasonNames', [names.join(', ')]) : null;
  const stated = figures.length ? reason('text', 'reasonFigures', [figures.join(', ')]) : null;
  return [
    titleReason(title),
    ...(figures.length >= FIGURES_FIRST ? [stated, named] : [named, stated]),
    rare.length ? reason('text', 'reasonTerms', [rare.join(', ')]) : null,
    timeReason(gap),
  ].filter((r): r is MatchReason => r !== null);
}

/**
 * What the article shares with every one of several stories (a saga's stages none of which is
 * its event): their common names, else their common rare words. `hits` is the stories' hit
 * masks ANDed, `allWrite` whether each of them writes a phrase.
 */
export function subjectReasons(
  q: AnalysedQuery,
  hits: number,
  allWrite: StoryWrites,
  allName: (term: string) => boolean = () => false,
): MatchReason[] {
  const none: TitleHit = { n: 0, outlet: '', domain: null, similarity: 0 };
  const scores: Scores = { score: new Float64Array(1), hits: Uint32Array.of(hits), touched: [] };
  return reasonsFor(q, scores, 0, none, null, [], allWrite, allName);
}

/** The reason for a page that is one of the story's sources. */
export function urlReason(story: Story, n: number): MatchReason {
  const outlet = story.sources.find((s) => s.n === n)?.outlet;
  return outlet ? reason('url', 'reasonSource', [n, outlet]) : reason('url', 'reasonSourceNoOutlet', [n]);
}

/** The reason for a page of a source's outlet carrying that source's headline. */
export function outletTitleReason(t: TitleHit): MatchReason {
  return reason('title', 'reasonOutletTitle', [t.n, t.outlet]);
}
