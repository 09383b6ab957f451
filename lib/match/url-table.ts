/**
 * Source URL keys → [slot, citation number], with a Map's interface. A saved index brings its
 * keys as one text and an open-addressing table of their hashes, so loading builds nothing
 * (building a Map of 80k keys was a third of a cold start at 10k stories); keys added or removed
 * afterwards live in a small overlay until the next save.
 */
import { termHash } from './term-table.ts';

export type UrlHit = [slot: number, n: number];

/** The saved form: keys newline-separated, their hits, and the hash table over them. */
export interface SavedUrls {
  urls: string;
  urlSlots: Int32Array;
  urlNs: Int32Array;
  /** Open addressing: row + 1 at the cell of the key's hash, 0 for an empty cell. */
  urlTable: Int32Array;
}

export class UrlTable {
  /** Start of each frozen row in `text`, and one past the last. */
  private starts: Uint32Array;
  private overlay = new Map<string, UrlHit>();
  private removed = new Set<string>();

  constructor(private saved: SavedUrls = { urls: '', urlSlots: new Int32Array(0), urlNs: new Int32Array(0), urlTable: new Int32Array(0) }) {
    const n = saved.urlSlots.length;
    this.starts = new Uint32Array(n + 1);
    let at = 0;
    for (let row = 0; row < n; row++) {
      this.starts[row] = at;
      at = saved.urls.indexOf('\n', at) + 1 || saved.urls.length + 1;
    }
    this.starts[n] = saved.urls.length + 1;
  }

  private keyAt(row: number): string {
    return this.saved.urls.slice(this.starts[row]!, this.starts[row + 1]! - 1);
  }

  private frozenRow(key: string): number {
    const table = this.saved.urlTable;
    if (!table.length) return -1;
    const mask = table.length - 1;
    for (let i = termHash(key) & mask; table[i] !== 0; i = (i + 1) & mask) {
      const row = table[i]! - 1;
      if (this.keyAt(row) === key) return row;
    }
    return -1;
  }

  get(key: string): UrlHit | undefined {
    const hit = this.overlay.get(key);
    if (hit || this.removed.has(key)) return hit;
    const row = this.frozenRow(key);
    return row < 0 ? undefined : [this.saved.urlSlots[row]!, this.saved.urlNs[row]!];
  }

  set(key: string, hit: UrlHit): this {
    this.overlay.set(key, hit);
    this.removed.delete(key);
    return this;
  }

  delete(key: string): boolean {
    const had = this.get(key) !== undefined;
    this.overlay.delete(key);
    if (this.frozenRow(key) >= 0) this.removed.add(key);
    return had;
  }

  *[Symbol.iterator](): IterableIterator<[string, UrlHit]> {
    for (let row = 0; row < this.saved.urlSlots.length; row++) {
      const key = this.keyAt(row);
      if (!this.overlay.has(key) && !this.removed.has(key)) yield [key, [this.saved.urlSlots[row]!, this.saved.urlNs[row]!]];
    }
    yield* this.overlay;
  }

  /** Everything, frozen: what a save writes and a load reads back as is. */
  save(): SavedUrls {
    const rows = [...this];
    let cap = 16;
    while (cap < rows.length * 2) cap *= 2;
    const urlTable = new Int32Array(rows.length ? cap : 0);
    rows.forEach(([key], row) => {
      let i = termHash(key) & (cap - 1);
      while (urlTable[i] !== 0) i = (i + 1) & (cap - 1);
      urlTable[i] = row + 1;
    });
    return {
      urls: rows.map(([u]) => u).join('\n'),
      urlSlots: Int32Array.from(rows, ([, [s]]) => s),
      urlNs: Int32Array.from(rows, ([, [, n]]) => n),
      urlTable,
    };
  }
}
