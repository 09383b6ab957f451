/**
 * What a word is, for matching, in one place: `WordCursor` walks a text word by word and gives
 * each word's span, its term hash and whether it is a proper name of running text. Both sides
 * of matching read words through it: the story side (scan.ts) takes the hashes as it builds the
 * index, the article side (tokenize.ts) slices strings from the same spans.
 */
import { FNV_BASIS, fnvStep } from './fnv.ts';
import { endsNoSentence as abbreviated, isInitial as initial, isTitle } from './abbreviations.ts';
import { isDate } from './calendar.ts';
import { termHash } from './term-table.ts';

// Read once into module constants: under tsx (the CLI, eval and the benchmarks) each use of an
// imported name is a getter call, and these are used per character (docs/benchmarks.md).
const BASIS = FNV_BASIS;
const step = fnvStep;
const endsNoSentence = abbreviated;
const isInitial = initial;
const title = isTitle;

// Function words that say nothing about which event an article covers.
const STOP = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its ' +
    'may more most new no not of on or our out over said says she so than that the their them then there these ' +
    'they this those to up was we were what when which while who will with would you your also after about ' +
    'against all any because before being between both can could did do does during each few how just like ' +
    'mr mrs ms much must now only other own same should some such through under until very where why'
  ).split(' '),
);

// A word: a run of letters and numbers (any script), optionally followed by an apostrophe and
// letters ("Mayo's", "don’t"), as /[\p{L}\p{N}]+(?:['’]\p{L}+)?/u would match. Scanned by hand:
// this runs over every word of every story when the index is built, and allocates no match
// object per word (docs/benchmarks.md).
const LETTER = /\p{L}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
// Per BMP code unit: 1 letter, 2 number, 0 neither (computed on first sight).
const kinds = new Uint8Array(0x10000).fill(255);

function kindOf(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : c >= 48 && c <= 57 ? 2 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    // An astral character: test the pair (rare enough to take the slow road).
    const pair = text.slice(i, i + 2);
    return LETTER.test(pair) ? 1 : LETTER_OR_NUMBER.test(pair) ? 2 : 0;
  }
  let k = kinds[c]!;
  if (k === 255) {
    const ch = String.fromCharCode(c);
    k = kinds[c] = LETTER.test(ch) ? 1 : LETTER_OR_NUMBER.test(ch) ? 2 : 0;
  }
  return k;
}

const width = (text: string, i: number) => (text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1);

/** Where the word starting at `start` ends: letters and numbers, then an apostrophe and letters. */
function wordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  while (i < n && kindOf(text, i) !== 0) i += width(text, i);
  const a = text.charCodeAt(i);
  if ((a === 39 || a === 0x2019) && i + 1 < n && kindOf(text, i + 1) === 1) {
    i++;
    while (i < n && kindOf(text, i) === 1) i += width(text, i);
  }
  return i;
}

/** Whether `raw` may change when lower-cased: an ASCII capital or any non-ASCII character. */
function mayHaveCapitals(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return true;
  }
  return false;
}

/** A word's token: lower-cased, a possessive dropped ("Mayo's" is "mayo"); null for a stop word or a single letter. */
export function clean(raw: string): string | null {
  // toLowerCase makes a new string even when nothing changes: most words are lower case already.
  let t = mayHaveCapitals(raw) ? raw.toLowerCase() : raw;
  // Possessives: "Mayo's" is "mayo" (a plain check: this runs for every word of every story).
  if (t.length > 2 && t.charCodeAt(t.length - 1) === 115 && (t[t.length - 2] === "'" || t[t.length - 2] === '’')) t = t.slice(0, -2);
  return t.length > 1 && !STOP.has(t) ? t : null;
}

// The stop words' hashes in a small open-addressing table: asked for every word of every story
// (a Set of them measured slower: docs/benchmarks.md).
const STOP_CELLS = new Int32Array(1024);
for (const h of [...STOP].map(termHash)) {
  let i = h & 1023;
  while (STOP_CELLS[i]) i = (i + 1) & 1023;
  STOP_CELLS[i] = h | 0;
}

