/**
 * The lede: a news text's first two sentences, where it says who did what and where. Two events
 * of one kind (two offers to one player, two quakes on one fault) share most of their words and
 * names, but an article's headline and lede name the actors of its own event.
 */

import { ABBREVIATIONS } from './abbreviations.ts';

/** Abbreviations whose full stop ends no sentence ("Mr. Smith", "Sen. Kerry", "Apple Inc. said"). */
const LEDE_ABBREVIATIONS = new Set([...ABBREVIATIONS, ...'inc co corp ltd no vs'.split(' ')]);
const LETTER = /\p{L}/u;
const SPACE = /\s/u;
// What may follow a sentence's end before the space: closing quotes and brackets.
const CLOSERS = new Set(['"', '”', "'", '’', ')']);
// What a next sentence may begin with: a capital, a digit, an opening quote.
const OPENER = /[\p{Lu}\d"“‘']/u;
const [DOT, BANG, QUESTION] = ['.', '!', '?'].map((c) => c.charCodeAt(0));
/** A sentence longer than this is no sentence (a page's text in one run): it is cut there. */
const MAX_SENTENCE = 1000;

/**
 * How many sentences a lede is: a news lede is one or two. Held out (fit:match's
 * cross-validation), one sentence, the first paragraph and the first 30 or 40 words all helped
 * too; two helped most.
 */
const LEDE_SENTENCES = 2;

// A photo credit or caption a page's text may open with (it leads the extracted text of 13 of 259
// corpus pages: "Image: Brian Weaver", "JIM WATSON/AFP/Getty Images", "Credit...Ed Murray/NJ
// Advance Media", "File photo of …"). Its names are the photographer's and the agency's, which
// would count against the story the article is about. Lines of fewer than 12 words only.
const CREDIT =
  /^[\s("“'©]*(?:photos?|images?|credits?|courtesy|file)\b|©|photos?\s*:|getty\s*images?|istock|shutterstock|\/(?:afp|ap|reuters)\b/i;
const MAX_CREDIT_WORDS = 12;
/** At most this many credit lines are passed over: a text of nothing else has its first as lede. */
const MAX_CREDITS = 3;

/** The lede of `text`: its first LEDE_SENTENCES sentences, after any photo credits it opens with. */
export function ledeOf(text: string): string {
  let lede = '';
  let from = Math.max(0, text.search(/\S/));
  for (let n = 0; n < MAX_CREDITS; n++) {
    const lineEnd = text.indexOf('\n', from + 1);
    if (lineEnd < 0) break;
    const line = text.slice(from, lineEnd);
    if (!CREDIT.test(line) || line.trim().split(/\s+/).length >= MAX_CREDIT_WORDS) break;
    from = lineEnd + 1;
  }
  for (let n = 0; n < LEDE_SENTENCES; n++) {
    const [sentence, end] = sentenceAt(text, from);
    if (!sentence) break;
    lede += (lede ? ' ' : '') + sentence;
    from = end;
  }
  return lede;
}

/** The first sentence of `text` from `from` (within its line), and where it ends. */
function sentenceAt(text: string, from: number): [string, number] {
  let start = from;
  while (start < text.length && SPACE.test(text[start]!)) start++;
  if (start === text.length) return ['', start];
  const lineEnd = text.indexOf('\n', start);
  const end = Math.min(lineEnd < 0 ? text.length : lineEnd, start + MAX_SENTENCE);
  for (let i = start; i < end; i++) {
    // By char code: this looks at every character of the lede.
    const c = text.charCodeAt(i);
    if (c !== DOT && c !== BANG && c !== QUESTION) continue;
    let j = i + 1;
    while (j < end && CLOSERS.has(text[j]!)) j++;
    const close = j;
    if (j < end && !SPACE.test(text[j]!)) continue;
    while (j < end && SPACE.test(text[j]!)) j++;
    if (j < end && !OPENER.test(text[j]!)) continue;
    if (c === DOT) {
      // An initial ("L.A.", "J. Smith") or an abbreviation ends no sentence.
      let k = i;
      while (k > start && LETTER.test(text[k - 1]!)) k--;
      const word = text.slice(k, i);
      if (word.length === 1 || LEDE_ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    return j < end ? [text.slice(start, close), close] : [text.slice(start, end).trim(), end];
  }
  return [text.slice(start, end).trim(), end];
}
