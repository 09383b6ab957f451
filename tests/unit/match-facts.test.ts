import { describe, expect, it } from 'vitest';
import { compareDays, compareFigures, factsOf, packFigures } from '../../lib/match/facts.ts';
import { showFigures } from '../../lib/match/shown-figures.ts';
import { weighCandidates } from '../../lib/match/index.ts';
import { buildIndex } from '../../lib/match/story-index.ts';
import { storyFacts } from '../../lib/match/story-doc.ts';
import { analyseQuery } from '../../lib/match/query.ts';
import { QUAKE_2019, RIDGECREST_ARTICLE, STORIES } from './match-stories.ts';

const figures = (text: string) => [...factsOf(text).figures.keys()];

describe('figures a text states', () => {
  it.each([
    ['a hyphenated unit', 'the 4.4-magnitude temblor', ['4.4 magnitude']],
    ['a unit before, past filler words', 'a preliminary magnitude of 4.6.', ['4.6 magnitude']],
    ['money with a scale word', 'worth $160 million over the contract', ['$160m contract', '$160m worth']],
    ['thousands separators', 'about 1,200 people fled', ['1200 people']],
    ['a clock time, which is a time whatever surrounds it', 'on Sunday at 9:27 a.m.', ['9:27 time', '9:27 sunday']],
    ['a percent sign', 'prices were up 12%.', ['12 percent', '12 prices']],
    ['the word percent', 'prices were up 12 percent.', ['12 percent', '12 prices']],
    ['an age after a name', 'Teixeira, 28, was acquired', ['28 acquired', '28 teixeira']],
    ['a date, as a date whichever month', 'arrested on Feb. 1 in', ['feb-1 date']],
    ['a date written out', 'since March 14 when', ['mar-14 date', '14 march']],
    ['a figure after a lower-case word and a hyphen', 'a magnitude-6.1 quake', ['6.1 magnitude', '6.1 quake']],
  ])('reads %s', (_, text, expected) => {
    expect(figures(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    ['years', 'ousted in 2002 after a power struggle'],
    ['digits inside a word or a code', 'an A380 on flight BA2490'],
    ['a figure with no word beside it', '4.5'],
    // Read as "19 covid", every pandemic story of 2021 stated the same figure as every other.
    ['the number of a name written with a hyphen', 'COVID-19 vaccines, Covid-19 cases, an AK-47 rifle and the I-90 bridge'],
  ])('leaves out %s', (_, text) => {
    expect(figures(text)).toEqual([]);
  });

  it('counts a figure stated twice', () => {
    expect(factsOf('A 6.4 quake. Another 6.4 quake.').figures.get('6.4 quake')).toBe(2);
  });

  it.each([
    ['no weekday', 'Residents swept up glass.', 0],
    ['Sunday', 'It struck on Sunday.', 0b1],
    ['Thursday and Friday', 'Thursday night and friday morning', 0b110000],
    ['none in a word that ends in day', 'Holiday and today', 0],
  ])('notes the weekdays named: %s', (_, text, days) => {
    expect(factsOf(text).days).toBe(days);
  });
});

describe('dates a text recalls', () => {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const background = (text: string, on: string) => [...factsOf(text, day(on)).background].sort();

  it.each([
    ['an event months past', 'The panel on the Jan. 6 attack met.', '2021-07-27', ['6 attack', 'jan-6 date']],
    ['a low since a date of last year', 'Claims are the lowest since March 14, 2020.', '2021-10-14', ['14 march', 'mar-14 date']],
  ])('takes %s for background: it agrees with nothing', (_, text, on, expected) => {
    expect(background(text, on)).toEqual(expected);
  });

  it.each([
    ["the article's own days", 'It struck on July 5, a day after the July 4 quake.', '2019-07-06'],
    ['a date planned months ahead', 'He will visit Britain on July 13.', '2018-04-27'],
    ['a deadline weeks ahead', 'Travellers must be vaccinated from Nov. 8.', '2021-10-15'],
    ['an undated text', 'The panel on the Jan. 6 attack met.', null],
  ])('keeps %s', (_, text, on) => {
    expect(on ? background(text, on) : [...factsOf(text).background]).toEqual([]);
  });

  it('keeps a figure the text also states of its own', () => {
    expect(background('Six weeks after Jan. 6, 6 attackers were charged.', '2021-03-01')).not.toContain('6 attackers');
  });

  it('lets a recalled date disagree but not agree', () => {
    const story = packFigures(
      new Map([
        ['jan-6 date', 2],
        ['jun-22 date', 1],
      ]),
      3,
    );
    const recalled = factsOf('Since the Jan. 6 riot, the panel has met.', day('2021-07-27'));
    const got = compareFigures(recalled.figures.keys(), story, recalled.background);
    expect(got.agree).toBe(0);
    expect(got.same).toEqual([]);
    expect(got.disagree).toBeCloseTo(1 / 3);
  });
});

describe('comparing figures', () => {
  const story = packFigures(
    new Map([
      ['4.6 magnitude', 3],
      ['4.4 magnitude', 1],
      ['2:09 time', 2],
      ['7 injured', 1],
    ]),
    3,
  );
  it.each([
    ['the value the story states most', ['4.6 magnitude'], 0.75, 0.25, ['4.6 magnitude']],
    ['a value the story states once in four', ['4.4 magnitude'], 0.25, 0.75, ['4.4 magnitude']],
    ['a value the story never states for that key', ['9:27 time'], 0, 1, []],
    ['a key the story gives no value for: no evidence', ['23 miles'], 0, 0, []],
    ['a figure past the most stated ones the index keeps: no evidence', ['7 injured'], 0, 0, []],
    ['two figures', ['4.6 magnitude', '2:09 time'], 1.75, 0.25, ['4.6 magnitude', '2:09 time']],
  ])('%s', (_, article, agree, disagree, same) => {
    const got = compareFigures(article, story);
    expect(got.agree).toBeCloseTo(agree);
    expect(got.disagree).toBeCloseTo(disagree);
    expect(got.same).toEqual(same);
  });

  it('reads a tally or a range as one figure: "6-3 decision", not "3 decision"', () => {
    const keys = (t: string) => [...factsOf(t).figures.keys()];
    expect(keys('The court ruled in a 6-3 decision.')).toContain('6-3 decision');
    expect(keys('The court ruled in a 6-3 decision.')).not.toContain('3 decision');
    expect(keys('It was a 5–4 ruling.')).toEqual(['5-4 ruling']);
    expect(keys('Between 10-15 people were hurt.')).toContain('10-15 people');
    // A 9-0 and a 6-0 decision disagree; read apart, both were "0 decision" and agreed.
    const story = packFigures(factsOf('The justices ruled in a 9-0 decision.').figures, 20);
    expect(compareFigures(keys('The court issued a 6-0 decision.'), story).agree).toBe(0);
    // Not a date, a phone number, a chain or a measure written with hyphens.
    expect(keys('The May 5-7 festival')).toContain('may-5 date');
    expect(keys('Call 555-1234 now')).toEqual(['555 call', '1234 now']);
    expect(keys('a 6-foot-9 center')).toEqual(['6 foot', '9 center', '9 foot']);
    expect(keys('They counted 3-2-1 down')).not.toContain('3-2 counted');
  });

  it('agrees on the figures read from a date but shows the date, not "6 insurrection"', () => {
    const article = factsOf('The Jan. 6 insurrection led to 6 arrests on May 25 protests.');
    expect([...article.ofDates].sort()).toEqual(['25 may', '25 protests', '6 insurrection']);
    const story = packFigures(factsOf('After the Jan. 6 insurrection, the panel met on May 25 protests day.').figures, 20);
    const got = compareFigures(article.figures.keys(), story, article.background, article.ofDates);
    expect(got.same).toEqual(['jan-6 date', 'may-25 date']);
    // Still counted: held out, the model weighs an agreeing date twice through them.
    expect(got.agree).toBeCloseTo(compareFigures(article.figures.keys(), story).agree);
    expect(showFigures(got.same)).toEqual(['January 6', 'May 25']);
    // A figure stated apart from a date is its own, and shown.
    expect(factsOf('On June 6, 6 people were hurt; 6 people were treated.').ofDates.has('6 people')).toBe(false);
  });

  it('shows figures as a reader writes them, each value once', () => {
    expect(
      showFigures([
        '6.4 earthquake',
        '6.4 magnitude',
        '2:09 time',
        '12 percent',
        '$160m contract',
        '$48m year',
        '10 years',
        '800000 federal',
        '$1250 fine',
        '2500.5 tons',
      ]),
    ).toEqual([
      '6.4 earthquake',
      '2:09',
      '12%',
      '$160m contract',
      '$48m a year',
      '10 years',
      '800,000 federal',
      '$1,250 fine',
      '2,500.5 tons',
    ]);
    // A date, however it was read, as a date: once.
    expect(showFigures(['25 may', 'may-25 date', '6 january', 'jan-6 date', 'sep-11 date', '3 mayor'])).toEqual([
      'May 25',
      'January 6',
      'September 11',
      '3 mayor',
    ]);
  });

  it('shows a figure with its key as the text writes it, and never with a word read across a comma', () => {
    const text = "Biden won 306 electoral votes to Trump's 232, because of 3 states. The magnitude 6.4 quake hit around 92 towns.";
    const article = factsOf(text, null, true);
    // Matching keeps every key: held out, keys that stop at a comma cost correct answers.
    expect([...article.figures.keys()]).toEqual(
      expect.arrayContaining(['306 electoral', '232 because', '232 trump', '6.4 magnitude', '6.4 quake', '92 around']),
    );
    const story = packFigures(factsOf(text).figures, 40);
    // A story's facts are read without (`shown` off): nothing is held from its reasons' figures but dates.
    expect(factsOf(text).unshown).toEqual(factsOf(text).ofDates);
    const same = compareFigures(article.figures.keys(), story, article.background, article.unshown).same;
    expect(same).not.toContain('232 because');
    expect(showFigures(same, article.keyFirst)).toEqual(['306 electoral', 'trump 232', '3 states', '6.4 quake', '92 towns']);
    // Only its key before it, as the text has it: "around 92", not "92 around".
    expect(showFigures(['92 around', '5 killed'], factsOf('The quake hit around 92 towns; it killed 5.', null, true).keyFirst)).toEqual([
      'around 92',
      'killed 5',
    ]);
    // A weekday as a weekday: the matcher reads it in lower case.
    expect(showFigures(['27-24 thursday'], new Set(['27-24 thursday']))).toEqual(['Thursday 27-24']);
    // Nor across a conjunction: the key is another figure's.
    const toll = factsOf('The blast left 5 dead and 249 injured.', null, true);
    expect([...toll.unshown]).toEqual(['249 dead']);
    // A key read across a comma in one place and next to the figure in another is shown.
    expect(factsOf('Trump had 232, because. Trump won 232 because of Ohio.', null, true).unshown.has('232 because')).toBe(false);
  });
});

describe('comparing weekdays', () => {
  it.each([
    ['both name the same day', 0b10000, 0b11000, 1],
    ['both name days, none the same', 0b1, 0b10000, -1],
    ['the article names none', 0, 0b10000, 0],
    ['the story names none', 0b1, 0, 0],
  ])('%s', (_, article, story, expected) => {
    expect(compareDays(article, story)).toBe(expected);
  });
});

describe("a story's facts", () => {
  it('are read from its headlines and prose when it is weighed, once per story object', () => {
    const facts = storyFacts(QUAKE_2019);
    expect(compareFigures(['6.4 earthquake'], facts.figures).agree).toBeGreaterThan(0);
    expect(compareFigures(['4.4 earthquake'], facts.figures).disagree).toBeGreaterThan(0);
    // "on Thursday morning": bit 4.
    expect(facts.days & (1 << 4)).toBeTruthy();
    expect(storyFacts(QUAKE_2019)).toBe(facts);
    expect(storyFacts(structuredClone(QUAKE_2019))).toEqual(facts);
  });
});

describe('facts as features', () => {
  const index = buildIndex(STORIES);
  const weigh = (text: string, publishedTime: string | null = RIDGECREST_ARTICLE.publishedTime) =>
    weighCandidates(index, analyseQuery({ ...RIDGECREST_ARTICLE, text, publishedTime }, index.text)).weighed.find(
      (w) => w.storyId === QUAKE_2019.id,
    )!;
  const same = 'A magnitude 6.4 earthquake struck near Ridgecrest on Thursday, damaging homes in Trona and the Mojave Desert.';
  const other = 'A magnitude 4.4 earthquake struck near Ridgecrest on Sunday, damaging homes in Trona and the Mojave Desert.';

  it('rewards the story stating the same magnitude and day, and counts a different one against it', () => {
    const agree = weigh(same);
    const differ = weigh(other);
    expect(agree.features).toMatchObject({ figuresDiffer: 0, daysDiffer: 0 });
    expect(agree.features.figuresSame).toBeGreaterThan(0);
    expect(differ.features).toMatchObject({ figuresSame: 0, daysDiffer: 1 });
    expect(differ.features.figuresDiffer).toBeGreaterThan(0);
    expect(agree.confidence).toBeGreaterThan(differ.confidence);
  });

  it('takes agreeing facts more than a year from the story for a recurrence, not corroboration', () => {
    const years = weigh(same, '2025-07-04T12:00:00Z');
    expect(years.features).toMatchObject({ figuresSame: 0, daysDiffer: 0 });
  });

  it('reads the article headline once, as a headline, not again as figures', () => {
    const q = analyseQuery({ title: 'A 6.4 quake', text: 'Crews worked through the night.' }, index.text);
    expect(q.facts.figures.size).toBe(0);
  });
});
