// lens build-store, check-store and store-keygen: publishing the remote story store.
import { createHash, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { buildStore, DEFAULT_LIFETIME_MS, type StoryLike } from '../lib/store/build.ts';
import { fromBase64, toBase64 } from '../lib/store/bytes.ts';
import { CheckStopped, checkStore, type StoreReader } from '../lib/store/check.ts';
import { describeError, recordError, StoreError } from '../lib/store/errors.ts';
import { fetchStoreFile } from '../lib/store/fetch.ts';
import { Manifest, MAX_MANIFEST_BYTES, MAX_TOPICS, parseManifest, Topic } from '../lib/store/manifest.ts';
import { parsePublicKey, SIGNATURE_SUFFIX } from '../lib/store/signature.ts';
import { checkStoreUrl, resolveInStore } from '../lib/store/store-url.ts';
import { english } from './english.ts';
import { CliError, forEachStoryFile, printJson, readBytes, readJson, readText, type Io } from './io.ts';

const describe = (err: StoreError) => describeError(recordError(err), english);

/** Every valid story of `dir` as written (unknown fields kept for newer readers), or every problem. */
function readRawStories(dir: string): { stories: StoryLike[]; problems: string[] } {
  const stories: StoryLike[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  forEachStoryFile(
    dir,
    (line) => problems.push(line),
    ({ path, items, parsed }) => {
      const bad = new Set(parsed.rejected.map((r) => r.index));
      items.slice(0, items.length - parsed.unread).forEach((item, i) => {
        if (bad.has(i)) return;
        const story = item as StoryLike;
        const first = seen.get(story.id);
        if (first) problems.push(`${path}: story "${story.id}": id repeats a story of ${first}`);
        else {
          seen.set(story.id, path);
          stories.push(story);
        }
      });
    },
  );
  return { stories, problems };
}

/**
 * Writes `path` whole or not at all, never through a link planted in the store folder: the
 * temporary file is made new (`wx`), and a link already at its name is removed, not followed
 * (a `manifest.json.tmp` linked to a file elsewhere had that file overwritten).
 */
function writeAtomically(path: string, bytes: Uint8Array | string, mode?: number): void {
  mkdirSync(dirname(path), { recursive: true });
  rmSync(path + '.tmp', { force: true });
  writeFileSync(path + '.tmp', bytes, { flag: 'wx', mode });
  renameSync(path + '.tmp', path);
}

/** Whether `path` is a regular file (a link, even to one, is not) holding exactly `sha256`. */
function holds(path: string, sha256: string): boolean {
  try {
    return lstatSync(path).isFile() && createHash('sha256').update(readFileSync(path)).digest('hex') === sha256;
  } catch {
    return false;
  }
}

/** A shard's file name as build-store writes it: its day and the start of its hash. */
const SHARD_FILE = /^\d{4}-\d{2}-\d{2}-[0-9a-f]{16}\.json$/;

/**
 * The shards folder of `out` when it is a real folder; a link (to anywhere) is refused before
 * anything is written through it or pruned from it.
 */
function shardsFolder(out: string): string | null {
  const dir = join(out, 'shards');
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return null;
  }
  if (!stat.isDirectory())
    throw new CliError(`${dir}: not a folder (a link, or a file): build-store writes and prunes only a real shards folder`);
  return dir;
}

function readPrevious(out: string): Manifest | null {
  const path = join(out, 'manifest.json');
  if (!existsSync(path)) return null;
  try {
    // As a reader takes it: at most 4 MB, counted before it is parsed.
    return parseManifest(readBytes(path, MAX_MANIFEST_BYTES));
  } catch (err) {
    if (err instanceof CliError) throw err;
    const why = err instanceof StoreError ? ` (${describe(err)})` : '';
    throw new CliError(
      `${path} exists but is not a valid manifest${why}: fix or remove it (its version keeps the store's versions growing)`,
    );
  }
}

/** The Ed25519 private key of a PEM file, or a one-line error. */
function readSigningKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readText(file));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: not a PEM private key (store-keygen makes one)`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new CliError(`${file}: not an Ed25519 private key`);
  return key;
}

/** `--topics FILE`: a JSON object of topic slug → name, each name as the manifest allows it. */
function readTopicNames(file: string): Map<string, string> {
  const raw = readJson(file);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new CliError(`${file}: must be a JSON object of topic names, such as {"ai": "Artificial intelligence"}`);
  const entries = Object.entries(raw);
  if (entries.length > MAX_TOPICS) throw new CliError(`${file}: names ${entries.length} topics, more than ${MAX_TOPICS}`);
  for (const [id, name] of entries) {
    const ok = Topic.safeParse({ id, name });
    if (!ok.success)
      throw new CliError(
        `${file}: topic ${JSON.stringify(id.slice(0, 120))}: ` +
          (typeof name !== 'string' ? 'the name must be a string' : 'needs a slug id and a name of 1 to 200 characters'),
      );
  }
  return new Map(entries as [string, string][]);
}

export async function buildStoreCommand(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      sign: { type: 'string' },
      topics: { type: 'string' },
      prune: { type: 'boolean' },
      'generated-at': { type: 'string' },
      'expires-in': { type: 'string' },
    },
  });
  const [dir] = positionals;
  if (!dir || !values.out)
    throw new CliError('usage: build-store STORIES_DIR --out DIR [--sign KEYFILE] [--topics FILE] [--prune] [--expires-in DAYS]');
  const days = values['expires-in'] === undefined ? DEFAULT_LIFETIME_MS / 86_400_000 : Number(values['expires-in']);
  // At least an hour: an expiry at the very time of publishing is no manifest readers take.
  if (!(days * 24 >= 1 && days <= 366)) throw new CliError('--expires-in must be a number of days between 0.042 (an hour) and 366');
  const { stories, problems } = readRawStories(dir);
  if (problems.length) {
    problems.forEach(io.warn);
    throw new CliError(`${problems.length} problem(s) in ${dir}; nothing was written`);
  }
  const key = values.sign ? readSigningKey(values.sign) : null;
  const topicNames = values.topics ? Object.fromEntries(readTopicNames(values.topics)) : {};
  const now = values['generated-at'] ? new Date(values['generated-at']) : new Date();
  if (Number.isNaN(now.getTime())) throw new CliError('--generated-at must be an ISO 8601 date-time');
  const out = resolve(values.out);
  // A shards folder that is a link is refused before anything is written through it.
  shardsFolder(out);
  const previous = readPrevious(out);
  if (previous && previous.version >= Number.MAX_SAFE_INTEGER)
    throw new CliError(
      `${join(out, 'manifest.json')}: version ${previous.version} is the highest a version can be, so no later manifest can follow it: publish to a new store address`,
    );
  const built = await buildStore(stories, { previous, now, topicNames, lifetimeMs: days * 86_400_000 });
  const written: string[] = [];
  for (const { ref, bytes } of built.shards) {
    const path = join(out, ref.path);
    // A file of the right size can still be damaged: only one holding the shard's hash stays.
    if (holds(path, ref.sha256)) continue;
    writeAtomically(path, bytes);
    written.push(ref.path);
  }
  // Shards first, then the signature, then the manifest: a manifest never names a missing file.
  if (key) writeAtomically(join(out, 'manifest.json' + SIGNATURE_SUFFIX), toBase64(sign(null, built.manifestBytes, key)) + '\n');
  if (!built.unchanged) {
    writeAtomically(join(out, 'manifest.json'), built.manifestBytes);
    written.push('manifest.json');
  }
  const pruned: string[] = [];
  const folder = values.prune ? shardsFolder(out) : null;
  if (folder) {
    const keep = new Set(built.shards.map((s) => join(out, s.ref.path)));
    for (const f of readdirSync(folder)) {
      const path = join(folder, f);
      if (keep.has(path)) continue;
      // Only what build-store writes: a shard's name, a file (or a link, removed, not followed).
      const stat = lstatSync(path);
      if (!SHARD_FILE.test(f) || !(stat.isFile() || stat.isSymbolicLink())) {
        io.warn(`${path}: not a shard build-store wrote; left in place`);
        continue;
      }
      rmSync(path);
      pruned.push(relative(out, path).split(sep).join('/'));
    }
  }
  const { manifest } = built;
  printJson(io, {
    out,
    version: manifest.version,
    generatedAt: manifest.generatedAt,
    expiresAt: manifest.expiresAt ?? null,
    unchanged: built.unchanged,
    signed: !!key,
    shards: manifest.shards.length,
    stories: stories.length,
    bytes: manifest.shards.reduce((n, s) => n + s.bytes, 0) + built.manifestBytes.byteLength,
    written,
    pruned,
  });
}

/**
 * Reads files of a store folder, as a web server serving it would: only regular files inside it.
 * A symbolic link is followed only when it stays inside the folder, so a hostile store cannot
 * make check-store read (and quote) a file elsewhere on the publisher's machine.
 */
function dirReader(root: string): StoreReader {
  const home = realpathSync(root);
  return async (path, maxBytes) => {
    const abs = resolve(root, path);
    if (!abs.startsWith(resolve(root) + sep)) throw new StoreError('manifest', [`${path} is outside the store`]);
    if (!existsSync(abs)) throw new StoreError('http_404', [path]);
    if (!realpathSync(abs).startsWith(home + sep)) throw new StoreError('manifest', [`${path} is a link to a file outside the store`]);
    const stat = lstatSync(realpathSync(abs));
    if (!stat.isFile()) throw new StoreError('manifest', [`${path} is not a file`]);
    // Refused before it is read: a shard of gigabytes would be read whole first.
    if (stat.size > maxBytes) throw new StoreError('too_large', [path, maxBytes]);
    const bytes = readFileSync(abs);
    return new Uint8Array(bytes);
  };
}

/**
 * Reads a published store as the extension syncs it: the manifest at the address given (a folder's
 * `manifest.json`, or the `.json` file named), its signature beside it, and shards inside the
 * manifest's folder. Named `manifest-v2.json`, the store checked was once the folder's
 * `manifest.json`, and not the one readers fetch.
 */
/** No one file of a published store is waited for longer than this. */
const FILE_TIMEOUT_MS = 60_000;
/**
 * Nor the whole check (`--timeout`, in seconds): a host that stalls every shard would otherwise
 * keep a check of a large store waiting a minute per shard. A reader's sync has its own bound.
 */
const CHECK_TIMEOUT_S = 1800;

function urlReader(url: string, timeoutS: number): StoreReader {
  const target = checkStoreUrl(url);
  if (!target.ok) throw new CliError(describe(new StoreError('bad_url', [url])));
  const addressOf = (path: string) => {
    if (path === 'manifest.json') return target.manifestUrl;
    if (path === `manifest.json${SIGNATURE_SUFFIX}`) return target.manifestUrl + SIGNATURE_SUFFIX;
    const inside = resolveInStore(target.manifestUrl, path);
    if (!inside) throw new StoreError('manifest', [`${path} is outside the store`]);
    return inside;
  };
  const deadline = Date.now() + timeoutS * 1000;
  return async (path, maxBytes) => {
    const left = deadline - Date.now();
    const stopped = new CheckStopped(`stopped after ${timeoutS} s (--timeout)`);
    if (left <= 0) throw stopped;
    let got: Awaited<ReturnType<typeof fetchStoreFile>>;
    try {
      got = await fetchStoreFile(addressOf(path), {
        fetchFn: fetch,
        origin: target.origin,
        name: path,
        maxBytes,
        timeoutMs: Math.min(FILE_TIMEOUT_MS, left),
        now: Date.now,
      });
    } catch (err) {
      // Cut short by the check's own time, the file is not checked rather than late.
      if (err instanceof StoreError && err.code === 'timeout' && left < FILE_TIMEOUT_MS) throw stopped;
      throw err;
    }
    if (got.notModified) throw new StoreError('http', [304, path]);
    return got.bytes;
  };
}

export async function checkStoreCommand(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { key: { type: 'string' }, timeout: { type: 'string' } },
  });
  const [where] = positionals;
  if (!where) throw new CliError('usage: check-store DIR_OR_URL [--key PUBLIC_KEY] [--timeout SECONDS]');
  const publicKey = values.key ? parsePublicKey(values.key) : null;
  if (values.key && !publicKey) throw new CliError('--key must be a base64 Ed25519 public key (32 bytes), as store-keygen prints');
  const timeoutS = values.timeout === undefined ? CHECK_TIMEOUT_S : Number(values.timeout);
  if (!Number.isInteger(timeoutS) || timeoutS < 1 || timeoutS > 86_400)
    throw new CliError('--timeout must be a whole number of seconds from 1 to 86400');
  const isUrl = /^https?:\/\//i.test(where);
  if (!isUrl && values.timeout !== undefined) throw new CliError('--timeout is for a published store (an http(s) address)');
  if (!isUrl && !existsSync(where)) throw new CliError(`${where}: no such directory`);
  let report: Awaited<ReturnType<typeof checkStore>>;
  try {
    report = await checkStore(isUrl ? urlReader(where, timeoutS) : dirReader(where), { publicKey, describe });
  } catch (err) {
    if (err instanceof CheckStopped) throw new CliError(`${where}: ${err.message} before the manifest or its signature could be read`);
    throw err;
  }
  report.problems.forEach(io.warn);
  printJson(io, {
    store: where,
    ok: report.problems.length === 0,
    version: report.version,
    shards: report.shards,
    stories: report.stories,
    problems: report.problems.length,
  });
  if (report.problems.length) throw new CliError(`${report.problems.length} problem(s) found`);
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

export function storeKeygenCommand(args: string[], io: Io): void {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) throw new CliError('usage: store-keygen --out KEYFILE');
  // A link counts as there, even to nothing: the key must not be written wherever it points.
  if (lstatOrNull(values.out)) throw new CliError(`${values.out} exists; not overwriting a key`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  writeFileSync(values.out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  const raw = fromBase64(publicKey.export({ format: 'jwk' }).x!.replace(/-/g, '+').replace(/_/g, '/').padEnd(44, '='))!;
  printJson(io, { keyFile: values.out, publicKey: toBase64(raw) });
  io.warn(
    `Keep ${values.out} secret. Build the extension with FACTLEN_STORE_PUBLIC_KEY=${toBase64(raw)} and sign with build-store --sign ${values.out}.`,
  );
}
