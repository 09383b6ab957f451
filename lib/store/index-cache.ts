/**
 * The match index of the stories in use, kept for one service-worker life: loaded, updated or
 * built once per story-set version, one update at a time, each starting from what the previous
 * one saved. The reads and writes of the saved index are handed in (lib/match/persist.ts in the
 * extension), so the lifecycle is tested without a browser.
 */
import type { StoryIndex } from '../match/index.ts';
import type { Saved, StorySource } from '../match/persist.ts';

/**
 * How far the index of a store version has got: being built (or read), being saved, on the
 * device, or kept in memory only (saving failed). A worker stopped before its index is saved
 * does that work again when it next wakes; the options page and the benchmarks can tell.
 */
export const INDEX_STATES = ['building', 'saving', 'saved', 'unsaved'] as const;
export type IndexState = (typeof INDEX_STATES)[number];

/** What the cache needs from the saved index's storage. */
export interface IndexStorage {
  /** Loads, updates or builds the index for `version` (`saved`: a read already under way). */
  indexFor(
    version: string,
    source: StorySource,
    deps: { saved?: Promise<Saved | undefined> },
  ): Promise<{ index: StoryIndex; saved: Promise<boolean> }>;
  /** Starts reading the saved index before the version is known. */
  readSaved(): Promise<Saved | undefined>;
  /** Removes the saved index. */
  clearSaved(): Promise<void>;
  warn?: (message: string, err: unknown) => void;
}

/** The index of the stories in use, per story-set version, for one worker life. */
export interface IndexCache {
  /** The index for this view of the story set, loaded, updated or built once per version. */
  indexOf(view: StorySource & { version: string }): Promise<StoryIndex>;
  /** Starts reading the saved index now (a waking worker), for the first `indexOf` to use. */
  readEarly(): void;
  /** Whether nothing was asked of the cache yet. */
  readonly idle: boolean;
  /**
   * Forgets `index`, and the saved copy it was read from, after a part of it left on disk could
   * not be read: the next `indexOf` builds it anew instead of every match failing until the
   * worker sleeps. An index that is no longer the current one is left alone.
   */
  forget(index: StoryIndex): Promise<void>;
  /** The state of the index for `version`, or null when none is under way. */
  state(version: string): IndexState | null;
}

const warn = (message: string, err: unknown) => console.warn(`[factlen] ${message}`, err);

/** A cache that reads, updates and saves the index through `storage`. */
export function createIndexCache(storage: IndexStorage): IndexCache {
  let indexed: { version: string; index: Promise<StoryIndex>; state: IndexState } | null = null;
  // One index update at a time: each starts from what the previous one saved.
  let queue: Promise<unknown> = Promise.resolve();
  // The saved index, read as the worker wakes alongside the story set's snapshot (which says
  // the version it must be for): the two reads are most of a cold start, and need not wait in turn.
  let early: Promise<Saved | undefined> | null = null;
  let asked = false;

  return {
    get idle() {
      return !asked;
    },
    readEarly() {
      asked = true;
      early = storage.readSaved();
    },
    indexOf(view) {
      asked = true;
      if (indexed?.version !== view.version) {
        const saved = early ?? undefined;
        early = null;
        const made = queue.then(() => storage.indexFor(view.version, view, { saved }));
        const run = made.then((r) => r.index);
        // The next update starts from what this one saved.
        queue = made.then((r) => r.saved).catch(() => undefined);
        const entry: NonNullable<typeof indexed> = { version: view.version, index: run, state: 'building' };
        indexed = entry;
        void made.then(
          async (r) => {
            entry.state = 'saving';
            entry.state = (await r.saved) ? 'saved' : 'unsaved';
          },
          () => undefined,
        );
        // A failed update is retried by the next caller rather than remembered.
        run.catch(() => {
          if (indexed?.index === run) indexed = null;
        });
      }
      return indexed.index;
    },
    async forget(index) {
      const entry = indexed;
      if (!entry || (await entry.index.catch(() => null)) !== index || indexed !== entry) return;
      indexed = null;
      await storage.clearSaved().catch((err) => (storage.warn ?? warn)('the saved match index could not be removed', err));
    },
    state: (version) => (indexed?.version === version ? indexed.state : null),
  };
}
