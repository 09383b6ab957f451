import { describe, expect, it } from 'vitest';
import { buildStore, defaultTopicName, timeVersion } from '../../../lib/store/build.ts';
import { fromUtf8, sha256Hex } from '../../../lib/store/bytes.ts';
import { checkStore, type StoreReader } from '../../../lib/store/check.ts';
import { describeError, recordError, StoreError } from '../../../lib/store/errors.ts';
import { parseManifest } from '../../../lib/store/manifest.ts';
import { getMessage } from '../setup.ts';
import { build, invalid, story } from './helpers.ts';

const english = (key: string, subs: string[]) => getMessage(key, subs);
const describeErr = (e: StoreError) => describeError(recordError(e), english);

function reader(files: Map<string, Uint8Array>): StoreReader {
  return async (path, max) => {
    const f = files.get(path);
    if (!f) throw new StoreError('http_404', [path]);
    if (f.byteLength > max) throw new StoreError('too_large', [path, max]);
    return f;
  };
}

const filesOf = (built: Awaited<ReturnType<typeof buildStore>>) =>
  new Map<string, Uint8Array>([
    ['manifest.json', built.manifestBytes],
    ...built.shards.map((s) => [s.ref.path, s.bytes] as [string, Uint8Array]),
  ]);

describe('buildStore', () => {
  it('groups stories into one content-addressed shard per publication day', async () => {
    const built = await build([story('a', '2026-06-21'), story('b', '2026-06-21'), story('c', '2026-06-22')]);
    expect(built.manifest.shards.map((s) => [s.path.slice(0, 18), s.stories])).toEqual([
      ['shards/2026-06-21-', 2],
      ['shards/2026-06-22-', 1],
    ]);
    for (const s of built.shards) {
      expect(s.ref.sha256).toBe(await sha256Hex(s.bytes));
      expect(s.ref.bytes).toBe(s.bytes.byteLength);
      expect(s.ref.path).toContain(s.ref.sha256.slice(0, 16));
    }
    expect(built.manifest.topics).toEqual([{ id: 'ai', name: 'AI' }]);
    expect(parseManifest(built.manifestBytes)).toEqual(built.manifest);
  });

  it('rewrites only the changed story’s shard and the manifest when one story changes', async () => {
    const stories = [story('a', '2026-06-20'), story('b', '2026-06-21'), story('c', '2026-06-22')];
    const v1 = await build(stories);
    stories[1] = { ...stories[1]!, title: 'A corrected headline', updatedAt: '2026-06-23T08:00:00Z' };
    const v2 = await build(stories, v1.manifest);
    const changed = v2.manifest.shards.filter((s, i) => s.sha256 !== v1.manifest.shards[i]!.sha256);
    expect(changed.map((s) => s.path.slice(7, 17))).toEqual(['2026-06-21']);
    expect(v2.manifest.version).toBeGreaterThan(v1.manifest.version);
  });

  it('changes nothing, not even the version, when no story changed', async () => {
    const v1 = await build([story('a')]);
    const again = await buildStore([story('a')], { previous: v1.manifest, now: new Date('2030-01-01T00:00:00Z') });
    expect(again.unchanged).toBe(true);
    expect(again.manifest.version).toBe(v1.manifest.version);
  });

  it('keeps versions growing even when the clock says otherwise', async () => {
    const v1 = await buildStore([story('a')], { now: new Date('2026-11-24T10:00:00Z') });
    const v2 = await buildStore([story('b')], { previous: v1.manifest, now: new Date('2020-01-01T00:00:00Z') });
    expect(v1.manifest.version).toBe(20261124100000);
    expect(v2.manifest.version).toBe(v1.manifest.version + 1);
  });

  it('carries fields it does not know, for newer readers', async () => {
    const built = await build([{ ...story('a'), futureField: 1 } as never]);
    expect(fromUtf8(built.shards[0]!.bytes)).toContain('"futureField":1');
  });

  it('names topics from the given names, else readably from the id', () => {
    expect(defaultTopicName('ai')).toBe('AI');
    expect(defaultTopicName('climate-policy')).toBe('Climate policy');
    expect(timeVersion(new Date('2026-01-02T03:04:05.678Z'))).toBe(20260102030405);
  });
});

describe('checkStore', () => {
  it('finds nothing wrong with a store just built', async () => {
    const built = await build([story('a'), story('b', '2026-06-22')]);
    const report = await checkStore(reader(filesOf(built)), { describe: describeErr });
    expect(report).toEqual({ problems: [], version: built.manifest.version, shards: 2, stories: 2 });
  });

  it('reports each problem with its shard, story id and field path', async () => {
    const built = await build([story('a', '2026-06-20'), story('b', '2026-06-21'), story('c', '2026-06-22')]);
    const files = filesOf(built);
    const [s0, s1, s2] = built.manifest.shards;
    // Shard 0: one story broken and one duplicating an id of shard 1. Shard 1: bytes swapped.
    files.set(s0!.path, new TextEncoder().encode(JSON.stringify([invalid(story('a', '2026-06-20')), story('b', '2026-06-20')])));
    files.set(s1!.path, new TextEncoder().encode(fromUtf8(files.get(s1!.path)!).replace('Story b', 'Story B')));
    files.delete(s2!.path);
    const { problems } = await checkStore(reader(files), { describe: describeErr });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${s0!.path}: is \\d+ bytes, the manifest says ${s0!.bytes}$`)),
        `${s0!.path}: does not match its sha256 in the manifest`,
        `${s0!.path}: story "a" (#0): sources[1].url must be an http(s) URL`,
        `${s0!.path}: holds 2 stories, the manifest says 1`,
        `${s1!.path}: does not match its sha256 in the manifest`,
        `${s1!.path}: story "b": id repeats a story of ${s0!.path}`,
        `The story store has no ${s2!.path} (HTTP 404). Is the store address right?`,
      ]),
    );
  });

  it('reports a manifest of the wrong shape field by field, and still checks its good shards', async () => {
    const built = await build([story('a')]);
    const files = filesOf(built);
    const m = JSON.parse(fromUtf8(built.manifestBytes));
    m.version = 'one';
    m.shards.push({ path: '../etc/passwd.json', sha256: 'x', bytes: 1, stories: 0 });
    files.set('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
    const { problems, shards, stories } = await checkStore(reader(files), { describe: describeErr });
    expect(problems).toEqual(
      expect.arrayContaining([
        'manifest.json: version must be a number, not string',
        'manifest.json: shards[1].path must be a relative path inside the store ending in .json',
        'manifest.json: shards[1].sha256 must be 64 lower-case hex digits',
      ]),
    );
    expect([shards, stories]).toEqual([1, 1]);
  });

  it('says so when the manifest is not JSON', async () => {
    const { problems } = await checkStore(reader(new Map([['manifest.json', new TextEncoder().encode('<html>')]])), {
      describe: describeErr,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^The store's manifest.json is not valid JSON \(.+\)\.$/);
  });
});
