/**
 * The reader's store settings and the sync's status (kept by platform/storage.ts): one zod
 * schema each, with a default per field, so a bad or missing field is repaired and the rest kept.
 */
import { asFields, z } from '../zod.ts';
import type { StoreErrorCode } from './errors.ts';
import { INDEX_STATES } from './index-cache.ts';
import { MAX_STORE_URL } from './store-url.ts';

/** The sync intervals the options page offers, in minutes. */
export const SYNC_INTERVALS = [15, 30, 60, 180, 360, 720, 1440] as const;
export const DEFAULT_SYNC_MINUTES = 30;

export const StoreSettings = z.object({
  /** Absent: the build-time store. Empty: no remote store, bundled stories only. */
  storeUrl: z.string().max(MAX_STORE_URL).optional().catch(undefined),
  syncMinutes: z.number().int().min(5).max(1440).catch(DEFAULT_SYNC_MINUTES).default(DEFAULT_SYNC_MINUTES),
});
export type StoreSettings = z.infer<typeof StoreSettings>;

const Progress = z.union([
  z.object({ phase: z.literal('manifest') }),
  z.object({ phase: z.literal('shards'), done: z.number(), total: z.number() }),
  z.object({ phase: z.literal('saving') }),
]);

const nullable = <T extends z.ZodType>(t: T) => t.nullable().catch(null).default(null);

export const SyncStatus = z.object({
  /** The manifest URL synced from; null when the extension runs on the bundled store alone. */
  storeUrl: nullable(z.string()),
  running: z.boolean().catch(false).default(false),
  progress: nullable(Progress),
  lastAttemptAt: nullable(z.number()),
  lastSuccessAt: nullable(z.number()),
  lastError: nullable(z.object({ code: z.string() as z.ZodType<StoreErrorCode>, params: z.array(z.string()), at: z.number() })),
  failures: z.number().int().min(0).catch(0).default(0),
  nextRetryAt: nullable(z.number()),
  version: nullable(z.number()),
  generatedAt: nullable(z.string()),
  /** When the manifest in use expires (null: never); past it, the options page says the store is stale. */
  expiresAt: nullable(z.string()),
  counts: z
    .object({ bundled: z.number(), remote: z.number(), total: z.number() })
    .catch({ bundled: 0, remote: 0, total: 0 })
    .default({ bundled: 0, remote: 0, total: 0 }),
  /** One line per story the store carried but the door rejected (capped). */
  rejected: z.array(z.string()).catch([]).default([]),
  /** The match index of the stories in use, in this worker (see background/store.ts): not kept, told. */
  matchIndex: nullable(z.enum(INDEX_STATES)),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export { MAX_REJECTED_LINES } from './sync.ts';

/** Stored settings (anything), repaired field by field. */
export const parseSettings = (raw: unknown): StoreSettings => StoreSettings.parse(asFields(raw));

/** The store URL in effect: the reader's, else the build's; null means bundled stories only. */
export function effectiveStoreUrl(settings: StoreSettings, buildUrl: string | null): string | null {
  const url = settings.storeUrl === undefined ? buildUrl : settings.storeUrl;
  return url?.trim() || null;
}

/** Parses a stored status (anything), repairing field by field. */
export const parseStatus = (raw: unknown): SyncStatus => SyncStatus.parse(asFields(raw));
