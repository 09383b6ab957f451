// The recording proxy the Firefox suite runs the browser behind: every HTTP request Firefox makes,
// whoever makes it (a tab, the extension's background or pages, the browser itself), goes
// through here and is logged with its method, address, headers and body size. Only loopback
// servers are reached (the suite's mapped sites among them); anything else is logged and
// refused, so nothing leaves the machine.
// Forwarded requests carry a mark, so a test server can tell a request that bypassed the proxy.
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SITES, type Handler } from '../harness.ts';

export interface ProxiedRequest {
  method: string;
  /** The absolute address asked for; `host:port` for a CONNECT tunnel (https, wss). */
  url: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
  /** False when the address is not on this machine: refused, never sent. */
  forwarded: boolean;
}

export interface Proxy {
  port: number;
  log: ProxiedRequest[];
  close(): Promise<void>;
}

/** The header a forwarded request carries; its absence at a test server means a bypass. */
export const VIA_PROXY = 'x-lens-e2e-proxy';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;
// The sites the suite's source pages claim (fortune.com, …) are served on 127.0.0.1, as the
// Chromium suite maps them with --host-resolver-rules: a page's canonical URL counts only on
// its own site. The browser never resolves them: every request names its host to the proxy.
const MAPPED = new Set(SITES);
const local = (hostname: string) => LOOPBACK.test(hostname) || MAPPED.has(hostname);
// Hop-by-hop headers are the proxy's own business (RFC 9110 §7.6.1), not the server's.
const HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function forward(req: IncomingMessage, res: ServerResponse, target: URL, body: Buffer): void {
  const headers: Record<string, string | string[]> = { [VIA_PROXY]: '1' };
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP.has(k)) headers[k] = v;
  const out = request(
    {
      host: MAPPED.has(target.hostname) ? '127.0.0.1' : target.hostname.replace(/^\[|\]$/g, ''),
      port: target.port || 80,
      method: req.method,
      path: target.pathname + target.search,
      headers,
    },
    (upstream) => {
      const back: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(upstream.headers)) if (v !== undefined && !HOP.has(k)) back[k] = v;
      res.writeHead(upstream.statusCode ?? 502, back);
      upstream.pipe(res);
    },
  );
  out.on('error', () => res.writeHead(502).end());
  out.end(body);
}

/** Starts the proxy on 127.0.0.1 at a free port. */
export async function startProxy(): Promise<Proxy> {
  const log: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let target: URL | null = null;
      try {
        target = new URL(req.url ?? '');
      } catch {
        // A request in origin form was not meant for a proxy.
      }
      const forwarded = target?.protocol === 'http:' && local(target.hostname);
      log.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes: body.length, forwarded });
      if (forwarded) forward(req, res, target!, body);
      else res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the test proxy');
    });
  });
  // https and WebSocket tunnels: logged, never opened (the suite serves nothing over TLS).
  server.on('connect', (req: IncomingMessage, socket) => {
    log.push({ method: 'CONNECT', url: req.url ?? '', headers: req.headers, bodyBytes: 0, forwarded: false });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    log,
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

/**
 * A `serve()` handler that records every request which did not come through the proxy (the
 * proof that nothing bypasses it), then hands the request to `next`.
 */
export function proxiedOnly(bypassed: string[], next?: Handler): Handler {
  return (req, res) => {
    if (req.headers[VIA_PROXY] !== '1') bypassed.push(`${req.method} ${req.url}`);
    return next?.(req, res);
  };
}
