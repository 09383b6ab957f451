/** Tokenising for matching: Unicode letters and numbers, so any language tokenises. */

// Function words that say nothing about which event an article covers.
const STOP = new Set(('a an and are as at be been but by for from had has have he her his i if in into is it its ' +
  'may more most new no not of on or our out over said says she so than that the their them then there these ' +
  'they this those to up was we were what when which while who will with would you your also after about ' +
  'against all any because before being between both can could did do does during each few how just like ' +
  'mr mrs ms much must now only other own same should some such through under until very where why').split(' '));

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

function clean(raw: string): string | null {
  let t = raw.toLowerCase();
  // Possessives: "Mayo's" is "mayo" (a plain check: this runs for every word of every story).
  if (t.length > 2 && t.charCodeAt(t.length - 1) === 115 && (t[t.length - 2] === "'" || t[t.length - 2] === '’')) t = t.slice(0, -2);
  return t.length > 1 && !STOP.has(t) ? t : null;
}

/** Lower-cased word tokens (letters/digits in any script), stop words and 1-letter tokens dropped. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const t = clean(m[0]);
    if (t) out.push(t);
  }
  return out;
}

// Capitalised, but days and months name no one: every story of a week shares them.
const CALENDAR = new Set(('monday tuesday wednesday thursday friday saturday sunday january february march april ' +
  'may june july august september october november december').split(' '));

/** One proper name as written ("Mayo Clinic") and its tokens. */
export interface Name {
  text: string;
  tokens: string[];
}

// A capitalised word (an upper-case letter then a lower-case one: "Mayo", "McCain", "Łódź"),
// which ALL-CAPS datelines and lower-case words are not.
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}/u;

// What ends a run of names between two words: sentence ends, line breaks, quotes, brackets, commas.
const BREAKS = new Set(['.', '!', '?', ':', ';', '\n', ',', '(', ')', '"', '“', '”']);
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '\n']);

/**
 * Proper names in running text: runs of capitalised words that do not start a sentence (a
 * sentence's first word is capitalised anyway). Headlines in title case would make every word a
 * name, so callers pass sentence-case text (body, dek), not titles. `onToken` receives every
 * token of the text on the way, as `tokenize` gives them, so one pass serves both.
 */
export function names(text: string, onToken?: (token: string) => void): Name[] {
  const out: Name[] = [];
  let run: string[] = [];
  let sentenceStart = true;
  const flush = () => {
    if (!run.length) return;
    const tokens = run.map(clean).filter((t): t is string => t !== null);
    if (tokens.length) out.push({ text: run.join(' '), tokens });
    run = [];
  };
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    // The few characters between two words say whether a sentence or a run of names ended.
    let broke = false;
    for (let i = last; i < m.index; i++) {
      const c = text[i]!;
      if (BREAKS.has(c)) {
        broke = true;
        if (SENTENCE_END.has(c)) sentenceStart = true;
      }
    }
    last = m.index + m[0].length;
    if (broke) flush();
    const w = m[0];
    if (onToken) {
      const t = clean(w);
      if (t) onToken(t);
    }
    const c = w.charCodeAt(0);
    // Most words start with an ASCII lower-case letter or digit: skip the Unicode test for them.
    if (!sentenceStart && !(c >= 97 && c <= 122) && !(c >= 48 && c <= 57) && CAPITALISED.test(w) && !CALENDAR.has(w.toLowerCase())) run.push(w);
    else flush();
    sentenceStart = false;
  }
  flush();
  return out;
}