/** Whether `h` is the `termHash` of a stop word (as a uint32 or an int32 of the same bits). */
function isStopHash(h: number): boolean {
  h |= 0;
  for (let i = h & 1023; STOP_CELLS[i]; i = (i + 1) & 1023) if (STOP_CELLS[i] === h) return true;
  return false;
}

/**
 * `termHash(clean(word))` for the word at [start, end), or 0 when `clean` drops it, computed
 * without building the lower-cased string for ASCII words.
 */
function cleanHash(text: string, start: number, end: number): number {
  // Outside ASCII, lower-casing may change a word's length ("İ" is two code units lower-cased):
  // `clean` decides.
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) >= 128) {
      const t = clean(text.slice(start, end));
      return t ? termHash(t) : 0;
    }
  }
  // "Mayo's" is "mayo", as in `clean`.
  if (end - start > 2 && (text.charCodeAt(end - 1) | 32) === 115 && text.charCodeAt(end - 2) === 39) end -= 2;
  if (end - start < 2) return 0;
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = fnvStep(h, c >= 65 && c <= 90 ? c | 32 : c);
  }
  h = h >>> 0 || 1;
  return isStopHash(h) ? 0 : h;
}

// A capitalised word (an upper-case letter then a lower-case one: "Mayo", "McCain", "Łódź").
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}/u;

/** How a word is written: lower (or digits), capitalised ("Mayo"), upper (two or more ASCII capitals: "NASA", "WASHINGTON"). */
const CAPS = { lower: 0, capitalised: 1, upper: 2 } as const;
type Caps = (typeof CAPS)[keyof typeof CAPS];

/** How the word at [start, end) is written (`CAPS`), by char code for ASCII words. */
function capsOf(text: string, start: number, end: number): Caps {
  const c = text.charCodeAt(start);
  if (c >= 128) return CAPITALISED.test(text.slice(start, end)) ? CAPS.capitalised : CAPS.lower;
  if (c < 65 || c > 90) return CAPS.lower;
  for (let i = start + 1; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d >= 97 && d <= 122) return CAPS.capitalised;
    if (d >= 128) return CAPITALISED.test(text.slice(start, end)) ? CAPS.capitalised : CAPS.lower;
    if (!((d >= 65 && d <= 90) || d === 39)) return CAPS.lower;
  }
  return end - start >= 2 ? CAPS.upper : CAPS.lower;
}

/** The longest word in capitals read as a name: an acronym ("FBI", "NASA", "RCMP"). */
const ACRONYM_MAX = 5;

/**
 * Whether a word written `caps`, `length` characters long, reads as a name: a capitalised word,
 * or an acronym that does not follow a word in capitals (a run of them is a dateline,
 * "WASHINGTON (AP)", or a headline in capitals, not names). Organisations are named by their
 * acronyms ("HP", "EDS", "FLDS"): without them the article's main actor is often missed.
 */
const isNameCase = (caps: Caps, length: number, afterCapitals: boolean): boolean =>
  caps === CAPS.capitalised || (caps === CAPS.upper && length <= ACRONYM_MAX && !afterCapitals);

/** What the characters between two words held (`WordCursor.gap` bits). */
export const GAP = {
  /** A sentence end: `.`, `!`, `?`, `:`, `;` or a line break (the next word starts a sentence). */
  sentenceEnd: 1,
  /** Anything that ends a run of names: a sentence end, a comma, a bracket or a quote. */
  nameBreak: 2,
} as const;

// Per ASCII code: its `GAP` bits; and the two curly quotes, the only breaks outside ASCII.
const ASCII_GAPS = new Uint8Array(128);
for (const c of '.!?:;\n') ASCII_GAPS[c.charCodeAt(0)] = GAP.sentenceEnd | GAP.nameBreak;
for (const c of ',()"') ASCII_GAPS[c.charCodeAt(0)] = GAP.nameBreak;
const isCurlyQuote = (c: number) => c === 0x201c || c === 0x201d;

/**
 * A cursor over the words of one text: `next()` moves to the next word and sets the fields. A
 * plain object advanced in place, one per text: nothing is allocated per word, and no call is
 * made per character (the index build reads every word of every story through it:
 * docs/benchmarks.md).
 */
