// Stories of one saga in one store (issue 19): an article on another stage of it shares the
// saga's words and names with each of them, and matching it to the likeliest is a guess.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.ts';
import { extractArticle } from '../../lib/extract/index.ts';
import { reportFor } from '../../lib/report.ts';
import { createStorySet } from '../../lib/store/story-set.ts';
import { parseFixture } from './extract/dom.ts';
import { lens } from './lens.ts';
import { buildIndex, matchArticle, OUTSIDE_COVERAGE_DAYS, weighCandidates, type MatchQuery } from '../../lib/match/index.ts';
import { analyseQuery } from '../../lib/match/query.ts';
import type { Story } from '../../lib/story/story.ts';
import { STORIES, story } from './match-stories.ts';

const APPROVED = story({
  id: 'brandt-reservoir-approved',
  title: 'Harlow County approves Brandt Reservoir expansion',
  dek: 'Commissioners voted 4-1 to raise the Brandt Reservoir dam by 12 feet, flooding part of the Osage Flats.',
  body: [
    'Harlow County commissioners on Monday approved the Brandt Reservoir expansion, voting 4-1 to raise the dam by 12 feet.',
    'The expansion would flood about 900 acres of the Osage Flats, where ranchers have grazed cattle for a century.',
    'Commissioner Dana Whitcombe cast the lone vote against the Brandt Reservoir plan, saying the county had not studied the wetlands.',
  ],
  day: '2024-05-06',
  sources: [
    ['Harlow Gazette', 'harlowgazette.example', 'Commissioners approve Brandt Reservoir expansion 4-1', '/brandt-vote'],
    ['Plains Wire', 'plainswire.example', 'Harlow County votes to raise Brandt dam 12 feet', '/brandt-dam'],
    ['Ranch Report', 'ranchreport.example', 'Osage Flats ranchers lose Brandt Reservoir fight', '/osage-flats'],
  ],
});

const SUED = story({
  id: 'brandt-reservoir-lawsuit',
  title: 'Ranchers sue to stop Brandt Reservoir expansion',
  dek: 'Osage Flats ranchers asked a federal court to halt the Brandt Reservoir expansion Harlow County approved.',
  body: [
    'A group of Osage Flats ranchers on Thursday sued Harlow County in federal court to stop the Brandt Reservoir expansion.',
    'The lawsuit says the county ignored the wetlands the expansion would flood and asks a judge to void the commissioners’ vote.',
    'Harlow County said it would defend the Brandt Reservoir plan, which commissioners approved last month.',
  ],
  day: '2024-06-13',
  sources: [
    ['Harlow Gazette', 'harlowgazette.example', 'Ranchers sue Harlow County over Brandt Reservoir', '/brandt-suit'],
    ['Plains Wire', 'plainswire.example', 'Lawsuit seeks to halt Brandt Reservoir expansion', '/brandt-lawsuit'],
    ['Ranch Report', 'ranchreport.example', 'Osage Flats ranchers take Brandt fight to federal court', '/osage-court'],
  ],
});

/** A third stage, the day the lawsuit was filed: it shares the saga's words with both stories and nothing with either alone. */
const PAUSED: MatchQuery = {
  title: 'Harlow County pauses Brandt Reservoir expansion',
  text: 'Harlow County commissioners on Tuesday paused the Brandt Reservoir expansion while the county studies the wetlands of the Osage Flats that it would flood. Ranchers of the Osage Flats welcomed the pause. The county said the Brandt Reservoir expansion would go ahead once the wetlands study is done.',
  publishedTime: '2024-06-13T18:00:00Z',
};

const storeOf = (size: number): Story[] => [
  APPROVED,
  SUED,
  ...STORIES.slice(0, Math.min(1, size - 2)),
  ...generate(Math.max(0, size - 3), 0).stories,
];

