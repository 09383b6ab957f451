/**
 * The store's manifest (`factlen-store/1`): the one small file a sync always asks for. It names
 * every shard by path, SHA-256, size and story count, so a client downloads only what changed
 * and can check each byte it got.
 */
import { z } from '../zod.ts';
import { formatPath, visible } from '../story/story.ts';
import { fromUtf8 } from './bytes.ts';
import { StoreError } from './errors.ts';
import { jsonShapeOver } from './json-shape.ts';

export const STORE_FORMAT = 'factlen-store/1';
/** A manifest lists shards, not stories: even a 10k-story store keeps it well under this. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** One shard holds a day of stories; past this the publisher should shard finer. */
export const MAX_SHARD_BYTES = 32 * 1024 * 1024;
export const MAX_SHARDS = 20_000;
/**
 * All of a store's shards together: the largest store the benchmarks measure (50,000 generated
 * stories, about 400 MB) fits; 16 shards at their limit do. Without it a manifest could list
 * 20,000 shards of 32 MB (640 GB) for the reader's disk (an adversarial audit, 2026-12-07).
 */
export const MAX_STORE_BYTES = 512 * 1024 * 1024;
/** A shard's path is a day and a hash (`shards/2026-06-21-<16 hex>.json`, 39 characters): room to spare. */
export const MAX_SHARD_PATH = 200;
export const MAX_TOPICS = 2000;
/**
 * JSON values and levels a manifest may hold, counted before it is parsed: the largest valid one
 * (MAX_SHARDS shards of 9 values, MAX_TOPICS topics of 5) is about 190,000 values and 3 levels;
 * twice that leaves room for fields a later format adds. Without it, 4 MB of `[[[[` cost a
 * sync 2 s of CPU and 300 MB (an adversarial audit, 2026-12-07).
 */
export const MAX_MANIFEST_SHAPE = { values: 400_000, depth: 32 } as const;

const SLUG = /^[a-z0-9-]{1,120}$/;
// Relative, inside the store, no `..`, nothing a URL could reinterpret: a content-addressed name.
const SHARD_PATH = /^(?!.*\.\.)[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*\.json$/;

export const Topic = z.object({
  id: z.string().regex(SLUG, 'must be a slug: lower-case letters, digits and dashes'),
  // Shown in the settings and in alerts as written: held to a story's names' rules.
  name: visible(200),
});
export type Topic = z.infer<typeof Topic>;

export const ShardRef = z.object({
  path: z
    .string()
    .max(MAX_SHARD_PATH, `must be at most ${MAX_SHARD_PATH} characters`)
    .regex(SHARD_PATH, 'must be a relative path inside the store ending in .json'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  bytes: z
    .number()
    .int('must be a whole number')
    .min(2, 'must be at least 2 (an empty list is "[]")')
    .max(MAX_SHARD_BYTES, `must be at most ${MAX_SHARD_BYTES} bytes`),
  stories: z.number().int('must be a whole number').min(0, 'must not be negative'),
});
export type ShardRef = z.infer<typeof ShardRef>;

export const Manifest = z
  .object({
    format: z.literal(STORE_FORMAT, `must be "${STORE_FORMAT}"`),
    version: z.number().int('must be a whole number').min(1, 'must be 1 or more').max(Number.MAX_SAFE_INTEGER, 'must be a safe integer'),
    generatedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
    /**
     * After this the manifest is stale: a sync refuses it and the options page says the store may
     * be frozen (a mirror replaying an old signed manifest forever). Part of the signed bytes.
     * Optional: a manifest published before it existed never expires (see docs/security.md).
     */
    expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
    topics: z.array(Topic).max(MAX_TOPICS, `must list at most ${MAX_TOPICS} topics`),
    shards: z.array(ShardRef).max(MAX_SHARDS, `must list at most ${MAX_SHARDS} shards`),
  })
  .superRefine((m, ctx) => {
    if (m.expiresAt && Date.parse(m.expiresAt) <= Date.parse(m.generatedAt)) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be later than generatedAt' });
    }
    const paths = new Set<string>();
    const hashes = new Set<string>();
    m.shards.forEach((s, i) => {
      if (paths.has(s.path)) ctx.addIssue({ code: 'custom', path: ['shards', i, 'path'], message: `repeats the path ${s.path}` });
      if (hashes.has(s.sha256))
        ctx.addIssue({ code: 'custom', path: ['shards', i, 'sha256'], message: 'repeats the hash of another shard' });
      paths.add(s.path);
      hashes.add(s.sha256);
    });
    if (m.shards.reduce((sum, s) => sum + s.bytes, 0) > MAX_STORE_BYTES)
      ctx.addIssue({ code: 'custom', path: ['shards'], message: `add up to more than ${MAX_STORE_BYTES} bytes` });
  });
export type Manifest = z.infer<typeof Manifest>;

/** A manifest's problems are listed up to this many; the rest are counted. */
export const MAX_MANIFEST_PROBLEMS = 50;

/** Every problem of a manifest's shape (up to MAX_MANIFEST_PROBLEMS), located: `shards[3].sha256 must be 64 lower-case hex digits`. */
export function manifestProblems(raw: unknown): string[] {
  // reportInput: to tell "missing" from "of the wrong type".
  const result = Manifest.safeParse(raw, { reportInput: true });
  if (result.success) return [];
  const lines = result.error.issues
    .slice(0, MAX_MANIFEST_PROBLEMS)
    .map((i) => `${formatPath(i.path).replace('(story)', '(manifest)')} ${plain(i)}`);
  const more = result.error.issues.length - MAX_MANIFEST_PROBLEMS;
  return more > 0 ? [...lines, `(manifest) has ${more} more problem(s)`] : lines;
}

function plain(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (issue.input === undefined) return 'is required but missing';
  const got = issue.input === null ? 'null' : Array.isArray(issue.input) ? 'a list' : typeof issue.input;
  return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${got}`;
}

/** True when `m` carries an expiry and `now` is past it. */
export const isExpired = (m: { expiresAt?: string | null }, now: number): boolean => !!m.expiresAt && Date.parse(m.expiresAt) <= now;

/** Throws a StoreError when manifest bytes hold more values or levels than MAX_MANIFEST_SHAPE, before they are parsed. */
export function checkManifestShape(bytes: Uint8Array, name = 'manifest.json'): void {
  if (jsonShapeOver(bytes, MAX_MANIFEST_SHAPE))
    throw new StoreError('too_complex', [name, MAX_MANIFEST_SHAPE.values, MAX_MANIFEST_SHAPE.depth]);
}

/** Parses manifest bytes, or throws a StoreError saying what is wrong with them. */
export function parseManifest(bytes: Uint8Array, name = 'manifest.json'): Manifest {
  checkManifestShape(bytes, name);
  let raw: unknown;
  try {
    raw = JSON.parse(fromUtf8(bytes));
  } catch (err) {
    throw new StoreError('json', [name, err instanceof Error ? err.message : String(err)]);
  }
  const result = Manifest.safeParse(raw);
  if (!result.success) throw new StoreError('manifest', [manifestProblems(raw).slice(0, 3).join('; ')]);
  return result.data;
}
