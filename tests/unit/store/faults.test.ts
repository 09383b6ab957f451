// Every fault the issue lists, through the runner as the background runs it: the last good store
// stays in use, the error is recorded in plain words, the retry backs off, nothing throws.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../../lib/store/bytes.ts';
import { openStoreDb, type StoreDb } from '../../../lib/store/db.ts';
import { describeError } from '../../../lib/store/errors.ts';
import { RETRY_BASE_MS, RETRY_CAP_MS } from '../../../lib/store/backoff.ts';
import { runSync, type RunDeps } from '../../../lib/store/runner.ts';
import { readStatus, writeStatus } from '../../../platform/settings.ts';
import { createStorySet, type StorySet } from '../../../lib/store/story-set.ts';
import type { BuiltStore } from '../../../lib/store/build.ts';
import { getMessage } from '../setup.ts';
import { build, fakeHost, invalid, redirectedTo, STORE_URL, story, streamed, type Request } from './helpers.ts';

const english = (key: string, subs: string[]) => getMessage(key, subs);

let db: StoreDb;
let set: StorySet;
let host: ReturnType<typeof fakeHost>;
let now: number;
let v1: BuiltStore;
let v2: BuiltStore;
let n = 0;

const deps = (extra: Partial<RunDeps> = {}): RunDeps => ({
  storySet: set,
  db,
  storeUrl: STORE_URL,
  fetchFn: host.fetchFn,
  now: () => now,
  publicKey: null,
  timeoutMs: 40,
  statusStore: { read: readStatus, write: writeStatus },
  ...extra,
});

beforeEach(async () => {
  db = await openStoreDb(`faults-${n++}`);
  set = createStorySet([story('bundled-one')], 'b0');
  host = fakeHost();
  now = Date.parse('2026-11-24T12:00:00Z');
  v1 = await build([story('a', '2026-06-20'), story('b', '2026-06-21')]);
  host.publish(v1);
  const first = await runSync(deps(), 'manual');
  expect(first.lastError).toBeNull();
  // The store moves on to v2; each fault below hits the sync that would fetch it.
  v2 = await build(
    [
      story('a', '2026-06-20'),
      story('b', '2026-06-21', { title: 'b, updated', updatedAt: '2026-06-22T00:00:00Z' }),
      story('c', '2026-06-22'),
    ],
    v1.manifest,
  );
  host.publish(v2);
  now += 3600_000;
});

const changedShard = () => v2.manifest.shards[1]!;
const onShard = (fault: (req: Request) => Response | Promise<Response>) => (req: Request) =>
  req.path === changedShard().path ? fault(req) : undefined;
