// The matcher as readers meet it (issue 19): the store as installed, a few stories or many, and
// other news of the same days. A wrong story shown with a badge is worse than no answer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStoryDir } from '../../cli/io.ts';
import { generate } from '../../bench/generate.ts';
import background from '../../lib/match/background.json' with { type: 'json' };
import { buildIndex, matchArticle, sharedThings, weighCandidates, type MatchQuery } from '../../lib/match/index.ts';
import { analyseQuery } from '../../lib/match/query.ts';
import { MODEL } from '../../lib/match/model.ts';
import { idfWithBackground, isCommonWord, isTellingWord } from '../../lib/match/rarity.ts';
import { sourceDomain } from '../../lib/match/story-doc.ts';
import { FEATURES } from '../../lib/match/features.ts';
import type { Story } from '../../lib/story/story.ts';
import { QUAKE_2019, STORIES, story } from './match-stories.ts';

const BUNDLED = readStoryDir('data/stories', () => {});
const SEED = BUNDLED[0]!;
const CASES = JSON.parse(readFileSync('tests/fixtures/match-cases/bundled-store.json', 'utf8')) as {
  day: string;
  unrelated: { title: string; text: string; url?: string }[];
  sources: { n: number; text: string; url?: string }[];
};

/** The language's 2,000 commonest words, by the background table's own ranking (its levels run from rare to common). */
const COMMONEST = [...background.levels]
  .reverse()
  .flatMap((words) => words.split(' ').filter(Boolean))
  .slice(0, 2000);

describe('the store as installed (the bundled seed story)', () => {
  const index = buildIndex(BUNDLED);

  it.each(CASES.unrelated.map((a) => [a.title, a] as const))('answers "no story" to same-day news: %s', (_, a) => {
    expect(matchArticle({ ...a, publishedTime: CASES.day }, index).match).toBeNull();
  });

  it.each(CASES.sources.map((s) => [s.n, s] as const))("finds the story for source [%s]'s headline", (n, s) => {
    const source = SEED.sources.find((x) => x.n === n)!;
    const { match } = matchArticle({ title: source.title, text: s.text, url: s.url, publishedTime: CASES.day }, index);
    expect(match?.storyId).toBe(SEED.id);
  });
});

describe('dates corroborate, never carry', () => {
  // Words every news article has: none is distinctive, and the seed story has them all.
  const COMMON_ONLY: MatchQuery = {
    title: 'A year of change: what the first months showed',
    text: 'One year on, the group said the first months had been a time of change. According to the report, around half of the people in the area had seen some kind of help, and most of them said it would matter for years. The new plan is to build on that work, the report said, and to make it part of the way things are done.',
  };
  const stores: [number, Story[]][] = [
    [1, BUNDLED],
    [3, [...BUNDLED, ...STORIES.slice(0, 2)]],
    [1000, [...BUNDLED, ...generate(999, 0).stories]],
  ];

  it.each(stores)(
    'a pair with nothing distinctive in common stays below the threshold, dated inside the story, with %s stories',
    (_, stories) => {
      const index = buildIndex(stories);
      for (const day of [SEED.publishedAt, null]) {
        const { match, alternatives } = matchArticle({ ...COMMON_ONLY, publishedTime: day }, index);
        expect(match).toBeNull();
        for (const a of alternatives) expect(a.confidence).toBeLessThan(MODEL.threshold);
      }
    },
  );

  it('has no feature that raises confidence for a near date', () => {
    expect(FEATURES.filter((f) => f.startsWith('time'))).toEqual(['timeFar']);
    expect(MODEL.weights.timeFar).toBeLessThanOrEqual(0);
  });
});

describe('one name does not carry', () => {
  // A story about one event of a public figure's, and other news of hers, the same day: the
  // person is all they share, written in full ("Marla Quintero": two rare words, one person).
  const QUINTERO = story({
    id: 'quintero-water-bill',
    title: 'Marla Quintero files a bill to cap farm water allotments in the Alcona basin',
    dek: 'Senator Marla Quintero wants irrigation allotments in the Alcona basin capped at 60 percent of their 2010 level.',
    body: [
      'Senator Marla Quintero on Tuesday filed a bill that would cap irrigation allotments in the Alcona basin, where aquifers have fallen for a decade.',
      'Growers in the Alcona basin said the cap would idle orchards; Quintero said the aquifers could not wait.',
      'The bill goes to the water committee, which Quintero chairs, next month.',
    ],
    day: '2024-03-12',
    sources: [
      ['Valley Ledger', 'valleyledger.example', 'Quintero bill would cap Alcona basin water allotments', '/quintero-water'],
      ['State Wire', 'statewire.example', 'Senator seeks cap on farm water in Alcona basin', '/alcona-cap'],
      ['Farm Journal', 'farmjournal.example', 'Growers fear Quintero water cap', '/growers-cap'],
    ],
  });
  const OTHER_NEWS: MatchQuery = {
    title: 'Marla Quintero says she will run for governor',
    text: 'Marla Quintero told supporters on Tuesday evening that she would run for governor next year. Quintero, who has served two terms, said her campaign would focus on schools and housing, and that she would announce a running mate in the summer. Supporters cheered as Quintero spoke.',
    publishedTime: '2024-03-12T20:00:00Z',
  };

  it('counts a person named in full once', () => {
    expect(sharedThings(['marla', 'quintero'], [new Set(['marla quintero'])])).toBe(1);
    expect(sharedThings(['marla', 'quintero', 'alcona'], [new Set(), new Set(['senator marla quintero', 'alcona basin'])])).toBe(2);
    // Two people of one family are two.
    expect(sharedThings(['donald', 'trump', 'ivanka'], [new Set(['donald trump', 'ivanka trump'])])).toBe(2);
  });

  it.each([1, 3, 1000])('never matches other news of the same person, with %s stories', (size) => {
    const index = buildIndex([QUINTERO, ...STORIES.slice(0, Math.min(2, size - 1)), ...generate(Math.max(0, size - 3), 0).stories]);
    const weighed = weighCandidates(index, analyseQuery(OTHER_NEWS, index.text)).weighed.find((w) => w.storyId === QUINTERO.id);
    expect(weighed?.distinctive).toBe(false);
    expect(matchArticle(OTHER_NEWS, index).match).toBeNull();
    // The story's own news, told by another outlet, still is.
    const own: MatchQuery = {
      title: 'Quintero proposes Alcona basin water cap',
      text: 'State Senator Marla Quintero filed a bill on Tuesday to cap irrigation allotments in the Alcona basin at 60 percent of their 2010 level. Growers said the cap would idle orchards across the basin; Quintero said the falling aquifers could not wait.',
      publishedTime: '2024-03-12T18:00:00Z',
    };
    expect(matchArticle(own, index).match?.storyId).toBe(QUINTERO.id);
  });
});

