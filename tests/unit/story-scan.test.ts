// The story side's fused scanner must read words and names exactly as the general tokeniser
// does (queries use tokenize.ts): a word hashed differently on either side would never match.
import { describe, expect, it } from 'vitest';
import { StoryScan } from '../../lib/match/scan.ts';
import { termHash } from '../../lib/match/term-table.ts';
import { names, tokenize } from '../../lib/match/tokenize.ts';
import { WORD_TEXTS } from './word-texts.ts';

function viaScan(text: string, prose: boolean): { hashes: number[]; names: string[]; counts: number[] } {
  const hashes: number[] = [];
  const scan = new StoryScan();
  scan.sink = { add: (h) => hashes.push(h >>> 0) };
  scan.reset();
  if (prose) scan.prose(text, 1);
  else scan.words(text, 1);
  const top = scan.topNames(1000);
  return { hashes, names: top.names, counts: top.counts };
}

function viaTokenizer(text: string): { hashes: number[]; names: string[]; counts: number[] } {
  const hashes = tokenize(text).map(termHash);
  const counts = new Map<string, number>();
  for (const n of names(text)) for (const t of n.tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  // Most frequent first, ties first seen first, as StoryScan.topNames orders them.
  const order = [...counts].map((e, i) => [...e, i] as const).sort((a, b) => b[1] - a[1] || a[2] - b[2]);
  return { hashes, names: order.map(([t]) => t), counts: order.map(([, c]) => c) };
}

const TEXTS = [
  ...WORD_TEXTS,
  'Monday. Tuesday, March 14: Wednesday’s vote in May and June. McCain and DeSantis spoke, NASA too.',
  "It's a 4.4-magnitude quake; ABC's report and the students' union's vote. X Y Z a b c I.",
  '"Quoted Name" (Bracketed Name) Name, Another Name\nNew Line Name! Why Not? Yes: Colon Name',
  "'s alone, trailing apostrophe' and Jones'",
  '',
  'ALL CAPS DATELINE — Washington Post reported that Biden-Harris officials in Ukraine-Russia talks…',
  "WASHINGTON (AP) — The FBI and HP-EDS met NASA's RCMP, NATO’s chief and the ABCDEF board; U.S. and UK. MAY I? Then IBM.",
  'On Jan. 20 and Sept. 3, Jan Oort met Dec Ray; by Dec. 1 Aug.',
];

describe('StoryScan', () => {
  it.each(TEXTS)('reads words and names as tokenize.ts does: %s', (text) => {
    const want = viaTokenizer(text);
    const prose = viaScan(text, true);
    expect(prose.hashes).toEqual(want.hashes);
    expect(prose.names).toEqual(want.names);
    expect(prose.counts).toEqual(want.counts);
    expect(viaScan(text, false).hashes).toEqual(want.hashes);
  });

  it('agrees with tokenize.ts on random text made of the tricky characters', () => {
    // A fixed seed: the same 2,000 texts every run.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pieces = [
      'a',
      'b',
      'S',
      's',
      'T',
      'Mon',
      'day',
      'May',
      'é',
      'Ł',
      'ß',
      '東',
      '𝐀',
      '😀',
      '1',
      '9',
      ' ',
      ' ',
      ' ',
      '.',
      ',',
      "'",
      '’',
      '-',
      '—',
      '\n',
      ':',
      '"',
      '(',
      'Jones',
      'the',
      'NASA',
      'HP',
      'WASHINGTON',
      'MAY',
      'US',
      'Jan',
      'Sept',
      'DEC',
    ];
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const len = Math.floor(next() * 40);
      for (let j = 0; j < len; j++) text += pieces[Math.floor(next() * pieces.length)];
      const want = viaTokenizer(text);
      const got = viaScan(text, true);
      expect({ text, ...got }).toEqual({ text, ...want });
    }
  });

  it('counts a story with more names than its table first holds, and starts the next one empty', () => {
    const many =
      Array.from(
        { length: 1500 },
        (_, i) =>
          `met Name${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}x${Math.floor(i / 676)}`,
      ).join(', ') + '. Then Nameaax0 left.';
    const want = viaTokenizer(many);
    expect(want.names.length).toBeGreaterThan(1000);
    const scan = new StoryScan();
    scan.sink = { add: () => {} };
    scan.reset();
    scan.prose(many, 1);
    expect(scan.topNames(5000)).toEqual({ names: want.names, counts: want.counts });
    scan.reset();
    scan.prose('Officials met Lucy Jones.', 1);
    expect(scan.topNames(10)).toEqual({ names: ['lucy', 'jones'], counts: [1, 1] });
  });

  it('keeps names per story until reset, most frequent first', () => {
    const scan = new StoryScan();
    scan.sink = { add: () => {} };
    scan.reset();
    scan.prose('Officials met Lucy Jones and Ridgecrest leaders. Later Jones left.', 1);
    scan.prose('Then Jones and Ridgecrest spoke.', 1);
    expect(scan.topNames(2)).toEqual({ names: ['jones', 'ridgecrest'], counts: [3, 2] });
    scan.reset();
    expect(scan.topNames(2)).toEqual({ names: [], counts: [] });
  });
});
