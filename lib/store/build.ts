/**
 * Builds a store from valid stories: content-addressed shard files and the manifest naming them.
 * Pure (bytes in, bytes out) so the CLI writes files and the benchmark keeps them in memory.
 */
import { sha256Hex, utf8 } from './bytes.ts';
import { parseManifest, STORE_FORMAT, type Manifest, type ShardRef, type Topic } from './manifest.ts';
import { encodeShard, shardKeyOf } from './shard.ts';

/** What the builder needs of a story; the rest of it is carried byte for byte. */
export interface StoryLike {
  id: string;
  topic: string;
  publishedAt: string;
}

export interface BuildOptions {
  /** The manifest the store has now: the new version must be greater, and nothing changes if nothing did. */
  previous?: Manifest | null;
  now?: Date;
  /** Topic names by id; a topic without one is named after its id. */
  topicNames?: Record<string, string>;
  /** How long the manifest stays fresh (default DEFAULT_LIFETIME_MS): its `expiresAt` is `now` plus this. */
  lifetimeMs?: number;
}

/**
 * A manifest expires a week after it is built: a publisher who runs `build-store` daily (it
 * writes a fresh manifest when half the lifetime has passed, even if no story changed) never
 * gets near it, and a mirror replaying an old manifest freezes readers for a week at most.
 */
export const DEFAULT_LIFETIME_MS = 7 * 24 * 3600_000;

export interface BuiltStore {
  manifest: Manifest;
  manifestBytes: Uint8Array;
  shards: { ref: ShardRef; bytes: Uint8Array }[];
  /** True when the stories give exactly the previous manifest's shards and topics. */
  unchanged: boolean;
}

/** `ai` → `AI`, `climate-policy` → `Climate policy`: a readable default when no name is given. */
export function defaultTopicName(id: string): string {
  if (id.length <= 3) return id.toUpperCase();
  const words = id.replace(/-/g, ' ');
  return words[0]!.toUpperCase() + words.slice(1);
}

/** A store version from a time, `20261124103000`: grows with time and reads as one. */
export function timeVersion(d: Date): number {
  return Number(d.toISOString().replace(/\D/g, '').slice(0, 14));
}

/** Groups `stories` into day shards and writes the manifest; `previous` keeps versions growing. */
export async function buildStore(stories: readonly StoryLike[], options: BuildOptions = {}): Promise<BuiltStore> {
  const { previous = null, now = new Date(), topicNames = {}, lifetimeMs = DEFAULT_LIFETIME_MS } = options;
  const byDay = new Map<string, StoryLike[]>();
  for (const s of stories) {
    const key = shardKeyOf(s);
    byDay.set(key, [...(byDay.get(key) ?? []), s]);
  }
  const shards = await Promise.all(
    [...byDay.keys()].sort().map(async (key) => {
      const group = byDay.get(key)!;
      const bytes = encodeShard(group);
      const sha256 = await sha256Hex(bytes);
      return { ref: { path: `shards/${key}-${sha256.slice(0, 16)}.json`, sha256, bytes: bytes.byteLength, stories: group.length }, bytes };
    }),
  );
  // Own names only: a topic called `constructor` is not named after Object's constructor.
  const nameOf = (id: string) =>
    Object.hasOwn(topicNames, id) && typeof topicNames[id] === 'string' ? topicNames[id] : defaultTopicName(id);
  const topics: Topic[] = [...new Set(stories.map((s) => s.topic))].sort().map((id) => ({ id, name: nameOf(id) }));
  const refs = shards.map((s) => s.ref);
  const unchanged =
    !!previous &&
    JSON.stringify(previous.shards.map((s) => [s.path, s.sha256])) === JSON.stringify(refs.map((s) => [s.path, s.sha256])) &&
    JSON.stringify(previous.topics) === JSON.stringify(topics) &&
    // A manifest past half its lifetime (or with none) is written anew, to stay fresh.
    !!previous.expiresAt &&
    Date.parse(previous.expiresAt) - now.getTime() > lifetimeMs / 2;
  const manifest: Manifest = unchanged
    ? previous!
    : {
        format: STORE_FORMAT,
        version: Math.max((previous?.version ?? 0) + 1, timeVersion(now)),
        generatedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + lifetimeMs).toISOString(),
        topics,
        shards: refs,
      };
  // One shard per line: small, and a diff of two manifests shows which shards changed.
  const text = JSON.stringify({ ...manifest, shards: [] }).replace(
    '"shards":[]',
    `"shards":[\n${manifest.shards.map((s) => JSON.stringify(s)).join(',\n')}\n]`,
  );
  const manifestBytes = utf8(text + '\n');
  // As a reader takes it: a store readers would refuse (a day over 32 MB, a store over 512 MB) is a StoreError saying why.
  return { manifest: parseManifest(manifestBytes), manifestBytes, shards, unchanged };
}