const never = (req: Request) =>
  new Promise<Response>((_, reject) => req.init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
const bytesOf = (path: string) => host.files.get(path)!;

let pulls = 0;
let cancelled = false;
function endless(): ReadableStream<Uint8Array> {
  pulls = 0;
  cancelled = false;
  return new ReadableStream(
    {
      // Each chunk a task later, as from a network: a synchronous stream would starve the timers.
      pull: async (c) => {
        await new Promise((r) => setTimeout(r, 0));
        pulls++;
        c.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
      cancel: () => void (cancelled = true),
    },
    { highWaterMark: 0 },
  );
}

const faults: [string, () => void, string, RegExp][] = [
  [
    'the network is down',
    () => host.route(() => Promise.reject(new TypeError('Failed to fetch'))),
    'offline',
    /^Couldn't reach the story store at store\.example: the network seems to be down\.$/,
  ],
  [
    'DNS fails',
    () => host.route(() => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }))),
    'dns',
    /^Couldn't find the story store's server store\.example: its name does not resolve\.$/,
  ],
  ['the server never answers', () => host.route(never), 'timeout', /^The story store at store\.example didn't answer within 0 seconds\.$/],
  [
    'a shard trickles in forever',
    () => host.route(onShard(() => streamed(new ReadableStream({ pull: () => new Promise(() => {}) })))),
    'timeout',
    /didn't answer within/,
  ],
  [
    'the manifest is gone (404)',
    () => host.route((r) => (r.path === 'manifest.json' ? new Response('no', { status: 404 }) : undefined)),
    'http_404',
    /^The story store has no manifest\.json \(HTTP 404\)\. Is the store address right\?$/,
  ],
  [
    'the server fails (500)',
    () => host.route(() => new Response('oops', { status: 500 })),
    'http_5xx',
    /^The story store's server failed \(HTTP 500\) when asked for manifest\.json\.$/,
  ],
  [
    'the manifest redirects to another origin',
    () =>
      host.route((r) =>
        r.path === 'manifest.json' ? redirectedTo('https://evil.example/manifest.json', fromUtf8(v2.manifestBytes)) : undefined,
      ),
    'redirect',
    /^The story store sent manifest\.json on to another address \(https:\/\/evil\.example\);/,
  ],
  [
    'the manifest answers with a redirect, which is not followed',
    () =>
      host.route((r) =>
        r.path === 'manifest.json'
          ? new Response(null, { status: 302, headers: { location: 'https://tracker.example/m.json' } })
          : undefined,
      ),
    'redirect',
    /^The story store sent manifest\.json on to another address \(https:\/\/tracker\.example\); .*never follows a redirect\.$/,
  ],
  [
    'the manifest is not JSON',
    () => host.put('manifest.json', '{"format": "factlen-store/1", "vers'),
    'json',
    /^The store's manifest\.json is not valid JSON \(.+\)\.$/,
  ],
  [
    'the manifest has the wrong shape',
    () => host.put('manifest.json', '{"format":"factlen-store/1","version":"9"}'),
    'manifest',
    /^The store's manifest is not in the expected format: version must be a number, not string/,
  ],
  [
    'the manifest breaks off mid-download',
    () =>
      host.route((r) =>
        r.path === 'manifest.json'
          ? streamed(
              new ReadableStream({
                start: (c) => (c.enqueue(bytesOf('manifest.json').slice(0, 40)), c.error(new TypeError('network error'))),
              }),
            )
          : undefined,
      ),
    'truncated',
    /^The download of manifest\.json broke off before the end\.$/,
  ],
  [
    'a shard arrives shorter than the manifest says',
    () =>
      host.route(
        onShard(
          () => new Response(bytesOf(changedShard().path).slice(0, 100) as BodyInit, { headers: { 'content-type': 'application/json' } }),
        ),
      ),
    'size',
    /^shards\/2026-06-21-[0-9a-f]{16}\.json is 100 bytes, but the manifest says \d+: the file is cut short or has changed\.$/,
  ],
  [
    'the host answers with a web page',
    () =>
      host.route(() => new Response('<!doctype html><title>Login</title>', { headers: { 'content-type': 'text/html; charset=utf-8' } })),
    'content_type',
    /^The story store sent manifest\.json as “text\/html; charset=utf-8” instead of JSON\. Is the store address right\?$/,
  ],
  [
    'a shard does not match its hash',
    () =>
      host.route(
        onShard(
          () =>
            new Response(fromUtf8(bytesOf(changedShard().path)).replace('updated', 'UPDATED'), {
              headers: { 'content-type': 'application/json' },
            }),
        ),
      ),
    'hash',
    /^shards\/2026-06-21-[0-9a-f]{16}\.json does not match its fingerprint \(SHA-256\) in the manifest: it may be damaged or tampered with\.$/,
  ],
  [
    'a shard is far larger than the manifest says',
    () => host.route(onShard(() => streamed(endless()))),
    'too_large',
    /^shards\/2026-06-21-[0-9a-f]{16}\.json is larger than its limit of \d+ bytes, so the download was stopped\.$/,
  ],
  [
    'the manifest is older than the one in use (a rollback)',
    () => host.files.set('manifest.json', v1.manifestBytes.slice()),
    'rollback',
    /^The store offered version \d+, older than version \d+ already here, so the newer stories were kept\.$/,
  ],
];

describe('a sync that fails', () => {
  it.each(faults)('when %s keeps the last good store and says why in plain words', async (_, fault, code, words) => {
    if (code === 'rollback') {
      // Sync v2 first, then the host serves v1's manifest again.
      await runSync(deps(), 'manual');
      now += 3600_000;
    }
    const before = set.current();
    const stored = (await db.read())!.snapshot;
    fault();
    const status = await runSync(deps(), 'manual');
    expect(status.lastError?.code).toBe(code);
    expect(describeError(status.lastError!, english)).toMatch(words);
    expect(set.current()).toBe(before);
    expect((await db.read())!.snapshot).toEqual(stored);
    expect(status.version).toBe(stored.version);
    expect(status.counts).toEqual(before.counts);
    expect(status.failures).toBe(1);
    expect(status.nextRetryAt).toBe(now + RETRY_BASE_MS);
    expect(await readStatus()).toEqual(status);
  });

  it('stops reading a body far larger than announced, and cancels it', async () => {
    host.route(onShard(() => streamed(endless())));
    await runSync(deps(), 'manual');
    // The shard is a few kB: the download stops within the first 64 kB chunk past it.
    expect(pulls).toBeLessThanOrEqual(2);
    expect(cancelled).toBe(true);
  });

  it.each([
    ['seconds', '7200', 7200_000],
    ['an HTTP date', new Date(Date.parse('2026-11-24T13:00:00Z') + 3 * 3600_000).toUTCString(), 3 * 3600_000],
  ])('honours Retry-After given in %s on a 503', async (_, value, delay) => {
    host.route(() => new Response('busy', { status: 503, headers: { 'retry-after': value } }));
    const status = await runSync(deps(), 'manual');
    expect(status.lastError?.code).toBe('http_5xx');
    expect(status.nextRetryAt).toBe(now + delay);
  });

  it('backs off exponentially up to a cap, and a scheduled sync waits for it', async () => {
    host.route(() => Promise.reject(new TypeError('Failed to fetch')));
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const status = await runSync(deps(), 'retry');
      delays.push((status.nextRetryAt! - now) / 60_000);
      // An alarm before the retry time does not hit the network.
      const asked = host.requests.length;
      now = status.nextRetryAt! - 1000;
      await runSync(deps(), 'alarm');
      expect(host.requests.length).toBe(asked);
      now += 1000;
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]);
    expect(RETRY_CAP_MS).toBe(360 * 60_000);
  });

  it('lets the reader sync now whatever the back-off, and a success clears the error', async () => {
    host.route(() => new Response('busy', { status: 503, headers: { 'retry-after': '3600' } }));
    await runSync(deps(), 'manual');
    host.route(undefined);
    const status = await runSync(deps(), 'manual');
    expect(status).toMatchObject({ lastError: null, failures: 0, nextRetryAt: null, version: v2.manifest.version, lastSuccessAt: now });
    expect((await set.current().get('b'))?.title).toBe('b, updated');
  });

  it('says so when the reader has not granted the store origin', async () => {
    const status = await runSync(deps({ canReach: async () => false }), 'manual');
    expect(describeError(status.lastError!, english)).toBe(
      'Factlen Lens may not download from https://store.example: the permission was not granted.',
    );
    expect(host.requests.length).toBe(2 + 1); // only the initial sync's requests
  });
});

