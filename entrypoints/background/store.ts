// The stories the matcher searches: the bundled store, passed through the same door as any
// other, and the index built from them once per service-worker life.
import bundled from 'virtual:bundled-stories';
import { buildIndex, type StoryIndex } from '../../lib/match/index.ts';
import { describeRejection, parseStories, type Story } from '../../lib/story.ts';

let cache: { stories: Map<string, Story>; index: StoryIndex } | null = null;

export function getStore() {
  if (!cache) {
    const { stories, rejected } = parseStories(bundled);
    for (const r of rejected) console.warn('[factlen] bundled', ...describeRejection(r));
    cache = { stories: new Map(stories.map((s) => [s.id, s])), index: buildIndex(stories) };
  }
  return cache;
}
