/**
 * Where the remote store lives on the device: IndexedDB, one record per verified shard (keyed by
 * its SHA-256) and one `current` record naming the shards in use. Swapping `current` and pruning
 * happen in one transaction, and a reader reads both in one, so it sees the old store or the new.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Story } from '../story/story.ts';
import type { ShardRef, Topic } from './manifest.ts';
import type { ShardRecord } from './shard.ts';

/** The remote store in use: its manifest's facts, its shared validator, and what the sync kept. */
export interface RemoteSnapshot {
  /** The manifest URL it came from: another store's versions do not compare. */
  storeUrl: string;
  version: number;
  generatedAt: string;
  /** The manifest's expiry (absent or null: it has none, see Manifest). */
  expiresAt?: string | null;
  topics: Topic[];
  shards: ShardRef[];
  /**
   * The host's ETag for the manifest, kept only when it is the manifest's own SHA-256 (`sharedEtag`,
   * sync.ts): every reader of this manifest then revalidates with the same header. Snapshots of
   * earlier builds kept any ETag and a Last-Modified under other names, never sent again.
   */
  contentEtag?: string | null;
  /** Earlier versions kept because the store's new version of them was rejected. */
  carried: Story[];
  syncedAt: number;
  /** Every story's id, shard and stamp (see `catalogOf`). */
  catalog: CatalogEntry[];
  /** The public key (base64) its manifest was verified with; null or absent: not verified. */
  signedBy?: string | null;
}

/** [story id, index in `shards` (-1: carried), last change in ms]. */
export type CatalogEntry = [string, number, number];

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The saved snapshot as the code that lists its stories reads it, or null when it cannot be
 * read so: a snapshot written by an older build (without its catalog) or damaged on the device
 * threw "catalog is not iterable" at every wake, and the sync that should replace it started
 * from it. Read as none, the bundled stories are used and the next sync downloads the store
 * again. Only the shapes that code walks are checked, once per wake (one pass over the catalog);
 * the stories themselves are checked when their shards are read.
 */
export function readableSnapshot(raw: unknown): RemoteSnapshot | null {
  if (!isObject(raw)) return null;
  const { storeUrl, version, topics, shards, carried, catalog, syncedAt } = raw;
  if (typeof storeUrl !== 'string' || typeof version !== 'number' || typeof syncedAt !== 'number') return null;
  if (!Array.isArray(topics) || !Array.isArray(shards) || !Array.isArray(carried) || !Array.isArray(catalog)) return null;
  if (!shards.every((s) => isObject(s) && typeof s.sha256 === 'string' && typeof s.path === 'string')) return null;
  if (!carried.every((c) => isObject(c) && typeof c.id === 'string')) return null;
  const entry = (e: unknown) =>
    Array.isArray(e) &&
    typeof e[0] === 'string' &&
    Number.isInteger(e[1]) &&
    e[1] >= -1 &&
    e[1] < shards.length &&
    typeof e[2] === 'number';
  return catalog.every(entry) ? (raw as unknown as RemoteSnapshot) : null;
}

/** A snapshot with its shard records: everything needed to list its stories without the network. */
export interface RemoteState {
  snapshot: RemoteSnapshot;
  shards: Map<string, ShardRecord>;
}

/** The persistence a sync needs; IndexedDB in the extension, memory in tests and benchmarks. */
export interface StoreDb {
  read(): Promise<RemoteState | null>;
  /** The snapshot in use without its shards: what a waking service worker reads. */
  readSnapshot(): Promise<RemoteSnapshot | null>;
  getShard(sha256: string): Promise<ShardRecord | undefined>;
  /** Several shards in one transaction; missing ones are left out. */
  getShards(sha256s: readonly string[]): Promise<Map<string, ShardRecord>>;
  /** Stages a verified shard; it is in use only once a committed snapshot names it. */
  putShard(record: ShardRecord): Promise<void>;
  /** Makes `snapshot` current (null: no remote store) and drops every shard it does not name. */
  commit(snapshot: RemoteSnapshot | null): Promise<void>;
  /**
   * Drops every staged shard that neither the snapshot in use nor `keep` names: what failed syncs
   * of older manifests staged. Kept, a store failing every sync with new shards filled the disk.
   */
  dropStaged(keep: ReadonlySet<string>): Promise<void>;
}

