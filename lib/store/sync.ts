/**
 * One sync of the remote store: a conditional GET of the manifest, its signature when a key is
 * set, only the shards this device lacks, each checked for size and hash and passed through the
 * story door, then one atomic swap. Any failure throws a StoreError before the swap, so the last
 * good store stays in use.
 */
import { fromUtf8, sha256Hex, toBase64 } from './bytes.ts';
import type { RemoteSnapshot, RemoteState, StoreDb } from './db.ts';
import { StoreError } from './errors.ts';
import { fetchStoreFile, type FetchFn } from './fetch.ts';
import { isExpired, MAX_MANIFEST_BYTES, parseManifest, type Manifest, type ShardRef } from './manifest.ts';
import { carryOver, catalogOf, remoteStories } from './remote.ts';
import { decodeShard, type ShardRecord } from './shard.ts';
import { SIGNATURE_SUFFIX, verifySignature } from './signature.ts';
import { checkStoreUrl, resolveInStore } from './store-url.ts';

export type SyncProgress = { phase: 'manifest' } | { phase: 'shards'; done: number; total: number } | { phase: 'saving' };

export interface SyncOptions {
  storeUrl: string;
  db: StoreDb;
  /**
   * The remote store in use now (the last good one), or null: its snapshot, and a way to read
   * all its shards, which is only done when the store changed.
   */
  current: RemoteState | null | { snapshot: RemoteSnapshot; load: () => Promise<RemoteState | null> };
  fetchFn: FetchFn;
  now: () => number;
  /** When set, the manifest must carry this key's Ed25519 signature. */
  publicKey?: Uint8Array | null;
  /** Per request; a shard gets more time in proportion to its size (at 50 kB/s). */
  timeoutMs?: number;
  concurrency?: number;
  onProgress?: (p: SyncProgress) => void;
  signal?: AbortSignal;
}

export type SyncResult =
  | { kind: 'unchanged'; snapshot: RemoteSnapshot }
  | { kind: 'updated'; state: RemoteState; rejected: string[]; downloaded: number; bytes: number };

export const DEFAULT_TIMEOUT_MS = 30_000;
/** A sync reports at most this many problem lines in all; the rest are counted in one more line. */
export const MAX_REJECTED_LINES = 200;

/** The first `max` lines of `groups`, and one line counting the rest: never more than max + 1. */
export function capLines(groups: Iterable<readonly string[]>, max = MAX_REJECTED_LINES): string[] {
  const out: string[] = [];
  let more = 0;
  for (const lines of groups) {
    for (const line of lines) {
      if (out.length < max) out.push(line);
      else more++;
    }
  }
  if (more) out.push(`${more} more problem line(s) not shown`);
  return out;
}

/** Runs `work` over `items`, `n` at a time; the first failure stops the rest and is thrown. */
async function pool<T>(items: T[], n: number, stop: AbortController, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        if (!failure) {
          failure = { error };
          stop.abort(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}

async function storage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new StoreError('storage', [err instanceof Error ? err.message : String(err)]);
  }
}

const sameShards = (m: Manifest, s: RemoteSnapshot) =>
  m.shards.length === s.shards.length && m.shards.every((r, i) => r.sha256 === s.shards[i]!.sha256 && r.path === s.shards[i]!.path);

/**
 * `etag` if it is the manifest's own SHA-256, written exactly one of two ways (its first 16 hex
 * digits, or all 64, lower-case, quoted), else null. Only such an ETag is sent back: every reader
 * of the manifest has the same one, and a host can sort readers into no more groups than those
 * two and none. A host's own ETag or Last-Modified may be made for each reader ("reader-<uuid>",
 * found by an adversarial audit, 2026-12-07) and sent back would follow them from sync to sync,
 * the signature covering none of it; so could any freedom in how the hash is written (a label, the
 * case of its letters, its length, `W/`: a review the same day). A host with other ETags costs a
 * whole manifest per sync, not a 304.
 */
export async function sharedEtag(etag: string | null, bytes: Uint8Array): Promise<string | null> {
  const hash = etag?.match(/^"([0-9a-f]{16}|[0-9a-f]{64})"$/)?.[1];
  if (!hash) return null;
  return (await sha256Hex(bytes)).startsWith(hash) ? etag! : null;
}

