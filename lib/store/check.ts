/**
 * The publishing check behind `lens check-store`: the manifest's shape and signature, every
 * shard's size, hash and stories against the format, and ids repeated across shards. Reports
 * every problem with its place (file, story id, field path) instead of stopping at the first.
 */
import { fromUtf8, sha256Hex } from './bytes.ts';
import { StoreError } from './errors.ts';
import {
  checkManifestShape,
  isExpired,
  MAX_MANIFEST_BYTES,
  MAX_SHARD_BYTES,
  MAX_SHARDS,
  Manifest,
  manifestProblems,
  ShardRef,
} from './manifest.ts';
import { decodeShard, MAX_REJECTED_PER_SHARD } from './shard.ts';
import { SIGNATURE_SUFFIX, verifySignature } from './signature.ts';

/**
 * Reads a file of the store by its path in the store; throws a StoreError when it cannot, or a
 * CheckStopped when the check must read nothing more (its time is up).
 */
export type StoreReader = (path: string, maxBytes: number) => Promise<Uint8Array>;

/** Thrown by a reader to end the check: what is left is reported as not checked, not as broken. */
export class CheckStopped extends Error {}

export interface CheckReport {
  problems: string[];
  version: number | null;
  shards: number;
  stories: number;
}

export interface CheckOptions {
  /** When set, `manifest.json.sig` must be this key's signature of the manifest. */
  publicKey?: Uint8Array | null;
  /** Words for a StoreError (the CLI's English messages). */
  describe: (err: StoreError) => string;
  /** The time expiry is checked against (default now). */
  now?: number;
}

/** Checks the store `read` reaches; the report lists every problem found. */
export async function checkStore(read: StoreReader, options: CheckOptions): Promise<CheckReport> {
  const problems: string[] = [];
  const report = (where: string, what: string) => problems.push(`${where}: ${what}`);
  const failed = (where: string, err: unknown) => {
    const what = err instanceof StoreError ? options.describe(err) : String(err);
    // Most error messages name their file already.
    if (what.includes(where)) problems.push(what);
    else report(where, what);
  };
  const result: CheckReport = { problems, version: null, shards: 0, stories: 0 };

  let bytes: Uint8Array;
  let raw: unknown;
  try {
    bytes = await read('manifest.json', MAX_MANIFEST_BYTES);
    checkManifestShape(bytes);
    raw = JSON.parse(fromUtf8(bytes));
  } catch (err) {
    if (err instanceof CheckStopped) throw err;
    failed(
      'manifest.json',
      err instanceof SyntaxError || err instanceof TypeError ? new StoreError('json', ['manifest.json', err.message]) : err,
    );
    return result;
  }
  for (const p of manifestProblems(raw)) report('manifest.json', p);
  const manifest = Manifest.safeParse(raw);
  if (manifest.success) {
    result.version = manifest.data.version;
    const { expiresAt } = manifest.data;
    if (!expiresAt)
      report('manifest.json', 'has no expiresAt: readers cannot tell a frozen store from a quiet one (build-store writes it)');
    else if (isExpired(manifest.data, options.now ?? Date.now()))
      report('manifest.json', `expired at ${expiresAt}: readers refuse it; build and publish a fresh one`);
  }
  if (options.publicKey) {
    try {
      const sig = fromUtf8(await read(`manifest.json${SIGNATURE_SUFFIX}`, 1024));
      if (!(await verifySignature(bytes, sig, options.publicKey)))
        report(`manifest.json${SIGNATURE_SUFFIX}`, 'is not a valid signature of manifest.json by the given key');
    } catch (err) {
      if (err instanceof CheckStopped) throw err;
      failed(`manifest.json${SIGNATURE_SUFFIX}`, err);
    }
  }

  // Even in a manifest with problems, check every shard entry that is itself well-formed.
  const listed = Array.isArray((raw as { shards?: unknown })?.shards) ? (raw as { shards: unknown[] }).shards : [];
  // No more requests than a reader's sync would ever make.
  const entries = listed.slice(0, MAX_SHARDS);
  if (listed.length > MAX_SHARDS) report('manifest.json', `lists ${listed.length} shards: only the first ${MAX_SHARDS} were checked`);
  const topics = new Set(manifest.success ? manifest.data.topics.map((t) => t.id) : []);
  const firstSeen = new Map<string, string>();
  for (const [i, entry] of entries.entries()) {
    const ref = ShardRef.safeParse(entry);
    if (!ref.success) continue;
    const { path, sha256, bytes: size, stories: count } = ref.data;
    result.shards++;
    let file: Uint8Array;
    try {
      // Read it whole, even past its announced size, to report everything wrong with it.
      file = await read(path, MAX_SHARD_BYTES);
    } catch (err) {
      if (err instanceof CheckStopped) {
        result.shards--;
        report('manifest.json', `${err.message}: ${entries.length - i} of its ${entries.length} shards not checked`);
        break;
      }
      failed(path, err);
      continue;
    }
    if (file.byteLength !== size) report(path, `is ${file.byteLength} bytes, the manifest says ${size}`);
    if ((await sha256Hex(file)) !== sha256) report(path, 'does not match its sha256 in the manifest');
    let decoded: ReturnType<typeof decodeShard>;
    try {
      decoded = decodeShard(file, path, { refuse: false });
    } catch (err) {
      failed(path, err);
      continue;
    }
    for (const r of decoded.rejected) problems.push(...r.lines);
    if (decoded.refused)
      report(path, `readers refuse this shard whole: more than half its stories (or more than ${MAX_REJECTED_PER_SHARD}) are invalid`);
    const total = decoded.stories.length + decoded.rejected.length;
    if (!decoded.refused && total !== count) report(path, `holds ${total} stories, the manifest says ${count}`);
    for (const story of decoded.stories) {
      result.stories++;
      const first = firstSeen.get(story.id);
      if (first) report(path, `story "${story.id}": id repeats a story of ${first}`);
      else firstSeen.set(story.id, path);
      if (manifest.success && !topics.has(story.topic))
        report(path, `story "${story.id}": topic "${story.topic}" is not among the manifest's topics`);
    }
  }
  return result;
}
