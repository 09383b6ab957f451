/**
 * The stories the extension uses: the bundled ones, and the remote store's on top. A remote story
 * replaces the bundled one with its id when it is newer. The set is swapped whole (a reader holds
 * the old view or the new, never a mix), and each swap says which ids were added, replaced or
 * removed.
 *
 * Remote stories are loaded lazily: a waking service worker knows from the snapshot's catalog
 * which stories exist and where, and reads a story's shard only when that story is asked for —
 * matching an article needs five stories, not ten thousand. `all()` reads everything once per
 * view, for the few things that need every story (search, topics, alerts).
 */
import type { Story } from '../story/story.ts';
import { fnv1a } from './bytes.ts';
import type { CatalogEntry, RemoteSnapshot, RemoteState } from './db.ts';
import { stampOf } from './remote.ts';
import type { ShardRecord } from './shard.ts';

/** One consistent state of the story set. */
export interface StorySetView {
  /** Changes whenever the stories do: `<bundled tag>.<remote version>-<tag>`; keys a persisted index. */
  version: string;
  counts: { bundled: number; remote: number; total: number };
  remote: RemoteSnapshot | null;
  /** The ids of every story in use. */
  ids: ReadonlySet<string>;
  get(id: string): Promise<Story | undefined>;
  /** Several stories, their shards read together; unknown ids are left out. */
  getMany(ids: readonly string[]): Promise<Map<string, Story>>;
  /** Every story in use, bundled first, then the remote ones in store order. */
  all(): Promise<ReadonlyMap<string, Story>>;
}

/** Which story ids a swap added, replaced (new content) or removed. */
export interface StoryChange {
  added: string[];
  replaced: string[];
  removed: string[];
}

/** Reads shard records by SHA-256 (IndexedDB in the extension); missing ones are left out. */
export type ShardLoader = (sha256s: string[]) => Promise<Map<string, ShardRecord>>;

export interface StorySet {
  current(): StorySetView;
  /** The remote snapshot in use, or null. */
  remote(): RemoteSnapshot | null;
  /** The remote state in use, every shard loaded: what a sync compares with and reuses. */
  loadRemote(): Promise<RemoteState | null>;
  /** Swaps in a remote state a sync just verified (null: none) and tells the listeners what changed. */
  setRemote(next: RemoteState | null): StoryChange;
  /** Starts from a saved snapshot without reading its shards (a waking worker). */
  openRemote(snapshot: RemoteSnapshot | null): Promise<StoryChange>;
  /** Takes a snapshot whose stories are unchanged (new validators after a 304). */
  updateSnapshot(snapshot: RemoteSnapshot): void;
  onChange(listener: (view: StorySetView, change: StoryChange) => void): () => void;
}

/** Bundled stories with the remote ones on top: same id → the remote one only when newer. */
export function mergeStories(bundled: readonly Story[], remote: readonly Story[]): Map<string, Story> {
  const merged = new Map(bundled.map((s) => [s.id, s]));
  for (const story of remote) {
    const mine = merged.get(story.id);
    if (!mine || stampOf(story) > stampOf(mine)) merged.set(story.id, story);
  }
  return merged;
}

/** A tag for the remote state: its version and the exact shards and kept stories it is made of. */
function remoteTag(snapshot: RemoteSnapshot | null): string {
  if (!snapshot) return 'none';
  const { version, shards, carried } = snapshot;
  return `${version}-${fnv1a(shards.map((s) => s.sha256).join() + '|' + carried.map((s) => `${s.id}@${s.updatedAt ?? s.publishedAt}`).join())}`;
}

/** Where each story in use comes from: 'bundled' or its catalog entry. */
type Origin = 'bundled' | CatalogEntry;

function changeOf(
  before: Map<string, Origin>,
  after: Map<string, Origin>,
  shardOf: (e: CatalogEntry, s: RemoteSnapshot | null) => string,
  b: RemoteSnapshot | null,
  a: RemoteSnapshot | null,
): StoryChange {
  const change: StoryChange = { added: [], replaced: [], removed: [] };
  const key = (o: Origin, s: RemoteSnapshot | null) => (o === 'bundled' ? 'bundled' : `${shardOf(o, s)}@${o[2]}`);
  for (const [id, o] of after) {
    const old = before.get(id);
    if (!old) change.added.push(id);
    else if (key(old, b) !== key(o, a)) change.replaced.push(id);
  }
  for (const id of before.keys()) if (!after.has(id)) change.removed.push(id);
  return change;
}

