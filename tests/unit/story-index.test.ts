import { describe, expect, it } from 'vitest';
import { addStories, buildIndex, loadIndex, matchArticle, removeStories, serializeIndex, syncIndex } from '../../lib/match/index.ts';
import { hashOf, storyTerms } from '../../lib/match/story-doc.ts';
import type { Story } from '../../lib/story/story.ts';
import { NOTO_ARTICLE, QUAKE_2019, QUAKE_2023, RIDGECREST_ARTICLE, SPORTS_ARTICLE, STORIES } from './match-stories.ts';

const ARTICLES = [RIDGECREST_ARTICLE, NOTO_ARTICLE, SPORTS_ARTICLE, { title: QUAKE_2023.title, text: QUAKE_2023.body!.join(' ') }];
const answers = (index: ReturnType<typeof buildIndex>) => ARTICLES.map((a) => matchArticle(a, index));

describe('the story index', () => {
  it('answers the same after serialising and loading (also through JSON-free structured data)', () => {
    const index = buildIndex(STORIES);
    const loaded = loadIndex(structuredClone(serializeIndex(index)), STORIES);
    expect(loaded).not.toBeNull();
    expect(answers(loaded!)).toEqual(answers(index));
    // Each story's evidence comes back whole (each slot read, as a match reads the ones it weighs).
    const evidence = (ix: typeof index) => Array.from({ length: ix.docs.length }, (_, slot) => ix.docs.get(slot));
    expect(evidence(loaded!)).toEqual(evidence(index));
  });

  it('answers the same when built at once or story by story', () => {
    const one = buildIndex([]);
    for (const s of STORIES) addStories(one, [s]);
    expect(answers(one)).toEqual(answers(buildIndex(STORIES)));
  });

  it('weighs every word of a story with thousands of distinct words, built at once or added', () => {
    // Past the per-document table's first size (2,048 terms): it grows, and no word is lost.
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
    const long = {
      ...QUAKE_2023,
      id: 'long-story',
      body: [words.join(' ')],
      sources: QUAKE_2023.sources.map((s) => ({ ...s, url: `${s.url}?long` })),
    };
    const bulk = buildIndex([...STORIES, long]);
    const one = buildIndex(STORIES);
    addStories(one, [long]);
    // Its weighted length, summed by a plain Map instead of the index's table.
    const weighed = [...storyTerms(long).values()].reduce((a, b) => a + b, 0);
    expect(weighed).toBeGreaterThan(5000);
    for (const index of [bulk, one]) {
      expect(index.text.lens[index.slots.get('long-story')!]).toBeCloseTo(weighed, 6);
      expect(answers(index)).toEqual(answers(bulk));
    }
  });

  it('forgets a removed story, its words and its URLs', () => {
    const index = buildIndex(STORIES);
    expect(removeStories(index, [QUAKE_2019.id, 'no-such-story'])).toBe(1);
    expect(answers(index)).toEqual(answers(buildIndex(STORIES.filter((s) => s !== QUAKE_2019))));
    expect(matchArticle({ title: 'x', text: 'y', url: QUAKE_2019.sources[0]!.url }, index).match).toBeNull();
  });

  it('re-indexes a replaced story and skips an unchanged one', () => {
    const index = buildIndex(STORIES);
    expect(addStories(index, [QUAKE_2019])).toBe(0);
    const moved = { ...QUAKE_2019, sources: QUAKE_2019.sources.map((s) => ({ ...s, url: s.url!.replace('www.', 'news.') })) };
    expect(addStories(index, [moved])).toBe(1);
    expect(matchArticle({ title: 'x', text: 'y', url: QUAKE_2019.sources[0]!.url }, index).match).toBeNull();
    expect(matchArticle({ title: 'x', text: 'y', url: moved.sources[0]!.url }, index).match?.storyId).toBe(QUAKE_2019.id);
  });

  it.each<[string, (s: Story) => void]>([
    ['a longer paragraph', (s) => void (s.body![0] += ' More.')],
    ['a paragraph more', (s) => void s.body!.push('Another paragraph.')],
    ['a new headline', (s) => void (s.title += '!')],
    ['a source retitled', (s) => void (s.sources[1]!.title += ' (updated)')],
    ['a source added', (s) => void s.sources.push({ ...s.sources[0]!, n: 9 })],
    ['a viewpoint summary rewritten longer', (s) => void (s.viewpoints[0]!.summary += ' And more.')],
    ['an update time', (s) => void (s.updatedAt = '2019-07-06T00:00:00Z')],
  ])('notices a story changed by %s', (_, edit) => {
    const changed = structuredClone(QUAKE_2019);
    edit(changed);
    expect(hashOf(changed)).not.toBe(hashOf(QUAKE_2019));
    expect(hashOf(structuredClone(QUAKE_2019))).toBe(hashOf(QUAKE_2019));
  });

  it('syncs to a new store version: adds, replaces and removes, and reuses freed slots', () => {
    const index = buildIndex(STORIES.slice(0, 4));
    const next = [...STORIES.slice(1, 4), ...STORIES.slice(4)];
    expect(syncIndex(index, next)).toBe(1 + 2);
    expect(answers(index)).toEqual(answers(buildIndex(next)));
    expect(syncIndex(index, next)).toBe(0);
    expect(index.docs.length).toBeLessThanOrEqual(STORIES.length);
  });

  it('drops, on loading, the stories that are no longer in the store', () => {
    const loaded = loadIndex(
      serializeIndex(buildIndex(STORIES)),
      STORIES.filter((s) => s !== QUAKE_2019),
    )!;
    expect(loaded.slots.has(QUAKE_2019.id)).toBe(false);
    expect(answers(loaded)).toEqual(answers(buildIndex(STORIES.filter((s) => s !== QUAKE_2019))));
  });

  it('refuses data of another format or damaged data', () => {
    const data = serializeIndex(buildIndex(STORIES));
    expect(loadIndex({ ...data, format: 999 }, STORIES)).toBeNull();
    expect(loadIndex({ ...data, post: data.post.slice(1) }, STORIES)).toBeNull();
    expect(loadIndex({ ...data, docEnds: data.docEnds.slice(1) }, STORIES)).toBeNull();
    expect(loadIndex(null, STORIES)).toBeNull();
    expect(loadIndex('nonsense', STORIES)).toBeNull();
  });
});