export class WordCursor {
  readonly text: string;
  /** The word is `text[start..end)`. */
  start = 0;
  end = 0;
  /** The int32 `termHash` of the word's token (`clean`), or 0 when the word has none (a stop word, one letter). */
  hash = 0;
  /** `GAP` bits of what lies between the previous word (or the text's start) and this one. */
  gap = 0;
  /**
   * Whether the word is a proper name of running text (only when the cursor reads names): in
   * capitals (`isNameCase`), not a sentence's first word (capitalised anyway), not a date. So
   * callers read names in sentence-case text (body, dek), not titles in title case.
   */
  name = false;
  private readonly readNames: boolean;
  private sentenceStart = true;
  // The last word was in capitals (`CAPS.upper`).
  private afterCapitals = false;

  /** A cursor before the first word of `text`; with `readNames`, `name` is set for each word. */
  constructor(text: string, readNames = false) {
    this.text = text;
    this.readNames = readNames;
  }

  /** The word's token (`clean`; `hash` is its `termHash`), or null when it has none (`hash` is 0). */
  token(): string | null {
    // The hash already says whether there is a token: most words without one (stop words) are
    // never sliced.
    return this.hash === 0 ? null : clean(this.text.slice(this.start, this.end));
  }

  /** Moves to the next word; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.end;
    let gap = 0;
    let c = 0;
    for (; ; i++) {
      if (i >= n) return this.atEnd();
      c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) break;
      // A full stop right after an abbreviation or an initial ends nothing.
      if (c === 46 && i === this.end && i > 0 && endsNoSentence(text, this.start, i)) continue;
      if (c < 128) gap |= ASCII_GAPS[c]!;
      else if (kindOf(text, i) !== 0) break;
      else if (isCurlyQuote(c)) gap |= GAP.nameBreak;
    }
    this.start = i;
    this.gap = gap;
    // For an ASCII word (nearly all), its hash as it is read: FNV-1a of the lower-cased word.
    let whole = 0;
    if (c < 128) {
      const start = i;
      let h = BASIS;
      let d = c;
      for (;;) {
        if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) h = step(h, d);
        else if (d >= 65 && d <= 90) h = step(h, d | 32);
        else break;
        if (++i === n) break;
        d = text.charCodeAt(i);
      }
      // Letters outside ASCII, or an apostrophe, may go on with the word: `wordEnd` knows.
      const end = i < n && (d >= 128 || d === 39) ? wordEnd(text, start) : i;
      if (end !== i) this.readOther(end);
      else {
        this.end = i;
        // termHash's `>>> 0 || 1`, kept an int32: a hash above 2^31 as a JS number is a heap
        // number, an allocation per word.
        whole = h || 1;
        this.hash = i - start < 2 || isStopHash(whole) ? 0 : whole;
      }
    } else this.readOther(wordEnd(text, i));
    if (this.readNames) this.readName(c, whole);
    return true;
  }

  private atEnd(): boolean {
    this.start = this.end = this.text.length;
    this.hash = 0;
    this.name = false;
    return false;
  }

  /** Reads the word from `start` to `end` that is not all ASCII letters and digits. */
  private readOther(end: number): void {
    this.end = end;
    this.hash = cleanHash(this.text, this.start, end) | 0;
  }

  /** Sets `name` for the word just read, which starts with `c` (`whole` as for `isDate`). */
  private readName(c: number, whole: number): void {
    const { text, start, end } = this;
    if (this.gap & GAP.sentenceEnd) this.sentenceStart = true;
    const sentenceStart = this.sentenceStart;
    // At a sentence's start a word outside ASCII is no name and never in capitals: not asked.
    const caps = (c >= 65 && c <= 90) || (c >= 128 && !sentenceStart) ? capsOf(text, start, end) : CAPS.lower;
    this.name =
      !sentenceStart &&
      // An initial goes on a name ("Michael G. Grimm"), it starts none ("the U.S. Attorney").
      (isNameCase(caps, end - start, this.afterCapitals) || (this.name && !(this.gap & GAP.nameBreak) && isInitial(text, start, end))) &&
      !title(whole) &&
      !isDate(text, start, end, whole);
    this.afterCapitals = caps === CAPS.upper;
    this.sentenceStart = false;
  }
}
