// The stories the matcher searches: the bundled store and the remote one on top (lib/store), and
// the index built from them. The index follows the story set's change notification.
import bundled from 'virtual:bundled-stories';
import { buildIndex, type StoryIndex } from '../../lib/match/index.ts';
import { fnv1a } from '../../lib/store/bytes.ts';
import { memoryDb, openStoreDb, type StoreDb } from '../../lib/store/db.ts';
import { createStorySet, type StoryChange, type StorySet, type StorySetView } from '../../lib/store/story-set.ts';
import { describeRejection, parseStories, type Story } from '../../lib/story.ts';

let ready: Promise<{ set: StorySet; db: StoreDb }> | null = null;
let indexed: { version: string; index: StoryIndex } | null = null;

/** Keeps the match index in step with the story set. `change` lists what an incremental index would touch. */
function updateIndex(view: StorySetView, _change?: StoryChange): void {
  indexed = { version: view.version, index: buildIndex([...view.stories.values()]) };
}

/** The story set, once per service-worker life: bundled stories at once, the remote store from IndexedDB. */
export function loadStories(): Promise<{ set: StorySet; db: StoreDb }> {
  ready ??= (async () => {
    const { stories, rejected } = parseStories(bundled);
    for (const r of rejected) console.warn('[factlen] bundled', ...describeRejection(r));
    const set = createStorySet(stories, fnv1a(JSON.stringify(bundled)));
    set.onChange(updateIndex);
    let db: StoreDb;
    try {
      db = await openStoreDb();
      set.setRemote(await db.read());
    } catch (err) {
      // No IndexedDB (a private window in some browsers): sync into memory for this session.
      console.error('[factlen] the saved story store could not be opened; using memory', err);
      db = memoryDb();
    }
    return { set, db };
  })();
  return ready;
}

export async function getStore(): Promise<{ stories: ReadonlyMap<string, Story>; index: StoryIndex; topicNames: Record<string, string> }> {
  const view = (await loadStories()).set.current();
  if (indexed?.version !== view.version) updateIndex(view);
  const topicNames = Object.fromEntries((view.remote?.topics ?? []).map((topic) => [topic.id, topic.name]));
  return { stories: view.stories, index: indexed!.index, topicNames };
}
