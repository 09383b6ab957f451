// The publishing verbs as a publisher runs them: `npm run -s lens -- build-store / check-store / store-keygen`.
// Each test builds its own store in its own folder; lens runs in-process (tests/unit/lens.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lens } from '../lens.ts';
import { invalid, story } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lens-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A new folder of one `<id>.json` file per story. */
function storyDir(name: string, stories: object[]): string {
  const dir = join(tmp, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const s of stories) writeFileSync(join(dir, `${(s as { id: string }).id}.json`), JSON.stringify(s));
  return dir;
}

describe('lens build-store and check-store', () => {
  it('builds a store that checks clean, then rewrites one shard when one story changes', async () => {
    const stories = [story('a', '2026-06-20'), story('b', '2026-06-21'), story('c', '2026-06-22')];
    const src = storyDir('rebuilt-src', stories);
    const out = join(tmp, 'rebuilt');
    const first = await lens('build-store', src, '--out', out);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ shards: 3, stories: 3, unchanged: false });
    expect(first.json.written).toHaveLength(4);
    expect(await lens('check-store', out)).toMatchObject({ code: 0, json: { ok: true, shards: 3, stories: 3, problems: 0 } });

    storyDir('rebuilt-src', [stories[0]!, { ...stories[1]!, title: 'Corrected', updatedAt: '2026-06-23T00:00:00Z' }, stories[2]!]);
    const second = await lens('build-store', src, '--out', out, '--prune');
    expect(second.json.written).toEqual([expect.stringMatching(/^shards\/2026-06-21-[0-9a-f]{16}\.json$/), 'manifest.json']);
    expect(second.json.pruned).toEqual([expect.stringMatching(/^shards\/2026-06-21-/)]);
    expect(second.json.version).toBeGreaterThan(first.json.version);
    expect(readdirSync(join(out, 'shards'))).toHaveLength(3);
  });

  it('refuses to build from an invalid story, writing nothing and naming the field', async () => {
    const src = storyDir('invalid-src', [story('a'), invalid(story('b'))]);
    const r = await lens('build-store', src, '--out', join(tmp, 'never'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('b.json: story "b" (#0): sources[1].url must be an http(s) URL');
    expect(() => readdirSync(join(tmp, 'never'))).toThrow();
  });

  it('reads its stories folder as lens match does: a missing folder and a file are each said so', async () => {
    const file = join(storyDir('file-src', [story('a')]), 'a.json');
    for (const verb of [['build-store'], ['match', 'tests/fixtures/pages/harbor-seawall.html', '--stories']]) {
      const missing = await lens(...verb, join(tmp, 'nowhere'), ...(verb[0] === 'build-store' ? ['--out', join(tmp, 'never')] : []));
      expect([missing.code, missing.err]).toEqual([1, expect.stringContaining(`${join(tmp, 'nowhere')}: no such directory`)]);
      const notDir = await lens(...verb, file, ...(verb[0] === 'build-store' ? ['--out', join(tmp, 'never')] : []));
      expect([notDir.code, notDir.err]).toEqual([1, expect.stringContaining(`${file}: not a directory`)]);
    }
  });

  it('exits non-zero listing each problem with its shard, story and field', async () => {
    const out = join(tmp, 'tampered');
    expect(
      (await lens('build-store', storyDir('tampered-src', [story('a', '2026-06-20'), story('b', '2026-06-21')]), '--out', out)).code,
    ).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const shard = join(out, m.shards[0].path);
    const bad = JSON.parse(readFileSync(shard, 'utf8'));
    bad[0].viewpoints[0].share = 0.9;
    writeFileSync(shard, JSON.stringify(bad));
    const r = await lens('check-store', out);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, problems: 4 });
    expect(r.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^shards\/2026-06-20-\w+\.json: is \d+ bytes, the manifest says \d+$/),
        expect.stringMatching(/^shards\/2026-06-20-\w+\.json: does not match its sha256 in the manifest$/),
        expect.stringMatching(/^shards\/2026-06-20-\w+\.json: story "a" \(#0\): viewpoints shares must add up to 1/),
        // Its one story is invalid: a reader's sync would refuse the shard whole.
        expect.stringMatching(/^shards\/2026-06-20-\w+\.json: readers refuse this shard whole/),
      ]),
    );
  });
});

