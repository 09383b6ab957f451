/**
 * The matcher's index kept on the device, keyed by the store version it was built for, so a
 * service worker that wakes up loads it instead of rebuilding it. A new store version starts
 * from the saved index and only re-indexes the stories that were added, changed or removed.
 * Where the browser has the origin-private file system the index is one binary file (one read,
 * arrays viewed in place: see index-file.ts); elsewhere (tests, older browsers) IndexedDB.
 */
import { openDB } from 'idb';
import type { Story } from '../story/story.ts';
import { packIndex, readIndexFile } from './index-file.ts';
import type { LeftOnDisk } from './on-disk.ts';
import { buildIndex, INDEX_FORMAT, loadIndex, serializeIndex, syncIndex, type SerializedIndex, type StoryIndex } from './story-index.ts';

const DB_NAME = 'factlen-match';
const OBJECTS = 'index';
const KEY = 'current';

export interface Saved {
  storeVersion: string;
  format: number;
  data: SerializedIndex;
  /** Where the postings and each slot's evidence are still to be read from, when they were left on disk. */
  disk?: LeftOnDisk | null;
}

/**
 * A part of an index left on disk could not be read: the file changed or went away under a live
 * worker (site data cleared, storage evicted). The index in memory is no use any more; the
 * caller forgets it, with the saved copy, and builds anew (entrypoints/background).
 */
export class IndexReadError extends Error {
  constructor(cause: unknown) {
    super('the saved match index could not be read', { cause });
    this.name = 'IndexReadError';
  }
}

/** `disk` with each read's failure an IndexReadError. */
function readsOrSays(disk: LeftOnDisk): LeftOnDisk {
  const guard =
    <A extends unknown[], R>(read: (...a: A) => Promise<R>) =>
    (...a: A) =>
      read(...a).catch((err: unknown) => Promise.reject(new IndexReadError(err)));
  return { read: guard(disk.read), docs: guard(disk.docs), urlRows: guard(disk.urlRows) };
}

/** How `indexFor` got its index, for logs and tests. */
export type IndexSource = 'loaded' | 'updated' | 'built';

/** What `indexFor` may be given instead of its defaults. */
export interface IndexDeps {
  warn?: (message: string, err: unknown) => void;
  /** A read of the saved index already under way (`readSavedIndex`), started before the version was known. */
  saved?: Promise<Saved | undefined>;
}

/**
 * Starts reading the saved index before the story set's version is known — a waking worker
 * reads both at once. It is read without its postings and evidence; `indexFor` reads it again whole if it
 * turns out to be for another version.
 */
export function readSavedIndex(): Promise<Saved | undefined> {
  return savedStore()
    .read('*')
    .catch(() => undefined);
}

const open = () => openDB(DB_NAME, 1, { upgrade: (db) => void db.createObjectStore(OBJECTS) });

/** Where the saved index lives. */
interface SavedStore {
  /** The saved index; for `lazyFor`'s version ('*': any), leaving its postings and evidence on disk where it can. */
  read(lazyFor?: string): Promise<Saved | undefined>;
  write(saved: Saved): Promise<void>;
  clear(): Promise<void>;
}

const FILE = 'match-index.bin';

type Dir = {
  getFileHandle(
    name: string,
    o?: { create?: boolean },
  ): Promise<{ getFile(): Promise<Blob>; createWritable?(): Promise<{ write(b: ArrayBuffer): Promise<void>; close(): Promise<void> }> }>;
  removeEntry(name: string): Promise<void>;
};

/** The origin-private file system, where the browser offers it (and lets us write files). */
function fileStore(): SavedStore | null {
  const storage = (globalThis as { navigator?: { storage?: { getDirectory?: () => Promise<Dir> } } }).navigator?.storage;
  if (!storage?.getDirectory) return null;
  const dir = () => storage.getDirectory!();
  return {
    async read(lazyFor) {
      const handle = await (await dir()).getFileHandle(FILE).catch(() => null);
      if (!handle) return undefined;
      const read = await readIndexFile(await handle.getFile(), (version) => lazyFor === '*' || version === lazyFor);
      return read
        ? { storeVersion: read.storeVersion, format: read.data.format, data: read.data, disk: read.disk && readsOrSays(read.disk) }
        : undefined;
    },
    async write(saved) {
      const handle = await (await dir()).getFileHandle(FILE, { create: true });
      if (!handle.createWritable) throw new Error('files cannot be written here');
      // A writable commits on close: a reader sees the old file or the new one.
      const w = await handle.createWritable();
      await w.write(packIndex(saved.storeVersion, saved.data));
      await w.close();
    },
    clear: async () => (await dir()).removeEntry(FILE).catch(() => undefined),
  };
}

