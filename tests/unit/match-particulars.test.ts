// A story's particulars (lib/match/particulars.ts): the uncommon words several of its texts use, the
// event's particulars that a sibling event of the same kind does not share.
import { describe, expect, it } from 'vitest';
import { buildIndex, weighCandidates } from '../../lib/match/index.ts';
import { analyseQuery } from '../../lib/match/query.ts';
import { particularsShares, storyParticulars } from '../../lib/match/particulars.ts';
import type { Story } from '../../lib/story/story.ts';
import { NOTO_ARTICLE, QUAKE_2019, RIDGECREST_ARTICLE, STORIES } from './match-stories.ts';

/** A story of `title`, `dek`, `body` and sources headlined `headlines`. */
function told(title: string, dek: string, body: string[], headlines: string[]): Story {
  return {
    ...QUAKE_2019,
    id: 'told',
    title,
    dek,
    body,
    sources: headlines.map((h, i) => ({ ...QUAKE_2019.sources[0]!, n: i + 1, title: h, url: `https://example.com/${i}` })),
  };
}

describe("a story's particulars", () => {
  it('is the uncommon words three or more of its texts use', () => {
    // "ridgecrest" and "trona" are told by three texts or more; "mojave" and "aftershocks" by fewer.
    const particulars = storyParticulars(QUAKE_2019);
    expect(particulars).toEqual(expect.arrayContaining(['ridgecrest', 'trona', 'magnitude', 'earthquake']));
    expect(particulars).not.toContain('mojave');
    expect(particulars).not.toContain('aftershocks');
  });

  it('leaves out common words, however many texts use them', () => {
    const story = told(
      'Wexcombe council meets again',
      'The Wexcombe council will meet again next week.',
      ['The council met again in Wexcombe.'],
      ['Council to meet again'],
    );
    expect(storyParticulars(story)).toEqual(['wexcombe']);
  });

  it('keeps a name that is a common word, but not the word', () => {
    const named = told('Bush signs the bill', 'President Bush signed the farm bill on Friday.', ['Aides said Bush would travel.'], []);
    expect(storyParticulars(named)).toContain('bush');
    const plant = told('A bush in bloom', 'The bush by the gate is in bloom.', ['Every bush in the park flowered.'], []);
    expect(storyParticulars(plant)).not.toContain('bush');
  });

  it('does not take the words of a headline in title case for names', () => {
    const story = told(
      'Court Will Rule Soon',
      'Judges hear the last arguments.',
      ['Lawyers argued for hours.'],
      ['Appeal Court To Rule Soon', 'Judges Rule On The Appeal Today'],
    );
    expect(storyParticulars(story)).not.toContain('rule');
  });

  it('counts a text that another contains word for word once', () => {
    const dek = 'Flooding closed the Wexcombe bridge.';
    const repeated = told('Storm hits the coast', dek, [`${dek} Crews cleared debris all day.`], ['Wexcombe bridge closed']);
    expect(storyParticulars(repeated)).not.toContain('wexcombe');
    const retold = told(
      'Storm hits the coast',
      'Floodwater shut the Wexcombe crossing.',
      [`${dek} Crews cleared debris all day.`],
      ['Wexcombe bridge closed'],
    );
    expect(storyParticulars(retold)).toContain('wexcombe');
    // Past 60,000 characters only exact repeats count once (the containment check is quadratic).
    const long = told(
      'Storm hits the coast',
      dek,
      [`${dek} Crews cleared debris all day.`, 'x'.repeat(60_000)],
      ['Wexcombe bridge closed'],
    );
    expect(storyParticulars(long)).toContain('wexcombe');
    // One wire headline run by three outlets is one telling.
    const wire = told('Storm hits the coast', 'Rain all night.', ['Crews cleared debris.'], Array(3).fill('Wexcombe bridge closed'));
    expect(storyParticulars(wire)).not.toContain('wexcombe');
  });

  it('weighs each word by its squared idf in the shares the article and its lede use', () => {
    const idf = (t: string) => ({ rare: 3, common: 1 })[t] ?? 0;
    const [text, lede] = particularsShares(
      ['rare', 'common'],
      idf,
      () => true,
      (t) => t === 'common',
    );
    expect(text).toBe(1);
    expect(lede).toBeCloseTo(1 / 10);
    expect(
      particularsShares(
        ['rare', 'common'],
        idf,
        (t) => t === 'rare',
        () => false,
      )[0],
    ).toBeCloseTo(9 / 10);
    expect(
      particularsShares(
        [],
        idf,
        () => true,
        () => true,
      ),
    ).toEqual([0, 0]);
  });
});

describe('the particulars features (all the text, and the headline and lede)', () => {
  const index = buildIndex(STORIES);
  const featuresFor = (article: { title: string; text: string; publishedTime: string }) => {
    const { weighed } = weighCandidates(index, analyseQuery(article, index.text));
    return weighed.find((w) => w.storyId === QUAKE_2019.id)!.features;
  };

  it("are high for the event's own article and low for another quake's", () => {
    const own = featuresFor(RIDGECREST_ARTICLE);
    const sibling = featuresFor(NOTO_ARTICLE);
    expect(own.particulars).toBeGreaterThan(0.9);
    expect(sibling.particulars).toBeLessThan(0.5);
    expect(own.ledeParticulars).toBeGreaterThan(sibling.ledeParticulars);
  });

  it('tell a follow-up that recalls the event further down from an article that leads with it', () => {
    const followUp = {
      title: 'Ridgecrest council approves rebuilding grants',
      text: [
        'The Ridgecrest city council voted on Tuesday to fund grants for homeowners repairing foundations and chimneys.',
        'Families may apply from next month, and inspectors will visit each house before any money is paid.',
        'The grants follow the magnitude 6.4 earthquake that shook Ridgecrest and Trona in July.',
      ].join('\n\n'),
      publishedTime: '2019-08-20T15:00:00Z',
    };
    const f = featuresFor(followUp);
    expect(f.particulars).toBeGreaterThan(0.5);
    expect(f.ledeParticulars).toBeLessThan(f.particulars);
    expect(featuresFor(RIDGECREST_ARTICLE).ledeParticulars).toBeGreaterThan(f.ledeParticulars);
  });
});
