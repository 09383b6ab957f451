/**
 * The stories of a remote store as the device keeps it: shards in manifest order (the first copy
 * of an id wins), then the earlier versions the sync chose to keep.
 */
import type { Story } from '../story.ts';
import type { RemoteState } from './db.ts';
import type { ShardRecord } from './shard.ts';

/** Every story of `state` and a line for each id a later shard repeated. */
export function remoteStories(state: RemoteState): { stories: Story[]; duplicates: string[] } {
  const stories: Story[] = [];
  const duplicates: string[] = [];
  const seen = new Map<string, string>();
  for (const ref of state.snapshot.shards) {
    const record = state.shards.get(ref.sha256);
    for (const story of record?.stories ?? []) {
      const first = seen.get(story.id);
      if (first !== undefined) duplicates.push(`${ref.path}: story "${story.id}": id repeats a story of ${first}; the first is kept`);
      else {
        seen.set(story.id, ref.path);
        stories.push(story);
      }
    }
  }
  for (const story of state.snapshot.carried) if (!seen.has(story.id)) stories.push(story);
  return { stories, duplicates };
}

/**
 * Stories to keep from the last good store: where a shard's new version of a story was rejected,
 * the reader keeps the version they had rather than losing the story.
 */
export function carryOver(records: ShardRecord[], valid: ReadonlySet<string>, previous: ReadonlyMap<string, Story>): Story[] {
  const carried: Story[] = [];
  for (const record of records) {
    for (const r of record.rejected) {
      const before = r.id !== null && !valid.has(r.id) ? previous.get(r.id) : undefined;
      if (before && !carried.includes(before)) carried.push(before);
    }
  }
  return carried;
}