describe('signing', () => {
  it('makes a key pair, signs the manifest with it, and checks the signature', async () => {
    const keyFile = join(tmp, 'keys', 'store.pem');
    const gen = await lens('store-keygen', '--out', keyFile);
    expect(gen.code).toBe(0);
    expect(gen.json.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(readFileSync(keyFile, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect((await lens('store-keygen', '--out', keyFile)).code).toBe(1);

    const out = join(tmp, 'signed');
    expect((await lens('build-store', storyDir('signed-src', [story('a')]), '--out', out, '--sign', keyFile)).json).toMatchObject({
      signed: true,
    });
    expect(await lens('check-store', out, '--key', gen.json.publicKey)).toMatchObject({ code: 0 });
    const other = (await lens('store-keygen', '--out', join(tmp, 'keys', 'other.pem'))).json.publicKey;
    const wrong = await lens('check-store', out, '--key', other);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('manifest.json.sig: is not a valid signature of manifest.json by the given key');
  });
});

// The one test that starts the real bin (Node and tsx, about a second on a busy machine): it must
// hand main the process's arguments and streams, and its answer as the exit code.
describe('the lens bin', { timeout: 60_000 }, () => {
  it("writes JSON on stdout, each problem on stderr, and exits with main's code", async () => {
    const out = join(tmp, 'bin');
    expect((await lens('build-store', storyDir('bin-src', [story('a')]), '--out', out)).code).toBe(0);
    rmSync(join(out, 'shards'), { recursive: true });
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/lens.ts', 'check-store', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ store: out, ok: false, problems: 1 });
    expect(r.stderr).toMatch(/^.*shards\/2026-06-21-\w+\.json.*\nlens check-store: 1 problem\(s\) found\n$/);
  });
});

describe('lens check-store on a published address', () => {
  it('checks the manifest the address names, and its signature beside it, as the extension syncs them', async () => {
    const keyFile = join(tmp, 'keys', 'url.pem');
    const { publicKey } = (await lens('store-keygen', '--out', keyFile)).json;
    const out = join(tmp, 'served');
    expect((await lens('build-store', storyDir('served-src', [story('a')]), '--out', out, '--sign', keyFile)).code).toBe(0);
    // A second manifest beside the signed one, unsigned (found by an adversarial probe, 2026-12-07:
    // check-store read the folder's manifest.json whatever file the address named).
    writeFileSync(join(out, 'manifest-v2.json'), readFileSync(join(out, 'manifest.json')));
    const server = createServer((req, res) => {
      const path = join(out, decodeURIComponent(new URL(req.url!, 'http://x').pathname).replace(/^\/store\//, ''));
      if (!existsSync(path)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(path));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/store/`;
    try {
      expect(await lens('check-store', base, '--key', publicKey)).toMatchObject({ code: 0, json: { ok: true } });
      expect(await lens('check-store', `${base}manifest.json`, '--key', publicKey)).toMatchObject({ code: 0, json: { ok: true } });
      const v2 = await lens('check-store', `${base}manifest-v2.json`, '--key', publicKey);
      expect(v2.code).toBe(1);
      expect(v2.err).toContain('manifest.json.sig');
    } finally {
      server.close();
    }
  });

  it('stops at --timeout when the host stalls every shard, instead of waiting a minute for each', async () => {
    const out = join(tmp, 'stalled');
    const src = storyDir('stalled-src', [story('a', '2026-06-20'), story('b', '2026-06-21'), story('c', '2026-06-22')]);
    expect((await lens('build-store', src, '--out', out)).code).toBe(0);
    // The manifest answers; every shard request is accepted and never answered.
    const server = createServer((req, res) => {
      if (!req.url!.endsWith('/manifest.json')) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(join(out, 'manifest.json')));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/store/`;
    try {
      const started = Date.now();
      const r = await lens('check-store', base, '--timeout', '1');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(r.code).toBe(1);
      expect(r.json).toMatchObject({ ok: false, shards: 0, stories: 0, problems: 1 });
      expect(r.err).toContain('manifest.json: stopped after 1 s (--timeout): 3 of its 3 shards not checked');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('takes --timeout only as whole seconds, and only for a published store', async () => {
    for (const bad of ['0', '1.5', 'soon', '86401'])
      expect((await lens('check-store', 'https://cdn.example.org/store/', '--timeout', bad)).err).toContain(
        '--timeout must be a whole number of seconds from 1 to 86400',
      );
    expect((await lens('check-store', tmp, '--timeout', '5')).err).toContain('--timeout is for a published store');
  });
});
