/**
 * A compact BM25 inverted index over weighted terms, built for a store of up to ~50k stories
 * in a service worker: the bulk of the postings sit in one Int32Array (a frozen segment, which
 * structured-clones straight into IndexedDB), documents added later go to a small growable
 * tail, removed ones are tombstoned until the next compaction. A general-purpose engine
 * (MiniSearch 7.2.0) needed over a minute and ~340 MB of heap to index 10k generated stories
 * where this needs seconds and ~10 MB: `npm run bench:match -- --minisearch 10000` measures both.
 */

import type { BulkPostings } from './bulk.ts';
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
  /** Set on an index loaded without its postings: where to read them, and which terms are in `post`. */
  pending?: { source: PostingsSource; loaded: Uint8Array } | null;
}

/**
 * Postings this close (in entries: 16 kB) are read together, the gap with them. An article's
 * telling words are rare (most have one posting) and scattered over the file: a wider gap
 * saved a few reads but read a megabyte to use kilobytes.
 */
const MERGE_GAP = 4096;

/** Reads postings `from`..`to` (element positions in the frozen segment) from where they are saved. */
export interface PostingsSource {
  read(from: number, to: number): Promise<Int32Array>;
}

/**
 * Brings the postings of `terms` into an index loaded without them (a no-op otherwise): what
 * scoring those terms needs, and all it needs.
 */
export async function ensurePostings(ix: TextIndex, terms: readonly string[]): Promise<void> {
  const p = ix.pending;
  if (!p) return;
  const wanted = new Set<number>();
  for (const term of terms) {
    const id = idOf(ix, term);
    if (id >= 0 && id + 1 < ix.offsets.length && !p.loaded[id]) wanted.add(id);
  }
  // Every read has a fixed cost far above its bytes': lists close together are read as one.
  const ids = [...wanted].sort((a, b) => ix.offsets[a]! - ix.offsets[b]!);
  const runs: [from: number, to: number][] = [];
  for (const id of ids) {
    const from = ix.offsets[id]!;
    const to = ix.offsets[id + 1]!;
    const last = runs.at(-1);
    if (to === from) continue;
    if (last && from - last[1] <= MERGE_GAP) last[1] = Math.max(last[1], to);
    else runs.push([from, to]);
  }
  await Promise.all(runs.map(async ([from, to]) => ix.post.set(await p.source.read(from, to), from)));
  // Marked only once read: a failed read is tried again by the next match.
  for (const id of ids) p.loaded[id] = 1;
}

/** An empty index. */
export function emptyTextIndex(): TextIndex {
  // Every field from the start (`bulk` and `pending` too): an object that gains one later
  // changes shape, and the code optimised for the old shape is thrown away mid-build.
  return { vocab: termTable(), offsets: new Uint32Array(1), post: new Int32Array(0), tailTerms: new Int32Array(4096), tailPosts: new Int32Array(4096), tailSize: 0, df: [], lens: [], dead: new Set(), live: 0, totalLen: 0, bulk: null, pending: null };
}

function termId(ix: TextIndex, hash: number): number {
  const id = intern(ix.vocab, hash);
  if (id === ix.df.length) ix.df.push(0);
  return id;
}

/** The id of `term`, or -1 when no document has had it. */
export const idOf = (ix: TextIndex, term: string) => lookup(ix.vocab, termHash(term));

/**
 * Collects the weighted frequencies of the document being added by term hash, in a small
 * open-addressing table of its own: a story's ~700 words are ~400 distinct terms, and looking
 * each word up in the vocabulary (~200k terms, megabytes of cells) missed the cache every time.
 * The distinct terms meet the vocabulary once, at the end. One writer (a class, so the
 * scanner's call to `add` stays monomorphic) serves every document in turn.
 */
class DocWriter {
  /**
   * Cell i is `cells[2i]` (the hash, 0: empty) and `cells[2i + 1]` (the summed weight in
   * halves: every field weight is a multiple of ½), side by side so a word touches one cache line.
   */
  cells = new Int32Array(2 << 12);
  /** Used cells, in order of first sight (`size` of them): reused, as a growing array per document was a build's garbage. */
  used = new Int32Array(1 << 11);
  size = 0;

  add(hash: number, weight: number): void {
    const cells = this.cells;
    const mask = (cells.length >> 1) - 1;
    let i = hash & mask;
    for (let h = cells[i << 1]!; h !== 0; h = cells[i << 1]!) {
      if (h === hash) {
        cells[(i << 1) + 1]! += Math.round(weight * 2);
        return;
      }
      i = (i + 1) & mask;
    }
    cells[i << 1] = hash;
    cells[(i << 1) + 1] = Math.round(weight * 2);
    this.used[this.size++] = i;
    // Kept under half full: a long document doubles the table.
    if (this.size === this.used.length) this.grow();
  }

