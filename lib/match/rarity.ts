/**
 * How telling a word is: rare in the language (background.json, built by
 * scripts/build-background.ts from public word-frequency lists) and rare in the store. A store of
 * one story has each of its words in every document; judged by the store alone, "one", "year"
 * and "first" would be as rare as "Mayo". The language's frequencies stand in as BACKGROUND_DOCS
 * news articles read beside the store, so a word's idf means the same with 1 story or 10,000.
 */
import { TITLES } from './abbreviations.ts';
import background from './background.json' with { type: 'json' };

/** How many background articles the language's frequencies stand for (about a large store's size). */
export const BACKGROUND_DOCS = 10_000;
/** A news article's length in words: a word of frequency p is in 1 − e^(−p·L) of them. */
const ARTICLE_WORDS = 400;

let table: Map<string, number> | null = null;

/** Zipf values (log10 per billion words) by word, read from background.json once. */
function zipfTable(): Map<string, number> {
  if (!table) {
    table = new Map();
    background.levels.forEach((words, i) => {
      const z = background.minZipf + i * background.step;
      for (const w of words.split(' ')) if (w) table!.set(w, z);
    });
  }
  return table;
}

// "don’t", "we're", "it'll": the word lists split contractions, the tokenizer keeps them whole.
const CONTRACTION = /^(\p{L}+)['’](t|s|re|ve|ll|d|m)$/u;
/** Zipf values of numbers, which the word lists hardly have: a day or a count, a year, any other. */
const SMALL_NUMBER_ZIPF = 5;
const YEAR_ZIPF = 4.5;
const NUMBER_ZIPF = 3.5;
const CONTRACTION_ZIPF = 5;

/** The Zipf value of `term` in the language; words rarer than the list (names, most rare words) get its floor. */
export function zipfOf(term: string): number {
  const z = zipfTable().get(term);
  if (z !== undefined) return z;
  if (/^\d+$/.test(term)) return term.length <= 2 ? SMALL_NUMBER_ZIPF : /^(19|20)\d\d$/.test(term) ? YEAR_ZIPF : NUMBER_ZIPF;
  const contraction = CONTRACTION.exec(term);
  if (contraction) return Math.max(CONTRACTION_ZIPF, zipfTable().get(contraction[1]!) ?? 0);
  return background.minZipf - background.step;
}

/** Background document frequencies by Zipf value: the table has a few dozen levels, a match asks about ~500 words. */
const dfByZipf = new Map<number, number>();

/** In how many of BACKGROUND_DOCS articles `term` is expected to occur. */
export function backgroundDf(term: string): number {
  const z = zipfOf(term);
  let df = dfByZipf.get(z);
  if (df === undefined) {
    const p = 10 ** (z - 9);
    dfByZipf.set(z, (df = BACKGROUND_DOCS * (1 - Math.exp(-p * ARTICLE_WORDS))));
  }
  return df;
}

/** BM25's idf ("+1" form) over the store's `live` documents and the background ones together. */
export function idfWithBackground(live: number, df: number, term: string): number {
  const all = live + BACKGROUND_DOCS;
  const n = Math.min(all, df + backgroundDf(term));
  return Math.log(1 + (all - n + 0.5) / (n + 0.5));
}

/** Zipf 4.8 (six in a million words): about the 9,500 commonest words of the table, its 2,000 commonest well inside. */
const COMMON_ZIPF = 4.8;

/** Whether `term` is among the language's common words: never evidence on its own, never named in a reason. */
export function isCommonWord(term: string): boolean {
  return zipfOf(term) >= COMMON_ZIPF;
}

/**
 * Whether `term` is a telling word: not common in the language, not a number ("000" of
 * "498,000", "100") or a number's tail ("5t" of "$3.5T", "2nd", "10am"), which say nothing
 * without what they count (figures are compared with it, facts.ts), and not a person's title
 * ("Sen.", "Gov.": every political story has them). Only telling words count toward a pair's
 * distinctive content or are cited as rare.
 */
export function isTellingWord(term: string): boolean {
  return !isCommonWord(term) && !/^\d/.test(term) && !TITLES.has(term);
}
