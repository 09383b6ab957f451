// The stories the matcher searches — the bundled store with the remote one on top (lib/store) —
// and their match index, which IndexedDB keeps per story-set version (lib/match/persist.ts). A
// waking service worker reads the remote store's snapshot and the saved index, not the stories:
// a match loads the few it weighs (see match-tab.ts).
import bundled from 'virtual:bundled-stories';
import type { StoryIndex } from '../../lib/match/index.ts';
import { clearSavedIndex, indexFor, readSavedIndex } from '../../lib/match/persist.ts';
import { createIndexCache, type IndexState } from '../../lib/store/index-cache.ts';
import { fnv1a } from '../../lib/store/bytes.ts';
import { memoryDb, openStoreDb, type StoreDb } from '../../lib/store/db.ts';
import { createStorySet, type StorySet, type StorySetView } from '../../lib/store/story-set.ts';
import { describeRejection, parseStories } from '../../lib/story/story.ts';
import { topicNames } from '../../lib/story/topics.ts';

/** The stories in use, their index and the store's topic names. */
export interface Store {
  view: StorySetView;
  index: StoryIndex;
  topicNames: Record<string, string>;
}

let ready: Promise<{ set: StorySet; db: StoreDb }> | null = null;

/** The match index of the stories in use, one per story-set version (lib/store/index-cache.ts). */
const indexes = createIndexCache({ indexFor, readSaved: readSavedIndex, clearSaved: clearSavedIndex });

/** Forgets `index` and its saved copy after part of it could not be read (IndexReadError). */
export const forgetIndex = (index: StoryIndex): Promise<void> => indexes.forget(index);

/** The state of the index for `version` in this worker, or null when none is under way. */
export const indexState = (version: string): IndexState | null => indexes.state(version);

/** The story set, once per service-worker life: bundled stories at once, the remote snapshot from IndexedDB. */
export function loadStories(): Promise<{ set: StorySet; db: StoreDb }> {
  ready ??= (async () => {
    const { stories, rejected } = parseStories(bundled);
    for (const r of rejected) console.warn('[factlen] bundled', ...describeRejection(r));
    let db: StoreDb;
    try {
      db = await openStoreDb();
    } catch (err) {
      // No IndexedDB (a private window in some browsers): sync into memory for this session.
      console.error('[factlen] the saved story store could not be opened; using memory', err);
      db = memoryDb();
    }
    const set = createStorySet(stories, fnv1a(JSON.stringify(bundled)), (shas) => db.getShards(shas));
    // A sync's swap starts the index update at once, so the first match after it need not wait.
    set.onChange((view) => void indexes.indexOf(view).catch((err) => console.error('[factlen] match index update failed', err)));
    try {
      await set.openRemote(await db.readSnapshot());
    } catch (err) {
      console.error('[factlen] the saved story store could not be read; starting from the bundled stories', err);
    }
    return { set, db };
  })();
  return ready;
}

/** The stories in use and their index. */
export async function getStore(): Promise<Store> {
  if (!ready && indexes.idle) indexes.readEarly();
  const view = (await loadStories()).set.current();
  return { view, index: await indexes.indexOf(view), topicNames: topicNames(view.remote?.topics) };
}