describe('rarity from the language', () => {
  it('counts the same word as common with 1 story and with 10,000', () => {
    // "year" is in every document of a one-story store that has it; the language says it is common.
    expect(idfWithBackground(1, 1, 'year')).toBeLessThan(idfWithBackground(1, 1, 'ridgecrest') / 2);
    expect(Math.abs(idfWithBackground(1, 0, 'mayo') - idfWithBackground(10_000, 0, 'mayo'))).toBeLessThan(1);
  });

  it('knows the commonest words, contractions and numbers as common', () => {
    for (const w of COMMONEST) expect(isCommonWord(w), w).toBe(true);
    for (const w of ['don’t', "we're", 'it’ll', '12', 'year', 'according']) expect(isCommonWord(w), w).toBe(true);
    for (const w of ['mayo', 'ridgecrest', 'gerrymander', 'teixeira']) expect(isCommonWord(w), w).toBe(false);
    expect(COMMONEST.length).toBe(2000);
  });

  it('takes no bare number for a telling word: it says nothing without what it counts', () => {
    for (const w of ['000', '100', '498', '2021']) expect(isTellingWord(w), w).toBe(false);
    // Nor a number's tail: "$3.5T" gave the rare term "5t".
    for (const w of ['5t', '2nd', '10am']) expect(isTellingWord(w), w).toBe(false);
    // Nor a person's title: "Sen." and "Gov." are in every political story.
    for (const w of ['sen', 'gov', 'rep']) expect(isTellingWord(w), w).toBe(false);
    for (const w of ['mayo', 'covid', 'a380', 'f35']) expect(isTellingWord(w), w).toBe(true);
    // Two stories that share only thousands and a hundred: nothing distinctive, never a match.
    const numbers = buildIndex([
      story({
        id: 'numbers',
        title: 'What the week brought',
        dek: 'There were 498,000 of them, then 100,000 more.',
        body: ['Some 100 people said that 1,000 would be fine.'],
        day: '2021-05-06',
        sources: [['Wire', 'wire.example', 'What the week brought', '/week']],
      }),
    ]);
    const article = {
      title: 'Looking back',
      text: 'Officials counted 498,000, and 100 more said 7,000 was the goal.',
      publishedTime: '2021-05-06T12:00:00Z',
    };
    const [weighed] = weighCandidates(numbers, analyseQuery(article, numbers.text)).weighed;
    expect(weighed?.storyId).toBe('numbers');
    expect(weighed?.distinctive).toBe(false);
    expect(matchArticle(article, numbers).match).toBeNull();
  });

  it("never names one of the language's 2,000 commonest words as a shared rare term", () => {
    const common = new Set(COMMONEST);
    const { stories, articles } = generate(200, 300, 7);
    const index = buildIndex([...stories, ...BUNDLED]);
    const queries: MatchQuery[] = [
      ...articles,
      ...CASES.sources.map((s) => ({ title: SEED.sources.find((x) => x.n === s.n)!.title, text: s.text })),
      { title: SEED.title, text: SEED.dek },
    ];
    let cited = 0;
    for (const q of queries) {
      for (const r of matchArticle(q, index).match?.reasons ?? []) {
        if (r.code !== 'reasonTerms') continue;
        const words = r.args![0]!.split(', ');
        cited += words.length;
        for (const w of words) expect(common.has(w) || /^\d+$/.test(w), w).toBe(false);
      }
    }
    expect(cited).toBeGreaterThan(0);
    // 300 matches: a second on a quiet machine, more than vitest's default 5 s on a loaded one.
  }, 30_000);
});

describe("a source's outlet on a mobile host", () => {
  const mobile: Story = {
    ...QUAKE_2019,
    id: 'mobile-source',
    sources: QUAKE_2019.sources.map((s, i) =>
      i === 0 ? { ...s, outletDomain: undefined, url: 'https://m.kerndaily.example/news/quake-damage' } : s,
    ),
  };

  it('folds m. like an article host', () => {
    expect(sourceDomain(mobile.sources[0]!)).toBe('kerndaily.example');
    expect(sourceDomain({ ...mobile.sources[0]!, outletDomain: 'www.kerndaily.example' })).toBe('kerndaily.example');
  });

  it.each(['https://m.kerndaily.example/news/other', 'https://www.kerndaily.example/news/other', 'https://kerndaily.example/amp/other'])(
    'proves the same outlet and headline on %s',
    (url) => {
      const { match } = matchArticle(
        { title: mobile.sources[0]!.title, text: 'Crews worked through the night.', url },
        buildIndex([mobile]),
      );
      expect(match?.confidence).toBe(1);
      expect(match?.reasons[0]?.code).toBe('reasonOutletTitle');
    },
  );
});
