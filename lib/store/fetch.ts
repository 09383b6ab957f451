/**
 * One download from the store, defensively: a bounded time, a byte cap enforced while streaming,
 * no redirect to another origin, no web page taken for JSON, and every failure as a StoreError.
 * Requests carry no cookies, no referrer and no header but an If-None-Match every reader shares
 * (sync.ts `sharedEtag`).
 */
import { StoreError } from './errors.ts';

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export interface FetchOptions {
  fetchFn: FetchFn;
  /** The store's origin; a response from anywhere else is refused. */
  origin: string;
  /** How errors name the file: `manifest.json`, `shards/2026-06-21-….json`. */
  name: string;
  maxBytes: number;
  timeoutMs: number;
  now: () => number;
  /** If-None-Match, and nothing else: an ETag every reader of the same manifest sends alike (sync.ts). */
  etag?: string | null;
  signal?: AbortSignal;
}

export type Fetched = { notModified: true } | { notModified: false; bytes: Uint8Array; etag: string | null };

/** Retry-After is 24 hours at most, whatever the server says. */
export const MAX_RETRY_AFTER_MS = 24 * 3600_000;

/** The delay a Retry-After header asks for (seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(seconds) ? Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_MS) : null;
}

const JSON_TYPES = new Set(['application/json', 'text/json', 'text/plain', 'application/octet-stream']);

/** JSON, or the plain types static hosts give .json files; never a web page. */
function acceptableType(header: string | null): boolean {
  if (!header) return true;
  const type = header.split(';')[0]!.trim().toLowerCase();
  return JSON_TYPES.has(type) || type.endsWith('+json');
}

class Timeout extends Error {}

function networkError(err: unknown, host: string): StoreError {
  const cause = (err as { cause?: { code?: string } }).cause;
  // Node names DNS failures; browsers say only "Failed to fetch" for every network failure.
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return new StoreError('dns', [host]);
  return new StoreError('offline', [host]);
}

async function readCapped(res: Response, opts: FetchOptions, signal: AbortSignal): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  // A compressed body's Content-Length says nothing of its decoded size, so only trust it unencoded.
  if (!res.headers.get('content-encoding') && declared > opts.maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new StoreError('too_large', [opts.name, opts.maxBytes]);
  }
  if (!res.body) {
    const whole = new Uint8Array(await res.arrayBuffer());
    if (whole.byteLength > opts.maxBytes) throw new StoreError('too_large', [opts.name, opts.maxBytes]);
    return whole;
  }
  const reader = res.body.getReader();
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(signal.reason);
    if (signal.aborted) fail();
    signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => {});
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await Promise.race([reader.read(), aborted]);
      } catch (err) {
        if (err instanceof Timeout || err instanceof StoreError) throw err;
        throw new StoreError('truncated', [opts.name]);
      }
      if (step.done) break;
      total += step.value.byteLength;
      if (total > opts.maxBytes) throw new StoreError('too_large', [opts.name, opts.maxBytes]);
      chunks.push(step.value);
    }
  } catch (err) {
    // Stop the download itself, not just our reading of it.
    reader.cancel().catch(() => {});
    throw err;
  }
  if (!Number.isNaN(declared) && declared > 0 && !res.headers.get('content-encoding') && total < declared)
    throw new StoreError('truncated', [opts.name]);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Downloads `url` under `opts`; resolves with the bytes (or "not modified") or throws a StoreError. */
export async function fetchStoreFile(url: string, opts: FetchOptions): Promise<Fetched> {
  const host = new URL(url).host;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Timeout()), opts.timeoutMs);
  const onOuterAbort = () => controller.abort(opts.signal!.reason);
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const headers: Record<string, string> = {};
  if (opts.etag) headers['If-None-Match'] = opts.etag;
  try {
    let res: Response;
    try {
      res = await opts.fetchFn(url, {
        // 'manual': a redirect is never followed, so no request ever leaves for another origin
        // (the reader's privacy promise: only the store is contacted). A CDN serves the files
        // where the manifest says; a redirect is reported as one.
        headers,
        signal: controller.signal,
        redirect: 'manual',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
    } catch (err) {
      if (controller.signal.reason instanceof Timeout) throw controller.signal.reason;
      if (opts.signal?.aborted) throw opts.signal.reason;
      throw networkError(err, host);
    }
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400 && res.status !== 304)) {
      await res.body?.cancel().catch(() => {});
      const to = res.headers.get('location');
      throw new StoreError('redirect', [opts.name, to ? new URL(to, url).origin : new URL(url).origin]);
    }
    if (res.url && new URL(res.url).origin !== opts.origin) {
      await res.body?.cancel().catch(() => {});
      throw new StoreError('redirect', [opts.name, new URL(res.url).origin]);
    }
    if (res.status === 304 && opts.etag) return { notModified: true };
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'), opts.now());
      if (res.status === 404) throw new StoreError('http_404', [opts.name], retryAfter);
      if (res.status >= 500) throw new StoreError('http_5xx', [res.status, opts.name], retryAfter);
      throw new StoreError('http', [res.status, opts.name], retryAfter);
    }
    if (!acceptableType(res.headers.get('content-type'))) {
      await res.body?.cancel().catch(() => {});
      throw new StoreError('content_type', [opts.name, res.headers.get('content-type') ?? '']);
    }
    const bytes = await readCapped(res, opts, controller.signal);
    return { notModified: false, bytes, etag: res.headers.get('etag') };
  } catch (err) {
    if (err instanceof Timeout) throw new StoreError('timeout', [host, Math.round(opts.timeoutMs / 1000)]);
    throw err;
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}
