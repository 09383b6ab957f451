// A static story store as a CDN would serve it, for the real-browser suite: manifest and shards
// with ETags, swapped whole to publish a new state, and a log of what the extension asked for.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BuiltStore } from '../../lib/store/build.ts';

export interface StoreRequest {
  path: string;
  status: number;
  query: string;
  ifNoneMatch?: string;
  cookie?: string;
  referer?: string;
}

export interface StoreServer {
  /** Files served under /store/ now, by path. */
  files: Map<string, Buffer>;
  log: StoreRequest[];
  publish(built: BuiltStore, corrupt?: (path: string, bytes: Buffer) => Buffer): void;
  /** A `serve()` handler answering /store/… and passing every other path on. */
  handler(req: IncomingMessage, res: ServerResponse): boolean;
}

export function storeServer(): StoreServer {
  const self: StoreServer = {
    files: new Map(),
    log: [],
    publish(built, corrupt) {
      const next = new Map<string, Buffer>([['manifest.json', Buffer.from(built.manifestBytes)]]);
      for (const s of built.shards) next.set(s.ref.path, corrupt ? corrupt(s.ref.path, Buffer.from(s.bytes)) : Buffer.from(s.bytes));
      self.files = next;
    },
    handler(req, res) {
      const url = new URL(req.url ?? '/', 'http://x');
      if (!url.pathname.startsWith('/store/')) return false;
      const path = url.pathname.slice('/store/'.length);
      const body = self.files.get(path);
      const entry = {
        path,
        query: url.search,
        ifNoneMatch: req.headers['if-none-match'],
        cookie: req.headers.cookie,
        referer: req.headers.referer,
      };
      if (!body) {
        self.log.push({ ...entry, status: 404 });
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return true;
      }
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      const status = req.headers['if-none-match'] === etag ? 304 : 200;
      self.log.push({ ...entry, status });
      res
        .writeHead(status, { 'content-type': 'application/json', etag, 'cache-control': 'no-cache' })
        .end(status === 200 ? body : undefined);
      return true;
    },
  };
  return self;
}
