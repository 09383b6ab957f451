import { describe, expect, it } from 'vitest';
import { termHash } from '../../lib/match/term-table.ts';
import { Unread } from '../../lib/match/on-disk.ts';
import { BUCKETS, UrlTable } from '../../lib/match/url-table.ts';

const KEYS = Array.from({ length: 5000 }, (_, i) => `example.com/news/${i}`);

function filled(): UrlTable {
  const t = new UrlTable();
  KEYS.forEach((k, i) => t.set(k, [i % 700, (i % 9) + 1]));
  return t;
}

describe('the URL table', () => {
  it('finds every key it was given, and no other', () => {
    const t = filled();
    KEYS.forEach((k, i) => expect(t.get(k)).toEqual([i % 700, (i % 9) + 1]));
    expect(t.get('example.com/news/5000')).toBeUndefined();
    expect(t.save().urlRows.length / 4).toBe(KEYS.length);
  });

  it('keeps apart keys whose low 32 bits of hash are the same', () => {
    // Two keys with one termHash, found once by searching `example.com/${i}` (2.2 M keys, seconds):
    // kept here so the test stays fast, and checked so it cannot stop testing a collision.
    const pair = ['example.com/1437786', 'example.com/2176240'] as const;
    expect(termHash(pair[0])).toBe(termHash(pair[1]));
    const [a, b] = pair;
    const t = new UrlTable();
    t.set(a, [1, 1]).set(b, [2, 1]).set(a, [3, 1]);
    expect([t.get(a), t.get(b)]).toEqual([
      [3, 1],
      [2, 1],
    ]);
    t.deleteSlots(new Set([3]));
    expect([t.get(a), t.get(b)]).toEqual([undefined, [2, 1]]);
    t.set(a, [4, 2]);
    const back = new UrlTable(t.save());
    expect([back.get(a), back.get(b)]).toEqual([
      [4, 2],
      [2, 1],
    ]);
  });

  it('gives back the same table from its saved form, with later changes on top', () => {
    const back = new UrlTable(filled().save());
    KEYS.forEach((k, i) => expect(back.get(k)).toEqual([i % 700, (i % 9) + 1]));
    back.set(KEYS[3]!, [9999, 2]);
    back.set('example.org/new', [9998, 1]);
    back.deleteSlots(new Set([0]));
    expect(back.get(KEYS[3]!)).toEqual([9999, 2]);
    expect(back.get('example.org/new')).toEqual([9998, 1]);
    expect(back.get(KEYS[0]!)).toBeUndefined();
    expect(back.get(KEYS[700]!)).toBeUndefined();
    const again = new UrlTable(back.save());
    expect(again.get(KEYS[3]!)).toEqual([9999, 2]);
    expect(again.get(KEYS[0]!)).toBeUndefined();
    expect(again.save().urlRows.length / 4).toBe(KEYS.length - Math.ceil(KEYS.length / 700) + 1);
  });

  it('left on disk, reads only the buckets of the keys asked for, and refuses the others', async () => {
    const saved = filled().save();
    let rowsRead = 0;
    const unread = new Unread(BUCKETS);
    const onDisk = new UrlTable({ urlRows: new Int32Array(saved.urlRows.length), urlBuckets: saved.urlBuckets }, unread);
    await unread.read(onDisk.bucketsOf([KEYS[42]!, 'example.com/elsewhere']), (buckets) =>
      onDisk.fill(buckets, async (from, to) => {
        rowsRead += to - from;
        return saved.urlRows.slice(from * 4, to * 4);
      }),
    );
    expect(onDisk.get(KEYS[42]!)).toEqual([42, 7]);
    expect(onDisk.get('example.com/elsewhere')).toBeUndefined();
    expect(rowsRead).toBeGreaterThan(0);
    expect(rowsRead).toBeLessThan(20);
    const refused = KEYS.filter((k) => {
      try {
        onDisk.get(k);
        return false;
      } catch (err) {
        return /not read/.test(String(err));
      }
    });
    // All but the few keys that share the two buckets read.
    expect(refused.length).toBeGreaterThan(KEYS.length - 10);
    expect(() => onDisk.deleteSlots(new Set([1]))).toThrow(/cannot be changed/);
  });
});
