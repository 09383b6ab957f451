// lens build-store: publishing the remote story store from a folder of stories.
import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { buildStore, DEFAULT_LIFETIME_MS, type StoryLike } from '../lib/store/build.ts';
import { toBase64 } from '../lib/store/bytes.ts';
import { StoreError } from '../lib/store/errors.ts';
import { Manifest, MAX_MANIFEST_BYTES, MAX_TOPICS, parseManifest, Topic } from '../lib/store/manifest.ts';
import { SIGNATURE_SUFFIX } from '../lib/store/signature.ts';
import { describeStoreError } from './english.ts';
import { CliError, forEachStoryFile, lstatOrNull, printJson, readBytes, readJson, readText, type Io } from './io.ts';

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

/** The manifest already in `out`, and its bytes as they are (what an unchanged store's signature covers). */
function readPrevious(out: string): { manifest: Manifest; bytes: Uint8Array } | null {
  const path = join(out, 'manifest.json');
  const at = lstatOrNull(path);
  if (!at) return null;
  // Never read through a link: JSON's complaint about what it points at printed its first words
  // ("AWS_SECRET"…), and the manifest written next would replace the link with a file.
  if (at.isSymbolicLink()) throw new CliError(`${path}: a link, not a manifest build-store wrote: remove it or point --out elsewhere`);
  try {
    // As a reader takes it: at most 4 MB, counted before it is parsed.
    const bytes = readBytes(path, MAX_MANIFEST_BYTES);
    return { manifest: parseManifest(bytes), bytes };
  } catch (err) {
    if (err instanceof CliError) throw err;
    const why = err instanceof StoreError ? ` (${describeStoreError(err)})` : '';
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
  const before = readPrevious(out);
  const previous = before?.manifest ?? null;
  if (previous && previous.version >= Number.MAX_SAFE_INTEGER)
    throw new CliError(
      `${join(out, 'manifest.json')}: version ${previous.version} is the highest a version can be, so no later manifest can follow it: publish to a new store address`,
    );
  // A signature left from an earlier build would sit beside a manifest it does not sign, and
  // readers with the key would refuse the store as tampered with.
  const sigPath = join(out, 'manifest.json' + SIGNATURE_SUFFIX);
  if (!key && lstatOrNull(sigPath))
    throw new CliError(
      `${sigPath}: the store is signed: pass --sign KEYFILE (readers with the key refuse a manifest its signature does not match), or remove it to publish unsigned`,
    );
  const built = await buildStore(stories, { previous, now, topicNames, lifetimeMs: days * 86_400_000 }).catch((err: unknown) => {
    if (err instanceof StoreError) throw new CliError(`readers would refuse this store, nothing written: ${describeStoreError(err)}`);
    throw err;
  });
  const written: string[] = [];
  for (const { ref, bytes } of built.shards) {
    const path = join(out, ref.path);
    // A file of the right size can still be damaged: only one holding the shard's hash stays.
    if (holds(path, ref.sha256)) continue;
    writeAtomically(path, bytes);
    written.push(ref.path);
  }
  // Shards first, then the signature, then the manifest: a manifest never names a missing file.
  // The bytes readers will get: an unchanged store keeps its manifest file as it is, which may not
  // be byte for byte what this build would write (an earlier build's format, a checkout's CRLF).
  const served = built.unchanged && before ? before.bytes : built.manifestBytes;
  if (key) writeAtomically(sigPath, toBase64(sign(null, served, key)) + '\n');
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
