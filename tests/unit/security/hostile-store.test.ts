// Attacks a hostile story store (or a mirror of one) can make, each refused at the door with the
// last good store kept (issue 21, findings 1, 4 and 9). Each test is named for the attack.
import 'fake-indexeddb/auto';
import { generateKeyPairSync, sign } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildStore } from '../../../lib/store/build.ts';
import { toBase64, utf8 } from '../../../lib/store/bytes.ts';
import { checkStore } from '../../../lib/store/check.ts';
import { openStoreDb, type StoreDb } from '../../../lib/store/db.ts';
import { describeError, recordError, StoreError } from '../../../lib/store/errors.ts';
import {
  checkManifestShape,
  MAX_MANIFEST_BYTES,
  MAX_MANIFEST_SHAPE,
  MAX_SHARD_BYTES,
  MAX_STORE_BYTES,
  MAX_SHARDS,
  MAX_TOPICS,
  manifestProblems,
  parseManifest,
} from '../../../lib/store/manifest.ts';
import { runSync, SYNC_DEADLINE_MS } from '../../../lib/store/runner.ts';
import { readStatus, writeStatus } from '../../../platform/settings.ts';
import {
  checkShardShape,
  decodeShard,
  MAX_LINE,
  MAX_LINES_PER_SHARD,
  MAX_REJECTED_PER_SHARD,
  MAX_SHARD_DEPTH,
  MAX_SHARD_VALUES,
} from '../../../lib/store/shard.ts';
import { createStorySet } from '../../../lib/store/story-set.ts';
import { capLines, MAX_REJECTED_LINES, syncStore, type SyncOptions } from '../../../lib/store/sync.ts';
import { describeRejection, MAX_ISSUES_PER_STORY, parseStories, STORY_BUDGET, type Story } from '../../../lib/story/story.ts';
import { english } from '../../../cli/english.ts';
import { build, fakeHost, STORE_URL, story } from '../store/helpers.ts';

const NOW = Date.parse('2026-11-24T12:00:00Z');
let db: StoreDb;
let host: ReturnType<typeof fakeHost>;
let n = 0;
beforeEach(async () => {
  db = await openStoreDb(`hostile-store-${n++}`);
  host = fakeHost();
});
const sync = async (extra: Partial<SyncOptions> = {}) =>
  syncStore({ storeUrl: STORE_URL, db, current: await db.read(), fetchFn: host.fetchFn, now: () => NOW, ...extra });
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err as StoreError;
  }
  throw new Error('not refused');
};
const shardOf = (items: unknown[]) => utf8(JSON.stringify(items));

describe("the store's bytes quoted in a sync's error", () => {
  // An audit (2026-12-07): JSON.parse's message quotes the bytes it stopped at, and the options
  // page showed it in its sentence: a U+202E there turned the rest of the sentence around.
  it('write out the direction controls and line feeds of a shard that is not JSON', () => {
    const err = refusal(() => decodeShard(utf8('[{"a": \u202eevil\nLens: all stories valid }]'), 'shards/2026-06-21-x.json'));
    expect(err.code).toBe('json');
    const said = describeError(recordError(err), english);
    expect(said).toContain('\\u202e');
    expect(said).not.toMatch(/[\u202e\n]/);
  });

  it("cut and write out a server's Content-Type", () => {
    const said = describeError({ code: 'content_type', params: ['manifest.json', `text/html\u0085${'x'.repeat(10_000)}`] }, english);
    expect(said).toContain('\\u0085');
    expect(said.length).toBeLessThan(600);
  });
});

