/**
 * A compact BM25 inverted index over weighted terms, built for a store of up to ~50k stories
 * in a service worker: the bulk of the postings sit in one Int32Array (a frozen segment, which
 * structured-clones straight into IndexedDB), documents added later go to a small growable
 * tail, removed ones are tombstoned until the next compaction. A general-purpose engine
 * (MiniSearch 7.2.0) needed ~19 s and ~340 MB to index 10k generated stories: `npm run
 * bench:match` measures both.
 */

/** BM25 parameters, the usual defaults (Robertson & Zaragoza 2009). */
export const K1 = 1.2;
const B = 0.75;
// A posting packs (slot << 7 | weighted tf × 2, capped), so slots stay below 2^23.
const TF_BITS = 7;
const TF_MAX = (1 << TF_BITS) - 1;

export interface TextIndex {
  /** term → term id. */
  vocab: Map<string, number>;
  /** term id → term (for serialisation). */
  terms: string[];
  /** Frozen segment: postings of term id t are `post[offsets[t]..offsets[t+1])`. */
  offsets: Uint32Array;
  post: Int32Array;
  /** Postings added since the segment was frozen, by term id. */
  tail: Map<number, number[]>;
  /** Document frequency by term id, counting only live documents. */
  df: number[];
  /** Weighted length of each slot's document; -1 for a free or removed slot. */
  lens: number[];
  dead: Set<number>;
  live: number;
  totalLen: number;
}

/** An empty index. */
export function emptyTextIndex(): TextIndex {
  return { vocab: new Map(), terms: [], offsets: new Uint32Array(1), post: new Int32Array(0), tail: new Map(), df: [], lens: [], dead: new Set(), live: 0, totalLen: 0 };
}

function termId(ix: TextIndex, term: string): number {
  let id = ix.vocab.get(term);
  if (id === undefined) {
    id = ix.terms.length;
    ix.vocab.set(term, id);
    ix.terms.push(term);
    ix.df.push(0);
  }
  return id;
}

/** Adds a document (weighted term frequencies) at `slot`, which must be free. */
export function addDoc(ix: TextIndex, slot: number, tf: Map<string, number>): void {
  let len = 0;
  for (const [term, f] of tf) {
    const id = termId(ix, term);
    ix.df[id]!++;
    len += f;
    let list = ix.tail.get(id);
    if (!list) ix.tail.set(id, (list = []));
    list.push((slot << TF_BITS) | Math.min(TF_MAX, Math.max(1, Math.round(f * 2))));
  }
  ix.lens[slot] = len;
  ix.live++;
  ix.totalLen += len;
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

/** Folds the tail into the frozen segment, drops removed postings and recounts df. */
export function compact(ix: TextIndex): void {
  const n = ix.terms.length;
  const old = (t: number) => (t + 1 < ix.offsets.length ? ix.post.subarray(ix.offsets[t]!, ix.offsets[t + 1]!) : []);
  let size = 0;
  for (let t = 0; t < n; t++) size += old(t).length + (ix.tail.get(t)?.length ?? 0);
  const offsets = new Uint32Array(n + 1);
  const post = new Int32Array(size);
  let k = 0;
  for (let t = 0; t < n; t++) {
    offsets[t] = k;
    for (const list of [old(t), ix.tail.get(t) ?? []]) for (const p of list) if (!ix.dead.has(p >> TF_BITS)) post[k++] = p;
    ix.df[t] = k - offsets[t]!;
  }
  offsets[n] = k;
  ix.offsets = offsets;
  ix.post = k === size ? post : post.slice(0, k);
  ix.tail.clear();
  ix.dead.clear();
}

/** Whether a compaction is worth its cost: the tail or the tombstones have grown. */
export function needsCompaction(ix: TextIndex): boolean {
  let tail = 0;
  for (const l of ix.tail.values()) tail += l.length;
  return ix.dead.size > 0.1 * Math.max(ix.live, 1) || tail > 0.1 * Math.max(ix.post.length, 1) + 1000;
}

/** BM25 inverse document frequency (the non-negative "+1" form). */
export function idf(ix: TextIndex, df: number): number {
  return Math.log(1 + (ix.live - df + 0.5) / (df + 0.5));
}

/** The df of `term` among live documents (0 when unknown). */
export function dfOf(ix: TextIndex, term: string): number {
  const id = ix.vocab.get(term);
  return id === undefined ? 0 : ix.df[id]!;
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

/** Accumulates BM25 over the postings of `query`; terms with a bit (0..31) are recorded in `hits`. */
export function score(ix: TextIndex, query: QueryTerm[]): Scores {
  const slots = ix.lens.length;
  const out: Scores = { score: new Float64Array(slots), hits: new Uint32Array(slots), touched: [] };
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
  for (const q of query) {
    const id = ix.vocab.get(q.term);
    if (id === undefined) continue;
    const mask = q.bit >= 0 ? (1 << q.bit) >>> 0 : 0;
    if (id + 1 < ix.offsets.length) for (let i = ix.offsets[id]!; i < ix.offsets[id + 1]!; i++) visit(ix.post[i]!, q.weight, mask);
    for (const p of ix.tail.get(id) ?? []) visit(p, q.weight, mask);
  }
  return out;
}
