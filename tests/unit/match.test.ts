import { describe, expect, it } from 'vitest';
import { buildIndex, matchArticle, weighCandidates } from '../../lib/match/index.ts';
import { analyseQuery, readArticle } from '../../lib/match/query.ts';
import { MODEL } from '../../lib/match/model.ts';
import { headlineNames, names, readAsName, tokenize } from '../../lib/match/tokenize.ts';
import { parseStories } from '../../lib/story/story.ts';
import { NOTO_ARTICLE, oneSource as story, QUAKE_2019, RIDGECREST_ARTICLE, SPORTS_ARTICLE, STORIES } from './match-stories.ts';

const index = buildIndex(STORIES);
const source = QUAKE_2019.sources[1]!;

describe('the test store', () => {
  it('is valid', () => {
    expect(parseStories(STORIES).rejected).toEqual([]);
  });
});

describe('tokenising', () => {
  it('keeps letters and numbers of any script', () => {
    expect(tokenize('Kahramanmaraş, Łódź, 東京 and Москва in 2023')).toEqual(['kahramanmaraş', 'łódź', '東京', 'москва', '2023']);
  });

  it('finds names that do not start a sentence, without days and months', () => {
    expect(names('On Thursday officials in Ridgecrest met Lucy Jones. Residents cheered.').map((n) => n.text)).toEqual([
      'Ridgecrest',
      'Lucy Jones',
    ]);
  });

  it.each([
    ['acronyms are names', 'Officials said the FBI and NASA met HP.', ['FBI', 'NASA', 'HP']],
    ['a dateline in capitals is not', 'WASHINGTON (AP) — officials met.', []],
    ['nor is a headline in capitals', 'Then: REPORT: RED SOX MAKE HUGE OFFER.', []],
    ['one letter is not an acronym', 'So I met A team.', []],
    ['nor are five letters and more', 'officials at ABCDEF met.', []],
    ['a month abbreviated before a day is not', 'They met on Jan. 20 and Sept. 3 with Jan Oort.', ['Jan Oort']],
    // News style names people as "Mr. Grimm" on every mention: the full stop ends no sentence.
    [
      'the name after a title and its full stop is one',
      'He said. Mr. Grimm met Dr. Ann Lee. Sen. Ted Cruz spoke.',
      ['Grimm', 'Ann Lee', 'Ted Cruz'],
    ],
    ['nor is a day’s', 'Lawmakers at Wednesday’s practice met Steve Scalise.', ['Steve Scalise']],
    ['a title is not', 'Officials met Gov. Chris Christie and Rep. Grimm.', ['Chris Christie', 'Grimm']],
    [
      'an initial goes on a name, and starts none',
      'Officials met Michael G. Grimm and the U.S. Attorney.',
      ['Michael G Grimm', 'Attorney'],
    ],
  ])('%s', (_, text, expected) => {
    expect(names(text).map((n) => n.text)).toEqual(expected);
  });

  it("reads a headline's names as those its text names: in title case every word is capitalised", () => {
    const text = 'Officials said Cesar Sayoc was held in Aventura, Florida, on Friday.';
    const named = new Set(names(text).flatMap((n) => n.tokens));
    const read = (title: string) => headlineNames(title, (t) => named.has(t)).map((n) => n.text);
    expect(read('Pipe Bomb Suspect Cesar Sayoc Arrested in Southern Florida')).toEqual(['cesar sayoc', 'florida']);
    expect(read('Suspect Cesar Sayoc arrested in Florida')).toEqual(['cesar sayoc', 'florida']);
    expect(read('Pipe Bomb Suspect Arrested')).toEqual([]);
    // Its first word too, where a headline names its subject.
    expect(read('Sayoc Held in Florida')).toEqual(['sayoc', 'florida']);
  });

  it('does not take a word the text capitalises only in a heading for a name, in the headline and the lede', () => {
    const article = {
      title: 'How Rovers Took Down Tom Alder',
      text: 'How Rovers Took Down Tom Alder\nThe club took it down. Fans took the train down town. Tom Alder went down and Rovers took the cup.',
    };
    const { full, ledeNames } = readArticle(article);
    expect(full.title).toEqual(['tom alder']);
    expect(ledeNames).not.toContain('took');
    expect(readAsName(1, 6)).toBe(false);
    expect(readAsName(2, 6)).toBe(true);
  });
});

