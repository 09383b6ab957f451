import { describe, expect, it, vi } from 'vitest';
import type { RemoteState } from '../../../lib/store/db.ts';
import { catalogOf } from '../../../lib/store/remote.ts';
import type { ShardRecord } from '../../../lib/store/shard.ts';
import { createStorySet, mergeStories } from '../../../lib/store/story-set.ts';
import type { Story } from '../../../lib/story/story.ts';
import { story } from './helpers.ts';

function remote(version: number, ...shards: Story[][]): RemoteState {
  const records: ShardRecord[] = shards.map((stories, i) => ({
    sha256: `${version}${i}`.padEnd(64, '0'),
    path: `shards/${i}.json`,
    stories,
    rejected: [],
  }));
  const state: RemoteState = {
    snapshot: {
      storeUrl: 'https://s.example/manifest.json',
      version,
      generatedAt: '2026-11-24T00:00:00Z',
      topics: [],
      contentEtag: null,
      carried: [],
      catalog: [],
      syncedAt: 0,
      shards: records.map((r) => ({ path: r.path, sha256: r.sha256, bytes: 2, stories: r.stories.length })),
    },
    shards: new Map(records.map((r) => [r.sha256, r])),
  };
  // As a sync saves it: with the catalog of what it holds.
  state.snapshot.catalog = catalogOf(state);
  return state;
}

describe('mergeStories', () => {
  const bundled = story('x', '2026-06-21');
  it('replaces a bundled story with a newer remote one of the same id', () => {
    const newer = { ...bundled, title: 'Newer', updatedAt: '2026-06-22T00:00:00Z' };
    expect(mergeStories([bundled], [newer]).get('x')?.title).toBe('Newer');
  });

  it('keeps the bundled story when the remote one is not newer', () => {
    const older = { ...bundled, title: 'Older', publishedAt: '2026-06-20T00:00:00Z' };
    expect(mergeStories([bundled], [older]).get('x')).toBe(bundled);
    expect(mergeStories([bundled], [{ ...bundled, title: 'Same time' }]).get('x')).toBe(bundled);
  });

  it('adds remote stories the bundle does not have', () => {
    expect([...mergeStories([bundled], [story('y')]).keys()]).toEqual(['x', 'y']);
  });
});

describe('createStorySet', () => {
  it('starts on the bundled stories alone', () => {
    const set = createStorySet([story('x')], 'bundle1');
    expect(set.current()).toMatchObject({ version: 'bundle1.none', counts: { bundled: 1, remote: 0, total: 1 }, remote: null });
  });

  it('swaps the whole view at once and tells listeners what changed', async () => {
    const set = createStorySet([story('x')], 'bundle1');
    const listener = vi.fn();
    set.onChange(listener);
    const old = set.current();
    const change = set.setRemote(remote(7, [story('a')], [story('b')]));
    expect(change).toEqual({ added: ['a', 'b'], replaced: [], removed: [] });
    expect(listener).toHaveBeenCalledWith(set.current(), change);
    // A reader holding the old view still sees the old stories.
    expect([...(await old.all()).keys()]).toEqual(['x']);
    expect([...(await set.current().all()).keys()]).toEqual(['x', 'a', 'b']);
    expect(set.current().version).toMatch(/^bundle1\.7-[0-9a-f]{8}$/);
    expect(set.setRemote(null)).toEqual({ added: [], replaced: [], removed: ['a', 'b'] });
  });

  it('gives different store versions to different contents, and says nothing when nothing changed', () => {
    const set = createStorySet([], 'b');
    const listener = vi.fn();
    set.onChange(listener);
    set.setRemote(remote(7, [story('a')]));
    const v = set.current().version;
    set.setRemote(remote(7, [story('a')]));
    expect(listener).toHaveBeenCalledTimes(1);
    set.setRemote(remote(8, [story('a')]));
    expect(set.current().version).not.toBe(v);
  });

  it('keeps the first of two shards that repeat an id', async () => {
    const set = createStorySet([], 'b');
    set.setRemote(remote(1, [{ ...story('a'), title: 'first' }], [{ ...story('a'), title: 'second' }]));
    expect((await set.current().get('a'))?.title).toBe('first');
  });

  it('survives a listener that throws', () => {
    const set = createStorySet([], 'b');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    set.onChange(() => {
      throw new Error('index broke');
    });
    expect(() => set.setRemote(remote(1, [story('a')]))).not.toThrow();
    expect(set.current().counts.remote).toBe(1);
    expect(error).toHaveBeenCalled();
  });
});

describe('a story set opened from a saved snapshot', () => {
  it('knows every story from the catalog and reads a shard only when one of its stories is asked for', async () => {
    const state = remote(3, [story('a'), story('b')], [story('c')]);
    const full = createStorySet([story('x')], 'b1');
    full.setRemote(state);
    const saved = full.remote()!;
    const reads: string[][] = [];
    const lazy = createStorySet([story('x')], 'b1', async (shas) => {
      reads.push(shas);
      return new Map(shas.map((k) => [k, state.shards.get(k)!]));
    });
    await lazy.openRemote(saved);
    const view = lazy.current();
    expect(view.version).toBe(full.current().version);
    expect([...view.ids]).toEqual(['x', 'a', 'b', 'c']);
    expect(view.counts).toEqual({ bundled: 1, remote: 3, total: 4 });
    expect(reads).toEqual([]);
    expect((await view.get('c'))?.id).toBe('c');
    expect(reads).toEqual([[state.snapshot.shards[1]!.sha256]]);
    expect((await view.get('x'))?.id).toBe('x');
    expect(reads).toHaveLength(1);
    expect([...(await view.all()).keys()]).toEqual(['x', 'a', 'b', 'c']);
    expect(reads).toEqual([[state.snapshot.shards[1]!.sha256], [state.snapshot.shards[0]!.sha256]]);
  });

  it('prefers a newer remote story to the bundled one without reading it', async () => {
    const bundledX = story('x', '2026-06-21');
    const newer = { ...bundledX, title: 'Newer', updatedAt: '2026-06-25T00:00:00Z' };
    const state = remote(4, [newer]);
    const full = createStorySet([bundledX], 'b1');
    full.setRemote(state);
    const lazy = createStorySet([bundledX], 'b1', async (shas) => new Map(shas.map((k) => [k, state.shards.get(k)!])));
    await lazy.openRemote(full.remote());
    expect((await lazy.current().get('x'))?.title).toBe('Newer');
  });
});
