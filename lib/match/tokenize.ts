/** Tokenising for matching: Unicode letters and numbers, so any language tokenises. */
import { FNV_BASIS, fnvStep } from './fnv.ts';
import { termHash } from './term-table.ts';

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

export function kindOf(text: string, i: number): number {
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
export function wordEnd(text: string, start: number): number {
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

/** Calls `onWord(start, end)` for each word of `text`, in order. */
function scanWords(text: string, onWord: (start: number, end: number) => void): void {
  for (let i = 0; i < text.length;) {
    if (kindOf(text, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    i = wordEnd(text, start);
    onWord(start, i);
  }
}

/** Whether `raw` may change when lower-cased: an ASCII capital or any non-ASCII character. */
function mayHaveCapitals(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return true;
  }
  return false;
}

export function clean(raw: string): string | null {
  // toLowerCase makes a new string even when nothing changes: most words are lower case already.
  let t = mayHaveCapitals(raw) ? raw.toLowerCase() : raw;
  // Possessives: "Mayo's" is "mayo" (a plain check: this runs for every word of every story).
  if (t.length > 2 && t.charCodeAt(t.length - 1) === 115 && (t[t.length - 2] === "'" || t[t.length - 2] === '’')) t = t.slice(0, -2);
  return t.length > 1 && !STOP.has(t) ? t : null;
}

/** Lower-cased word tokens (letters/digits in any script), stop words and 1-letter tokens dropped. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  scanWords(text, (start, end) => {
    const t = clean(text.slice(start, end));
    if (t) out.push(t);
  });
  return out;
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
export function isStopHash(h: number): boolean {
  h |= 0;
  for (let i = h & 1023; STOP_CELLS[i]; i = (i + 1) & 1023) if (STOP_CELLS[i] === h) return true;
  return false;
}

/**
 * `termHash(clean(word))` for the word at [start, end), or 0 when `clean` drops it, computed
 * without building the lower-cased string for ASCII words (nearly all of them): building the
 * index of a large store hashes every word of every story.
 */
export function cleanHash(text: string, start: number, end: number): number {
  // "Mayo's" is "mayo", as in `clean` (a curly apostrophe is not ASCII: the general road below).
  if (end - start > 2 && (text.charCodeAt(end - 1) | 32) === 115 && text.charCodeAt(end - 2) === 39) end -= 2;
  if (end - start < 2) return 0;
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) {
      const t = clean(text.slice(start, end));
      return t ? termHash(t) : 0;
    }
    if (c >= 65 && c <= 90) c |= 32;
    h = fnvStep(h, c);
  }
  h = h >>> 0 || 1;
  return isStopHash(h) ? 0 : h;
}

// Capitalised, but days and months name no one: every story of a week shares them.
export const CALENDAR = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april ' +
    'may june july august september october november december'
  ).split(' '),
);
/** Months as news abbreviates them before a day ("Jan. 20", "Sept. 3"): with their full stop, no name. */
export const MONTH_ABBREVIATIONS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
/** Whether the word `lower`, ending at `end` in `text`, is an abbreviated month ("Jan." but not the name "Jan"). */
export const isMonthAbbreviation = (text: string, end: number, lower: string): boolean =>
  text.charCodeAt(end) === 46 && MONTH_ABBREVIATIONS.has(lower);

/** One proper name as written ("Mayo Clinic") and its tokens. */
export interface Name {
  text: string;
  tokens: string[];
}

// A capitalised word (an upper-case letter then a lower-case one: "Mayo", "McCain", "Łódź").
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}/u;

/** How a word is written: `CAPS.lower` (or digits), `CAPS.capitalised` ("Mayo"), `CAPS.upper` (two or more ASCII capitals: "NASA", "WASHINGTON"). */
export const CAPS = { lower: 0, capitalised: 1, upper: 2 } as const;
export type Caps = (typeof CAPS)[keyof typeof CAPS];

/** How the word at [start, end) is written (`CAPS`), by char code for ASCII words. */
export function capsOf(text: string, start: number, end: number): Caps {
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
export const isNameCase = (caps: Caps, length: number, afterCapitals: boolean): boolean =>
  caps === CAPS.capitalised || (caps === CAPS.upper && length <= ACRONYM_MAX && !afterCapitals);

// What ends a run of names between two words: sentence ends, line breaks, quotes, brackets,
// commas (by char code: this looks at every character between every two words).
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '\n'].map((c) => c.charCodeAt(0)));
const BREAKS = new Set([...SENTENCE_END, ...[',', '(', ')', '"', '“', '”'].map((c) => c.charCodeAt(0))]);

/**
 * Proper names in running text: runs of capitalised words and acronyms (`isNameCase`) that do
 * not start a sentence (a sentence's first word is capitalised anyway). Headlines in title case would make every word a
 * name, so callers pass sentence-case text (body, dek), not titles. `onToken` receives every
 * token of the text on the way, as `tokenize` gives them, so one pass serves both.
 */
export function names(text: string, onToken?: (token: string) => void): Name[] {
  const out: Name[] = [];
  let run: string[] = [];
  // The run's words cleaned (null where `clean` drops one), each cleaned once.
  let runTokens: (string | null)[] = [];
  let sentenceStart = true;
  let afterCapitals = false;
  const flush = () => {
    if (!run.length) return;
    const tokens = runTokens.filter((t): t is string => t !== null);
    if (tokens.length) out.push({ text: run.join(' '), tokens });
    run = [];
    runTokens = [];
  };
  let last = 0;
  scanWords(text, (start, end) => {
    // The few characters between two words say whether a sentence or a run of names ended.
    let broke = false;
    for (let i = last; i < start; i++) {
      const c = text.charCodeAt(i);
      // A space, the usual gap, is neither.
      if (c !== 32 && BREAKS.has(c)) {
        broke = true;
        if (SENTENCE_END.has(c)) sentenceStart = true;
      }
    }
    last = end;
    if (broke) flush();
    const token = onToken ? clean(text.slice(start, end)) : undefined;
    if (token) onToken!(token);
    // A sentence's first word is no name, but one in capitals still marks what follows it.
    const caps = sentenceStart && text.charCodeAt(start) >= 128 ? CAPS.lower : capsOf(text, start, end);
    const w = !sentenceStart && isNameCase(caps, end - start, afterCapitals) ? text.slice(start, end) : null;
    if (w && !CALENDAR.has(w.toLowerCase()) && !isMonthAbbreviation(text, end, w.toLowerCase()))
      (run.push(w), runTokens.push(token === undefined ? clean(w) : token));
    else flush();
    afterCapitals = caps === CAPS.upper;
    sentenceStart = false;
  });
  flush();
  return out;
}