describe('who the article is about', () => {
  // A story with many names, which names one player (Sam Brook) only in passing.
  const team = 'Ash Birch Cole Dale Eden Frost Gale Hale Irwin Jude Kent Lowe Moss Nash Oakes Pike Reed'.split(' ');
  const alder = {
    ...QUAKE_2019,
    id: 'alder-arrest',
    title: 'Rovers defender Tom Alder arrested on drink-driving charge',
    dek: 'Tom Alder was arrested early on Sunday.',
    body: [
      'Rovers defender Tom Alder was arrested on a drink-driving charge, the second Rovers player this month after Sam Brook.',
      ...team.map((n) => `Teammate Jo ${n} said Alder would play. Coach Lee ${n} agreed with Alder and ${n}.`),
    ],
    sources: QUAKE_2019.sources.slice(0, 1),
  };
  const ix = buildIndex([alder]);
  // As news writes it: the full name once, then the surname.
  const about = (first: string, last: string) => ({
    title: '',
    text: `Rovers striker ${first} ${last} was arrested on Tuesday. The club said ${last} will play. Police said ${last} was cited.`,
  });

  it('is the name the article repeats most, the first of equals', () => {
    expect(analyseQuery(about('Sam', 'Brook'), ix.text).leadName).toBe('brook');
    expect(analyseQuery({ title: '', text: 'Police met Ann Lee.' }, ix.text).leadName).toBe('ann');
    expect(analyseQuery({ title: '', text: 'nobody is named here.' }, ix.text).leadName).toBeNull();
  });

  it('counts for a story that is about them, not for one naming them in passing', () => {
    const lead = (first: string, last: string) =>
      weighCandidates(ix, analyseQuery(about(first, last), ix.text)).weighed[0]!.features.leadName;
    expect(lead('Tom', 'Alder')).toBe(1);
    expect(lead('Sam', 'Brook')).toBe(0);
  });
});

describe("the lede's names", () => {
  // Two events of one kind: one club's defender arrested, another club's striker arrested.
  const alder = story('alder-arrest', 'Rovers defender Tom Alder arrested', [
    'Rovers defender Tom Alder was arrested on a drink-driving charge near Kingsbridge.',
    'Manager Ann Vale said Alder would be fined.',
  ]);
  const brook = story('brook-arrest', 'City striker Sam Brook arrested', [
    'City striker Sam Brook was arrested after a crash near Eastwick.',
    'Coach Dan Reyes said Brook would not play.',
  ]);
  const ix = buildIndex([alder, brook]);
  const lede = (q: { title: string; text: string }) =>
    Object.fromEntries(weighCandidates(ix, analyseQuery(q, ix.text)).weighed.map((w) => [w.storyId, w.features.ledeNames]));

  it("is the share of the headline's and first two sentences' names that the story has, weighted by rarity", () => {
    const f = lede({
      title: '',
      text: 'Police in Kingsbridge arrested Tom Alder on Sunday. His club, Rovers, said it knew. Later, Sam Brook of City was seen with him.',
    });
    expect(f['alder-arrest']).toBe(1);
    // Brook's story names none of Kingsbridge, Tom, Alder, Rovers; Brook and City come after the lede.
    expect(f['brook-arrest']).toBe(0);
  });

  it('counts the headline', () => {
    const f = lede({
      title: 'Arrest for Rovers star Sam Brook',
      text: 'Police said a player was held on Sunday. The club said it knew. Later, Rovers named Sam Brook.',
    });
    expect(f['alder-arrest']).toBeGreaterThan(0);
    expect(f['alder-arrest']).toBeLessThan(1);
    expect(f['brook-arrest']).toBeGreaterThan(0);
    expect(f['brook-arrest']).toBeLessThan(1);
  });

  it('is 0 for an article whose lede names no one', () => {
    const f = lede({ title: '', text: 'A player was arrested. The club said it knew. Later, Tom Alder of Rovers was named.' });
    expect(Object.values(f).every((v) => v === 0)).toBe(true);
  });
});

