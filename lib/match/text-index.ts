/**
 * A compact BM25 inverted index over weighted terms, built for a store of up to ~50k stories
 * in a service worker: the bulk of the postings sit in one Int32Array (a frozen segment, which
 * structured-clones straight into IndexedDB), documents added later go to a small growable
 * tail, removed ones are tombstoned until the next compaction. Why not a general-purpose engine:
 * `npm run bench:match -- --minisearch 10000` measures MiniSearch beside it (docs/benchmarks.md).
 */

import { withRoom, type BulkPostings } from './bulk.ts';
import type { DocWriter } from './doc-writer.ts';
import { intern, lookup, termHash, termTable, type TermTable } from './term-table.ts';

/** BM25 parameters, the usual defaults (Robertson & Zaragoza 2009). */
export const K1 = 1.2;
const B = 0.75;
// A posting packs (slot << 7 | weighted tf × 2, capped), so slots stay below 2^23.
const TF_BITS = 7;
const TF_MAX = (1 << TF_BITS) - 1;
/** Past this many tail postings (~50 stories) a compaction is cheaper than scanning the tail in every query. */
const TAIL_MAX = 20_000;

/** The text index's state: plain data and typed arrays, so it serialises as it is. */
export interface TextIndex {
  /** term hash → term id. */
  vocab: TermTable;
  /** Frozen segment: postings of term id t are `post[offsets[t]..offsets[t+1])`. */
  offsets: Uint32Array;
  post: Int32Array;
  /** Postings added since the segment was frozen: parallel term ids and postings, `tailSize` used. */
  tailTerms: Int32Array;
  tailPosts: Int32Array;
  tailSize: number;
  /** Document frequency by term id, counting only live documents. */
  df: number[];
  /** Weighted length of each slot's document; -1 for a free or removed slot. */
  lens: number[];
  dead: Set<number>;
  live: number;
  totalLen: number;
  /** Set while a bulk build fills an empty index (see bulk.ts): postings by term hash, sorted at the end. */
  bulk?: BulkPostings | null;
}

/**
 * Postings this close (in entries: 16 kB) are read together, the gap with them. An article's
 * telling words are rare (most have one posting) and scattered over the file: the gap is
 * bounded so that a match reads kilobytes, not megabytes (docs/benchmarks.md).
 */
const MERGE_GAP = 4096;

/** Reads postings `from`..`to` (element positions in the frozen segment) from where they are saved. */
export interface PostingsSource {
  read(from: number, to: number): Promise<Int32Array>;
}

/**
 * Reads the postings of the terms `wanted` (ids) into the frozen segment of an index loaded
 * without them (on-disk.ts keeps which are read).
 */
export async function readPostings(ix: TextIndex, wanted: readonly number[], source: PostingsSource): Promise<void> {
  // Every read has a fixed cost far above its bytes': lists close together are read as one.
  const ids = wanted.filter((id) => id + 1 < ix.offsets.length).sort((a, b) => ix.offsets[a]! - ix.offsets[b]!);
  const runs: [from: number, to: number][] = [];
  for (const id of ids) {
    const from = ix.offsets[id]!;
    const to = ix.offsets[id + 1]!;
    const last = runs.at(-1);
    if (to === from) continue;
    if (last && from - last[1] <= MERGE_GAP) last[1] = Math.max(last[1], to);
    else runs.push([from, to]);
  }
  await Promise.all(runs.map(async ([from, to]) => ix.post.set(await source.read(from, to), from)));
}

/** An empty index. */
export function emptyTextIndex(): TextIndex {
  // Every field from the start (`bulk` too): an object that gains one later changes shape, and
  // the code optimised for the old shape is thrown away mid-build.
  return {
    vocab: termTable(),
    offsets: new Uint32Array(1),
    post: new Int32Array(0),
    tailTerms: new Int32Array(4096),
    tailPosts: new Int32Array(4096),
    tailSize: 0,
    df: [],
    lens: [],
    dead: new Set(),
    live: 0,
    totalLen: 0,
    bulk: null,
  };
}

function termId(ix: TextIndex, hash: number): number {
  const id = intern(ix.vocab, hash);
  if (id === ix.df.length) ix.df.push(0);
  return id;
}

/** The id of `term`, or -1 when no document has had it. */
export const idOf = (ix: TextIndex, term: string) => lookup(ix.vocab, termHash(term));

/** Adds the document `writer` holds at `slot` (which must be free), and empties `writer` for the next. */
export function addDoc(ix: TextIndex, slot: number, writer: DocWriter): void {
  const { cells, used, size } = writer;
  const bulk = ix.bulk;
  if (bulk) bulk.reserve(size);
  else [ix.tailTerms, ix.tailPosts] = withRoom(ix.tailTerms, ix.tailPosts, ix.tailSize, size);
  let halves = 0;
  // Indexed loops: an iterator here made an object per posting.
  for (let k = 0; k < size; k++) {
    const cell = used[k]! << 1;
    const f2 = cells[cell + 1]!;
    halves += f2;
    const post = (slot << TF_BITS) | Math.min(TF_MAX, Math.max(1, f2));
    if (bulk) bulk.push(cells[cell]!, post);
    else {
      const id = termId(ix, cells[cell]! >>> 0);
      ix.df[id]!++;
      ix.tailTerms[ix.tailSize] = id;
      ix.tailPosts[ix.tailSize++] = post;
    }
  }
  writer.clear();
  ix.lens[slot] = halves / 2;
  ix.live++;
  ix.totalLen += halves / 2;
}

/**
 * Removes the document at `slot`. Its postings and document frequencies stay until `compact`,
 * which the caller runs after a batch of removals (one pass over the postings).
 */
