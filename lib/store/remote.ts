/**
 * The stories of a remote store as the device keeps it: shards in manifest order (the first copy
 * of an id wins), then the earlier versions the sync chose to keep.
 */
import type { Story } from '../story/story.ts';
import type { CatalogEntry, RemoteState } from './db.ts';
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

/** When a story last changed: what decides between two versions of it. */
export const stampOf = (s: Story) => Date.parse(s.updatedAt ?? s.publishedAt);

/**
 * Where each story of `state` lives ([id, shard index or -1 for a carried story, stamp]), in
 * the order `remoteStories` gives them: what a waking service worker needs to know which
 * stories exist and to load any one of them alone.
 */
export function catalogOf(state: RemoteState): CatalogEntry[] {
  const at = new Map(state.snapshot.shards.map((s, i) => [s.sha256, i]));
  const catalog: CatalogEntry[] = [];
  const seen = new Set<string>();
  for (const ref of state.snapshot.shards) {
    for (const story of state.shards.get(ref.sha256)?.stories ?? []) {
      if (seen.has(story.id)) continue;
      seen.add(story.id);
      catalog.push([story.id, at.get(ref.sha256)!, stampOf(story)]);
    }
  }
  for (const story of state.snapshot.carried) if (!seen.has(story.id)) catalog.push([story.id, -1, stampOf(story)]);
  return catalog;
}
