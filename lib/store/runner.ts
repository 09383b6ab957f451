/**
 * A sync as the extension runs it: honours the back-off, runs the engine, swaps the story set,
 * and records the outcome (and progress) in the sync status. Never throws: every failure ends up
 * in `lastError`, in plain words once translated, and the last good store stays in use.
 */
import type { StoreDb } from './db.ts';
import { recordError, StoreError } from './errors.ts';
import type { FetchFn } from './fetch.ts';
import { retryDelay } from './backoff.ts';
import { parseStatus, type SyncStatus } from './settings.ts';
import { checkStoreUrl } from './store-url.ts';
import type { StorySet } from './story-set.ts';
import { syncStore, type SyncProgress, type SyncResult } from './sync.ts';

/** Why a sync runs: the reader asked (manual, settings) or the schedule did (the rest). */
export type SyncReason = 'manual' | 'settings' | 'startup' | 'alarm' | 'retry';

export interface RunDeps {
  storySet: StorySet;
  db: StoreDb;
  /** The store URL in effect; null runs on the bundled stories alone. */
  storeUrl: string | null;
  fetchFn: FetchFn;
  now: () => number;
  publicKey: Uint8Array | null;
  timeoutMs?: number;
  /** Whether the browser lets us fetch from a host pattern (`permissions.contains`); absent: yes. */
  canReach?: (originPattern: string) => Promise<boolean>;
  /** How long one sync may run before it is stopped (default SYNC_DEADLINE_MS). */
  deadlineMs?: number;
  /** Where the sync status is kept (the extension's storage, platform/settings.ts). */
  statusStore: StatusStore;
}

/** Reads and writes the kept sync status. */
export interface StatusStore {
  read(): Promise<SyncStatus>;
  write(status: SyncStatus): Promise<unknown>;
}

/**
 * No sync runs longer than this. Every request has its own timeout, but a sync of thousands of
 * shards, or a wait that never ends (storage that never answers), must not hold the sync lock
 * forever: at the deadline the sync is stopped, what it staged is kept for the next one, and
 * nothing is committed.
 */
export const SYNC_DEADLINE_MS = 10 * 60_000;

/** Progress is written at most this often, so a 2,000-shard first sync is not 2,000 writes. */
const PROGRESS_EVERY_MS = 250;

function inUse(status: SyncStatus, storySet: StorySet): SyncStatus {
  const view = storySet.current();
  return {
    ...status,
    version: view.remote?.version ?? null,
    generatedAt: view.remote?.generatedAt ?? null,
    expiresAt: view.remote?.expiresAt ?? null,
    counts: view.counts,
  };
}

/** `work(signal)`, stopped at `ms`: the signal aborts and the promise rejects with a 'deadline' error. */
async function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new StoreError('deadline', [Math.round(ms / 60_000)]);
      stop.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([work(stop.signal), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one sync for `reason` and resolves with the recorded status; never rejects. */
export async function runSync(deps: RunDeps, reason: SyncReason): Promise<SyncStatus> {
  const { storySet, db, now, statusStore } = deps;
  let status = await statusStore.read().catch(() => parseStatus(null));
  let writes: Promise<unknown> = Promise.resolve();
  let finished = false;
  try {
    if (!deps.storeUrl) {
      if (storySet.remote()) {
        await db.commit(null);
        storySet.setRemote(null);
      }
      status = inUse(parseStatus(null), storySet);
    } else {
      const target = checkStoreUrl(deps.storeUrl);
      const manifestUrl = target.ok ? target.manifestUrl : deps.storeUrl;
      // A new store starts with a clean record; the old store's stories stay until it syncs.
      if (status.storeUrl !== manifestUrl) status = parseStatus({ storeUrl: manifestUrl });
      if (!target.ok) throw new StoreError('bad_url', [deps.storeUrl]);
      const scheduled = reason === 'alarm' || reason === 'startup' || reason === 'retry';
      if (scheduled && status.nextRetryAt !== null && status.nextRetryAt > now()) return status;
      status = { ...inUse(status, storySet), running: true, progress: { phase: 'manifest' }, lastAttemptAt: now() };
      const running = status;
      await statusStore.write(running);
      if (deps.canReach && !(await deps.canReach(target.originPattern))) throw new StoreError('permission', [target.origin]);
      let lastWrite = 0;
      const onProgress = (progress: SyncProgress) => {
        // A sync stopped at its deadline may go on reporting: its progress is not news.
        if (finished) return;
        const t = now();
        const edge = progress.phase !== 'shards' || progress.done === 0 || progress.done === progress.total;
        if (!edge && t - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = t;
        writes = writes.then(() => statusStore.write({ ...running, progress })).catch(() => {});
      };
      const snapshot = storySet.remote();
      const storeUrl = deps.storeUrl;
      const result: SyncResult = await withDeadline(deps.deadlineMs ?? SYNC_DEADLINE_MS, (signal) =>
        syncStore({
          storeUrl,
          db,
          current: snapshot && { snapshot, load: () => storySet.loadRemote() },
          fetchFn: deps.fetchFn,
          now,
          publicKey: deps.publicKey,
          timeoutMs: deps.timeoutMs,
          onProgress,
          signal,
        }),
      );
      if (result.kind === 'updated') storySet.setRemote(result.state);
      else storySet.updateSnapshot(result.snapshot);
      status = {
        ...inUse(status, storySet),
        running: false,
        progress: null,
        lastSuccessAt: now(),
        lastError: null,
        failures: 0,
        nextRetryAt: null,
        rejected: result.kind === 'updated' ? result.rejected : status.rejected,
      };
    }
  } catch (err) {
    const failures = status.failures + 1;
    status = {
      ...inUse(status, storySet),
      running: false,
      progress: null,
      failures,
      lastError: { ...recordError(err), at: now() },
      nextRetryAt: now() + retryDelay(failures, err instanceof StoreError ? err.retryAfterMs : null),
    };
  }
  finished = true;
  await writes;
  return statusStore.write(status).then(
    () => status,
    () => status,
  );
}
