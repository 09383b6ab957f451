/**
 * Shards: a store's stories grouped by the UTC day they were first published, one JSON array per
 * day. A story keeps its `publishedAt` across versions, so an update rewrites only its own day.
 */
import { clip, describeRejection, parseStories, type Story } from '../story/story.ts';
import { fromUtf8, utf8 } from './bytes.ts';
import { StoreError } from './errors.ts';
import { jsonShapeOver } from './json-shape.ts';

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

/** A shard with more rejected stories than this is refused whole, however many valid ones it has. */
export const MAX_REJECTED_PER_SHARD = 50;
/** A shard keeps this many problem lines (each at most MAX_LINE characters); the rest are counted. */
export const MAX_LINES_PER_SHARD = 20;
export const MAX_LINE = 400;

/**
 * JSON values a shard may hold (objects, lists, and the items and members in them): a real
 * story is ~700, so this is ~2,800 of the largest real stories. JSON.parse makes an object of
 * every value, so 32 MB of `{}` would be 10 million objects (over 500 MB) before any story is
 * looked at; counted on the bytes first, the parse never holds more than this many.
 */
export const MAX_SHARD_VALUES = 2_000_000;
/** How deep a shard may nest: a story is 4 levels deep inside its shard's list. */
export const MAX_SHARD_DEPTH = 32;

/** Counts a shard's values and depth on its bytes and throws a StoreError when it is over MAX_SHARD_VALUES or MAX_SHARD_DEPTH. */
export function checkShardShape(bytes: Uint8Array, path: string): void {
  if (jsonShapeOver(bytes, { values: MAX_SHARD_VALUES, depth: MAX_SHARD_DEPTH }))
    throw new StoreError('too_complex', [path, MAX_SHARD_VALUES, MAX_SHARD_DEPTH]);
}

/**
 * Reads a shard through the one door: keeps its valid stories, reports each invalid one (ids,
 * and at most MAX_LINES_PER_SHARD lines in all). Throws a StoreError when the file as a whole is
 * unusable (not JSON, not a list) or when its stories are mostly rejected (more than half, or
 * more than MAX_REJECTED_PER_SHARD): a store that is mostly broken is not a store to use, and
 * reading stops there, so a shard of a million `{}` costs the door 51 of them, not a million.
 */
export function decodeShard(
  bytes: Uint8Array,
  path: string,
  options: { refuse?: boolean } = {},
): { stories: Story[]; rejected: ShardRejection[]; refused: boolean } {
  checkShardShape(bytes, path);
  let raw: unknown;
  try {
    raw = JSON.parse(fromUtf8(bytes));
  } catch (err) {
    throw new StoreError('json', [path, clip(err instanceof Error ? err.message : String(err), MAX_LINE)]);
  }
  if (!Array.isArray(raw)) throw new StoreError('shard', [path]);
  const refuseAbove = Math.min(MAX_REJECTED_PER_SHARD, Math.floor(raw.length / 2));
  // `refuse: false` (check-store) reads on to MAX_REJECTED_PER_SHARD to list the problems, and
  // tells the shard would be refused.
  const { refuse = true } = options;
  const { stories, rejected, unread } = parseStories(raw, { maxRejected: refuse ? refuseAbove : MAX_REJECTED_PER_SHARD });
  const refused = rejected.length > refuseAbove;
  if (refused && refuse) {
    const first = describeRejection(rejected[0]!)[0]!;
    throw new StoreError('shard_rejected', [path, unread ? `${rejected.length}+` : rejected.length, raw.length, clip(first, MAX_LINE)]);
  }
  let room = MAX_LINES_PER_SHARD;
  let dropped = 0;
  const out = rejected.map((r) => {
    const lines = describeRejection(r).map((l) => clip(`${path}: ${l}`, MAX_LINE));
    const kept = lines.slice(0, Math.max(room, 0));
    room -= kept.length;
    dropped += lines.length - kept.length;
    return { id: r.id, lines: kept };
  });
  if (dropped) out[out.length - 1]!.lines.push(`${path}: ${dropped} more problem line(s) not shown`);
  return { stories, rejected: out, refused };
}