describe("a saga's stages in one store", () => {
  it.each([2, 3, 1000])('match no story for another stage of the saga, with %s stories', (size) => {
    const index = buildIndex(storeOf(size));
    const q = analyseQuery(PAUSED, index.text);
    // Weighed alone, the lawsuit story looks like a match: the dates agree and every word is the saga's.
    const [unchecked] = weighCandidates(index, q, undefined, { holdBack: false }).weighed;
    expect(unchecked?.storyId).toBe(SUED.id);
    expect(unchecked!.confidence).toBeGreaterThan(0.95);
    const { weighed } = weighCandidates(index, q);
    expect(weighed.filter((w) => w.storyId === SUED.id || w.storyId === APPROVED.id).map((w) => w.distinctive)).toEqual([false, false]);
    const result = matchArticle(PAUSED, index);
    expect(result.match).toBeNull();
    // Not even asked about: which of them would it be?
    expect(result.suggestion).toBeUndefined();
  });

  it.each([2, 3, 1000])('still match each stage told by another outlet, with %s stories', (size) => {
    const index = buildIndex(storeOf(size));
    const vote: MatchQuery = {
      title: 'Brandt dam will rise 12 feet after 4-1 vote',
      text: 'Harlow County commissioners voted 4-1 on Monday to raise the Brandt Reservoir dam by 12 feet. Commissioner Dana Whitcombe voted against the expansion, which would flood about 900 acres of the Osage Flats.',
      publishedTime: '2024-05-06T20:00:00Z',
    };
    const suit: MatchQuery = {
      title: 'Osage Flats ranchers file federal lawsuit over Brandt Reservoir',
      text: 'Ranchers from the Osage Flats filed a lawsuit in federal court on Thursday asking a judge to void Harlow County’s vote on the Brandt Reservoir expansion. The suit says the county ignored the wetlands the reservoir would flood.',
      publishedTime: '2024-06-13T20:00:00Z',
    };
    expect(matchArticle(vote, index).match?.storyId).toBe(APPROVED.id);
    expect(matchArticle(suit, index).match?.storyId).toBe(SUED.id);
  });

  it('leaves a story alone in its saga to the model: there is nothing to tell it apart from', () => {
    const index = buildIndex([SUED, ...STORIES]);
    const [best] = weighCandidates(index, analyseQuery(PAUSED, index.text)).weighed;
    const [unchecked] = weighCandidates(index, analyseQuery(PAUSED, index.text), undefined, { holdBack: false }).weighed;
    expect(best).toEqual(unchecked);
  });
});

describe('an article dated far outside a story’s coverage', () => {
  // The vote's own article, as another outlet wrote it: a match on the day, and within a week.
  const vote = (day: string): MatchQuery => ({
    title: 'Brandt dam will rise 12 feet after 4-1 vote',
    text: 'Harlow County commissioners voted 4-1 to raise the Brandt Reservoir dam by 12 feet. Commissioner Dana Whitcombe voted against the expansion, which would flood about 900 acres of the Osage Flats.',
    publishedTime: `${day}T20:00:00Z`,
  });

  it.each([1, 1000])('is a question, never a match, more than a week later, with %s stories', (size) => {
    const index = buildIndex([APPROVED, ...generate(size - 1, 0).stories]);
    expect(matchArticle(vote('2024-05-06'), index).match?.storyId).toBe(APPROVED.id);
    expect(matchArticle(vote(`2024-05-${6 + OUTSIDE_COVERAGE_DAYS}`), index).match?.storyId).toBe(APPROVED.id);
    const later = matchArticle(vote(`2024-05-${6 + OUTSIDE_COVERAGE_DAYS + 1}`), index);
    expect(later.match).toBeNull();
    expect(later.suggestion?.storyId).toBe(APPROVED.id);
    // And so before the story's first source: what led to it.
    expect(matchArticle(vote('2024-04-20'), index).match).toBeNull();
  });
});

describe('the popup on a page about another stage of a saga', () => {
  const load = (f: string): Story => JSON.parse(readFileSync(`tests/fixtures/e2e-store/${f}.json`, 'utf8'));
  const stores = readdirSync('tests/fixtures/e2e-store').map((f) => load(f.replace(/\.json$/, '')));
  const index = buildIndex(stores);
  const ex = extractArticle(parseFixture('harlow-reservoir-pause.html'), 'https://plainscourier.com/news/2026/06/12/brandt-pause');
  if (ex.kind !== 'article') throw new Error('not an article');

  it('names the stories of its subject, dated, and matches none of them', async () => {
    const report = await reportFor(ex.article, { view: createStorySet(stores, 'test').current(), index }, null);
    expect(report.state).toBe('no-match');
    if (report.state !== 'no-match') return;
    expect(report.suggestion).toBeUndefined();
    expect(report.sameSubject?.stories.map((s) => [s.storyId, s.publishedAt])).toEqual(
      expect.arrayContaining([
        ['harlow-brandt-reservoir-lawsuit', '2026-06-11T16:00:00Z'],
        ['harlow-brandt-reservoir-approved', '2026-05-12T14:00:00Z'],
      ]),
    );
    expect(report.sameSubject?.stories).toHaveLength(2);
    // Why they are listed: what the page shares with both.
    expect(report.sameSubject?.reasons[0]?.detail).toMatch(/^Shares rare names: .*Brandt Reservoir/);
  });

  it('is what `lens match` prints for the page', async () => {
    const r = await lens('match', 'tests/fixtures/pages/harlow-reservoir-pause.html', '--stories', 'tests/fixtures/e2e-store');
    expect(r.code).toBe(0);
    expect(r.json.storyId).toBeNull();
    expect(r.json.suggestion).toBeUndefined();
    expect(r.json.sameSubject.stories.map((c: { storyId: string }) => c.storyId).sort()).toEqual([
      'harlow-brandt-reservoir-approved',
      'harlow-brandt-reservoir-lawsuit',
    ]);
  });

  it('names none once the reader said no story covers the page', async () => {
    const report = await reportFor(ex.article, { view: createStorySet(stores, 'test').current(), index }, { kind: 'none' });
    expect(report.state === 'no-match' && report.sameSubject).toBeFalsy();
  });
});
