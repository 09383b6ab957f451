// npm run bench:store — the remote store at 10k stories: its size (raw and gzip), a first full
// sync and an incremental sync after one story changes (bytes over the wire and time), against a
// real HTTP server on 127.0.0.1 that gzips like a CDN and answers conditional GETs.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { buildStore, type BuiltStore } from '../lib/store/build.ts';
import { openStoreDb } from '../lib/store/db.ts';
import { remoteStories } from '../lib/store/remote.ts';
import { syncStore } from '../lib/store/sync.ts';
import { generate } from './generate.ts';

const N = Number(process.argv[2] ?? 10_000);
const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const ms = (t: number) => `${Math.round(t)} ms`;

let files = new Map<string, { raw: Buffer; gz: Buffer; etag: string }>();
let wire = 0;
let raw = 0;
let requests = 0;
function publish(built: BuiltStore) {
  const next = new Map(files);
  const add = (path: string, bytes: Uint8Array) => {
    const buf = Buffer.from(bytes);
    next.set(path, { raw: buf, gz: gzipSync(buf), etag: `"${createHash('sha256').update(buf).digest('hex').slice(0, 16)}"` });
  };
  for (const s of built.shards) if (!next.has(s.ref.path)) add(s.ref.path, s.bytes);
  add('manifest.json', built.manifestBytes);
  files = next;
}

const server = createServer((req, res) => {
  requests++;
  const file = files.get(new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/store\//, ''));
  if (!file) return void res.writeHead(404).end();
  if (req.headers['if-none-match'] === file.etag) return void res.writeHead(304, { etag: file.etag }).end();
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding']));
  const body = gzip ? file.gz : file.raw;
  wire += body.byteLength;
  raw += file.raw.byteLength;
  res.writeHead(200, { 'content-type': 'application/json', etag: file.etag, ...(gzip && { 'content-encoding': 'gzip' }) }).end(body);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const storeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/store/`;

// The syncs run on the stores' own clock: a store carries a lifetime (manifest expiresAt), and
// one built on a fixed day is expired by the real clock a week later.
const SYNCED_AT = Date.parse('2026-11-24T12:00:00Z');
let t = performance.now();
const { stories } = generate(N, 0);
const genMs = performance.now() - t;
t = performance.now();
const v1 = await buildStore(stories, { now: new Date('2026-11-24T10:00:00Z') });
const buildMs = performance.now() - t;
publish(v1);
const storeRaw = v1.manifestBytes.byteLength + v1.shards.reduce((n, s) => n + s.bytes.byteLength, 0);
const storeGz = [...files.values()].reduce((n, f) => n + f.gz.byteLength, 0);

const db = await openStoreDb('bench-store');
// As in the extension, the store in use is in memory: a sync does not read it back from IndexedDB.
let current: Awaited<ReturnType<typeof db.read>> = null;
const sync = async () => {
  wire = raw = requests = 0;
  const start = performance.now();
  const result = await syncStore({ storeUrl, db, current, fetchFn: (u, i) => fetch(u, i), now: () => SYNCED_AT, concurrency: 6 });
  if (result.kind === 'updated') current = result.state;
  return { result, state: current!, time: performance.now() - start, wire, raw, requests };
};

const full = await sync();
const fullState = full.state;

// One story changes: a new title and updatedAt, as Factlen does when coverage grows.
const changed = { ...stories[1234 % N]!, title: 'An updated headline after new coverage', updatedAt: '2026-11-24T11:00:00Z' };
const v2 = await buildStore(
  stories.map((s) => (s.id === changed.id ? changed : s)),
  { previous: v1.manifest, now: new Date('2026-11-24T11:00:00Z') },
);
publish(v2);
const inc = await sync();
const unchanged = await sync();
server.close();
// A service-worker restart: the store comes back from IndexedDB, offline.
t = performance.now();
const reread = await db.read();
const reloadMs = performance.now() - t;
// What a waking service worker reads instead: the snapshot and its catalog, not the stories.
t = performance.now();
const snapshot = await db.readSnapshot();
const snapshotMs = performance.now() - t;

const ok = remoteStories(inc.state).stories.find((s) => s.id === changed.id)?.title === changed.title;
const rows: [string, string][] = [
  ['stories', `${N} (${v1.manifest.shards.length} day shards; generated in ${ms(genMs)}, built in ${ms(buildMs)})`],
  ['store size, raw', `${MB(storeRaw)} (manifest ${kB(v1.manifestBytes.byteLength)})`],
  ['store size, gzip', `${MB(storeGz)} (manifest ${kB(files.get('manifest.json')!.gz.byteLength)})`],
  [
    'first full sync',
    `${ms(full.time)}: ${full.requests} requests, ${MB(full.wire)} over the wire (${MB(full.raw)} decoded), into IndexedDB (fake-indexeddb)`,
  ],
  [
    'incremental sync, 1 story changed',
    `${ms(inc.time)}: ${inc.requests} requests, ${kB(inc.wire)} over the wire (${kB(inc.raw)} decoded)`,
  ],
  [
    '  share of the full store',
    `${((inc.wire / storeGz) * 100).toFixed(2)} % gzip-to-gzip, ${((inc.raw / storeRaw) * 100).toFixed(2)} % raw-to-raw (target ≤ 2 %)`,
  ],
  ['unchanged sync (304)', `${ms(unchanged.time)}: ${unchanged.requests} request, ${unchanged.wire} bytes of body`],
  [
    'reload from IndexedDB (restart)',
    `${ms(reloadMs)} for all ${reread ? remoteStories(reread).stories.length : 0} stories; ` +
      `a waking worker reads only the snapshot and catalog: ${ms(snapshotMs)} for ${snapshot?.catalog?.length ?? 0} entries`,
  ],
  [
    'check',
    `${remoteStories(fullState).stories.length} stories after the full sync; updated story ${ok ? 'present' : 'MISSING'} after the incremental one`,
  ],
];
const width = Math.max(...rows.map(([k]) => k.length));
process.stdout.write(`bench:store (${new Date().toISOString()}, Node ${process.version})\n`);
for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
const target = Math.max(inc.wire / storeGz, inc.raw / storeRaw) <= 0.02;
process.stdout.write(`target (incremental ≤ 2 % of the full store): ${target ? 'met' : 'NOT MET'}\n`);
process.exitCode = target && ok ? 0 : 1;
