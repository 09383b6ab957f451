import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ledgered, ledgerRecorder, MAX_LEDGER, readLedger, type LedgerEntry } from '../../lib/net-ledger.ts';
import { appendToLedger, netLedgerItem } from '../../platform/storage.ts';

const body = (n: number) => new Uint8Array(n).fill(65);

function recorded() {
  const entries: LedgerEntry[] = [];
  return { entries, record: (e: LedgerEntry) => entries.push(e) };
}

describe('the network ledger', () => {
  it('records a request once its body is read, with the bytes that arrived', async () => {
    const { entries, record } = recorded();
    const f = ledgered(
      async () => new Response(body(1234), { status: 200 }),
      record,
      () => 42,
    );
    const res = await f('https://store.example/manifest.json', { method: 'GET' });
    expect(entries).toEqual([]);
    expect((await res.arrayBuffer()).byteLength).toBe(1234);
    expect(entries).toEqual([{ at: 42, method: 'GET', url: 'https://store.example/manifest.json', bytes: 1234, outcome: '200' }]);
  });

  it('records a 304 as it is, even with the empty body stream browsers give it', async () => {
    const { entries, record } = recorded();
    const empty = new Response(null, { status: 304 });
    // What Chromium hands back for a 304 fetched with cache: 'no-store': an empty stream.
    Object.defineProperty(empty, 'body', { value: new ReadableStream({ start: (c) => c.close() }) });
    const res = await ledgered(async () => empty, record)('https://s.example/m.json', {});
    expect(res.status).toBe(304);
    expect(entries).toMatchObject([{ bytes: 0, outcome: '304' }]);
  });

  it('records a body the reader stopped early, with what had arrived', async () => {
    const { entries, record } = recorded();
    const res = await ledgered(async () => new Response(body(100_000)), record)('https://s.example/shard.json', {});
    const reader = res.body!.getReader();
    const first = await reader.read();
    await reader.cancel();
    expect(entries).toEqual([expect.objectContaining({ bytes: first.value!.byteLength, outcome: '200, stopped early' })]);
  });

  it('records failures and timeouts, and passes them on', async () => {
    const { entries, record } = recorded();
    await expect(
      ledgered(async () => {
        throw new TypeError('Failed to fetch');
      }, record)('https://s.example/a', {}),
    ).rejects.toThrow('Failed to fetch');
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    await expect(
      ledgered(async () => {
        throw abort;
      }, record)('https://s.example/b', {}),
    ).rejects.toBe(abort);
    expect(entries.map((e) => e.outcome)).toEqual(['network error: Failed to fetch', 'timeout']);
  });

  it('keeps status and headers for the caller', async () => {
    const res = await ledgered(
      async () => new Response('x', { status: 503, headers: { 'retry-after': '60' } }),
      () => {},
    )('https://s.example/a', {});
    expect([res.status, res.headers.get('retry-after')]).toEqual([503, '60']);
  });

  it('stores entries newest first, in batches, none lost when requests overlap', async () => {
    const record = ledgerRecorder(appendToLedger, 5);
    for (let i = 0; i < 5; i++) record({ at: i, method: 'GET', url: `https://s.example/${i}`, bytes: i, outcome: '200' });
    await expect.poll(async () => (await netLedgerItem.getValue()).map((e) => e.at)).toEqual([4, 3, 2, 1, 0]);
  });
});

const good = (at: number): LedgerEntry => ({ at, method: 'GET', url: `https://s.example/${at}`, bytes: at, outcome: '200' });

describe('the stored network ledger, read', () => {
  it('keeps the readable entries in order and counts the others', () => {
    const damaged = [
      null,
      'https://s.example/x',
      { ...good(9), url: 'not a url' },
      { ...good(9), url: 42 },
      { ...good(9), at: '2026-12-07' },
      { ...good(9), at: 1e20 },
      { ...good(9), outcome: undefined },
      { ...good(9), bytes: '12' },
      { at: 9, url: 'https://s.example/9' },
    ];
    expect(readLedger([good(3), ...damaged, good(2), good(1)])).toEqual({
      entries: [good(3), good(2), good(1)],
      unreadable: damaged.length,
    });
  });

  it('reads a value that is not a list as one unreadable entry, and nothing stored as none', () => {
    expect(readLedger({ 0: good(1) })).toEqual({ entries: [], unreadable: 1 });
    expect(readLedger('junk')).toEqual({ entries: [], unreadable: 1 });
    expect(readLedger(undefined)).toEqual({ entries: [], unreadable: 0 });
  });

  it('keeps the newest MAX_LEDGER of a huge list', () => {
    const { entries } = readLedger(Array.from({ length: 100_000 }, (_, i) => good(100_000 - i)));
    expect(entries).toHaveLength(MAX_LEDGER);
    expect(entries[0]!.at).toBe(100_000);
  });

  it('goes on recording in front of the readable entries when the stored ledger is damaged', async () => {
    for (const stored of [{ junk: true }, 5, [null, good(1)]]) {
      await fakeBrowser.storage.local.set({ networkLedger: stored });
      await appendToLedger([good(7)]);
      expect(await netLedgerItem.getValue()).toEqual(Array.isArray(stored) ? [good(7), good(1)] : [good(7)]);
    }
  });
});
