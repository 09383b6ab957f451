/**
 * Abbreviations, whose full stop ends no sentence (as an initial's does not), and people's titles,
 * which a capital letter does not make a name. Asked by the word cursor (word-cursor.ts) at a full
 * stop right after a word and for each capitalised word of running text; the lede's sentences
 * (lede.ts) end alike.
 */
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

/** Whether the word hashed `whole` (int32 `termHash`, 0 when not at hand) is one of ABBREVIATIONS. */
export const isAbbreviation = (whole: number): boolean => ABBREVIATION_HASHES.has(whole);

/** Whether the word hashed `whole` (as for `isAbbreviation`) is one of TITLES. */
export const isTitle = (whole: number): boolean => TITLE_HASHES.has(whole);
