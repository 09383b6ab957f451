/**
 * Source URL keys → [slot, citation number], looked up by a 64-bit hash of the key. The saved
 * form holds no URLs at all: each key's hash and hit, sorted by hash into 4,096 buckets, and
 * where each bucket starts. A waking worker reads only that directory (16 kB) and then the
 * one or two buckets an article's addresses fall in, instead of 80k keys. Two URLs that share
 * 64 hash bits, among 80k, are a chance of one in ~10^14. Keys added or removed after a load
 * live in a small overlay until the next save.
 */
import { fnv1aHigh } from './fnv.ts';
import type { Unread } from './on-disk.ts';
import { termHash } from './term-table.ts';

export type UrlHit = [slot: number, n: number];

const BUCKET_BITS = 12;
/** How many buckets the rows are sorted into. */
export const BUCKETS = 1 << BUCKET_BITS;
/** Numbers a row: low hash, high hash, slot, citation number. */
const ROW = 4;

/** The saved form. */
export interface SavedUrls {
  /** The rows, ordered by their low hash (unsigned). */
  urlRows: Int32Array;
  /** Row where each bucket (the top bits of the low hash) starts, and one past the last. */
  urlBuckets: Uint32Array;
}

/** Reads rows `from`..`to` of a saved table left on disk. */
export type UrlRowSource = (from: number, to: number) => Promise<Int32Array>;

interface Row {
  lo: number;
  hi: number;
  /** The hit, inline: no array per row. */
  slot: number;
  n: number;
  /** The next overlay row with the same low hash (among 80k keys, a few share 32 bits). */
  next?: Row | undefined;
}

const hashOfKey = (key: string): [lo: number, hi: number] => [termHash(key) | 0, fnv1aHigh(key)];
const bucketOf = (lo: number) => lo >>> (32 - BUCKET_BITS);
const EMPTY: SavedUrls = { urlRows: new Int32Array(0), urlBuckets: new Uint32Array(BUCKETS + 1) };

export class UrlTable {
  /** Rows set since the load, by low hash (a number key: no string made per key). */
  private overlay = new Map<number, Row>();
  /** Frozen rows removed or replaced since the load. */
  private removed = new Set<number>();

  /** `unread`: the buckets whose rows are still on disk, when they were left there (on-disk.ts reads them with `fill`). */
  constructor(
    private saved: SavedUrls = EMPTY,
    private unread: Unread | null = null,
  ) {}

  /** The buckets these keys fall in. */
  bucketsOf(keys: readonly string[]): number[] {
    return keys.map((key) => bucketOf(hashOfKey(key)[0]));
  }

  /** Reads the rows of these buckets from `read`, into a table whose rows were left on disk. */
  async fill(buckets: readonly number[], read: UrlRowSource): Promise<void> {
    await Promise.all(
      buckets.map(async (b) => {
        const [from, to] = [this.saved.urlBuckets[b]!, this.saved.urlBuckets[b + 1]!];
        if (to > from) this.saved.urlRows.set(await read(from, to), from * ROW);
      }),
    );
  }

  private frozenRow(lo: number, hi: number): number {
    const { urlRows: rows, urlBuckets } = this.saved;
    const b = bucketOf(lo);
    if (this.unread?.has(b)) throw new Error('this address was not read (see on-disk.ts)');
    for (let row = urlBuckets[b]!; row < urlBuckets[b + 1]!; row++) {
      if (rows[row * ROW] === lo && rows[row * ROW + 1] === hi) return this.removed.has(row) ? -1 : row;
    }
    return -1;
  }

  get(key: string): UrlHit | undefined {
    const [lo, hi] = hashOfKey(key);
    const own = this.own(lo, hi);
    if (own) return [own.slot, own.n];
    const row = this.frozenRow(lo, hi);
    return row < 0 ? undefined : [this.saved.urlRows[row * ROW + 2]!, this.saved.urlRows[row * ROW + 3]!];
  }

  set(key: string, hit: UrlHit): this {
    const [lo, hi] = hashOfKey(key);
    const row = this.frozenRow(lo, hi);
    if (row >= 0) this.removed.add(row);
    const own = this.own(lo, hi);
    if (own) [own.slot, own.n] = hit;
    else this.overlay.set(lo, { lo, hi, slot: hit[0], n: hit[1], next: this.overlay.get(lo) });
    return this;
  }

  private own(lo: number, hi: number): Row | undefined {
    let row = this.overlay.get(lo);
    while (row && row.hi !== hi) row = row.next;
    return row;
  }

  /** Every overlay row. */
  private *owned(): Generator<Row> {
    for (let row of this.overlay.values()) for (; row; row = row.next!) yield row;
  }

  private whole(): Int32Array {
    if (this.unread?.any()) throw new Error('the table was loaded without its rows and cannot be changed');
    return this.saved.urlRows;
  }

  /** Forgets every key whose hit is in one of `slots`. */
  deleteSlots(slots: ReadonlySet<number>): void {
    const rows = this.whole();
    for (let row = 0; row * ROW < rows.length; row++) if (slots.has(rows[row * ROW + 2]!)) this.removed.add(row);
    const kept = [...this.owned()].filter((row) => !slots.has(row.slot));
    this.overlay.clear();
    for (const row of kept) this.overlay.set(row.lo, { ...row, next: this.overlay.get(row.lo) });
  }

  private rows(): Row[] {
    const rows = this.whole();
    const out: Row[] = [];
    for (let row = 0; row * ROW < rows.length; row++) {
      const at = row * ROW;
      if (!this.removed.has(row)) out.push({ lo: rows[at]!, hi: rows[at + 1]!, slot: rows[at + 2]!, n: rows[at + 3]! });
    }
    return [...out, ...this.owned()];
  }

  /** Everything, frozen: what a save writes and a load reads back as is. */
  save(): SavedUrls {
    const rows = this.rows().sort((a, b) => (a.lo >>> 0) - (b.lo >>> 0));
    const urlRows = new Int32Array(rows.length * ROW);
    const urlBuckets = new Uint32Array(BUCKETS + 1);
    rows.forEach(({ lo, hi, slot, n }, row) => {
      urlRows.set([lo, hi, slot, n], row * ROW);
      urlBuckets[bucketOf(lo) + 1]!++;
    });
    for (let b = 0; b < BUCKETS; b++) urlBuckets[b + 1]! += urlBuckets[b]!;
    return { urlRows, urlBuckets };
  }
}