describe('finding 1: a tiny bad shard cannot amplify into gigabytes of errors', () => {
  it('refuses a shard of 100,000 `{}` after reading 51 of them, in one line', () => {
    const bytes = utf8(`[${Array(100_000).fill('{}').join(',')}]`);
    const err = refusal(() => decodeShard(bytes, 'shards/2026-06-21-x.json'));
    expect(err).toBeInstanceOf(StoreError);
    expect(err.code).toBe('shard_rejected');
    // 51 rejected and the rest left unread: "51+" of 100000.
    expect(err.params.slice(0, 3)).toEqual(['shards/2026-06-21-x.json', `${MAX_REJECTED_PER_SHARD + 1}+`, 100_000]);
    expect(describeError(recordError(err), english).length).toBeLessThan(600);
  });

  it('refuses a shard whose stories are mostly rejected, however few', () => {
    expect(refusal(() => decodeShard(shardOf([story('a'), {}, {}]), 's.json')).code).toBe('shard_rejected');
    expect(decodeShard(shardOf([story('a'), story('b'), {}]), 's.json').stories).toHaveLength(2);
  });

  it('keeps at most 20 short lines for a shard whose rejected stories carry 100 kB ids and many faults', () => {
    const longId = 'x'.repeat(100_000);
    const broken = Array.from({ length: 40 }, () => ({ id: longId, sources: Array(400).fill({}) }));
    const valid = Array.from({ length: 41 }, (_, i) => story(`ok-${i}`));
    const { stories, rejected } = decodeShard(shardOf([...valid, ...broken]), 'shards/2026-06-21-x.json');
    expect(stories).toHaveLength(41);
    expect(rejected).toHaveLength(40);
    const lines = rejected.flatMap((r) => r.lines);
    expect(lines.length).toBeLessThanOrEqual(MAX_LINES_PER_SHARD + 1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(MAX_LINE + 1);
    for (const r of rejected) expect(r.id!.length).toBeLessThanOrEqual(121);
    expect(lines.at(-1)).toMatch(/more problem line\(s\) not shown$/);
  });

  it('keeps at most five problems of one story', () => {
    const { rejected } = parseStories([{ id: 'a', sources: Array(500).fill({}) }]);
    expect(rejected[0]!.issues).toHaveLength(MAX_ISSUES_PER_STORY + 1);
    expect(rejected[0]!.issues.at(-1)!.message).toMatch(/^has \d+ more problem\(s\)$/);
  });

  it('rejects a story nested 100,000 levels deep, or of 100,000 values, before validating it', () => {
    const deep = JSON.parse(`{"id":"deep","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(parseStories([deep]).rejected[0]!.issues).toEqual([
      { path: '(story)', message: `is nested more than ${STORY_BUDGET.depth} levels deep` },
    ]);
    const wide = { ...story('wide'), extra: Array(100_000).fill(1) };
    expect(parseStories([wide]).rejected[0]!.issues).toEqual([
      { path: '(story)', message: `is too large: more than ${STORY_BUDGET.values} values` },
    ]);
  });

  it('refuses a 1 MB shard path in the manifest', () => {
    const problems = manifestProblems({
      format: 'factlen-store/1',
      version: 1,
      generatedAt: '2026-11-24T10:00:00Z',
      topics: [],
      shards: [{ path: `${'a'.repeat(1_000_000)}.json`, sha256: 'a'.repeat(64), bytes: 301, stories: 300 }],
    });
    expect(problems).toEqual(['shards[0].path must be at most 200 characters']);
  });

  it('refuses a topic name that reads backwards, carries a terminal command or breaks a line', () => {
    const manifest = (name: string) => ({
      format: 'factlen-store/1',
      version: 1,
      generatedAt: '2026-11-24T10:00:00Z',
      topics: [{ id: 'ai', name }],
      shards: [],
    });
    expect(manifestProblems(manifest('AI \u202enoitcele'))).toEqual([
      'topics[0].name must not contain invisible or direction-changing characters',
    ]);
    expect(manifestProblems(manifest('AI\u001b[2J'))).toEqual(['topics[0].name must not contain control characters']);
    // A line break is read as a space: the name cannot bring lines of its own into a notification.
    expect(manifestProblems(manifest('AI\nFactlen Lens notice'))).toEqual([]);
    expect(manifestProblems(manifest('\n\t'))).toEqual(['topics[0].name must not be empty']);
    expect(manifestProblems(manifest('Artificial intelligence'))).toEqual([]);
  });

  it('reports at most 200 lines for a whole sync, and counts the rest', () => {
    const many = Array.from({ length: 1000 }, (_, i) => [`a ${i}`, `b ${i}`]);
    const lines = capLines(many);
    expect(lines).toHaveLength(MAX_REJECTED_LINES + 1);
    expect(lines.at(-1)).toBe('1800 more problem line(s) not shown');
  });

  it('stops a sync whose store never answers at its deadline, and commits nothing', async () => {
    host.publish(await build([story('a')]));
    const set = createStorySet([], 'b');
    // A fetch that ignores its abort signal and never settles: only the deadline can end the sync.
    const status = await runSync(
      {
        storySet: set,
        db,
        storeUrl: STORE_URL,
        fetchFn: () => new Promise(() => {}),
        now: () => NOW,
        publicKey: null,
        deadlineMs: 50,
        statusStore: { read: readStatus, write: writeStatus },
      },
      'manual',
    );
    expect(status).toMatchObject({ running: false, lastError: { code: 'deadline' } });
    expect(await db.read()).toBeNull();
    expect(SYNC_DEADLINE_MS).toBe(600_000);
  });

  it('check-store stops at 20,000 shards however many the manifest lists', async () => {
    const shards = Array.from({ length: MAX_SHARDS + 500 }, (_, i) => ({
      path: `shards/${i}.json`,
      sha256: i.toString(16).padStart(64, '0'),
      bytes: 2,
      stories: 0,
    }));
    const manifest = utf8(
      JSON.stringify({ format: 'factlen-store/1', version: 1, generatedAt: '2026-11-24T10:00:00Z', topics: [], shards }),
    );
    let reads = 0;
    const report = await checkStore(
      async (path) => {
        reads++;
        if (path === 'manifest.json') return manifest;
        throw new StoreError('http_404', [path]);
      },
      { describe: (e) => e.message },
    );
    expect(reads).toBe(MAX_SHARDS + 1);
    expect(report.problems).toContain(`manifest.json: lists ${MAX_SHARDS + 500} shards: only the first ${MAX_SHARDS} were checked`);
  });
});

describe('finding 4: markup cannot pass the "plain text" door', () => {
  it.each([
    ['a tag with a slash for a space', 'x <img/src=x onerror=alert(1)>'],
    ['an svg with a slash for a space', '<svg/onload=alert(1)>'],
    ['an unclosed tag', 'x <img src=x onerror=alert(1)'],
    ['an end tag', 'x </script'],
    ['a comment', 'x <!-- y'],
    ['a processing instruction', '<?xml version="1.0"?>'],
  ])('rejects %s', (_, markup) => {
    const { rejected } = parseStories([{ ...story('m'), dek: markup }]);
    expect(rejected[0]?.issues).toEqual([{ path: 'dek', message: 'must be plain text, not markup' }]);
  });

  it('still accepts "<" in prose', () => {
    expect(parseStories([{ ...story('p'), dek: 'a < b, <3, 5<6 and <= 7 % of voters' }]).rejected).toEqual([]);
  });
});

describe('finding 9: a store cannot freeze readers, overflow a field or disguise a name', () => {
  it.each<[string, (s: Record<string, any>) => void, string, string]>([
    ['a 10 MB dek', (s) => (s.dek = 'x'.repeat(10_000_000)), '(story)', 'is too large'],
    ['a 100 kB dek', (s) => (s.dek = 'x'.repeat(100_000)), 'dek', 'must be at most 3000 characters'],
    ['100,000 key points', (s) => (s.keyPoints = Array(100_000).fill('k')), '(story)', 'is too large'],
    ['1,000 key points', (s) => (s.keyPoints = Array(1000).fill('k')), 'keyPoints', 'must list at most 100 items'],
    [
      'a source URL with a password',
      (s) => (s.sources[1].url = 'https://user:pw@fortune.com/a'),
      'sources[1].url',
      'must not carry a user name or password',
    ],
    ['a story URL with a user name', (s) => (s.url = 'https://admin@factlen.com/x'), 'url', 'must not carry a user name or password'],
    [
      'a right-to-left override in an outlet',
      (s) => (s.sources[0].outlet = 'Fortune\u202e'),
      'sources[0].outlet',
      'must not contain invisible or direction-changing characters',
    ],
    [
      'a bidi isolate in a viewpoint name',
      (s) => (s.viewpoints[0].name = '\u2067x'),
      'viewpoints[0].name',
      'must not contain invisible or direction-changing characters',
    ],
    [
      'a publication date that is year 10000 in UTC (no shard can be named by it)',
      (s) => (s.publishedAt = '9999-12-31T23:59:59-23:59'),
      'publishedAt',
      'must be in the years 1000 to 9999 (in UTC)',
    ],
    [
      'an invisible operator in a viewpoint name',
      (s) => (s.viewpoints[0].name = 'Pa\u2064tients'),
      'viewpoints[0].name',
      'must not contain invisible or direction-changing characters',
    ],
    // An adversarial audit (2026-12-07): invisible characters the door's list left out. Each
    // passed, showed "Fortune" (or nothing) and counted as an outlet of its own ("12 outlets").
    [
      'tag characters in an outlet (an invisible copy of any ASCII text)',
      (s) => (s.sources[0].outlet = 'Fortune\u{E0046}\u{E006F}'),
      'sources[0].outlet',
      'must not contain invisible or direction-changing characters',
    ],
    [
      'a Hangul filler as a viewpoint name (a blank that is a letter)',
      (s) => (s.viewpoints[0].name = '\u3164'),
      'viewpoints[0].name',
      'must not contain invisible or direction-changing characters',
    ],
    [
      'a Mongolian vowel separator in a title',
      (s) => (s.title = 'Micro\u180esoft'),
      'title',
      'must not contain invisible or direction-changing characters',
    ],
    [
      'an interlinear annotation hiding words in a source title',
      (s) => (s.sources[0].title = 'Shown\ufff9hidden\ufffaalso hidden\ufffb'),
      'sources[0].title',
      'must not contain invisible or direction-changing characters',
    ],
    [
      'a deprecated format control in a missing perspective',
      (s) => (s.missingPerspectives = ['Pa\u206ftients']),
      'missingPerspectives[0]',
      'must not contain invisible or direction-changing characters',
    ],
    // The same audit: a name with nothing to read passed too, an outlet "" counted among the
    // outlets and a viewpoint with no name took its place in the bar; "must not be empty" on the
    // title let "   " through.
    ['an empty outlet', (s) => (s.sources[0].outlet = ''), 'sources[0].outlet', 'must not be empty'],
    ['a title of spaces', (s) => (s.title = '   '), 'title', 'must not be empty'],
    ['an empty viewpoint name', (s) => (s.viewpoints[0].name = ''), 'viewpoints[0].name', 'must not be empty'],
    [
      'a missing perspective of braille blanks',
      (s) => (s.missingPerspectives = ['\u2800\u2800']),
      'missingPerspectives[0]',
      'must not be empty',
    ],
    ['an escape sequence in a title', (s) => (s.title = 'Micro\u001b[2Jsoft'), 'title', 'must not contain control characters'],
    ['a bell in a body paragraph', (s) => (s.body = ['A paragraph\u0007.']), 'body[0]', 'must not contain control characters'],
    ['a C1 control in a dek', (s) => (s.dek = 'A dek \u009b31m'), 'dek', 'must not contain control characters'],
    [
      'a control character in a source URL',
      (s) => (s.sources[1].url = 'https://fortune.com/a\u001b[2J'),
      'sources[1].url',
      'must not contain control characters',
    ],
  ])('rejects %s', (_, breakIt, path, message) => {
    const s = story('limits') as Record<string, any>;
    breakIt(s);
    const issues = parseStories([s]).rejected[0]?.issues ?? [];
    expect(issues.some((i) => i.path === path && i.message.startsWith(message))).toBe(true);
  });

  it('reads line breaks and tabs in a name or a title as one space, so none writes lines of its own', () => {
    // Found by an adversarial audit (2026-12-07): a missing perspective of several lines wrote a
    // notification under Lens's name. Refusing the story instead (a review, the same day) would
    // have cost every story whose scraped headline ends in a line break.
    const s = story('lines') as Record<string, any>;
    s.missingPerspectives = ['Factlen Lens security notice:\nRestore your key at https://factlen-support.example\n\n\n'];
    s.title = 'Fortune Story\u2028Factlen Lens: action required';
    s.sources[0].title = 'A\u2029B\n';
    s.sources[0].outlet = 'Fortune\t\t\tLens';
    s.viewpoints[0].name = 'Patients\r';
    const { stories, rejected } = parseStories([s]);
    expect(rejected).toEqual([]);
    const [read] = stories;
    expect(read!.missingPerspectives).toEqual(['Factlen Lens security notice: Restore your key at https://factlen-support.example']);
    expect([read!.title, read!.sources[0]!.title, read!.sources[0]!.outlet, read!.viewpoints[0]!.name]).toEqual([
      'Fortune Story Factlen Lens: action required',
      'A B',
      'Fortune Lens',
      'Patients',
    ]);
  });

  it('drops a zero-width space, a word joiner or a BOM from a name, so it shows what it says', () => {
    // Scraped headlines carry them ("\u200bRussia Puts Putin Critic on Wanted List"): refused,
    // each cost its story. Kept, "Fortune\u200b" would show as Fortune and count as an outlet of
    // its own.
    const s = story('zero-width') as Record<string, any>;
    s.title = 'Micro\u200bsoft';
    s.sources[0].title = '\u200bRussia Puts Putin Critic on Wanted List';
    s.sources[0].outlet = `${s.sources[1].outlet}\u200b`;
    s.viewpoints[0].name = '\ufeffPa\u2060tients';
    const { stories, rejected } = parseStories([s]);
    expect(rejected).toEqual([]);
    const [read] = stories;
    expect([read!.title, read!.sources[0]!.title, read!.sources[0]!.outlet, read!.viewpoints[0]!.name]).toEqual([
      'Microsoft',
      'Russia Puts Putin Critic on Wanted List',
      read!.sources[1]!.outlet,
      'Patients',
    ]);
  });

  it('accepts tabs and line breaks in prose', () => {
    const s = { ...story('prose'), dek: 'One line,\r\nanother\tand a tab', body: ['First.\n\nSecond.'] };
    expect(parseStories([s]).rejected).toEqual([]);
  });

  it('accepts a soft hyphen in a headline, as publishers write long words', () => {
    const s = { ...story('shy'), title: 'Bundes\u00adverfassungs\u00adgericht urteilt' };
    expect(parseStories([s]).rejected).toEqual([]);
  });

  it("accepts a subdivision's flag (its tag characters), an emoji's variation selector and Arabic number signs", () => {
    const s = {
      ...story('signs'),
      title: 'Scotland \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} votes \u2764\ufe0f',
      dek: '\u0600\u0661\u0662',
    };
    expect(parseStories([s]).rejected).toEqual([]);
  });

  it('accepts ZWJ, ZWNJ and right-to-left marks, which real scripts need', () => {
    const s = { ...story('scripts'), title: 'می\u200cخواهم \u05e9\u200f 👩\u200d💻' };
    expect(parseStories([s]).rejected).toEqual([]);
  });

  const lifetime = 3 * 86_400_000;
  const publish = async (stories: Story[], at: string, previous = null as Awaited<ReturnType<typeof buildStore>>['manifest'] | null) => {
    const built = await buildStore(stories, { now: new Date(at), lifetimeMs: lifetime, previous });
    host.publish(built);
    return built;
  };

  it('refuses a mirror replaying an expired manifest, keeping the last good store', async () => {
    await publish([story('a')], '2026-11-20T00:00:00Z');
    await expect(sync()).rejects.toMatchObject({ code: 'expired', params: ['2026-11-23T00:00:00.000Z'] });
    expect(await db.read()).toBeNull();
  });

  it('says the store is expired when the server keeps answering "not modified" past the expiry', async () => {
    await publish([story('a')], '2026-11-23T00:00:00Z');
    expect((await sync()).kind).toBe('updated');
    // Three days later the same manifest is still all the server (or a mirror) gives.
    await expect(sync({ now: () => NOW + 3 * 86_400_000 })).rejects.toMatchObject({ code: 'expired' });
    expect((await db.read())!.snapshot.expiresAt).toBe('2026-11-26T00:00:00.000Z');
  });

  it('signs the expiry: a mirror that moves it forward breaks the signature', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
    const built = await publish([story('a')], '2026-11-20T00:00:00Z');
    host.put('manifest.json.sig', toBase64(sign(null, built.manifestBytes, privateKey)));
    host.put(
      'manifest.json',
      new TextDecoder().decode(built.manifestBytes).replace('2026-11-23T00:00:00.000Z', '2027-11-23T00:00:00.000Z'),
    );
    await expect(sync({ publicKey: raw })).rejects.toMatchObject({ code: 'bad_signature' });
  });

  it('checks a store taken in before the extension had a key once it has one, and its version is no floor', async () => {
    // Found by an adversarial probe (2026-12-07): a forged store at the highest version, synced while
    // there was no key, was kept as "unchanged" by a 304 and refused every signed store after it.
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
    const forged = await buildStore([story('forged')], { now: new Date('2026-11-20T00:00:00Z'), lifetimeMs: lifetime });
    const lasting = { ...forged.manifest, version: Number.MAX_SAFE_INTEGER, expiresAt: undefined };
    host.publish(forged);
    host.put('manifest.json', JSON.stringify(lasting));
    expect((await sync()).kind).toBe('updated');
    expect((await db.read())!.snapshot.signedBy).toBeNull();
    // The extension now has a key; the same unsigned manifest is no longer taken as "not modified".
    await expect(sync({ publicKey: raw })).rejects.toMatchObject({ code: 'unsigned' });
    // The publisher's signed store replaces it, whatever version the forged one claimed.
    const real = await publish([story('a')], '2026-11-24T00:00:00Z');
    host.put('manifest.json.sig', toBase64(sign(null, real.manifestBytes, privateKey)));
    expect((await sync({ publicKey: raw })).kind).toBe('updated');
    const now = (await db.read())!;
    expect(now.snapshot.version).toBe(real.manifest.version);
    expect(now.snapshot.signedBy).toBe(toBase64(raw));
    // The forged one is refused from then on.
    host.put('manifest.json', JSON.stringify(lasting));
    await expect(sync({ publicKey: raw })).rejects.toMatchObject({ code: 'bad_signature' });
  });

  it('accepts a manifest published before expiry existed: it never expires', async () => {
    const built = await publish([story('a')], '2026-01-01T00:00:00Z');
    const old = JSON.parse(new TextDecoder().decode(built.manifestBytes));
    delete old.expiresAt;
    host.put('manifest.json', JSON.stringify(old));
    expect((await sync()).kind).toBe('updated');
    expect(parseManifest(utf8(JSON.stringify(old))).expiresAt).toBeUndefined();
  });

  it('build-store writes the expiry and refreshes an unchanged manifest past half its life', async () => {
    const first = await buildStore([story('a')], { now: new Date('2026-11-20T00:00:00Z'), lifetimeMs: lifetime });
    expect(first.manifest.expiresAt).toBe('2026-11-23T00:00:00.000Z');
    const soon = await buildStore([story('a')], { now: new Date('2026-11-21T00:00:00Z'), lifetimeMs: lifetime, previous: first.manifest });
    expect(soon.unchanged).toBe(true);
    const later = await buildStore([story('a')], { now: new Date('2026-11-22T00:00:00Z'), lifetimeMs: lifetime, previous: first.manifest });
    expect(later.unchanged).toBe(false);
    expect(later.manifest.version).toBeGreaterThan(first.manifest.version);
    expect(later.manifest.expiresAt).toBe('2026-11-25T00:00:00.000Z');
  });

  it('check-store reports an expired manifest and one without an expiry', async () => {
    const built = await buildStore([story('a')], { now: new Date('2026-11-20T00:00:00Z'), lifetimeMs: lifetime });
    const files = new Map<string, Uint8Array>([
      ['manifest.json', built.manifestBytes],
      ...built.shards.map((s) => [s.ref.path, s.bytes] as const),
    ]);
    const read = async (path: string) => files.get(path) ?? Promise.reject(new StoreError('http_404', [path]));
    expect((await checkStore(read, { describe: (e) => e.message, now: NOW })).problems).toEqual([
      'manifest.json: expired at 2026-11-23T00:00:00.000Z: readers refuse it; build and publish a fresh one',
    ]);
    const old = JSON.parse(new TextDecoder().decode(built.manifestBytes));
    delete old.expiresAt;
    files.set('manifest.json', utf8(JSON.stringify(old)));
    expect((await checkStore(read, { describe: (e) => e.message, now: NOW })).problems).toEqual([
      'manifest.json: has no expiresAt: readers cannot tell a frozen store from a quiet one (build-store writes it)',
    ]);
  });
});

describe('finding 1: what a shard costs is bounded before it is parsed', () => {
  it('refuses 32 MB of `{}` on its bytes, before JSON.parse makes ten million objects', () => {
    const bytes = utf8(`[${'{},'.repeat(11_000_000)}{}]`);
    expect(bytes.byteLength).toBeLessThanOrEqual(MAX_SHARD_BYTES);
    const err = refusal(() => decodeShard(bytes, 'shards/x.json'));
    expect(err).toMatchObject({ code: 'too_complex', params: ['shards/x.json', MAX_SHARD_VALUES, MAX_SHARD_DEPTH] });
  });

  it('refuses a shard nested deeper than 32 levels, and counts nothing inside strings', () => {
    expect(refusal(() => checkShardShape(utf8(`[${'['.repeat(40)}${']'.repeat(40)}]`), 's.json')).code).toBe('too_complex');
    expect(() => checkShardShape(utf8(JSON.stringify([{ id: 'a', dek: `${'{['.repeat(100)} \\" ,:,:` }])), 's.json')).not.toThrow();
  });
});

// An adversarial audit (2026-12-07): the manifest went to JSON.parse uncounted. 4 MB of `[[[[`
// (two million levels) cost each sync 2 s of CPU and 300 MB in Node before zod refused it.
describe('a manifest nested two million levels deep', () => {
  const deep = utf8(
    `{"format":"factlen-store/1","x":${'['.repeat(MAX_MANIFEST_BYTES / 2 - 40)}${']'.repeat(MAX_MANIFEST_BYTES / 2 - 40)}}`,
  );

  it('is refused on its bytes in a sync, before JSON.parse builds it, keeping the last good store', async () => {
    expect(deep.byteLength).toBeLessThanOrEqual(MAX_MANIFEST_BYTES);
    host.files.set('manifest.json', deep);
    await expect(sync()).rejects.toMatchObject({
      code: 'too_complex',
      params: ['manifest.json', MAX_MANIFEST_SHAPE.values, MAX_MANIFEST_SHAPE.depth],
    });
    expect(await db.read()).toBeNull();
  });

  it('is one problem in check-store, said in words', async () => {
    const report = await checkStore(async () => deep, { publicKey: null, describe: (e) => describeError(recordError(e), english) });
    expect(report.problems).toEqual([
      expect.stringMatching(/^manifest\.json holds more than 400000 values or nests deeper than 32 levels/),
    ]);
  });

  it('still reads the largest manifest the format allows: 20,000 shards and 2,000 topics', () => {
    const largest = {
      format: 'factlen-store/1',
      version: Number.MAX_SAFE_INTEGER,
      generatedAt: '2026-11-24T12:00:00Z',
      expiresAt: '2026-12-01T12:00:00Z',
      topics: Array.from({ length: MAX_TOPICS }, (_, i) => ({ id: `topic-${i}`, name: `Topic ${i}` })),
      shards: Array.from({ length: MAX_SHARDS }, (_, i) => ({
        path: `shards/2026-06-21-${i.toString(16).padStart(16, '0')}.json`,
        sha256: i.toString(16).padStart(64, '0'),
        // As large as the store's limit lets 20,000 shards be.
        bytes: Math.floor(MAX_STORE_BYTES / MAX_SHARDS),
        stories: 1000,
      })),
    };
    const bytes = utf8(JSON.stringify(largest));
    expect(() => checkManifestShape(bytes)).not.toThrow();
    expect(parseManifest(bytes).shards).toHaveLength(MAX_SHARDS);
  });
});

// An adversarial audit (2026-12-07): a story's own page could be any https address. Lens says
// "Read on Factlen" of it in the popup and the side panel, and a click on an alert opens it in a
// tab: a store's alert led the reader, in Lens's words, to https://factlen-support.example/login.
describe('a story whose page on Factlen is on another site', () => {
  it.each(['https://factlen-support.example/login', 'https://factlen.com.evil.example/s/a', 'https://evilfactlen.com/s/a'])(
    'is refused at the door: %s',
    (url) => {
      const { stories, rejected } = parseStories([{ ...story('a'), url }]);
      expect(stories).toHaveLength(0);
      expect(rejected[0]!.issues).toEqual([expect.objectContaining({ path: 'url', message: 'must be a page on factlen.com' })]);
    },
  );

  it('is read when its page is on factlen.com or one of its subdomains', () => {
    const urls = ['https://factlen.com/stories/a', 'https://www.factlen.com/stories/a', 'https://news.factlen.com/a'];
    expect(parseStories(urls.map((url, i) => ({ ...story(`s-${i}`), url }))).stories).toHaveLength(3);
  });
});

// An adversarial audit (2026-12-07): a rejected story's id went into its problem lines as the
// store wrote it, and the options page lists those lines: an id ending in U+202E read the rest of
// its line backwards, and a line feed in it started a line of its own.
describe("a rejected story's id that would disguise its problem line", () => {
  it('is quoted with its direction, control and line-breaking characters written out', () => {
    const { rejected } = parseStories([{ ...story('a'), id: 'a\u202etxt.exe\u001b[2J\nstore ok' }]);
    const lines = describeRejection(rejected[0]!);
    expect(lines[0]).toBe(
      'story "a\\u202etxt.exe\\u001b[2J\\u000astore ok" (#0): id must be a slug: lower-case letters, digits and dashes',
    );
    // eslint-disable-next-line no-control-regex -- no control character may be left in a line
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
  });
});

// An adversarial audit (2026-12-07): nothing bounded a store as a whole. A manifest may list
// 20,000 shards of 32 MB (640 GB), and a sync that fails keeps what it staged for the next one:
// a store whose every sync failed on its last shard, with new shards each time, had the reader's
// IndexedDB grow by what each sync could download, without end.
describe("a store that would fill the reader's disk", () => {
  const huge = (count: number) => ({
    format: 'factlen-store/1',
    version: 1,
    generatedAt: '2026-11-24T00:00:00Z',
    topics: [],
    shards: Array.from({ length: count }, (_, i) => ({
      path: `shards/s${i}.json`,
      sha256: i.toString(16).padStart(64, '0'),
      bytes: MAX_SHARD_BYTES,
      stories: 1000,
    })),
  });

  it(`is refused when its shards add up to more than ${MAX_STORE_BYTES / 2 ** 20} MB, before any is downloaded`, async () => {
    const over = Math.floor(MAX_STORE_BYTES / MAX_SHARD_BYTES) + 1;
    expect(manifestProblems(huge(over))).toEqual([`shards add up to more than ${MAX_STORE_BYTES} bytes`]);
    expect(manifestProblems(huge(over - 1))).toEqual([]);
    host.put('manifest.json', JSON.stringify(huge(over)));
    await expect(sync()).rejects.toMatchObject({ code: 'manifest' });
    expect(host.paths()).toEqual(['manifest.json']);
  });

  it('keeps staged only the shards of the newest manifest, however many syncs fail', async () => {
    const staged: string[] = [];
    for (let round = 0; round < 3; round++) {
      const days = [`2026-0${round + 1}-01`, `2026-0${round + 1}-02`, `2026-0${round + 1}-03`];
      const built = await build(days.map((day, i) => story(`r${round}-${i}`, day)));
      host.publish(built);
      // The last shard never arrives: the sync fails once the first two are staged.
      host.files.delete(built.shards.at(-1)!.ref.path);
      await expect(sync({ concurrency: 1 })).rejects.toMatchObject({ code: 'http_404' });
      staged.push(...built.shards.map((s) => s.ref.sha256));
    }
    const kept = await db.getShards(staged);
    expect(kept.size).toBe(2);
    expect([...kept.keys()]).toEqual(staged.slice(-3, -1));
  });
});
