/**
 * Shards: a store's stories grouped by the UTC day they were first published, one JSON array per
 * day. A story keeps its `publishedAt` across versions, so an update rewrites only its own day.
 */
import { describeRejection, parseStories, type Story } from '../story.ts';
import { fromUtf8, utf8 } from './bytes.ts';
import { StoreError } from './errors.ts';

/** A story that a shard carried but the door refused: its id when it had one, and why. */
export interface ShardRejection {
  id: string | null;
  lines: string[];
}

/** One verified shard as the device keeps it: content-addressed by its SHA-256. */
export interface ShardRecord {
  sha256: string;
  path: string;
  stories: Story[];
  rejected: ShardRejection[];
}

/** The shard a story belongs to: `2026-06-21` for anything first published that UTC day. */
export function shardKeyOf(story: { publishedAt: string }): string {
  return new Date(story.publishedAt).toISOString().slice(0, 10);
}

/** A shard file's bytes: its stories sorted by id, so the same stories always give the same hash. */
export function encodeShard(stories: readonly { id: string }[]): Uint8Array {
  return utf8(JSON.stringify([...stories].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))));
}

/**
 * Reads a shard through the one door: keeps its valid stories, reports each invalid one. Throws
 * a StoreError only when the file as a whole is unusable (not JSON, not a list).
 */
export function decodeShard(bytes: Uint8Array, path: string): { stories: Story[]; rejected: ShardRejection[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(fromUtf8(bytes));
  } catch (err) {
    throw new StoreError('json', [path, err instanceof Error ? err.message : String(err)]);
  }
  if (!Array.isArray(raw)) throw new StoreError('shard', [path]);
  const { stories, rejected } = parseStories(raw);
  return { stories, rejected: rejected.map((r) => ({ id: r.id, lines: describeRejection(r).map((l) => `${path}: ${l}`) })) };
}