export function removeDoc(ix: TextIndex, slot: number): void {
  const len = ix.lens[slot] ?? -1;
  if (len < 0) return;
  ix.dead.add(slot);
  ix.lens[slot] = -1;
  ix.live--;
  ix.totalLen -= len;
}

/** Folds the tail into the frozen segment, drops removed postings and recounts df (a counting sort by term). */
export function compact(ix: TextIndex): void {
  const n = ix.vocab.size;
  const live = (p: number) => !ix.dead.size || !ix.dead.has(p >> TF_BITS);
  const counts = new Uint32Array(n + 1);
  for (let t = 0; t + 1 < ix.offsets.length; t++)
    for (let i = ix.offsets[t]!; i < ix.offsets[t + 1]!; i++) if (live(ix.post[i]!)) counts[t]!++;
  for (let i = 0; i < ix.tailSize; i++) if (live(ix.tailPosts[i]!)) counts[ix.tailTerms[i]!]!++;
  const offsets = new Uint32Array(n + 1);
  for (let t = 0; t < n; t++) offsets[t + 1] = offsets[t]! + counts[t]!;
  const post = new Int32Array(offsets[n]!);
  const fill = offsets.slice(0, n);
  for (let t = 0; t + 1 < ix.offsets.length; t++)
    for (let i = ix.offsets[t]!; i < ix.offsets[t + 1]!; i++) if (live(ix.post[i]!)) post[fill[t]!++] = ix.post[i]!;
  for (let i = 0; i < ix.tailSize; i++) if (live(ix.tailPosts[i]!)) post[fill[ix.tailTerms[i]!]!++] = ix.tailPosts[i]!;
  for (let t = 0; t < n; t++) ix.df[t] = counts[t]!;
  ix.offsets = offsets;
  ix.post = post;
  ix.tailTerms = new Int32Array(4096);
  ix.tailPosts = new Int32Array(4096);
  ix.tailSize = 0;
  ix.dead.clear();
}

/** Whether a compaction is worth its cost: the tail (scanned whole by every query) or the tombstones have grown. */
export function needsCompaction(ix: TextIndex): boolean {
  return ix.dead.size > 0.1 * Math.max(ix.live, 1) || ix.tailSize > TAIL_MAX;
}

/** BM25 inverse document frequency (the non-negative "+1" form). */
export function idf(ix: TextIndex, df: number): number {
  return Math.log(1 + (ix.live - df + 0.5) / (df + 0.5));
}

/** The df of `term` among live documents (0 when unknown). */
export function dfOf(ix: TextIndex, term: string): number {
  const id = idOf(ix, term);
  return id < 0 ? 0 : ix.df[id]!;
}

/** One query term with its weight; `bit` < 32 marks it in the per-slot hit masks. */
export interface QueryTerm {
  term: string;
  weight: number;
  bit: number;
}

/** Scores of every slot for the terms, and for each slot which of the terms it contains. */
export interface Scores {
  score: Float64Array;
  hits: Uint32Array;
  touched: number[];
}

// Score buffers are reused from one query to the next (clearing only what the last one touched):
// a query allocates nothing the size of the store, which would make the garbage collector its p95.
const buffers = new WeakMap<TextIndex, Scores>();

function scratch(ix: TextIndex): Scores {
  const slots = ix.lens.length;
  let out = buffers.get(ix);
  if (!out || out.score.length < slots) {
    out = { score: new Float64Array(slots + 64), hits: new Uint32Array(slots + 64), touched: [] };
    buffers.set(ix, out);
  }
  for (const s of out.touched) ((out.score[s] = 0), (out.hits[s] = 0));
  // Emptied, not replaced: it grows to thousands of slots.
  out.touched.length = 0;
  return out;
}

/** The `k` best-scoring slots, best first (a linear pass: the touched slots can be most of the store). */
export function topSlots(scores: Scores, k: number): number[] {
  const top: number[] = [];
  for (const slot of scores.touched) {
    const v = scores.score[slot]!;
    if (top.length === k && v <= scores.score[top[k - 1]!]!) continue;
    let i = Math.min(top.length, k - 1);
    while (i > 0 && scores.score[top[i - 1]!]! < v) i--;
    top.splice(i, 0, slot);
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * Accumulates BM25 over the postings of `query`; terms with a bit (0..31) are recorded in `hits`.
 * The answer is valid until the next call on the same index.
 */
export function score(ix: TextIndex, query: QueryTerm[]): Scores {
  const out = scratch(ix);
  const avg = ix.totalLen / Math.max(ix.live, 1) || 1;
  const visit = (p: number, w: number, mask: number) => {
    const slot = p >> TF_BITS;
    const len = ix.lens[slot]!;
    if (len < 0) return;
    const f = (p & TF_MAX) / 2;
    if (out.score[slot] === 0) out.touched.push(slot);
    out.score[slot]! += (w * f * (K1 + 1)) / (f + K1 * (1 - B + (B * len) / avg));
    out.hits[slot]! |= mask;
  };
  const inTail = new Map<number, [number, number]>();
  for (const q of query) {
    const id = idOf(ix, q.term);
    if (id < 0) continue;
    const mask = q.bit >= 0 ? (1 << q.bit) >>> 0 : 0;
    if (id + 1 < ix.offsets.length) for (let i = ix.offsets[id]!; i < ix.offsets[id + 1]!; i++) visit(ix.post[i]!, q.weight, mask);
    if (ix.tailSize) inTail.set(id, [q.weight, mask]);
  }
  for (let i = 0; i < ix.tailSize; i++) {
    const q = inTail.get(ix.tailTerms[i]!);
    if (q) visit(ix.tailPosts[i]!, q[0], q[1]);
  }
  return out;
}