const dbStore: SavedStore = {
  async read() {
    const db = await open();
    try {
      return (await db.get(OBJECTS, KEY)) as Saved | undefined;
    } finally {
      db.close();
    }
  },
  async write(saved) {
    const db = await open();
    try {
      await db.put(OBJECTS, saved, KEY);
    } finally {
      db.close();
    }
  },
  async clear() {
    const db = await open();
    await db.delete(OBJECTS, KEY);
    db.close();
  },
};

/** The file where there is one, IndexedDB otherwise; a failed file write falls back to IndexedDB. */
function savedStore(): SavedStore {
  const file = fileStore();
  if (!file) return dbStore;
  return {
    read: async (lazyFor) => (await file.read(lazyFor).catch(() => undefined)) ?? dbStore.read(),
    write: (saved) => file.write(saved).catch(() => dbStore.write(saved)),
    clear: async () => void (await Promise.all([file.clear(), dbStore.clear()])),
  };
}

/** The stories to index, read whole only when the saved index is not for their version. */
export interface StorySource {
  ids: ReadonlySet<string>;
  all(): Promise<ReadonlyMap<string, Story>>;
}

/**
 * The index for `stories` at `storeVersion`: the saved one when it is for this version (without
 * reading the stories: see `loadIndex`), else the saved one brought up to date, else a new one;
 * a new or updated index is saved. The index is returned before it is saved (`saved` settles
 * then, true once the index is on the device), so a match waiting for it does not wait for the
 * disk. Storage failures (private mode, quota) only cost the saving: `saved` never rejects.
 */
export async function indexFor(
  storeVersion: string,
  source: readonly Story[] | StorySource,
  deps: IndexDeps = {},
): Promise<{ index: StoryIndex; source: IndexSource; saved: Promise<boolean> }> {
  const warn = deps.warn ?? ((m, e) => console.warn(`[factlen] ${m}`, e));
  const store = savedStore();
  let found: Saved | undefined;
  try {
    found = (await deps.saved) ?? (await store.read(storeVersion));
  } catch (err) {
    warn('the saved match index could not be read; building it', err);
  }
  const usable = found && found.format === INDEX_FORMAT ? found : undefined;
  const lazy = !Array.isArray(source);
  if (usable && usable.storeVersion === storeVersion) {
    const index = loadIndex(usable.data, lazy ? (source as StorySource).ids : (source as readonly Story[]), usable.disk ?? null);
    if (index) return { index, source: 'loaded', saved: Promise.resolve(true) };
  }
  const stories = lazy ? [...(await (source as StorySource).all()).values()] : (source as readonly Story[]);
  // To be brought up to date the index must be whole: a file read lazily is read again, fully.
  const whole = usable?.disk ? await store.read().catch(() => undefined) : usable;
  const old = whole && whole.format === INDEX_FORMAT ? loadIndex(whole.data, stories) : null;
  const index = old ?? buildIndex(stories);
  if (old) syncIndex(index, stories);
  // Serialised now, while nothing else can touch the index; written while the caller goes on.
  const failed = (err: unknown) => (warn('the match index could not be saved', err), false);
  let saved: Promise<boolean>;
  try {
    saved = store.write({ storeVersion, format: INDEX_FORMAT, data: serializeIndex(index) }).then(() => true, failed);
  } catch (err) {
    saved = Promise.resolve(failed(err));
  }
  return { index, source: old ? 'updated' : 'built', saved };
}

/** Forgets the saved index (the next `indexFor` builds anew). */
export async function clearSavedIndex(): Promise<void> {
  await savedStore().clear();
}
