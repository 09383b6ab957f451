/**
 * A per-key throttle with a trailing call: `run(key, value)` runs at once, then at most once per
 * `gapMs` for that key; the calls in between keep only the latest value, which runs when the gap
 * ends. So a page that changes its address every 20 ms is read a few times, and always at the
 * address it settles on.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

export function throttleByKey<K, V>(
  run: (key: K, value: V) => unknown,
  gapMs: number,
  clock: Clock = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms) },
): (key: K, value: V) => void {
  const last = new Map<K, number>();
  const pending = new Map<K, V>();
  const fire = (key: K, value: V) => {
    last.set(key, clock.now());
    void Promise.resolve()
      .then(() => run(key, value))
      .catch(() => {});
  };
  return (key, value) => {
    const since = clock.now() - (last.get(key) ?? -Infinity);
    if (since >= gapMs && !pending.has(key)) return fire(key, value);
    const waiting = pending.has(key);
    pending.set(key, value);
    if (waiting) return;
    clock.setTimeout(
      () => {
        const latest = pending.get(key)!;
        pending.delete(key);
        fire(key, latest);
      },
      Math.max(gapMs - since, 0),
    );
  };
}