interface Schema extends DBSchema {
  meta: { key: string; value: RemoteSnapshot };
  shards: { key: string; value: ShardRecord };
}

const CURRENT = 'current';

/** Opens (creating on first use) the store's IndexedDB database. */
export async function openStoreDb(name = 'factlen-store'): Promise<StoreDb> {
  const db: IDBPDatabase<Schema> = await openDB<Schema>(name, 1, {
    upgrade(d) {
      d.createObjectStore('meta');
      d.createObjectStore('shards', { keyPath: 'sha256' });
    },
  });
  return {
    async read() {
      const tx = db.transaction(['meta', 'shards'], 'readonly');
      const snapshot = readableSnapshot(await tx.objectStore('meta').get(CURRENT));
      if (!snapshot) return null;
      const records = await Promise.all(snapshot.shards.map((s) => tx.objectStore('shards').get(s.sha256)));
      await tx.done;
      // Cannot happen with atomic commits; if a browser lost data anyway, start over cleanly.
      if (records.some((r) => !r)) return null;
      return { snapshot, shards: new Map(records.map((r) => [r!.sha256, r!])) };
    },
    readSnapshot: async () => readableSnapshot(await db.get('meta', CURRENT)),
    getShard: (sha256) => db.get('shards', sha256),
    async getShards(sha256s) {
      const tx = db.transaction('shards', 'readonly');
      const records = await Promise.all(sha256s.map((k) => tx.store.get(k)));
      await tx.done;
      return new Map(records.filter((r): r is ShardRecord => !!r).map((r) => [r.sha256, r]));
    },
    async putShard(record) {
      await db.put('shards', record);
    },
    async commit(snapshot) {
      const tx = db.transaction(['meta', 'shards'], 'readwrite');
      const keep = new Set(snapshot?.shards.map((s) => s.sha256) ?? []);
      if (snapshot) await tx.objectStore('meta').put(snapshot, CURRENT);
      else await tx.objectStore('meta').delete(CURRENT);
      for (const key of await tx.objectStore('shards').getAllKeys()) if (!keep.has(key)) await tx.objectStore('shards').delete(key);
      await tx.done;
    },
    async dropStaged(keep) {
      const tx = db.transaction(['meta', 'shards'], 'readwrite');
      // A snapshot damaged on the device names nothing (read() does not use it either).
      const inUse = new Set(readableSnapshot(await tx.objectStore('meta').get(CURRENT))?.shards.map((s) => s.sha256));
      for (const key of await tx.objectStore('shards').getAllKeys())
        if (!keep.has(key) && !inUse.has(key)) await tx.objectStore('shards').delete(key);
      await tx.done;
    },
  };
}

/** The same contract in memory: for tests, the CLI and benchmarks. */
export function memoryDb(): StoreDb {
  let current: RemoteSnapshot | null = null;
  const shards = new Map<string, ShardRecord>();
  return {
    async read() {
      if (!current) return null;
      return { snapshot: current, shards: new Map(current.shards.map((s) => [s.sha256, shards.get(s.sha256)!])) };
    },
    readSnapshot: async () => current,
    getShard: async (sha256) => shards.get(sha256),
    getShards: async (sha256s) => new Map(sha256s.flatMap((k) => (shards.has(k) ? [[k, shards.get(k)!] as const] : []))),
    putShard: async (record) => void shards.set(record.sha256, record),
    async commit(snapshot) {
      current = snapshot;
      const keep = new Set(snapshot?.shards.map((s) => s.sha256) ?? []);
      for (const key of [...shards.keys()]) if (!keep.has(key)) shards.delete(key);
    },
    async dropStaged(keep) {
      const inUse = new Set(current?.shards.map((s) => s.sha256));
      for (const key of [...shards.keys()]) if (!keep.has(key) && !inUse.has(key)) shards.delete(key);
    },
  };
}