describe('URL signal', () => {
  it.each([
    ['the source URL', source.url],
    ['its AMP edition', source.url!.replace('www.', 'amp.') + '/amp'],
    ['with tracking parameters', `${source.url}?utm_source=x&fbclid=y`],
    ['over http with a fragment', source.url!.replace('https:', 'http:') + '#top'],
  ])('matches a page at %s as that source, with certainty', (_, url) => {
    const { match } = matchArticle({ title: 'x', text: 'nothing in common', url }, index);
    expect(match).toEqual({
      storyId: QUAKE_2019.id,
      confidence: 1,
      reasons: [{ kind: 'url', detail: 'This page is source [2], Kern Daily', code: 'reasonSource', args: ['2', 'Kern Daily'] }],
    });
  });

  it('counts the canonical URL', () => {
    const { match } = matchArticle({ title: 'x', text: 'y', url: 'https://kerndaily.com/?p=123', canonicalUrl: source.url }, index);
    expect(match?.storyId).toBe(QUAKE_2019.id);
  });
});

describe('outlet and title signal', () => {
  it.each([
    [
      'the same outlet and headline',
      `https://kerndaily.com/news/ridgecrest-trona-damage-v2`,
      1,
      'Same outlet and headline as source [2], Kern Daily',
    ],
  ])('with %s', (_, url, confidence, detail) => {
    const { match } = matchArticle({ title: source.title, text: 'Crews worked through the night.', url }, index);
    expect(match?.confidence).toBe(confidence);
    expect(match?.reasons[0]?.detail).toBe(detail);
  });

  it('with the same headline elsewhere, matches on the headline but is not proof', () => {
    // A syndicated copy of a source's headline is that event; without its outlet it is evidence, not proof.
    const { match } = matchArticle(
      { title: source.title, text: 'Crews worked through the night.', url: 'https://elsewhere.example/a' },
      index,
    );
    expect(match?.storyId).toBe(QUAKE_2019.id);
    expect(match!.confidence).toBeLessThan(1);
    expect(match!.reasons[0]!.code).toBe('reasonSameTitleSource');
  });

  it('says when the headline is the same as a source', () => {
    const { match } = matchArticle({ ...RIDGECREST_ARTICLE, title: source.title }, index);
    expect(match?.reasons[0]).toEqual({
      kind: 'title',
      detail: "Same headline as Kern Daily's coverage",
      code: 'reasonSameTitleSource',
      args: ['Kern Daily'],
    });
  });
});

describe('text and names signal', () => {
  it('matches an article about the event at another URL, saying why in plain words', () => {
    const { match } = matchArticle(RIDGECREST_ARTICLE, index);
    expect(match?.storyId).toBe(QUAKE_2019.id);
    expect(match!.confidence).toBeGreaterThanOrEqual(MODEL.threshold);
    expect(match!.reasons.map((r) => r.kind)).toEqual(['entities', 'text', 'text', 'time']);
    expect(match!.reasons[0]!.detail).toBe('Shares rare names: Ridgecrest, Mojave Desert, Trona');
    expect(match!.reasons[1]!.detail).toBe('Same figures: 6.4 earthquake');
  });

  it('shows figures with their keys as written: not "232 because" for "Trump\'s 232, because"', () => {
    const electors = story('electors-2020', 'Electoral College confirms Biden win as Wisconsin and Arizona electors vote', [
      'Electors in Wisconsin and Arizona cast their ballots for Joe Biden on Monday, sealing his Electoral College victory over Donald Trump.',
      "Biden finished with 306 electoral votes to Trump's 232, because the Wisconsin and Arizona results held after recounts in Milwaukee and Maricopa County.",
    ]);
    const { match } = matchArticle(
      {
        title: 'Electors in Wisconsin and Arizona seal Biden victory',
        text: "Wisconsin's 10 electors met in Madison on Monday and voted for Joe Biden, as Arizona's did in Phoenix. The tally stood at 306 electoral votes for Biden to Trump's 232, because recounts in Milwaukee and Maricopa County changed little.",
        publishedTime: '2019-07-05T15:00:00Z',
      },
      buildIndex([electors]),
    );
    expect(match?.storyId).toBe('electors-2020');
    expect(match!.reasons.map((r) => r.detail)).toContain('Same figures: 306 electoral, Trump 232');
  });
});

