/** The article side of matching: which of its words to look up, and its names, headline and day. */
import { hostOf } from '../url.ts';
import { factsOf, type Facts } from './facts.ts';
import { ledeOf } from './lede.ts';
import { dayOf } from './story-doc.ts';
import { idfWithBackground } from './rarity.ts';
import { dfOf, K1, type QueryTerm, type TextIndex } from './text-index.ts';
import { fullNames, type FullNames } from './full-names.ts';
import { headlineNames, keepNamed, names, readAsName, tokenize, type Name } from './tokenize.ts';
import type { MatchQuery } from './types.ts';

/** How many of the article's most telling words are looked up, and how many of them are names. */
const TERMS = 24;
/**
 * The fewest looked-up words the matcher's confidence is trusted on: the fewest any case it was
 * fitted on had (`npm run fit:match` prints it: 10, short ECB+ texts). Pages whose words the
 * store mostly does not know (another language, a text of names) have fewer.
 */
export const MIN_TERMS = 10;
const NAME_TERMS = 8;
/** At most this many of the headline's and lede's name tokens are checked (a lede names a handful). */
const LEDE_TERMS = 16;
/** The headline counts like this many mentions in the text. */
const TITLE_WEIGHT = 3;
/** Saturation of repeated words in the article (BM25's k3). */
const K3 = 1.2;

/** The article as the matcher looks it up. */
export interface AnalysedQuery {
  terms: QueryTerm[];
  /** The score a story holding every looked-up word very often would reach. */
  ceiling: number;
  titleTokens: string[];
  /** The words of the headline and the lede, where an article tells its own event. */
  headLede: ReadonlySet<string>;
  /** Every word of the article (headline and text), with its weighted count. */
  tokens: ReadonlyMap<string, number>;
  /** The article's telling names: tokens, idf (missing from the store counts most) and bit. */
  names: { token: string; idf: number; bit: number }[];
  nameText: Name[];
  /** How often each name token occurs in the article. */
  nameCounts: Map<string, number>;
  /** The name token the article repeats most (the first of equals), who or what it is about; null without names. */
  leadName: string | null;
  /** The name tokens of the headline and the lede (first two sentences), with idf and bit: the actors of this event. */
  lede: { token: string; idf: number; bit: number }[];
  day: number | null;
  host: string | null;
  /** The figures and weekdays the article's text states (its headline counts once, in `titleTokens`). */
  facts: Facts;
  /** The article's full names (`fullNames`): of its headline, of its lede, and all of them. */
  full: FullNames;
  /** idf of a word in the index (the headline's words looked up once per match: every source headline is compared with them). */
  idfOf: (term: string) => number;
  /** The article's headline and text, where a reason finds a word or name as written (reasons.ts). */
  title: string;
  text: string;
}

/** What the article says, before any store is consulted. */
interface ArticleWords {
  titleTokens: string[];
  /** Every word of headline and text with its weighted count (the headline's words first). */
  qtf: Map<string, number>;
  nameText: Name[];
  nameCount: Map<string, number>;
  /** The name tokens of the headline and the lede, each once. */
  ledeNames: string[];
  /** Every word of the headline and the lede. */
  headLede: ReadonlySet<string>;
  facts: Facts;
  full: FullNames;
}

const read = new WeakMap<MatchQuery, ArticleWords>();

/**
 * Reads the article's words, names and facts, once per query object: a waking worker does
 * this while the index is still coming off the disk, and the match does not do it twice.
 */
export function readArticle(query: MatchQuery): ArticleWords {
  let words = read.get(query);
  if (!words) {
    const titleTokens = tokenize(query.title);
    const qtf = new Map<string, number>();
    for (const t of titleTokens) qtf.set(t, (qtf.get(t) ?? 0) + TITLE_WEIGHT);
    // One pass over the text counts its words and finds its names.
    const nameText = names(query.text, (t) => qtf.set(t, (qtf.get(t) ?? 0) + 1));
    const nameCount = new Map<string, number>();
    for (const n of nameText) for (const t of n.tokens) nameCount.set(t, (nameCount.get(t) ?? 0) + 1);
    const inTitle = new Map<string, number>();
    for (const t of titleTokens) inTitle.set(t, (inTitle.get(t) ?? 0) + 1);
    const inText = (t: string) => qtf.get(t)! - TITLE_WEIGHT * (inTitle.get(t) ?? 0);
    const isName = (t: string) => readAsName(nameCount.get(t) ?? 0, inText(t));
    const titleNames = headlineNames(query.title, isName);
    const lede = ledeOf(query.text);
    // A text may open with its headline (or a heading) in title case, as the lede.
    const ledeText = keepNamed(names(lede), isName);
    const ledeNames = [...new Set([...titleNames, ...ledeText].flatMap((n) => n.tokens))].slice(0, LEDE_TERMS);
    const full = { title: fullNames(titleNames), lede: fullNames(ledeText), all: new Set(fullNames([...titleNames, ...nameText])) };
    const headLede = new Set([...titleTokens, ...tokenize(lede)]);
    words = {
      titleTokens,
      qtf,
      nameText,
      nameCount,
      ledeNames,
      headLede,
      facts: factsOf(query.text, dayOf(query.publishedTime), true),
      full,
    };
    read.set(query, words);
  }
  return words;
}

