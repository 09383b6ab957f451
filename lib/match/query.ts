/** The article side of matching: which of its words to look up, and its names, headline and day. */
import { hostOf } from '../url.ts';
import { factsOf, type Facts } from './facts.ts';
import { dayOf } from './story-doc.ts';
import { dfOf, idf, K1, type QueryTerm, type TextIndex } from './text-index.ts';
import { names, tokenize, type Name } from './tokenize.ts';
import type { MatchQuery } from './types.ts';

/** How many of the article's most telling words are looked up, and how many of them are names. */
const TERMS = 24;
const NAME_TERMS = 8;
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
  tokens: Set<string>;
  /** The article's telling names: tokens, idf (missing from the store counts most) and bit. */
  names: { token: string; idf: number; bit: number }[];
  nameText: Name[];
  /** How often each name token occurs in the article. */
  nameCounts: Map<string, number>;
  /** The name token the article repeats most (the first of equals), who or what it is about; null without names. */
  leadName: string | null;
  day: number | null;
  host: string | null;
  /** The figures and weekdays the article's text states (its headline counts once, in `titleTokens`). */
  facts: Facts;
}

/** What the article says, before any store is consulted. */
interface ArticleWords {
  titleTokens: string[];
  textTokens: string[];
  qtf: Map<string, number>;
  nameText: Name[];
  nameCount: Map<string, number>;
  facts: Facts;
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
    const textTokens = tokenize(query.text);
    const qtf = new Map<string, number>();
    for (const t of titleTokens) qtf.set(t, (qtf.get(t) ?? 0) + TITLE_WEIGHT);
    for (const t of textTokens) qtf.set(t, (qtf.get(t) ?? 0) + 1);
    const nameText = names(query.text);
    const nameCount = new Map<string, number>();
    for (const n of nameText) for (const t of n.tokens) nameCount.set(t, (nameCount.get(t) ?? 0) + 1);
    words = { titleTokens, textTokens, qtf, nameText, nameCount, facts: factsOf(query.text) };
    read.set(query, words);
  }
  return words;
}

/** Picks the words, names and facts of `query` that the matcher checks against stories. */
export function analyseQuery(query: MatchQuery, ix: TextIndex): AnalysedQuery {
  const { titleTokens, textTokens, qtf, nameText, nameCount, facts } = readArticle(query);
  const weigh = (t: string) => ((K3 + 1) * qtf.get(t)!) / (K3 + qtf.get(t)!) * idf(ix, dfOf(ix, t));

  const topNames = [...nameCount.keys()]
    .map((t) => ({ t, idf: idf(ix, dfOf(ix, t)), s: Math.log1p(nameCount.get(t)!) * idf(ix, dfOf(ix, t)) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, NAME_TERMS);

  const known = [...qtf.keys()].filter((t) => dfOf(ix, t) > 0);
  const picked = known.map((t) => ({ term: t, weight: weigh(t) })).sort((a, b) => b.weight - a.weight).slice(0, TERMS);
  const pickedSet = new Set(picked.map((p) => p.term));
  for (const n of topNames) if (!pickedSet.has(n.t) && dfOf(ix, n.t) > 0 && qtf.has(n.t)) picked.push({ term: n.t, weight: weigh(n.t) }), pickedSet.add(n.t);
  // Hit masks hold 32 terms: the names first, then the heaviest words.
  const nameSet = new Set(topNames.map((n) => n.t));
  const order = [...picked.filter((p) => nameSet.has(p.term)), ...picked.filter((p) => !nameSet.has(p.term))];
  const bits = new Map(order.slice(0, 32).map((p, i) => [p.term, i]));
  const terms = picked.map((p) => ({ ...p, bit: bits.get(p.term) ?? -1 }));
  const bitOf = new Map(terms.map((t) => [t.term, t.bit]));
  return {
    terms,
    ceiling: terms.reduce((s, t) => s + t.weight * (K1 + 1), 0) || 1,
    titleTokens,
    tokens: new Set([...titleTokens, ...textTokens]),
    names: topNames.map((n) => ({ token: n.t, idf: n.idf, bit: bitOf.get(n.t) ?? -1 })),
    nameText,
    nameCounts: nameCount,
    leadName: leadOf(nameCount),
    day: dayOf(query.publishedTime),
    host: hostOf(query.canonicalUrl) ?? hostOf(query.url),
    facts,
  };
}

/** The key with the highest count, the first one of equal counts (a Map keeps first-seen order). */
function leadOf(counts: Map<string, number>): string | null {
  let lead: string | null = null;
  let most = 0;
  for (const [t, c] of counts) if (c > most) (lead = t), (most = c);
  return lead;
}
