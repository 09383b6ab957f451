// "Is it this story?": with no match, the story the model finds likelier than not is asked
// about, with why; never one without distinctive content, never as a match, never after the
// reader said no story covers the page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/index.ts';
import type { Article } from '../../lib/article.ts';
import { buildIndex, loadIndex, matchArticle, serializeIndex, SUGGEST } from '../../lib/match/index.ts';
import { MODEL } from '../../lib/match/model.ts';
import { reportFor } from '../../lib/report.ts';
import { createStorySet } from '../../lib/store/story-set.ts';
import type { Story } from '../../lib/story/story.ts';
import { parseFixture } from './extract/dom.ts';

const load = (f: string): Story => JSON.parse(readFileSync(`tests/fixtures/e2e-store/${f}.json`, 'utf8'));
const STORIES = ['microsoft-mayo-clinic-frontier-ai-model', 'northvale-hospital-ai-triage', 'riverton-transit-levy-vote'].map(load);
const index = buildIndex(STORIES);

function article(page: string, url: string): Article {
  const ex = extractArticle(parseFixture(page), url);
  if (ex.kind !== 'article') throw new Error(`${page}: not an article`);
  return ex.article;
}
// The transit board's first decision after the levy vote: the levy story's follow-up, not its event.
const followUp = article('riverton-brt-routes.html', 'https://rivertonledger.example/news/2026/05/09/eastside-rapid-bus');
const unrelated = article('local-sports.html', 'https://lakesidegazette.example/sports/eagles-rally-wildcats');

describe('"Is it this story?"', () => {
  it('asks about the story the model finds likelier than not, with its reasons, and matches nothing', () => {
    const r = matchArticle(followUp, index);
    expect(r.match).toBeNull();
    expect(r.suggestion?.storyId).toBe('riverton-transit-levy-vote');
    expect(r.suggestion!.confidence).toBeGreaterThanOrEqual(SUGGEST);
    expect(r.suggestion!.confidence).toBeLessThan(MODEL.threshold);
    expect(r.suggestion!.reasons.map((x) => x.detail).slice(0, 2)).toEqual([
      'Shares rare names: Riverton',
      'Shares rare terms: corridor, rapid, levy',
    ]);
    // It stays a runner-up the reader can pick under "Not this story?" too.
    expect(r.alternatives[0]).toEqual({ storyId: 'riverton-transit-levy-vote', confidence: r.suggestion!.confidence });
  });

  it("is the story when the follow-up restates the vote's particulars and figures, the figures first among its reasons", () => {
    const restated = {
      ...followUp,
      text: followUp.text.replace(
        'approved the transit levy this week.',
        'approved the transit levy this week, with 56 percent voting yes. The property-tax levy raises about $48 million a year for 10 years to fund three bus rapid transit lines.',
      ),
    };
    expect(restated.text).not.toBe(followUp.text);
    const { match } = matchArticle(restated, index);
    expect(match?.storyId).toBe('riverton-transit-levy-vote');
    // Three figures stated alike come before the one place both name: the popup shows the first.
    expect(match!.reasons.map((x) => x.detail).slice(0, 2)).toEqual([
      'Same figures: 56%, $48m a year, 10 years',
      'Shares rare names: Riverton',
    ]);
  });

  it('asks about nothing on an unrelated article', () => {
    const r = matchArticle(unrelated, index);
    expect(r.match).toBeNull();
    expect(r.suggestion).toBeUndefined();
  });

  it('never asks about a story without distinctive content in common, however sure the model is', () => {
    // Every pair would be a sure match, were matches possible at all.
    const sure = { ...MODEL, bias: 50, threshold: 1.01 };
    expect(matchArticle(unrelated, index, sure).suggestion).toBeUndefined();
    expect(matchArticle(followUp, index, sure).suggestion?.storyId).toBe('riverton-transit-levy-vote');
  });

  it('asks about nothing below even odds', () => {
    const doubtful = { ...MODEL, bias: MODEL.bias - 3 };
    const r = matchArticle(followUp, index, doubtful);
    expect(r.alternatives[0]!.confidence).toBeLessThan(SUGGEST);
    expect(r.suggestion).toBeUndefined();
  });

  it('is a match, not a question, at or above the threshold', () => {
    const r = matchArticle(followUp, index, { ...MODEL, threshold: SUGGEST });
    expect(r.match?.storyId).toBe('riverton-transit-levy-vote');
    expect(r.suggestion).toBeUndefined();
  });

  it('reaches the popup named, and not once the reader said no story covers the page', async () => {
    const view = createStorySet(STORIES, 'test').current();
    const store = { view, index: loadIndex(serializeIndex(index), view.ids)! };
    const r = await reportFor(followUp, store, null);
    expect(r).toMatchObject({
      state: 'no-match',
      suggestion: { storyId: 'riverton-transit-levy-vote', title: 'Riverton Voters Approve Transit Levy to Expand Bus Rapid Transit' },
    });
    const dismissed = await reportFor(followUp, store, { kind: 'none' });
    expect(dismissed.state).toBe('no-match');
    expect(dismissed).not.toHaveProperty('suggestion');
    expect(await reportFor(unrelated, store, null)).not.toHaveProperty('suggestion');
  });
});
