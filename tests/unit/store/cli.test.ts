// The publishing verbs as a publisher runs them: `npm run -s lens -- build-store / check-store / store-keygen`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invalid, story } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lens-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function lens(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/lens.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr, json: r.stdout.trim() ? JSON.parse(r.stdout.trim().split('\n').at(-1)!) : null };
}

function writeStories(dir: string, stories: object[]) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const s of stories) writeFileSync(join(dir, `${(s as { id: string }).id}.json`), JSON.stringify(s));
}

// Each call starts Node with tsx (about a second on a busy machine).
describe('lens build-store and check-store', { timeout: 60_000 }, () => {
  const src = join(tmp, 'stories');
  const out = join(tmp, 'store');

  it('builds a store that checks clean, then rewrites one shard when one story changes', () => {
    const stories = [story('a', '2026-06-20'), story('b', '2026-06-21'), story('c', '2026-06-22')];
    writeStories(src, stories);
    const first = lens('build-store', src, '--out', out);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ shards: 3, stories: 3, unchanged: false });
    expect(first.json.written).toHaveLength(4);
    expect(lens('check-store', out)).toMatchObject({ code: 0, json: { ok: true, shards: 3, stories: 3, problems: 0 } });

    writeStories(src, [stories[0]!, { ...stories[1]!, title: 'Corrected', updatedAt: '2026-06-23T00:00:00Z' }, stories[2]!]);
    const second = lens('build-store', src, '--out', out, '--prune');
    expect(second.json.written).toEqual([expect.stringMatching(/^shards\/2026-06-21-[0-9a-f]{16}\.json$/), 'manifest.json']);
    expect(second.json.pruned).toEqual([expect.stringMatching(/^shards\/2026-06-21-/)]);
    expect(second.json.version).toBeGreaterThan(first.json.version);
    expect(readdirSync(join(out, 'shards'))).toHaveLength(3);
  });

  it('refuses to build from an invalid story, writing nothing and naming the field', () => {
    writeStories(src, [story('a'), invalid(story('b'))]);
    const r = lens('build-store', src, '--out', join(tmp, 'never'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('b.json: story "b" (#0): sources[1].url must be an http(s) URL');
    expect(() => readdirSync(join(tmp, 'never'))).toThrow();
  });

  it('exits non-zero listing each problem with its shard, story and field', () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const shard = join(out, m.shards[0].path);
    const bad = JSON.parse(readFileSync(shard, 'utf8'));
    bad[0].viewpoints[0].share = 0.9;
    writeFileSync(shard, JSON.stringify(bad));
    const r = lens('check-store', out);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, problems: 4 });
    expect(r.err.split('\n')).toEqual(expect.arrayContaining([
      expect.stringMatching(/^shards\/2026-06-20-\w+\.json: is \d+ bytes, the manifest says \d+$/),
      expect.stringMatching(/^shards\/2026-06-20-\w+\.json: does not match its sha256 in the manifest$/),
      expect.stringMatching(/^shards\/2026-06-20-\w+\.json: story "a" \(#0\): viewpoints shares must add up to 1/),
      // Its one story is invalid: a reader's sync would refuse the shard whole.
      expect.stringMatching(/^shards\/2026-06-20-\w+\.json: readers refuse this shard whole/),
    ]));
  });
});

describe('signing', { timeout: 60_000 }, () => {
  it('makes a key pair, signs the manifest with it, and checks the signature', () => {
    const keyFile = join(tmp, 'keys', 'store.pem');
    const gen = lens('store-keygen', '--out', keyFile);
    expect(gen.code).toBe(0);
    expect(gen.json.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(readFileSync(keyFile, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(lens('store-keygen', '--out', keyFile).code).toBe(1);

    const src = join(tmp, 'signed-src');
    const out = join(tmp, 'signed');
    writeStories(src, [story('a')]);
    expect(lens('build-store', src, '--out', out, '--sign', keyFile).json).toMatchObject({ signed: true });
    expect(lens('check-store', out, '--key', gen.json.publicKey)).toMatchObject({ code: 0 });
    const other = lens('store-keygen', '--out', join(tmp, 'keys', 'other.pem')).json.publicKey;
    const wrong = lens('check-store', out, '--key', other);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('manifest.json.sig: is not a valid signature of manifest.json by the given key');
  });
});
