/**
 * Abbreviations and initials, whose full stop ends no sentence, and people's titles, which a
 * capital letter does not make a name. Asked by the word cursor (word-cursor.ts) at a full stop
 * right after a word and for each capitalised word of running text; the lede's sentences
 * (lede.ts) end alike.
 */
import { FNV_BASIS, fnvStep } from './fnv.ts';
import { termHash } from './term-table.ts';

/**
 * Abbreviations whose full stop ends no sentence ("Mr. Grimm", "Sen. McCain", "St. Louis"): the
 * word after one is a name, not a sentence's first word. News style names people this way on
 * every mention ("Mr. Trump"), so without this most of an article's mentions of its protagonist
 * read as sentence starts.
 */
export const ABBREVIATIONS = new Set('mr mrs ms dr st sr jr gov sen rep gen lt col sgt capt adm prof rev mt ft'.split(' '));
/** People's titles, which are no names themselves: every political story has its "Sen." and "Rep.". */
export const TITLES = new Set('dr sr jr gov sen rep gen lt col sgt capt adm prof rev'.split(' '));

// As the cursor hashes ASCII words: the int32 FNV-1a of the lower-cased word (`termHash`).
const hashSet = (words: Iterable<string>) => new Set([...words].map((w) => termHash(w) | 0));
const ABBREVIATION_HASHES = hashSet(ABBREVIATIONS);
const TITLE_HASHES = hashSet(TITLES);

/** Whether the word hashed `whole` (int32 `termHash`, 0 when not at hand) is one of TITLES. */
export const isTitle = (whole: number): boolean => TITLE_HASHES.has(whole);

/**
 * Whether [start, end) is one ASCII capital followed by a full stop: an initial ("G." of "Michael
 * G. Grimm", "U.S."), whose full stop ends no sentence either.
 */
export const isInitial = (text: string, start: number, end: number): boolean =>
  end - start === 1 && text.charCodeAt(end) === 46 && text.charCodeAt(start) >= 65 && text.charCodeAt(start) <= 90;

/**
 * Whether the full stop after the word [start, end) ends no sentence: the word is an initial or
 * one of ABBREVIATIONS. Asked only at a full stop right after a word, and hashed then, not kept
 * for every word.
 */
export function endsNoSentence(text: string, start: number, end: number): boolean {
  if (isInitial(text, start, end)) return true;
  if (end - start > 4) return false;
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) h = fnvStep(h, c | 32);
    else if (c >= 97 && c <= 122) h = fnvStep(h, c);
    else return false;
  }
  return ABBREVIATION_HASHES.has(h || 1);
}
