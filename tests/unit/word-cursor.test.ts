// WordCursor is the one definition of a word for both sides of matching: it is held here to a
// plain reference written with Unicode regexes and strings (what its char-code loops must
// equal), and the story side's hashes to the article side's tokens.
import { describe, expect, it } from 'vitest';
import { StoryScan } from '../../lib/match/scan.ts';
import { termHash } from '../../lib/match/term-table.ts';
import { tokenize } from '../../lib/match/tokenize.ts';
import { CALENDAR, MONTH_ABBREVIATIONS } from '../../lib/match/calendar.ts';
import { ABBREVIATIONS, TITLES } from '../../lib/match/abbreviations.ts';
import { clean, GAP, WordCursor } from '../../lib/match/word-cursor.ts';
import { WORD_TEXTS } from './word-texts.ts';

interface Word {
  start: number;
  end: number;
  hash: number;
  gap: number;
  name: boolean;
}

/** The cursor's words, every field of each. */
function viaCursor(text: string, readNames: boolean): Word[] {
  const out: Word[] = [];
  for (const w = new WordCursor(text, readNames); w.next();)
    out.push({ start: w.start, end: w.end, hash: w.hash, gap: w.gap, name: w.name });
  return out;
}

/** The reference: a word is what the regex matches; its token `clean`'s; names by the rules in words. */
function viaReference(text: string, readNames: boolean): Word[] {
  const out: Word[] = [];
  let last = 0;
  let sentenceStart = true;
  let afterCapitals = false;
  let previous = null as { word: string; name: boolean } | null;
  // One capital letter before a full stop: an initial.
  const initial = (word: string, end: number) => /^[A-Z]$/.test(word) && text[end] === '.';
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu)) {
    const [word] = m;
    const start = m.index;
    const end = start + word.length;
    let between = text.slice(last, start);
    // The full stop of an abbreviation or an initial ends nothing.
    if (previous && (ABBREVIATIONS.has(previous.word.toLowerCase()) || initial(previous.word, last))) between = between.replace(/^\./, '');
    last = end;
    const gap = (/[.!?:;\n]/.test(between) ? GAP.sentenceEnd : 0) | (/[.!?:;\n,()"“”]/.test(between) ? GAP.nameBreak : 0);
    const token = clean(word);
    let name = false;
    if (readNames) {
      if (gap & GAP.sentenceEnd) sentenceStart = true;
      const caps = /^\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}/u.test(word) ? 'capitalised' : /^[A-Z][A-Z']+$/.test(word) ? 'upper' : 'lower';
      const lower = word.toLowerCase();
      const date = CALENDAR.has(lower.replace(/['’]s$/, '')) || (text[end] === '.' && MONTH_ABBREVIATIONS.has(lower));
      const nameCase = caps === 'capitalised' || (caps === 'upper' && word.length <= 5 && !afterCapitals);
      // An initial goes on a name, it starts none.
      const goesOn: boolean = !!previous?.name && !(gap & GAP.nameBreak) && initial(word, end);
      name = !sentenceStart && (nameCase || goesOn) && !TITLES.has(lower) && !date;
      afterCapitals = caps === 'upper';
      sentenceStart = false;
    }
    previous = { word, name };
    out.push({ start, end, hash: token ? termHash(token) | 0 : 0, gap, name });
  }
  return out;
}

/** The story side's hashes of a text, unsigned. */
function storyHashes(text: string): number[] {
  const hashes: number[] = [];
  const scan = new StoryScan();
  scan.sink = { add: (h) => hashes.push(h >>> 0) };
  scan.reset();
  scan.prose(text, 1);
  return hashes;
}

const TEXTS = [
  ...WORD_TEXTS,
  'WASHINGTON (AP) — The FBI and HP-EDS met NASA’s “RCMP” chief; MAY I? Then IBM. On Jan. 20 Jan Oort spoke.',
  'Mr. Grimm met Sen. John McCain, Rep. Michael G. Grimm and the U.S. Attorney in St. Louis. A. Smith left.',
  'İ and İstanbul, İ’s and the Kelvin sign K: letters whose lower case is longer or ASCII.',
  '',
];

// The pieces random texts are made of: letters whose cases differ in length or script,
// apostrophes, every gap character, names, acronyms, dates and stop words.
const PIECES = [
  ...'abSsTé Łß東𝐀😀19İK',
  ...[' ', ' ', ' ', '.', ',', "'", '’', '-', '—', '\n', ':', ';', '!', '?', '"', '“', '”', '(', ')'],
  ...['Jones', 'the', 'NASA', 'HP', 'WASHINGTON', 'MAY', 'May', 'US', 'Jan', 'Sept', 'DEC', 'Monday', 'Ab', 'ÉCOLE', "'s"],
  ...['Mr', 'Sen', 'St', 'G', 'U'],
];

/** `count` texts of up to 40 pieces, the same every run (a fixed seed). */
function randomTexts(count: number, seed: number): string[] {
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => {
    let text = '';
    for (let j = Math.floor(next() * 40); j > 0; j--) text += PIECES[Math.floor(next() * PIECES.length)];
    return text;
  });
}

describe('WordCursor', () => {
  it.each(TEXTS)('reads words, hashes, gaps and names as the reference does: %s', (text) => {
    expect(viaCursor(text, true)).toEqual(viaReference(text, true));
    expect(viaCursor(text, false)).toEqual(viaReference(text, false));
  });

  it('agrees with the reference on random text made of the tricky characters', () => {
    for (const text of randomTexts(3000, 11))
      expect({ text, words: viaCursor(text, true) }).toEqual({ text, words: viaReference(text, true) });
  });

  it("slices the article side's tokens from the same spans", () => {
    const cursor = new WordCursor("Mayo's board met İ and the FBI");
    const tokens: (string | null)[] = [];
    while (cursor.next()) {
      const token = cursor.token();
      expect(cursor.hash).toBe(token ? termHash(token) | 0 : 0);
      tokens.push(token);
    }
    expect(tokens).toEqual(['mayo', 'board', 'met', 'i̇', null, null, 'fbi']);
  });

  it("gives the story side the hashes of the article side's tokens", () => {
    for (const text of [...TEXTS, ...randomTexts(1000, 5)])
      expect({ text, hashes: storyHashes(text) }).toEqual({ text, hashes: tokenize(text).map(termHash) });
  });
});