describe('time signal', () => {
  const at = (publishedTime: string | null) => matchArticle({ ...RIDGECREST_ARTICLE, publishedTime }, index);
  it.each([
    ['the same day', '2019-07-04T20:00:00Z', true],
    ['a day later', '2019-07-05T20:00:00Z', true],
    ['unknown', null, true],
    ['years later', '2025-07-05T00:00:00Z', false],
  ])('with the article published %s, matches: %s', (_, when, matches) => {
    expect(at(when).match?.storyId ?? null).toBe(matches ? QUAKE_2019.id : null);
  });

  it('trusts an article less the further its date is from the coverage, and never more for a near date', () => {
    const conf = (when: string | null) => at(when).match?.confidence ?? at(when).alternatives[0]!.confidence;
    // Dates corroborate, never carry (issue 19): a date in the coverage's days counts no more than none.
    expect(conf('2019-07-04T20:00:00Z')).toBe(conf(null));
    expect(conf('2019-07-05T00:00:00Z')).toBeLessThanOrEqual(conf(null));
    expect(conf(null)).toBeGreaterThan(conf('2019-09-01T00:00:00Z'));
    expect(conf('2019-09-01T00:00:00Z')).toBeGreaterThan(conf('2025-07-05T00:00:00Z'));
  });

  it('names the gap in the reason', () => {
    expect(at('2019-07-06T10:00:00Z').match?.reasons.at(-1)).toEqual({
      kind: 'time',
      detail: "Published within 2 days of the story's coverage",
      code: 'reasonTimeWithinOther',
      args: ['2'],
    });
  });
});

describe('no match', () => {
  it('returns no match for an unrelated article', () => {
    expect(matchArticle(SPORTS_ARTICLE, index).match).toBeNull();
  });

  it('returns no match for the same kind of event at another place and time', () => {
    const { match } = matchArticle(NOTO_ARTICLE, index);
    expect(match).toBeNull();
  });

  it('returns no match for a page whose only words the store knows are a name or two', () => {
    // Japanese, naming Ridgecrest twice: the one word shared is no evidence of the same event.
    const japanese = {
      title: 'ねこの手も借りたい季節の料理',
      text: `${'台所で季節の野菜を刻み、だしを取って煮物を作る。'.repeat(6)} Ridgecrest ${'母の味を思い出しながら、ゆっくりと味を調える。'.repeat(6)} Ridgecrest Trona。`,
    };
    expect(analyseQuery(japanese, index.text).terms.length).toBeLessThan(10);
    expect(matchArticle(japanese, index).match).toBeNull();
  });

  it('returns no match against an empty store', () => {
    expect(matchArticle(RIDGECREST_ARTICLE, buildIndex([]))).toEqual({ match: null, alternatives: [] });
  });
});

describe('alternatives', () => {
  it('offers at most three runners-up, best first, never the match itself', () => {
    const general = {
      title: 'Earthquakes: what the United States Geological Survey measures',
      text: 'The United States Geological Survey measures every earthquake and its aftershocks, from Ridgecrest in the Mojave Desert to Gaziantep in Turkey.',
    };
    const { match, alternatives } = matchArticle(general, index);
    const ids = alternatives.map((a) => a.storyId);
    expect(ids.length).toBeLessThanOrEqual(3);
    expect(ids).toEqual(expect.arrayContaining(match ? [] : [QUAKE_2019.id, 'gaziantep-quake-2023']));
    if (match) expect(ids).not.toContain(match.storyId);
    const confs = alternatives.map((a) => a.confidence);
    expect(confs).toEqual([...confs].sort((a, b) => b - a));
  });
});
