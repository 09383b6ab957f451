// lens check-store: a store folder or a published store read as the extension syncs it.
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { CheckStopped, checkStore, type StoreReader } from '../lib/store/check.ts';
import { StoreError } from '../lib/store/errors.ts';
import { fetchStoreFile } from '../lib/store/fetch.ts';
import { parsePublicKey, SIGNATURE_SUFFIX } from '../lib/store/signature.ts';
import { checkStoreUrl, resolveInStore } from '../lib/store/store-url.ts';
import { describeStoreError } from './english.ts';
import { CliError, printJson, type Io } from './io.ts';

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

/** No one file of a published store is waited for longer than this. */
const FILE_TIMEOUT_MS = 60_000;
/**
 * Nor the whole check (`--timeout`, in seconds): a host that stalls every shard would otherwise
 * keep a check of a large store waiting a minute per shard. A reader's sync has its own bound.
 */
const CHECK_TIMEOUT_S = 1800;

/**
 * Reads a published store as the extension syncs it: the manifest at the address given (a folder's
 * `manifest.json`, or the `.json` file named), its signature beside it, and shards inside the
 * manifest's folder. Named `manifest-v2.json`, the store checked was once the folder's
 * `manifest.json`, and not the one readers fetch.
 */
function urlReader(url: string, timeoutS: number): StoreReader {
  const target = checkStoreUrl(url);
  if (!target.ok) throw new CliError(describeStoreError(new StoreError('bad_url', [url])));
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
    report = await checkStore(isUrl ? urlReader(where, timeoutS) : dirReader(where), { publicKey, describe: describeStoreError });
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
