// The measures eval:extract reports: they decide what counts as a match, so they are tested too.
import { describe, expect, it } from 'vitest';
import {
  countPassages,
  leadGluedAcrossBlocks,
  median,
  minuteKey,
  quantile,
  sameBylineButDecoration,
  sameDayAsLocalMidnight,
  sameMinute,
  sameText,
  sameTitleButSiteName,
  tokenF1,
  withoutBlocks,
} from '../../../eval/measures.ts';

describe('eval measures', () => {
  it('takes off the blocks a truth leaves out by its convention: captions, the headline', () => {
    const text = 'Water rates to rise\n\nThe board voted on Tuesday.\n\nA main burst under the river.\n\nRates rise in July.';
    const caption = 'A main burst under the river. Photo: Ann Lee';
    expect(withoutBlocks(text, ['Water rates to rise', caption])).toBe('The board voted on Tuesday.\n\nRates rise in July.');
    // A short block inside a longer text is not taken for it.
    expect(withoutBlocks('July.\n\nThe board voted.', ['Rates rise in July.'])).toBe('July.\n\nThe board voted.');
    expect(withoutBlocks(text, [])).toBe(text);
  });

  it('compares titles and bylines after folding whitespace, case, and typographic quotes and dashes', () => {
    expect(sameText('  Ann  LEE\n', 'ann lee')).toBe(true);
    expect(sameText('‘Star Wars’ cuts — “released”', '\'Star Wars\' cuts - "released"')).toBe(true);
    expect(sameText('Star Wars cuts', 'Star Wars: cuts')).toBe(false);
    expect(sameText('Ann Lee', 'Ann Lee and Bo Chan')).toBe(false);
    expect(sameText(null, null)).toBe(true);
  });

  it('finds a lead the truth ran across two blocks, not one with other words', () => {
    expect(
      leadGluedAcrossBlocks('Line Outline, 186 cmAvailable Lengths: 178', 'Line Outline, 186 cm\n\nAvailable Lengths: 178, 186 cm'),
    ).toBe(true);
    expect(leadGluedAcrossBlocks('Photo by Ann Lee Lyft is waiting', 'Lyft is waiting')).toBe(false);
    expect(leadGluedAcrossBlocks('', 'anything')).toBe(false);
  });

  it('compares times to the minute, and a bare date only with a bare date', () => {
    expect(sameMinute('2015-07-10T09:53:00-04:00', '2015-07-10T13:53:59.000Z')).toBe(true);
    expect(sameMinute('2017-11-03 03:01:00.000000', '2017-11-03T03:01:00.000Z')).toBe(true);
    expect(sameMinute('2026-03-04', '2026-03-04T00:00:00.000Z')).toBe(false);
    expect(minuteKey('2024-06-25')).toBe('2024-06-25');
  });

  it('scores text by token F1', () => {
    expect(tokenF1('a b c d', 'a b c d')).toBe(1);
    expect(tokenF1('a b c d', 'a b')).toBeCloseTo(2 / 3);
    expect(tokenF1('a b', '')).toBe(0);
  });

  it('recognises the misses it reports apart, and nothing more', () => {
    expect(sameTitleButSiteName('How to Build a Terrarium | eHow', 'How to Build a Terrarium')).toBe(true);
    expect(sameTitleButSiteName('Lust for Youth: Lust for Youth', 'Lust for Youth')).toBe(false);
    expect(sameTitleButSiteName('アプリ「フリーWi-Fi」（CNET Japan） - Yahoo!ニュース', 'アプリ「フリーWi-Fi」')).toBe(true);
    expect(sameTitleButSiteName('アプリ「フリーWi-Fi」で安全に', 'アプリ「フリーWi-Fi」')).toBe(false);
    expect(sameBylineButDecoration('By Nathan Willis\n   March 25, 2015', 'Nathan Willis')).toBe(true);
    expect(sameBylineButDecoration('Joanna Rothkopf', 'Richard Eskow')).toBe(false);
    expect(sameBylineButDecoration('Stella Kim, Jennifer Jett', 'Stella Kim and Jennifer Jett')).toBe(true);
    expect(sameBylineButDecoration('Stella Kim, Jennifer Jett', 'Stella Kim')).toBe(false);
    expect(sameBylineButDecoration('著者：後藤大地', '後藤大地')).toBe(true);
    expect(sameBylineButDecoration('文● オカモト／ASCII編集部', 'オカモト／ASCII編集部')).toBe(true);
    // A bare date against its midnight in Tokyo or New York; not against a time of day, a later
    // day, or a date.
    expect(sameDayAsLocalMidnight('2019-03-04T15:00:00.000Z', '2019-03-05')).toBe(true);
    expect(sameDayAsLocalMidnight('2016-11-18T05:00:00.000Z', '2016-11-18')).toBe(true);
    expect(sameDayAsLocalMidnight('2016-12-16T21:19:00.000Z', '2016-12-16')).toBe(false);
    expect(sameDayAsLocalMidnight('2016-12-12T12:00:00.000Z', '2016-12-12')).toBe(false);
    expect(sameDayAsLocalMidnight('2019-03-04T15:00:00.000Z', '2019-03-06')).toBe(false);
    expect(sameDayAsLocalMidnight('2019-03-05', '2019-03-05')).toBe(false);
    expect(sameDayAsLocalMidnight('2019-03-04T15:00:00.000Z', '2019-03-04T15:00:00.000Z')).toBe(false);
  });

  it("counts passages held and left out as trafilatura's benchmark does", () => {
    const text = 'The board voted\n\non Tuesday to raise rates.\n\nImpressum';
    // Whitespace is folded on both sides; a passage is found anywhere in the text, across blocks.
    expect(countPassages(['voted on Tuesday', 'raise  rates.', 'in July'], ['Impressum', 'Share this'], text)).toMatchObject({
      tp: 2,
      fn: 1,
      fp: 1,
      tn: 1,
      missed: ['in July'],
      found: ['Impressum'],
    });
    // A page read as no article holds nothing: every passage to hold is missed, none to leave out is held.
    expect(countPassages(['voted'], ['Impressum'], null)).toMatchObject({ tp: 0, fn: 1, fp: 0, tn: 1 });
  });

  it('takes medians and nearest-rank quantiles', () => {
    expect([median([3, 1, 2]), median([1, 2, 3, 4]), quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)]).toEqual([2, 2.5, 10]);
  });
});
