// The stories the matcher searches — the bundled store with the remote one on top (lib/store) —
// and their match index, which IndexedDB keeps per story-set version (lib/match/persist.ts). A
// waking service worker reads the remote store's snapshot and the saved index, not the stories:
// a match loads the few it weighs (see match-tab.ts).
import bundled from 'virtual:bundled-stories';
import type { StoryIndex } from '../../lib/match/index.ts';
import { clearSavedIndex, indexFor, readSavedIndex } from '../../lib/match/persist.ts';
import { fnv1a } from '../../lib/store/bytes.ts';
import { memoryDb, openStoreDb, type StoreDb } from '../../lib/store/db.ts';
import { createStorySet, type StorySet, type StorySetView } from '../../lib/store/story-set.ts';
import { describeRejection, parseStories } from '../../lib/story/story.ts';

/** The stories in use, their index and the store's topic names. */
export interface Store {
  view: StorySetView;
  index: StoryIndex;
  topicNames: Record<string, string>;
}

let ready: Promise<{ set: StorySet; db: StoreDb }> | null = null;
/**
 * How far the index of a store version has got: being built (or read), being saved, on the
 * device, or kept in memory only (saving failed). A worker stopped before its index is saved
 * does that work again when it next wakes; the options page and the benchmarks can tell.
 */
export type IndexState = 'building' | 'saving' | 'saved' | 'unsaved';

let indexed: { version: string; index: Promise<StoryIndex>; state: IndexState } | null = null;
// One index update at a time: each starts from what the previous one saved.
let queue: Promise<unknown> = Promise.resolve();

// The saved index is read as the worker wakes, alongside the story set's snapshot (which says
// the version it must be for): the two reads are most of a cold start, and need not wait in turn.
let early: ReturnType<typeof readSavedIndex> | null = null;

/** The index for this view of the story set, loaded, updated or built once per version. */
function indexOf(view: StorySetView): Promise<StoryIndex> {
  if (indexed?.version !== view.version) {
    const saved = early ?? undefined;
    early = null;
    const made = queue.then(() => indexFor(view.version, view, { saved }));
    const run = made.then((r) => r.index);
    // The next update starts from what this one saved.
    queue = made.then((r) => r.saved).catch(() => undefined);
    const entry: NonNullable<typeof indexed> = { version: view.version, index: run, state: 'building' };
    indexed = entry;
    void made.then(async (r) => {
      entry.state = 'saving';
      entry.state = (await r.saved) ? 'saved' : 'unsaved';
    }, () => undefined);
    // A failed update is retried by the next caller rather than remembered.
    run.catch(() => {
      if (indexed?.index === run) indexed = null;
    });
  }
  return indexed.index;
}

/**
 * Forgets `index`, and the saved copy it was read from, after a part of it left on disk could not
 * be read (IndexReadError): the next `getStore` builds the index anew from the stories instead of
 * every match failing until the worker sleeps (a failed read is otherwise tried again, and fails
 * again, on every click).
 */
export async function forgetIndex(index: StoryIndex): Promise<void> {
  const entry = indexed;
  // An index that is no longer the current one (a newer version replaced it, and its file) is
  // left alone: the next `getStore` gives the current one.
  if (!entry || (await entry.index.catch(() => null)) !== index || indexed !== entry) return;
  indexed = null;
  await clearSavedIndex().catch((err) => console.warn('[factlen] the saved match index could not be removed', err));
}

/** The state of the index for `version` in this worker, or null when none is under way. */
export const indexState = (version: string): IndexState | null => (indexed?.version === version ? indexed.state : null);

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
    set.onChange((view) => void indexOf(view).catch((err) => console.error('[factlen] match index update failed', err)));
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
  if (!ready && !indexed) early = readSavedIndex();
  const view = (await loadStories()).set.current();
  const topicNames = Object.fromEntries((view.remote?.topics ?? []).map((topic) => [topic.id, topic.name]));
  return { view, index: await indexOf(view), topicNames };
}
