/**
 * The matcher's index kept in IndexedDB, keyed by the store version it was built for, so a
 * service worker that wakes up loads it instead of rebuilding it. A new store version starts
 * from the saved index and only re-indexes the stories that were added, changed or removed.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Story } from '../story.ts';
import { buildIndex, INDEX_FORMAT, loadIndex, serializeIndex, syncIndex, type SerializedIndex, type StoryIndex } from './story-index.ts';

const DB_NAME = 'factlen-match';
const OBJECTS = 'index';
const KEY = 'current';

interface Saved {
  storeVersion: string;
  format: number;
  data: SerializedIndex;
}

/** How `indexFor` got its index, for logs and tests. */
export type IndexSource = 'loaded' | 'updated' | 'built';

/** What `indexFor` may be given instead of its defaults. */
export interface IndexDeps {
  warn?: (message: string, err: unknown) => void;
}

const open = () => openDB(DB_NAME, 1, { upgrade: (db) => void db.createObjectStore(OBJECTS) });

/** The stories to index, read whole only when the saved index is not for their version. */
export interface StorySource {
  ids: ReadonlySet<string>;
  all(): Promise<ReadonlyMap<string, Story>>;
}

/**
 * The index for `stories` at `storeVersion`: the saved one when it is for this version (without
 * reading the stories: see `loadIndex`), else the saved one brought up to date, else a new one;
 * a new or updated index is saved. Storage failures (private mode, quota) only cost the saving:
 * the index is returned anyway.
 */
export async function indexFor(storeVersion: string, source: readonly Story[] | StorySource, deps: IndexDeps = {}): Promise<{ index: StoryIndex; source: IndexSource }> {
  const warn = deps.warn ?? ((m, e) => console.warn(`[factlen] ${m}`, e));
  let db: IDBPDatabase | null = null;
  let saved: Saved | undefined;
  try {
    db = await open();
    saved = (await db.get(OBJECTS, KEY)) as Saved | undefined;
  } catch (err) {
    warn('the saved match index could not be read; building it', err);
  }
  const usable = saved && saved.format === INDEX_FORMAT ? saved : undefined;
  const lazy = !Array.isArray(source);
  if (usable && usable.storeVersion === storeVersion) {
    const index = loadIndex(usable.data, lazy ? (source as StorySource).ids : (source as readonly Story[]));
    if (index) {
      db?.close();
      return { index, source: 'loaded' };
    }
  }
  const stories = lazy ? [...(await (source as StorySource).all()).values()] : (source as readonly Story[]);
  const old = usable ? loadIndex(usable.data, stories) : null;
  const index = old ?? buildIndex(stories);
  if (old) syncIndex(index, stories);
  try {
    await db?.put(OBJECTS, { storeVersion, format: INDEX_FORMAT, data: serializeIndex(index) } satisfies Saved, KEY);
  } catch (err) {
    warn('the match index could not be saved', err);
  } finally {
    db?.close();
  }
  return { index, source: old ? 'updated' : 'built' };
}

/** Forgets the saved index (the next `indexFor` builds anew). */
export async function clearSavedIndex(): Promise<void> {
  const db = await open();
  await db.delete(OBJECTS, KEY);
  db.close();
}

/** A version key from the stories' content, for a store that carries no version of its own. */
export function contentVersion(stories: readonly Story[]): string {
  let h = 0x811c9dc5;
  for (const s of stories) {
    const json = JSON.stringify(s);
    for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
  }
  return `content:${stories.length}:${(h >>> 0).toString(36)}`;
}
