import { describe, expect, it } from 'vitest';
import { ledeOf } from '../../lib/match/lede.ts';

describe('the lede', () => {
  it.each([
    [
      'two sentences of a paragraph',
      'Angels offered Teixeira eight years. Boras met Moreno. Mead said nothing.',
      'Angels offered Teixeira eight years. Boras met Moreno.',
    ],
    [
      'two lines, one sentence each (ECB+ prints a sentence a line)',
      'Reid checked into Promises.\nHer rep Jack Ketsoyan told People.\nMore later.',
      'Reid checked into Promises. Her rep Jack Ketsoyan told People.',
    ],
    [
      'past initials',
      'According to the L.A. Times, the Angels made an offer. Boras agreed. No.',
      'According to the L.A. Times, the Angels made an offer. Boras agreed.',
    ],
    [
      'past a title',
      'Sen. Kerry met Mr. Smith in St. Louis on Friday. Both spoke. Then left.',
      'Sen. Kerry met Mr. Smith in St. Louis on Friday. Both spoke.',
    ],
    ['with a closing quote', 'He said "it is over." Then he left! Later more.', 'He said "it is over." Then he left!'],
    ['a decimal is no end', 'A 6.4 quake hit Ridgecrest. Fires broke out. Crews came.', 'A 6.4 quake hit Ridgecrest. Fires broke out.'],
    [
      'a lower-case word after a full stop is no end',
      'It hit at 10 a.m. on Friday in Trona. Fires broke out. Crews came.',
      'It hit at 10 a.m. on Friday in Trona. Fires broke out.',
    ],
    ['leading blank lines skipped', '\n\n  One sentence only', 'One sentence only'],
    ['nothing', '   ', ''],
    // Photo credits and captions a page's text opens with name the photographer, not the actors.
    [
      'past a credit',
      'JIM WATSON/AFP/Getty Images\nObama met Putin in Lima. They spoke briefly. Later more.',
      'Obama met Putin in Lima. They spoke briefly.',
    ],
    [
      'past two credit lines',
      'Photo\nCredit...Ed Murray/NJ Advance Media for NJ.com\nAhmad Rahami was charged. He was shot. More.',
      'Ahmad Rahami was charged. He was shot.',
    ],
    [
      'past a caption',
      'File photo of Chinese president Xi Jinping. (Reuters)\nChina snubbed Imran Khan. It spoke. More.',
      'China snubbed Imran Khan. It spoke.',
    ],
    [
      'a sentence about a photo is no credit',
      'Photographs of the Getty Villa show the damage after the Palisades fire spread overnight to the hills above it.\nCrews came.',
      'Photographs of the Getty Villa show the damage after the Palisades fire spread overnight to the hills above it. Crews came.',
    ],
    [
      'a headline line stays',
      'Tara Reid Checks Into Rehab\nThe actress entered Promises. More.',
      'Tara Reid Checks Into Rehab The actress entered Promises.',
    ],
    ['credits alone are the lede', 'Image: Getty Images', 'Image: Getty Images'],
    ['past a credit after blank lines', '\n\nPhoto\nObama met Putin. They spoke. More.', 'Obama met Putin. They spoke.'],
    [
      'a word that starts like a credit is none',
      'Photoshop gets new tools\nAdobe said so. More. Later.',
      'Photoshop gets new tools Adobe said so.',
    ],
  ])('%s', (_, text, lede) => {
    expect(ledeOf(text)).toBe(lede);
  });

  it("cuts a sentence that never ends (a page in one run) to a sentence's length", () => {
    const text = 'Officials met. ' + 'word '.repeat(200_000);
    const lede = ledeOf(text);
    expect(lede.startsWith('Officials met. word word')).toBe(true);
    expect(lede.length).toBeLessThanOrEqual(2 * 1000 + 1);
  });
});
