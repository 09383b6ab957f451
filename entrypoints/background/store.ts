// The stories the matcher searches: the bundled store, passed through the same door as any
// other, and its match index, loaded from IndexedDB when saved for this store version.
import bundled from 'virtual:bundled-stories';
import type { StoryIndex } from '../../lib/match/index.ts';
import { contentVersion, indexFor } from '../../lib/match/persist.ts';
import { describeRejection, parseStories, type Story } from '../../lib/story.ts';

export interface Store {
  stories: Map<string, Story>;
  index: StoryIndex;
}

let cache: Promise<Store> | null = null;

async function load(): Promise<Store> {
  const { stories, rejected } = parseStories(bundled);
  for (const r of rejected) console.warn('[factlen] bundled', ...describeRejection(r));
  // The one call the store wiring needs: whoever supplies the stories supplies their version.
  const { index } = await indexFor(contentVersion(stories), stories);
  return { stories: new Map(stories.map((s) => [s.id, s])), index };
}

/** The store and its index, once per service-worker life (a failed load is retried next time). */
export function getStore(): Promise<Store> {
  cache ??= load().catch((err: unknown) => {
    cache = null;
    throw err;
  });
  return cache;
}
