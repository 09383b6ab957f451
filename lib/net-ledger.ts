/**
 * The network ledger: every request the extension makes, with its time, URL, bytes and outcome,
 * so the reader can see for themselves that only the story store is ever contacted. Kept on the
 * device, newest first, capped.
 */
export interface LedgerEntry {
  at: number;
  method: string;
  url: string;
  /** Bytes of response body received (0 for a 304 or a failure). */
  bytes: number;
  /** "200", "304", "timeout", "network error: …". */
  outcome: string;
}

export const MAX_LEDGER = 200;

/** The furthest from 1970 a time may be, in ms, and still be a date (ECMA-262 21.4.1.1). */
const MAX_TIME = 8.64e15;

const isEntry = (e: unknown): e is LedgerEntry => {
  const x = e as Partial<Record<keyof LedgerEntry, unknown>> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.at === 'number' &&
    Math.abs(x.at) <= MAX_TIME &&
    typeof x.method === 'string' &&
    typeof x.url === 'string' &&
    URL.canParse(x.url) &&
    typeof x.bytes === 'number' &&
    Number.isFinite(x.bytes) &&
    typeof x.outcome === 'string'
  );
};

/** The stored ledger as read: its readable entries, and how many stored entries were not. */
export interface KeptLedger {
  entries: LedgerEntry[];
  unreadable: number;
}

/**
 * The kept ledger from a stored value that may be damaged: its readable entries (each field of
 * its type, a URL that parses, a time that is a date), the newest MAX_LEDGER, and how many
 * stored entries were not readable (a value that is not a list counts as one). The one reader
 * of the stored ledger: the settings page shows the rest and says how many it could not, and
 * a new request is recorded in front of them.
 */
export function readLedger(raw: unknown): KeptLedger {
  if (raw === null || raw === undefined) return { entries: [], unreadable: 0 };
  if (!Array.isArray(raw)) return { entries: [], unreadable: 1 };
  const entries = raw.filter(isEntry);
  return { entries: entries.slice(0, MAX_LEDGER), unreadable: raw.length - entries.length };
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Wraps `fetchFn` so each request is recorded once its body has been read (or abandoned): the
 * byte count is what actually arrived, not what a header claimed.
 */
export function ledgered(fetchFn: Fetch, record: (entry: LedgerEntry) => void, now = Date.now): Fetch {
  return async (url, init) => {
    const at = now();
    const method = (init.method ?? 'GET').toUpperCase();
    let res: Response;
    try {
      res = await fetchFn(url, init);
    } catch (err) {
      const name = (err as Error)?.name;
      record({
        at,
        method,
        url,
        bytes: 0,
        outcome: name === 'AbortError' || name === 'TimeoutError' ? 'timeout' : `network error: ${(err as Error)?.message ?? err}`,
      });
      throw err;
    }
    // A body-less answer (304, 204, …) cannot be rebuilt as a Response with a stream, and browsers
    // give even a 304 an empty body stream: record it as it is.
    if (!res.body || NULL_BODY.has(res.status) || res.type === 'opaqueredirect') {
      record({ at, method, url, bytes: 0, outcome: res.type === 'opaqueredirect' ? 'redirect (not followed)' : String(res.status) });
      return res;
    }
    let bytes = 0;
    let done = false;
    const finish = (outcome: string) => {
      if (!done) record({ at, method, url, bytes, outcome });
      done = true;
    };
    const counted = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
        flush: () => finish(String(res.status)),
      }),
    );
    const reader = counted.getReader();
    // A body the caller abandons (a cap hit, a hash mismatch) is still recorded, as cut short.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done: end } = await reader.read();
        if (end) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        finish(`${res.status}, stopped early`);
        return reader.cancel(reason);
      },
    });
    const wrapped = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    Object.defineProperty(wrapped, 'url', { value: res.url });
    Object.defineProperty(wrapped, 'redirected', { value: res.redirected });
    return wrapped;
  };
}

/**
 * Records entries through `save` (which adds a batch, newest first, to the kept ledger). A sync
 * may make thousands of requests: they are saved in batches (one `save` per `flushMs`), so
 * neither storage nor a settings page showing the ledger is flooded, and queued so no entry is
 * lost.
 */
export function ledgerRecorder(save: (newestFirst: LedgerEntry[]) => Promise<void>, flushMs = 300): (entry: LedgerEntry) => void {
  let pending: LedgerEntry[] = [];
  let chain = Promise.resolve();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = pending.reverse();
    pending = [];
    chain = chain.then(() => save(batch)).catch(() => undefined);
  };
  return (entry) => {
    pending.push(entry);
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, flushMs);
    }
  };
}

/**
 * A ledger outcome in words a reader follows, as a message key and its arguments:
 * "404, stopped early" is "Not found on the server (HTTP 404)", "304" is "Unchanged".
 */
export function outcomeMessage(outcome: string): [key: string, subs: string[]] {
  if (outcome === 'timeout') return ['outcomeTimeout', []];
  if (outcome.startsWith('redirect')) return ['outcomeRedirect', []];
  if (outcome.startsWith('network error')) return ['outcomeNetwork', [outcome.replace(/^network error:\s*/, '')]];
  const m = /^(\d{3})(, stopped early)?$/.exec(outcome);
  if (!m) return ['outcomeOther', [outcome]];
  const status = Number(m[1]);
  // An error answer's body is never needed, so "stopped early" says nothing more about it.
  if (status === 304) return ['outcomeUnchanged', []];
  if (status === 404) return ['outcomeNotFound', []];
  if (status >= 500) return ['outcomeServer', [m[1]!]];
  if (status >= 400) return ['outcomeHttp', [m[1]!]];
  if (status >= 200 && status < 300) return [m[2] ? 'outcomeStopped' : 'outcomeOk', []];
  return ['outcomeOther', [m[1]!]];
}