/** Creates the live story set over `bundled` (tagged `bundledTag`), with no remote store yet. */
export function createStorySet(bundled: readonly Story[], bundledTag: string, loadShards: ShardLoader = async () => new Map()): StorySet {
  const bundledById = new Map(bundled.map((s) => [s.id, s]));
  let snapshot: RemoteSnapshot | null = null;
  // Shards read so far, by SHA-256: content-addressed, so valid for every version that names them.
  let shards = new Map<string, ShardRecord>();
  let origins = new Map<string, Origin>(bundled.map((s) => [s.id, 'bundled']));
  const listeners = new Set<(view: StorySetView, change: StoryChange) => void>();

  const shardSha = (e: CatalogEntry, s: RemoteSnapshot | null) => (e[1] < 0 ? 'carried' : (s?.shards[e[1]]?.sha256 ?? '?'));
  const originsOf = (catalog: readonly CatalogEntry[]) => {
    const out = new Map<string, Origin>(bundled.map((s) => [s.id, 'bundled']));
    for (const e of catalog) {
      const mine = bundledById.get(e[0]);
      if (!mine || e[2] > stampOf(mine)) out.set(e[0], e);
    }
    return out;
  };

  const build = (): StorySetView => {
    const snap = snapshot;
    const own = origins;
    const cache = shards;
    const read = async (shas: string[]) => {
      const missing = [...new Set(shas)].filter((k) => !cache.has(k));
      if (missing.length) for (const [k, r] of await loadShards(missing)) cache.set(k, r);
    };
    const storyAt = (e: CatalogEntry): Story | undefined =>
      e[1] < 0 ? snap?.carried.find((s) => s.id === e[0]) : cache.get(snap!.shards[e[1]]!.sha256)?.stories.find((s) => s.id === e[0]);
    let everything: Promise<ReadonlyMap<string, Story>> | null = null;
    return {
      version: `${bundledTag}.${remoteTag(snap)}`,
      counts: { bundled: bundled.length, remote: snap?.catalog.length ?? 0, total: own.size },
      remote: snap,
      ids: new Set(own.keys()),
      async get(id) {
        const o = own.get(id);
        if (!o) return undefined;
        if (o === 'bundled') return bundledById.get(id);
        if (o[1] >= 0) await read([snap!.shards[o[1]]!.sha256]);
        return storyAt(o);
      },
      async getMany(ids) {
        await read(
          ids.flatMap((id) => {
            const o = own.get(id);
            return o && o !== 'bundled' && o[1] >= 0 ? [snap!.shards[o[1]]!.sha256] : [];
          }),
        );
        const out = new Map<string, Story>();
        for (const id of ids) {
          const o = own.get(id);
          const s = !o ? undefined : o === 'bundled' ? bundledById.get(id) : storyAt(o);
          if (s) out.set(id, s);
        }
        return out;
      },
      all() {
        everything ??= (async () => {
          await read([...own.values()].flatMap((o) => (o !== 'bundled' && o[1] >= 0 ? [snap!.shards[o[1]]!.sha256] : [])));
          const out = new Map<string, Story>();
          for (const [id, o] of own) {
            const s = o === 'bundled' ? bundledById.get(id) : storyAt(o);
            if (s) out.set(id, s);
          }
          return out;
        })();
        return everything;
      },
    };
  };

  let view = build();
  const swap = (next: RemoteSnapshot | null, catalog: readonly CatalogEntry[], cache: Map<string, ShardRecord>): StoryChange => {
    const before = { view, origins, snapshot };
    snapshot = next;
    shards = cache;
    origins = originsOf(catalog);
    view = build();
    const change = changeOf(before.origins, origins, shardSha, before.snapshot, snapshot);
    if (view.version !== before.view.version) {
      for (const listener of listeners) {
        // A listener's failure (an index that would not build) must not undo the swap.
        try {
          listener(view, change);
        } catch (err) {
          console.error('[factlen] story-set listener failed', err);
        }
      }
    }
    return change;
  };

  return {
    current: () => view,
    remote: () => snapshot,
    async loadRemote() {
      if (!snapshot) return null;
      const snap = snapshot;
      const missing = snap.shards.map((s) => s.sha256).filter((k) => !shards.has(k));
      if (missing.length) for (const [k, r] of await loadShards(missing)) shards.set(k, r);
      return {
        snapshot: snap,
        shards: new Map(snap.shards.flatMap((s) => (shards.has(s.sha256) ? [[s.sha256, shards.get(s.sha256)!] as const] : []))),
      };
    },
    setRemote(next) {
      if (!next) return swap(null, [], new Map());
      return swap(next.snapshot, next.snapshot.catalog, new Map(next.shards));
    },
    async openRemote(next) {
      if (!next) return swap(null, [], new Map());
      return swap(next, next.catalog, new Map());
    },
    updateSnapshot(next) {
      snapshot = next;
      view = { ...view, remote: snapshot };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