  /** The hash and the weight (in halves) of the k-th term of the document. */
  hash = (k: number) => this.cells[this.used[k]! << 1]!;
  halves = (k: number) => this.cells[(this.used[k]! << 1) + 1]!;

  private grow(): void {
    const old = Array.from({ length: this.size }, (_, k): [number, number] => [this.hash(k), this.halves(k)]);
    this.cells = new Int32Array(this.cells.length * 2);
    this.used = new Int32Array(this.used.length * 2);
    this.size = 0;
    for (const [h, halves] of old) this.add(h, halves / 2);
  }

  /** Empties the table for the next document. */
  clear(): void {
    for (let k = 0; k < this.size; k++) this.cells[this.used[k]! << 1] = 0;
    this.size = 0;
  }
}

const writer = new DocWriter();

/**
 * Receives each word of a document with the weight of the word's field. `hash` is the word's
 * `termHash` as an int32 (`| 0`, the same bits): uint32s above 2^31 are heap numbers in V8.
 */
export interface TermSink {
  add(hash: number, weight: number): void;
}

/** Adds a document at `slot` (which must be free): `write` gives `sink` every word of it. */
export function addDoc(ix: TextIndex, slot: number, write: (sink: TermSink) => void): void {
  write(writer);
  const { cells, used, size } = writer;
  let halves = 0;
  if (ix.bulk) {
    const bulk = ix.bulk;
    bulk.reserve(size);
    // Indexed loops: an iterator here made an object per posting.
    for (let k = 0; k < size; k++) {
      const cell = used[k]! << 1;
      const f2 = cells[cell + 1]!;
      halves += f2;
      bulk.push(cells[cell]!, (slot << TF_BITS) | Math.min(TF_MAX, Math.max(1, f2)));
    }
    writer.clear();
    ix.lens[slot] = halves / 2;
    ix.live++;
    ix.totalLen += halves / 2;
    return;
  }
  if (ix.tailSize + size > ix.tailTerms.length) {
    const cap = Math.max(ix.tailTerms.length * 2, ix.tailSize + size);
    const terms = new Int32Array(cap);
    const posts = new Int32Array(cap);
    terms.set(ix.tailTerms.subarray(0, ix.tailSize));
    posts.set(ix.tailPosts.subarray(0, ix.tailSize));
    ix.tailTerms = terms;
    ix.tailPosts = posts;
  }
  for (let k = 0; k < size; k++) {
    const cell = used[k]! << 1;
    const id = termId(ix, cells[cell]! >>> 0);
    const f2 = cells[cell + 1]!;
    ix.df[id]!++;
    halves += f2;
    ix.tailTerms[ix.tailSize] = id;
    ix.tailPosts[ix.tailSize++] = (slot << TF_BITS) | Math.min(TF_MAX, Math.max(1, f2));
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
  // Only an index with every posting at hand can be rewritten (indexFor reads it whole for that).
  if (ix.pending) throw new Error('the index was loaded without its postings and cannot be changed');
  const n = ix.vocab.size;
  const live = (p: number) => !ix.dead.size || !ix.dead.has(p >> TF_BITS);
  const counts = new Uint32Array(n + 1);
  for (let t = 0; t + 1 < ix.offsets.length; t++) for (let i = ix.offsets[t]!; i < ix.offsets[t + 1]!; i++) if (live(ix.post[i]!)) counts[t]!++;
  for (let i = 0; i < ix.tailSize; i++) if (live(ix.tailPosts[i]!)) counts[ix.tailTerms[i]!]!++;
  const offsets = new Uint32Array(n + 1);
  for (let t = 0; t < n; t++) offsets[t + 1] = offsets[t]! + counts[t]!;
  const post = new Int32Array(offsets[n]!);
  const fill = offsets.slice(0, n);
  for (let t = 0; t + 1 < ix.offsets.length; t++) for (let i = ix.offsets[t]!; i < ix.offsets[t + 1]!; i++) if (live(ix.post[i]!)) post[fill[t]!++] = ix.post[i]!;
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
// allocating two arrays the size of the store per query made the garbage collector the p95.
const buffers = new WeakMap<TextIndex, Scores>();

function scratch(ix: TextIndex): Scores {
  const slots = ix.lens.length;
  let out = buffers.get(ix);
  if (!out || out.score.length < slots) {
    out = { score: new Float64Array(slots + 64), hits: new Uint32Array(slots + 64), touched: [] };
    buffers.set(ix, out);
  }
  for (const s of out.touched) (out.score[s] = 0), (out.hits[s] = 0);
  out.touched = [];
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
