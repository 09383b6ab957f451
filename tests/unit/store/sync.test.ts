import 'fake-indexeddb/auto';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { toBase64 } from '../../../lib/store/bytes.ts';
import { openStoreDb, type StoreDb } from '../../../lib/store/db.ts';
import { StoreError } from '../../../lib/store/errors.ts';
import { remoteStories } from '../../../lib/store/remote.ts';
import { verifySignature } from '../../../lib/store/signature.ts';
import { sharedEtag, syncStore, type SyncOptions, type SyncProgress } from '../../../lib/store/sync.ts';
import { build, fakeHost, invalid, STORE_URL, story } from './helpers.ts';

let db: StoreDb;
let host: ReturnType<typeof fakeHost>;
let n = 0;
beforeEach(async () => {
  db = await openStoreDb(`sync-test-${n++}`);
  host = fakeHost();
});

const run = async (extra: Partial<SyncOptions> = {}) =>
  syncStore({
    storeUrl: STORE_URL,
    db,
    current: await db.read(),
    fetchFn: host.fetchFn,
    now: () => Date.parse('2026-11-24T12:00:00Z'),
    ...extra,
  });
const ids = async () =>
  remoteStories((await db.read())!)
    .stories.map((s) => s.id)
    .sort();

describe('syncStore', () => {
  it('downloads the manifest and every shard on the first sync, and keeps them in IndexedDB', async () => {
    const v1 = await build([story('a', '2026-06-20'), story('b', '2026-06-21'), story('c', '2026-06-22')]);
    host.publish(v1);
    const progress: SyncProgress[] = [];
    const result = await run({ onProgress: (p) => progress.push(p) });
    expect(result.kind).toBe('updated');
    expect(host.paths().sort()).toEqual(['manifest.json', ...v1.manifest.shards.map((s) => s.path)].sort());
    expect(await ids()).toEqual(['a', 'b', 'c']);
    expect((await db.read())!.snapshot).toMatchObject({
      storeUrl: `${STORE_URL}manifest.json`,
      version: v1.manifest.version,
      contentEtag: expect.stringMatching(/^"[0-9a-f]{16}"$/),
    });
    expect(progress[0]).toEqual({ phase: 'manifest' });
    expect(progress).toContainEqual({ phase: 'shards', done: 3, total: 3 });
    expect(progress.at(-1)).toEqual({ phase: 'saving' });
  });

  it('asks for the manifest conditionally and downloads nothing more when it has not changed', async () => {
    host.publish(await build([story('a')]));
    await run();
    host.clear();
    const result = await run();
    expect(result.kind).toBe('unchanged');
    expect(host.requests).toHaveLength(1);
    expect(host.requests[0]!.headers['If-None-Match']).toMatch(/^".+"$/);
  });

  it('sends back no validator a host could make for one reader: neither its own ETag nor a Last-Modified', async () => {
    // Found by an adversarial audit (2026-12-07): a store gave each reader `ETag: "reader-<uuid>"`
    // and a random Last-Modified, and every later sync sent them back, a tracking id that outlives
    // cookies and addresses. Only an ETag that is the manifest's own hash is shared by all readers.
    const v1 = await build([story('a')]);
    host.publish(v1);
    let n = 0;
    host.route((req) => {
      if (req.path !== 'manifest.json') return undefined;
      n++;
      const headers = {
        'content-type': 'application/json',
        etag: `"reader-${n}-5f0c2a"`,
        'last-modified': `Tue, 24 Nov 2026 10:00:0${n} GMT`,
      };
      return new Response(v1.manifestBytes as BodyInit, { headers });
    });
    await run();
    host.clear();
    expect((await run()).kind).toBe('unchanged');
    expect(host.requests.map((r) => r.headers)).toEqual([{}]);
    // The hash written one of two ways is shared; any freedom in how it is written could be a
    // mark per reader (a label, the case of its letters, another length, W/: a review, 2026-12-07).
    const hash = createHash('sha256').update(v1.manifestBytes).digest('hex');
    for (const kept of [`"${hash.slice(0, 16)}"`, `"${hash}"`]) expect(await sharedEtag(kept, v1.manifestBytes)).toBe(kept);
    for (const marked of [
      `"reader7f3c9a21-${hash.slice(0, 16)}"`,
      `"sha256-${hash.slice(0, 16)}"`,
      `"${hash.slice(0, 16).toUpperCase()}"`,
      `"${hash.slice(0, 20)}"`,
      `W/"${hash.slice(0, 16)}"`,
      `"${hash.slice(0, 15)}"`,
      `"${'0'.repeat(16)}"`,
      null,
    ])
      expect(await sharedEtag(marked, v1.manifestBytes)).toBeNull();
  });

  it('downloads only the shard whose hash changed', async () => {
    const stories = [story('a', '2026-06-20'), story('b', '2026-06-21'), story('c', '2026-06-22')];
    const v1 = await build(stories);
    host.publish(v1);
    await run();
    stories[1] = { ...stories[1]!, title: 'Updated', updatedAt: '2026-06-23T00:00:00Z' };
    const v2 = await build(stories, v1.manifest);
    host.publish(v2);
    host.clear();
    const result = await run();
    expect(host.paths()).toEqual(['manifest.json', v2.manifest.shards[1]!.path]);
    expect(result.kind === 'updated' && [result.downloaded, result.bytes]).toEqual([1, v2.manifest.shards[1]!.bytes]);
    if (result.kind !== 'updated') throw new Error(result.kind);
    expect(remoteStories(result.state).stories.find((s) => s.id === 'b')!.title).toBe('Updated');
  });

  it('sends nothing that could tell readers apart: no query, no cookies, no referrer, only a shared ETag', async () => {
    host.publish(await build([story('a')]));
    await run();
    await run();
    for (const r of host.requests) {
      expect(new URL(r.url).search).toBe('');
      expect(r.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
      expect(Object.keys(r.headers).every((h) => h === 'If-None-Match')).toBe(true);
    }
  });

  it('lets readers see the old store until the new one is complete', async () => {
    const v1 = await build([story('a', '2026-06-20')]);
    host.publish(v1);
    await run();
    const v2 = await build([story('a', '2026-06-20'), story('b', '2026-06-21'), story('c', '2026-06-22')], v1.manifest);
    host.publish(v2);
    const seen: string[][] = [];
    host.route(async (req) => {
      if (req.path.startsWith('shards/')) seen.push(remoteStories((await db.read())!).stories.map((s) => s.id));
      return undefined;
    });
    await run({ concurrency: 1 });
    expect(seen).toEqual([['a'], ['a']]);
    expect(await ids()).toEqual(['a', 'b', 'c']);
  });

  it('reuses shards a failed sync already verified instead of downloading them again', async () => {
    const v1 = await build([story('a', '2026-06-20'), story('b', '2026-06-21')]);
    host.publish(v1);
    const [first, second] = v1.manifest.shards;
    host.route((req) => (req.path === second!.path ? new Response('gone', { status: 503 }) : undefined));
    await expect(run({ concurrency: 1 })).rejects.toMatchObject({ code: 'http_5xx' });
    host.route(undefined);
    host.clear();
    await run();
    expect(host.paths()).toEqual(['manifest.json', second!.path]);
    expect(host.paths()).not.toContain(first!.path);
    expect(await ids()).toEqual(['a', 'b']);
  });

  it('keeps the valid stories of a partly invalid shard and reports each invalid one', async () => {
    const v1 = await build([story('a'), invalid(story('b')), story('c'), invalid(story('d'))]);
    host.publish(v1);
    const result = await run();
    expect(await ids()).toEqual(['a', 'c']);
    expect(result.kind === 'updated' && result.rejected).toEqual([
      `${v1.manifest.shards[0]!.path}: story "b" (#1): sources[1].url must be an http(s) URL`,
      `${v1.manifest.shards[0]!.path}: story "d" (#3): sources[1].url must be an http(s) URL`,
    ]);
  });

  it('keeps the previous version of a story whose new version is invalid', async () => {
    const v1 = await build([story('a'), story('b')]);
    host.publish(v1);
    await run();
    const v2 = await build([story('a'), invalid({ ...story('b'), title: 'Broken update' })], v1.manifest);
    host.publish(v2);
    const result = await run();
    if (result.kind !== 'updated') throw new Error(result.kind);
    const b = remoteStories(result.state).stories.find((s) => s.id === 'b');
    expect(b?.title).toBe('Story b');
    expect(result.kind === 'updated' && result.rejected.at(-1)).toBe(
      'story "b": the store\'s new version was rejected; the previous version is kept',
    );
    // And after a restart, from IndexedDB alone.
    expect(remoteStories((await db.read())!).stories.find((s) => s.id === 'b')?.title).toBe('Story b');
  });

  it('treats another store URL as a new store: no validators, no version comparison', async () => {
    const v1 = await build([story('a')]);
    host.publish(v1);
    await run();
    host.clear();
    const older = await build([story('z')]);
    host.files.set('other/manifest.json', older.manifestBytes);
    for (const s of older.shards) host.files.set(`other/${s.ref.path}`, s.bytes);
    await run({ storeUrl: `${STORE_URL}other/` });
    expect(host.requests[0]!.headers).toEqual({});
    expect(await ids()).toEqual(['z']);
  });

  it('refuses a store address that is not https', async () => {
    await expect(run({ storeUrl: 'http://store.example/' })).rejects.toMatchObject({ code: 'bad_url' });
    await expect(run({ storeUrl: 'https://store.example/?reader=42' })).rejects.toMatchObject({ code: 'bad_url' });
    expect(host.requests).toHaveLength(0);
  });
});

describe('signed stores', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
  const signWith = (key: typeof privateKey, bytes: Uint8Array) => toBase64(sign(null, bytes, key)) + '\n';

  it('accepts a manifest signed with the build’s key', async () => {
    const v1 = await build([story('a')]);
    host.publish(v1);
    host.put('manifest.json.sig', signWith(privateKey, v1.manifestBytes));
    expect((await run({ publicKey: raw })).kind).toBe('updated');
  });

  it('rejects an unsigned manifest when a key is set', async () => {
    host.publish(await build([story('a')]));
    await expect(run({ publicKey: raw })).rejects.toMatchObject({ code: 'unsigned' });
    expect(await db.read()).toBeNull();
  });

  it('rejects a manifest signed by another key, or changed after signing', async () => {
    const v1 = await build([story('a')]);
    host.publish(v1);
    host.put('manifest.json.sig', signWith(generateKeyPairSync('ed25519').privateKey, v1.manifestBytes));
    await expect(run({ publicKey: raw })).rejects.toMatchObject({ code: 'bad_signature' });
    host.put('manifest.json.sig', signWith(privateKey, v1.manifestBytes));
    host.put('manifest.json', new TextDecoder().decode(v1.manifestBytes).replace('"AI"', '"Al"'));
    await expect(run({ publicKey: raw })).rejects.toMatchObject({ code: 'bad_signature' });
    expect(await db.read()).toBeNull();
  });

  it('verifies with @noble/ed25519 where WebCrypto has no Ed25519', async () => {
    const data = new TextEncoder().encode('manifest bytes');
    const noEd25519 = {
      importKey: async () => {
        throw Object.assign(new Error('Unrecognized name.'), { name: 'NotSupportedError' });
      },
      verify: async () => {
        throw new Error('not reached');
      },
    };
    expect(await verifySignature(data, signWith(privateKey, data), raw, noEd25519)).toBe(true);
    expect(await verifySignature(data, signWith(generateKeyPairSync('ed25519').privateKey, data), raw, noEd25519)).toBe(false);
    expect(await verifySignature(data, 'bm90IGEgc2lnbmF0dXJl', raw)).toBe(false);
  });
});

it('is a StoreError every time, with the file it concerns', async () => {
  host.route(() => new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }));
  const err = await run().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).params).toEqual(['manifest.json', 'text/html']);
});