/** Picks the words, names and facts of `query` that the matcher checks against stories. */
export function analyseQuery(query: MatchQuery, ix: TextIndex): AnalysedQuery {
  const { titleTokens, qtf, nameText, nameCount, ledeNames, headLede, facts, full } = readArticle(query);
  // The idf of the headline's words, which every candidate's every source headline is compared
  // with, is looked up once; other words are looked up as asked (a memo of every word the
  // features ask about grew a Map per match for words asked about once).
  const idfs = new Map<string, number>();
  const idfOf = (t: string) => idfWithBackground(ix.live, dfOf(ix, t), t);
  for (const t of titleTokens) if (!idfs.has(t)) idfs.set(t, idfOf(t));
  const idfOfTitled = (t: string) => idfs.get(t) ?? idfOf(t);
  const weigh = (t: string, w: number) => (((K3 + 1) * qtf.get(t)!) / (K3 + qtf.get(t)!)) * w;

  // Kept in short ranked lists rather than sorting every word: an article has ~500 distinct
  // words, and an object per word was a good part of a match's garbage.
  const topNames: { t: string; idf: number; s: number }[] = [];
  for (const [t, count] of nameCount) {
    const w = idfOfTitled(t);
    rankInto(topNames, NAME_TERMS, { t, idf: w, s: Math.log1p(count) * w }, (n) => n.s);
  }
  // The article's most telling words, by how rare they are in the language and the store,
  // whether or not any story has them: a story that shares only the article's common words
  // holds a small share of its evidence, however few stories the store has.
  const picked: { term: string; weight: number }[] = [];
  for (const t of qtf.keys()) rankInto(picked, TERMS, { term: t, weight: weigh(t, idfOfTitled(t)) }, (p) => p.weight);
  const pickedSet = new Set(picked.map((p) => p.term));
  // The article's main names and its lede's are looked up too, whatever their weight: the
  // features ask which stories have them.
  const mainNames = [...topNames.map((n) => n.t), ...ledeNames];
  for (const t of mainNames) {
    if (!pickedSet.has(t) && qtf.has(t)) (picked.push({ term: t, weight: weigh(t, idfOfTitled(t)) }), pickedSet.add(t));
  }
  // Hit masks hold 32 terms: the names first (at most NAME_TERMS + LEDE_TERMS), then the heaviest words.
  const nameSet = new Set(mainNames);
  const order = [...picked.filter((p) => nameSet.has(p.term)), ...picked.filter((p) => !nameSet.has(p.term))];
  const bits = new Map(order.slice(0, 32).map((p, i) => [p.term, i]));
  const terms = picked.map((p) => ({ ...p, bit: bits.get(p.term) ?? -1 }));
  const bitOf = new Map(terms.map((t) => [t.term, t.bit]));
  return {
    terms,
    // Evidence from fewer words than any article the model was fitted on counts the missing ones
    // as words no story has, at the mean weight of those found: a Japanese page that names
    // "Trump" twice is not a Trump story because "trump" is the one word the store knows.
    ceiling: terms.length ? (terms.reduce((s, t) => s + t.weight * (K1 + 1), 0) * Math.max(MIN_TERMS, terms.length)) / terms.length : 1,
    titleTokens,
    headLede,
    tokens: qtf,
    names: topNames.map((n) => ({ token: n.t, idf: n.idf, bit: bitOf.get(n.t) ?? -1 })),
    nameText,
    nameCounts: nameCount,
    leadName: leadOf(nameCount),
    lede: ledeNames.map((t) => ({ token: t, idf: idfOfTitled(t), bit: bitOf.get(t) ?? -1 })),
    day: dayOf(query.publishedTime),
    host: hostOf(query.canonicalUrl) ?? hostOf(query.url),
    facts,
    full,
    idfOf: idfOfTitled,
    title: query.title,
    text: query.text,
  };
}

/** The key with the highest count, the first one of equal counts (a Map keeps first-seen order). */
function leadOf(counts: Map<string, number>): string | null {
  let lead: string | null = null;
  let most = 0;
  for (const [t, c] of counts) if (c > most) ((lead = t), (most = c));
  return lead;
}

/**
 * Puts `item` into `list`, kept best first by `key` and at most `size` long; of equal keys the
 * one put in first stays first (as a stable sort would order them).
 */
function rankInto<T>(list: T[], size: number, item: T, key: (x: T) => number): void {
  const k = key(item);
  if (list.length === size && k <= key(list[size - 1]!)) return;
  let i = list.length;
  while (i > 0 && key(list[i - 1]!) < k) i--;
  list.splice(i, 0, item);
  if (list.length > size) list.pop();
}
