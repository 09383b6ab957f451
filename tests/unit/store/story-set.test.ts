import { describe, expect, it, vi } from 'vitest';
import type { RemoteState } from '../../../lib/store/db.ts';
import type { ShardRecord } from '../../../lib/store/shard.ts';
import { createStorySet, diffStories, mergeStories } from '../../../lib/store/story-set.ts';
import type { Story } from '../../../lib/story.ts';
import { story } from './helpers.ts';

function remote(version: number, ...shards: Story[][]): RemoteState {
  const records: ShardRecord[] = shards.map((stories, i) => ({ sha256: `${version}${i}`.padEnd(64, '0'), path: `shards/${i}.json`, stories, rejected: [] }));
  return {
    snapshot: {
      storeUrl: 'https://s.example/manifest.json', version, generatedAt: '2026-11-24T00:00:00Z', topics: [], etag: null, lastModified: null, carried: [], syncedAt: 0,
      shards: records.map((r) => ({ path: r.path, sha256: r.sha256, bytes: 2, stories: r.stories.length })),
    },
    shards: new Map(records.map((r) => [r.sha256, r])),
  };
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

describe('diffStories', () => {
  it('names what was added, replaced and removed, and not what only moved', () => {
    const a = story('a');
    const before = new Map([['a', a], ['b', story('b')], ['c', story('c')]]);
    const after = new Map([['a', structuredClone(a)], ['b', { ...story('b'), title: 'new' }], ['d', story('d')]]);
    expect(diffStories(before, after)).toEqual({ added: ['d'], replaced: ['b'], removed: ['c'] });
  });
});

describe('createStorySet', () => {
  it('starts on the bundled stories alone', () => {
    const set = createStorySet([story('x')], 'bundle1');
    expect(set.current()).toMatchObject({ version: 'bundle1.none', counts: { bundled: 1, remote: 0, total: 1 }, remote: null });
  });

  it('swaps the whole view at once and tells listeners what changed', () => {
    const set = createStorySet([story('x')], 'bundle1');
    const listener = vi.fn();
    set.onChange(listener);
    const old = set.current();
    const change = set.setRemote(remote(7, [story('a')], [story('b')]));
    expect(change).toEqual({ added: ['a', 'b'], replaced: [], removed: [] });
    expect(listener).toHaveBeenCalledWith(set.current(), change);
    // A reader holding the old view still sees the old stories.
    expect([...old.stories.keys()]).toEqual(['x']);
    expect([...set.current().stories.keys()]).toEqual(['x', 'a', 'b']);
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

  it('keeps the first of two shards that repeat an id', () => {
    const set = createStorySet([], 'b');
    set.setRemote(remote(1, [{ ...story('a'), title: 'first' }], [{ ...story('a'), title: 'second' }]));
    expect(set.current().stories.get('a')?.title).toBe('first');
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
