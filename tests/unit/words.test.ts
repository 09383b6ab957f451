// A page title quoted in a sentence of the popup, cut so the state keeps to one screen.
import { describe, expect, it } from 'vitest';
import { clipAtWord, isolated } from '../../lib/words.ts';

describe('clipAtWord', () => {
  it('leaves a title that fits as it is, trimmed', () => {
    expect(clipAtWord('  Harlow County pauses Brandt Reservoir expansion ', 80)).toBe('Harlow County pauses Brandt Reservoir expansion');
  });

  it('cuts at the end of a word, drops the punctuation before the cut and marks it', () => {
    const title =
      'Riverton transit board picks Eastside corridor for first rapid bus line, choosing it over the downtown loop that business groups had favored for years';
    const clipped = clipAtWord(title, 80);
    expect(clipped).toBe('Riverton transit board picks Eastside corridor for first rapid bus line…');
    expect(clipped.length).toBeLessThanOrEqual(81);
    // A cut that falls between words keeps the last one whole.
    expect(clipAtWord('one two three four', 13)).toBe('one two three…');
  });

  it('cuts a title of one long word where it must', () => {
    expect(clipAtWord('x'.repeat(100), 80)).toBe(`${'x'.repeat(80)}…`);
  });
});

describe('isolated', () => {
  it('wraps a quoted title in an isolate, so its direction stays inside the quotes', () => {
    expect(isolated('שלום world')).toBe('\u2068שלום world\u2069');
  });

  it('drops the overrides and isolate ends a page puts in its title', () => {
    // U+202E would reverse the rest of the popup's sentence; U+2069 would close the isolate early.
    expect(isolated('Quiet\u202e title\u2069 \u2066x\u202c')).toBe('\u2068Quiet title x\u2069');
  });
});
