/**
 * The vocabulary as 32-bit hashes of the terms (the "hashing trick"): an open-addressing table
 * in typed arrays instead of a Map of ~200k strings, so the vocabulary stores no words at all
 * and loads as arrays (docs/benchmarks.md). Two terms whose hashes collide
 * (a handful among 200k) share their statistics, which barely moves a score.
 */
import { fnv1a } from './fnv.ts';

/** FNV-1a of a term, unsigned; never 0, which marks an empty cell. */
export function termHash(term: string): number {
  return fnv1a(term) >>> 0 || 1;
}

/** Term hashes and the open-addressing table that finds their ids. */
export interface TermTable {
  /** Hash of each term id. */
  hashes: Uint32Array;
  size: number;
  cells: Uint32Array;
  ids: Int32Array;
  /**
   * A table loaded from its saved form: the hashes in ascending order, a term's id its rank,
   * searched by bisection. Loading then touches none of the ~200k terms (a waking worker runs
   * cold, interpreted code); the first term added builds the cells.
   */
  frozen?: Uint32Array | null;
}

/** A table over hashes saved in ascending order (`sortedTerms`), ready for lookups at once. */
export function frozenTermTable(sorted: Uint32Array): TermTable {
  return { hashes: new Uint32Array(0), size: sorted.length, cells: new Uint32Array(0), ids: new Int32Array(0), frozen: sorted };
}

/**
 * The table's hashes in ascending order, and the term id of each (none when the ids already
 * are the ranks): what a save writes, renumbering the terms by rank (see `frozenTermTable`).
 */
export function sortedTerms(t: TermTable): { sorted: Uint32Array; ids?: Int32Array } {
  if (t.frozen) return { sorted: t.frozen };
  const ids = new Int32Array(t.size);
  for (let id = 0; id < t.size; id++) ids[id] = id;
  const h = t.hashes;
  ids.sort((a, b) => h[a]! - h[b]!);
  return { sorted: Uint32Array.from(ids, (id) => h[id]!), ids };
}

/** Builds the cells of a frozen table, before a term is added. */
function thaw(t: TermTable): void {
  if (!t.frozen) return;
  const size = t.size;
  const hashes = new Uint32Array(Math.max(1024, size));
  hashes.set(t.frozen);
  Object.assign(t, termTable(hashes, size), { frozen: null });
}

/** A table holding `hashes` (term id = position). */
export function termTable(hashes: Uint32Array = new Uint32Array(1024), size = 0, room = size): TermTable {
  let cap = 2048;
  while (cap < room * 2 + 2) cap *= 2;
  const table: TermTable = { hashes, size: 0, cells: new Uint32Array(cap), ids: new Int32Array(cap) };
  for (let id = 0; id < size; id++) place(table, hashes[id]!, id);
  table.size = size;
  return table;
}

function place(t: TermTable, h: number, id: number): void {
  const mask = t.cells.length - 1;
  let i = h & mask;
  while (t.cells[i] !== 0) i = (i + 1) & mask;
  t.cells[i] = h;
  t.ids[i] = id;
}

/** The id of a term hash, or -1. */
export function lookup(t: TermTable, h: number): number {
  if (t.frozen) {
    const sorted = t.frozen;
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = sorted[mid]!;
      if (v === h) return mid;
      if (v < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
  const mask = t.cells.length - 1;
  for (let i = h & mask; t.cells[i] !== 0; i = (i + 1) & mask) if (t.cells[i] === h) return t.ids[i]!;
  return -1;
}

/** The id of a term hash, adding it when new. */
export function intern(t: TermTable, h: number): number {
  const found = lookup(t, h);
  if (found >= 0) return found;
  thaw(t);
  if ((t.size + 1) * 2 > t.cells.length) {
    const grown = termTable(t.hashes, t.size, t.cells.length);
    t.cells = grown.cells;
    t.ids = grown.ids;
  }
  if (t.size === t.hashes.length) {
    const more = new Uint32Array(t.hashes.length * 2);
    more.set(t.hashes);
    t.hashes = more;
  }
  t.hashes[t.size] = h;
  place(t, h, t.size);
  return t.size++;
}