/** Syncs once; resolves with the store to use, or throws a StoreError and changes nothing in use. */
export async function syncStore(opts: SyncOptions): Promise<SyncResult> {
  const { db, fetchFn, now, onProgress = () => {}, concurrency = 4, timeoutMs = DEFAULT_TIMEOUT_MS } = opts;
  const known = opts.current;
  const target = checkStoreUrl(opts.storeUrl);
  if (!target.ok) throw new StoreError('bad_url', [opts.storeUrl]);
  const stop = new AbortController();
  opts.signal?.addEventListener('abort', () => stop.abort(opts.signal!.reason), { once: true });
  const base = { fetchFn, origin: target.origin, now, signal: stop.signal };
  // Versions and validators only mean something for the store they came from and, once the
  // extension has a key, for a manifest verified with it: a store taken in before the key (or
  // forged while there was none, at a version the real store never reaches) is fetched whole,
  // checked, and its version is no floor.
  const signedBy = opts.publicKey ? toBase64(opts.publicKey) : null;
  const same = known?.snapshot.storeUrl === target.manifestUrl && (!signedBy || known.snapshot.signedBy === signedBy) ? known : null;

  onProgress({ phase: 'manifest' });
  const got = await fetchStoreFile(target.manifestUrl, {
    ...base,
    name: 'manifest.json',
    maxBytes: MAX_MANIFEST_BYTES,
    timeoutMs,
    etag: same?.snapshot.contentEtag,
  });
  if (got.notModified) {
    // Still the manifest in use, and past its expiry: the store (or a mirror) is frozen.
    if (isExpired(same!.snapshot, now())) throw new StoreError('expired', [same!.snapshot.expiresAt!]);
    return { kind: 'unchanged', snapshot: same!.snapshot };
  }

  if (opts.publicKey) {
    const sig = await fetchStoreFile(target.manifestUrl + SIGNATURE_SUFFIX, {
      ...base,
      name: `manifest.json${SIGNATURE_SUFFIX}`,
      maxBytes: 1024,
      timeoutMs,
    }).catch((err: unknown) => {
      throw err instanceof StoreError && err.code === 'http_404' ? new StoreError('unsigned') : err;
    });
    if (sig.notModified || !(await verifySignature(got.bytes, fromUtf8(sig.bytes), opts.publicKey))) throw new StoreError('bad_signature');
  }

  const manifest = parseManifest(got.bytes);
  if (isExpired(manifest, now())) throw new StoreError('expired', [manifest.expiresAt!]);
  const validators = { contentEtag: await sharedEtag(got.etag, got.bytes) };
  if (same) {
    const { version } = same.snapshot;
    if (manifest.version < version) throw new StoreError('rollback', [manifest.version, version]);
    if (manifest.version === version) {
      if (!sameShards(manifest, same.snapshot)) throw new StoreError('same_version', [version]);
      // An earlier build's snapshot kept a host's own ETag and Last-Modified: not kept on.
      const {
        etag: _etag,
        lastModified: _lastModified,
        ...kept
      } = same.snapshot as RemoteSnapshot & { etag?: unknown; lastModified?: unknown };
      const snapshot = { ...kept, ...validators };
      await storage(() => db.commit(snapshot));
      return { kind: 'unchanged', snapshot };
    }
  }
  // The store changed: now the stories in use are needed (to reuse shards, keep earlier versions).
  const current = known && 'load' in known ? await storage(known.load) : known;
  // What failed syncs staged for an older manifest goes: staged shards stay bounded by one
  // manifest's MAX_STORE_BYTES (docs/security.md).
  await storage(() => db.dropStaged(new Set(manifest.shards.map((s) => s.sha256))));

  // Content-addressed: a shard this device already has (in use, or staged by a sync that failed
  // later) is not downloaded again.
  const records = new Map<string, ShardRecord>();
  const missing: ShardRef[] = [];
  for (const ref of manifest.shards) {
    const have = current?.shards.get(ref.sha256) ?? (await storage(() => db.getShard(ref.sha256)));
    if (have) records.set(ref.sha256, have.path === ref.path ? have : { ...have, path: ref.path });
    else missing.push(ref);
  }
  let done = 0;
  let bytes = 0;
  onProgress({ phase: 'shards', done, total: missing.length });
  await pool(missing, concurrency, stop, async (ref) => {
    const url = resolveInStore(target.manifestUrl, ref.path);
    if (!url) throw new StoreError('manifest', [`${ref.path} is outside the store`]);
    const file = await fetchStoreFile(url, { ...base, name: ref.path, maxBytes: ref.bytes, timeoutMs: timeoutMs + ref.bytes / 50 });
    if (file.notModified) throw new StoreError('http', [304, ref.path]);
    if (file.bytes.byteLength !== ref.bytes) throw new StoreError('size', [ref.path, file.bytes.byteLength, ref.bytes]);
    if ((await sha256Hex(file.bytes)) !== ref.sha256) throw new StoreError('hash', [ref.path]);
    const { stories, rejected } = decodeShard(file.bytes, ref.path);
    const record: ShardRecord = { sha256: ref.sha256, path: ref.path, stories, rejected };
    stop.signal.throwIfAborted();
    await storage(() => db.putShard(record));
    records.set(ref.sha256, record);
    bytes += file.bytes.byteLength;
    onProgress({ phase: 'shards', done: ++done, total: missing.length });
  });

  onProgress({ phase: 'saving' });
  const draft: RemoteSnapshot = {
    storeUrl: target.manifestUrl,
    version: manifest.version,
    generatedAt: manifest.generatedAt,
    expiresAt: manifest.expiresAt ?? null,
    topics: manifest.topics,
    shards: manifest.shards,
    ...validators,
    carried: [],
    catalog: [],
    syncedAt: now(),
    signedBy,
  };
  const inUse = manifest.shards.map((s) => records.get(s.sha256)!);
  const { stories, duplicates } = remoteStories({ snapshot: draft, shards: records });
  const previous = current ? new Map(remoteStories(current).stories.map((s) => [s.id, s])) : new Map();
  const carried = carryOver(inUse, new Set(stories.map((s) => s.id)), previous);
  const inUseMap = new Map(inUse.map((r) => [r.sha256, r]));
  const snapshot: RemoteSnapshot = { ...draft, carried, catalog: catalogOf({ snapshot: { ...draft, carried }, shards: inUseMap }) };
  // A sync stopped at its deadline (runner.ts) may still get here: it must not commit.
  stop.signal.throwIfAborted();
  await storage(() => db.commit(snapshot));
  const rejected = capLines([
    ...inUse.map((r) => r.rejected.flatMap((x) => x.lines)),
    duplicates,
    carried.map((s) => `story "${s.id}": the store's new version was rejected; the previous version is kept`),
  ]);
  return { kind: 'updated', state: { snapshot, shards: inUseMap }, rejected, downloaded: missing.length, bytes };
}
