/** When to try again after a failed sync: exponential back-off with a cap, never sooner than Retry-After. */

export const RETRY_BASE_MS = 60_000;
export const RETRY_CAP_MS = 6 * 3600_000;

/** The delay before attempt `failures + 1`: 1 min, 2, 4, … up to 6 h; at least `retryAfterMs`. */
export function retryDelay(failures: number, retryAfterMs: number | null = null): number {
  const backoff = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(30, Math.max(0, failures - 1)));
  return Math.max(backoff, retryAfterMs ?? 0);
}
