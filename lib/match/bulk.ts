/**
 * Building the text index of a whole store at once. Postings are gathered by term hash, not
 * term id, then sorted by hash in three radix passes: the sorted hashes are the frozen vocabulary
 * the index is saved with (a term's id is its rank), the runs are the postings lists, their
 * lengths the document frequencies. Rule: a bulk build never looks a word up in the vocabulary
 * (~200k terms, far beyond the cache); the vocabulary comes out of the sort (docs/benchmarks.md).
 */
import { frozenTermTable } from './term-table.ts';
import type { TextIndex } from './text-index.ts';

/** (term hash, posting) pairs in arrival order. */
export class BulkPostings {
  hashes: Uint32Array;
  posts: Int32Array;
  size = 0;

  /** `expected`: how many pairs to make room for at once (growing by copies is a build's garbage). */
  constructor(expected = 1 << 16) {
    this.hashes = new Uint32Array(expected);
    this.posts = new Int32Array(expected);
  }

  /** Makes room for `more` pairs. */
  reserve(more: number): void {
    [this.hashes, this.posts] = withRoom(this.hashes, this.posts, this.size, more);
  }

  push(hash: number, post: number): void {
    this.hashes[this.size] = hash;
    this.posts[this.size++] = post;
  }
}

/**
 * Two parallel arrays with `size` entries used and room for `more`: the same arrays, or
 * copies half as long again (or as long as needed).
 */
export function withRoom<A extends Uint32Array | Int32Array>(a: A, b: Int32Array, size: number, more: number): [A, Int32Array] {
  if (size + more <= a.length) return [a, b];
  const cap = Math.max(Math.ceil(a.length * 1.5), size + more);
  const a2 = new (a.constructor as new (length: number) => A)(cap);
  const b2 = new Int32Array(cap);
  a2.set(a.subarray(0, size));
  b2.set(b.subarray(0, size));
  return [a2, b2];
}

/** Whether `ix` holds no terms at all, so a bulk build may fill it. */
const isBlank = (ix: TextIndex) => ix.vocab.size === 0 && ix.tailSize === 0 && ix.offsets.length <= 1;

/**
 * A story's distinct terms, about: generated stores (bench/generate.ts) have ~390 and real
 * stories a few hundred, so a build rarely grows its buffers.
 */
const TERMS_PER_DOC = 400;

/** Starts a bulk build of about `docs` documents on a blank index (returns false, doing nothing, on any other). */
export function beginBulk(ix: TextIndex, docs: number): boolean {
  if (!isBlank(ix)) return false;
  ix.bulk = new BulkPostings(Math.max(1 << 12, docs * TERMS_PER_DOC));
  return true;
}

/** Ends a bulk build: the gathered postings become the index's frozen segment and vocabulary. */
export function endBulk(ix: TextIndex): void {
  const bulk = ix.bulk;
  if (!bulk) return;
  ix.bulk = null;
  const n = bulk.size;
  // Stable LSD radix sort on the hash, 11 bits a pass (2,048 counters stay in the fastest
  // cache): postings of a term stay in slot order.
  const keys2 = new Uint32Array(n);
  const vals2 = new Int32Array(n);
  radixPass(bulk.hashes, bulk.posts, keys2, vals2, n, 0);
  radixPass(keys2, vals2, bulk.hashes, bulk.posts, n, 11);
  radixPass(bulk.hashes, bulk.posts, keys2, vals2, n, 22);
  const keys = keys2;
  const vals = vals2;
  // Distinct hashes in order are the vocabulary; where each run starts, the offsets.
  let terms = 0;
  for (let i = 0; i < n; i++) if (i === 0 || keys[i] !== keys[i - 1]) terms++;
  const sorted = new Uint32Array(terms);
  const offsets = new Uint32Array(terms + 1);
  const df = new Array<number>(terms);
  let t = -1;
  for (let i = 0; i < n; i++) {
    if (i === 0 || keys[i] !== keys[i - 1]) {
      if (t >= 0) df[t] = i - offsets[t]!;
      sorted[++t] = keys[i]!;
      offsets[t] = i;
    }
  }
  if (t >= 0) df[t] = n - offsets[t]!;
  offsets[terms] = n;
  ix.vocab = frozenTermTable(sorted);
  ix.offsets = offsets;
  // The last pass wrote into the exact-size buffers: they are the postings as they are.
  ix.post = vals;
  ix.df = df;
}

/** One counting-sort pass of (key, value) pairs on 11 bits of the key from `shift`. */
function radixPass(keys: Uint32Array, vals: Int32Array, toKeys: Uint32Array, toVals: Int32Array, n: number, shift: number): void {
  const start = new Uint32Array(1 << 11);
  for (let i = 0; i < n; i++) start[(keys[i]! >>> shift) & 0x7ff]!++;
  let sum = 0;
  for (let d = 0; d < start.length; d++) {
    const c = start[d]!;
    start[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const at = start[(keys[i]! >>> shift) & 0x7ff]!++;
    toKeys[at] = keys[i]!;
    toVals[at] = vals[i]!;
  }
}
