import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { memoryDb, openStoreDb, type RemoteSnapshot, type StoreDb } from '../../../lib/store/db.ts';
import type { ShardRecord } from '../../../lib/store/shard.ts';
import { story } from './helpers.ts';

const record = (sha: string, ...ids: string[]): ShardRecord => ({
  sha256: sha.padEnd(64, '0'),
  path: `shards/${sha}.json`,
  stories: ids.map((id) => story(id)),
  rejected: [],
});
const snapshot = (version: number, ...records: ShardRecord[]): RemoteSnapshot => ({
  storeUrl: 'https://s.example/manifest.json',
  version,
  generatedAt: '2026-11-24T00:00:00Z',
  topics: [],
  contentEtag: '"e"',
  carried: [],
  catalog: [],
  syncedAt: 1,
  shards: records.map((r) => ({ path: r.path, sha256: r.sha256, bytes: 2, stories: r.stories.length })),
});

let n = 0;
describe.each([
  ['IndexedDB', () => openStoreDb(`db-test-${n++}`)],
  ['memory', async () => memoryDb()],
] as [string, () => Promise<StoreDb>][])('the %s store', (_, open) => {
  it('is empty until a snapshot is committed', async () => {
    const db = await open();
    await db.putShard(record('a', 'a'));
    expect(await db.read()).toBeNull();
    expect((await db.getShard('a'.padEnd(64, '0')))?.stories[0]?.id).toBe('a');
  });

  it('reads back what was committed, and drops shards no snapshot names', async () => {
    const db = await open();
    const [a, b, c] = [record('a', 'a'), record('b', 'b'), record('c', 'c')];
    for (const r of [a, b, c]) await db.putShard(r);
    await db.commit(snapshot(1, a, b));
    const read = (await db.read())!;
    expect(read.snapshot.version).toBe(1);
    expect([...read.shards.values()].map((r) => r.stories[0]!.id)).toEqual(['a', 'b']);
    expect(await db.getShard(c.sha256)).toBeUndefined();
    await db.commit(snapshot(2, b));
    expect(await db.getShard(a.sha256)).toBeUndefined();
    await db.commit(null);
    expect(await db.read()).toBeNull();
    expect(await db.getShard(b.sha256)).toBeUndefined();
  });
});

it('keeps what it stored across a reopen (a service-worker restart)', async () => {
  const name = 'db-test-reopen';
  const first = await openStoreDb(name);
  const a = record('a', 'a');
  await first.putShard(a);
  await first.commit(snapshot(3, a));
  const again = await openStoreDb(name);
  expect((await again.read())?.snapshot.version).toBe(3);
});
