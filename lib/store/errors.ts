/**
 * Everything that can go wrong with a store, as a code with parameters. The words live in
 * `_locales` (`syncError_<code>`) so the options page speaks the reader's language; the CLI
 * renders the English ones.
 */
import { writtenOut } from '../words.ts';

export type StoreErrorCode =
  | 'bad_url'
  | 'permission'
  | 'offline'
  | 'dns'
  | 'timeout'
  | 'http'
  | 'http_404'
  | 'http_5xx'
  | 'redirect'
  | 'content_type'
  | 'json'
  | 'manifest'
  | 'too_large'
  | 'truncated'
  | 'size'
  | 'hash'
  | 'shard'
  | 'shard_rejected'
  | 'too_complex'
  | 'rollback'
  | 'same_version'
  | 'expired'
  | 'unsigned'
  | 'bad_signature'
  | 'storage'
  | 'deadline'
  | 'unexpected';

/** A failed store operation: `code` picks the message, `params` fill its `$1`, `$2`…. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    readonly params: (string | number)[] = [],
    /** From a Retry-After header: the server asked not to be asked again before this delay. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${code}: ${params.join(', ')}`);
    this.name = 'StoreError';
  }
}

/** What the sync status keeps of an error: small, serialisable, translatable later. */
export interface RecordedError {
  code: StoreErrorCode;
  params: string[];
}

export type Translate = (key: string, subs: string[]) => string;

/** Any thrown value as a recorded error; what is not a StoreError is "unexpected", with its text. */
export function recordError(err: unknown): RecordedError {
  if (err instanceof StoreError) return { code: err.code, params: err.params.map(String) };
  const text = err instanceof Error ? err.message : String(err);
  return { code: 'unexpected', params: [text.slice(0, 300)] };
}

/** How much of one parameter the options page shows: a store's header or bytes can be long. */
const MAX_PARAM = 300;

/**
 * The error in plain words, through `translate` (the extension's `t`, or the CLI's English). Its
 * parameters can be the store's (a JSON error quotes the bytes it stopped at, `Content-Type` is
 * the server's): each is cut and its control, line-breaking and direction characters written
 * out, so a shard of `[‮…` does not turn the rest of the options page's sentence around.
 */
export function describeError(e: RecordedError, translate: Translate): string {
  const params = e.params.map((p) => writtenOut(p.length > MAX_PARAM ? `${p.slice(0, MAX_PARAM)}…` : p));
  return translate(`syncError_${e.code}`, params) || `${e.code}: ${params.join(', ')}`;
}