describe('a sync that succeeds', () => {
  it('records the version, the counts and each rejected story', async () => {
    // (x shares its shard with c: a shard whose stories are mostly rejected is refused whole.)
    const v3 = await build([story('a', '2026-06-20'), invalid(story('x', '2026-06-21')), story('c', '2026-06-21')], v2.manifest);
    host.publish(v3);
    const status = await runSync(deps(), 'manual');
    expect(status).toMatchObject({
      storeUrl: `${STORE_URL}manifest.json`,
      running: false,
      progress: null,
      lastError: null,
      version: v3.manifest.version,
      generatedAt: v3.manifest.generatedAt,
      counts: { bundled: 1, remote: 2, total: 3 },
      lastSuccessAt: now,
    });
    expect(status.rejected).toEqual([expect.stringMatching(/story "x" \(#1\): sources\[1\]\.url must be an http\(s\) URL$/)]);
  });

  it('asks for every file without cookies, referrer or redirects', async () => {
    await runSync(deps(), 'manual');
    expect(host.requests.length).toBeGreaterThan(0);
    for (const r of host.requests) expect(r.init).toMatchObject({ redirect: 'manual', credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('writes its progress as it goes', async () => {
    const seen: unknown[] = [];
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.storage.onChanged.addListener((changes) => {
      const p = (changes.storeSync?.newValue as { progress?: unknown } | undefined)?.progress;
      if (p) seen.push(p);
    });
    await runSync(deps(), 'manual');
    expect(seen).toContainEqual({ phase: 'manifest' });
    expect(seen).toContainEqual({ phase: 'shards', done: 0, total: 2 });
    expect(seen).toContainEqual({ phase: 'saving' });
  });

  it('drops the remote store and says so when no store URL is set', async () => {
    const status = await runSync(deps({ storeUrl: null }), 'manual');
    expect(status).toMatchObject({ storeUrl: null, version: null, counts: { bundled: 1, remote: 0, total: 1 } });
    expect(await db.read()).toBeNull();
    expect([...set.current().ids]).toEqual(['bundled-one']);
  });
});

describe('a saved store damaged on the device (or written by an older build)', () => {
  for (const [what, damage] of [
    ['without its catalog', { catalog: undefined }],
    ['with shards that are not a list', { shards: 'x' }],
    ['with a catalog of the wrong shape', { catalog: [null, 5] }],
  ] as const) {
    it(`${what}: a waking background starts from the bundled stories, and the next sync restores the store`, async () => {
      // Written as the device holds it, past the store's own writes (which would refuse it).
      const raw = await openDB(`faults-${n - 1}`, 1);
      await raw.put('meta', { ...(await raw.get('meta', 'current')), ...damage }, 'current');
      raw.close();
      // As the background wakes: a new story set opened on what the device holds.
      set = createStorySet([story('bundled-one')], 'b0');
      await set.openRemote(await db.readSnapshot());
      expect([...set.current().ids]).toEqual(['bundled-one']);
      expect(set.remote()).toBeNull();
      const next = await runSync(deps(), 'manual');
      expect(next.lastError).toBeNull();
      expect([...set.current().ids].sort()).toEqual(['a', 'b', 'bundled-one', 'c']);
    });
  }
});
