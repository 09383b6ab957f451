// A page title quoted in a sentence of the popup, cut so the state keeps to one screen.
import { describe, expect, it } from 'vitest';
import { clipAtWord, clipLine, isolated, oneLine } from '../../lib/words.ts';

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

describe('oneLine and clipLine', () => {
  it('joins lines and runs of whitespace, line and paragraph separators included, into single spaces', () => {
    expect(oneLine(' Patients\n\n\tand\u2028caregivers\u2029 ')).toBe('Patients and caregivers');
  });

  it('drops soft hyphens, invisible operators, direction controls and tag characters', () => {
    expect(oneLine('Bundes\u00adverfassungs\u00adgericht a\u2061b \u202eF\u{E0041}')).toBe('Bundesverfassungsgericht ab F');
  });

  it('keeps ZWNJ, ZWJ and right-to-left marks, which scripts need', () => {
    expect(oneLine('می\u200cخواهم \u05e9\u200f 👩\u200d💻')).toBe('می\u200cخواهم \u05e9\u200f 👩\u200d💻');
  });

  it('clips to at most the length given, the ellipsis counted, and changes nothing clipped again', () => {
    const name = 'Rural healthcare providers and the patients of small clinics across the northern counties of the state';
    const clipped = clipLine(name, 80);
    expect(clipped).toBe('Rural healthcare providers and the patients of small clinics across the…');
    expect(clipped.length).toBeLessThanOrEqual(80);
    expect(clipLine(clipped, 80)).toBe(clipped);
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

describe('store text clipped for a notification (a review, 2026-12-07)', () => {
  it('never cuts an emoji in half', () => {
    const clipped = clipLine('😀'.repeat(100), 80);
    expect(clipped.isWellFormed()).toBe(true);
    expect(clipped.endsWith('…')).toBe(true);
  });

  it("keeps a subdivision flag's tag characters, and drops tags anywhere else", () => {
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(oneLine(`Fans ${scotland} cheer`)).toBe(`Fans ${scotland} cheer`);
    expect(oneLine('Hid\u{E0068}\u{E0069}den')).toBe('Hidden');
  });
});
