// Test doubles for the store: stories made from the seed story, stores built in memory, and a
// fake static host (an injected fetch) that serves them with ETags and records every request.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildStore, type BuiltStore } from '../../../lib/store/build.ts';
import { utf8 } from '../../../lib/store/bytes.ts';
import type { FetchFn } from '../../../lib/store/fetch.ts';
import type { Manifest } from '../../../lib/store/manifest.ts';
import type { Story } from '../../../lib/story/story.ts';

const seed: Story = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));

/** A valid story with its own id, first published on `day` (so it lands in that day's shard). */
export function story(id: string, day = '2026-06-21', patch: Partial<Story> = {}): Story {
  return { ...structuredClone(seed), id, title: `Story ${id}`, publishedAt: `${day}T16:32:00Z`, ...patch };
}

/** The same story broken in one field: a source URL that is not http(s). */
export function invalid(s: Story): Story {
  const bad = structuredClone(s);
  bad.sources[1]!.url = 'javascript:alert(1)';
  return bad;
}

export const ORIGIN = 'https://store.example';
export const STORE_URL = `${ORIGIN}/store/`;

export interface Request {
  url: string;
  path: string;
  headers: Record<string, string>;
  init: RequestInit;
}

export type Route = (req: Request) => Response | undefined | Promise<Response | undefined>;

/** A static host for one store folder; `route` may answer a request first (faults). */
export function fakeHost() {
  const files = new Map<string, Uint8Array>();
  const requests: Request[] = [];
  let route: Route | undefined;
  const fetchFn: FetchFn = async (url, init) => {
    const path = url.startsWith(`${ORIGIN}/store/`) ? url.slice(`${ORIGIN}/store/`.length) : url;
    const req: Request = { url, path, headers: { ...(init.headers as Record<string, string>) }, init };
    requests.push(req);
    const custom = await route?.(req);
    if (custom) return custom;
    const body = files.get(path);
    if (!body) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    // A content hash, as static hosts make them: the only kind of ETag a reader sends back.
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['If-None-Match'] === etag) return new Response(null, { status: 304, headers: { etag } });
    return new Response(body as BodyInit, {
      headers: { 'content-type': 'application/json', etag, 'content-length': String(body.byteLength) },
    });
  };
  return {
    files,
    requests,
    fetchFn,
    route(r: Route | undefined) {
      route = r;
    },
    /** Puts a built store in place (old shards stay, as on a CDN). */
    publish(built: BuiltStore) {
      for (const s of built.shards) files.set(s.ref.path, s.bytes);
      files.set('manifest.json', built.manifestBytes);
    },
    /** Replaces one file with other bytes (a corrupt upload). */
    put(path: string, text: string) {
      files.set(path, utf8(text));
    },
    paths: () => requests.map((r) => r.path),
    clear: () => void (requests.length = 0),
  };
}

let clock = Date.parse('2026-11-24T10:00:00Z');
/** Fresh for as long as these tests will run (their clocks are the real one or 2026-11-24): expiry has its own tests. */
const LONG_LIFE_MS = 20 * 365 * 86_400_000;
/** Builds a store from `stories`; each build is a minute later than the last, so versions grow. */
export async function build(stories: Story[], previous: Manifest | null = null): Promise<BuiltStore> {
  clock += 60_000;
  return buildStore(stories, { previous, now: new Date(clock), lifetimeMs: LONG_LIFE_MS });
}

/** A Response whose body is `stream` (for truncated, endless and slow bodies). */
export function streamed(
  stream: ReadableStream<Uint8Array>,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Response {
  return new Response(stream, { headers });
}

/** A Response that claims to come from `url` after a redirect. */
export function redirectedTo(url: string, body = '{}'): Response {
  const res = new Response(body, { headers: { 'content-type': 'application/json' } });
  Object.defineProperty(res, 'url', { value: url });
  Object.defineProperty(res, 'redirected', { value: true });
  return res;
}
