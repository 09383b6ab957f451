/** The words of the document being added to the text index, summed per term before they meet it. */

/**
 * Collects the weighted frequencies of the document being added by term hash, in a small
 * open-addressing table of its own, small enough to stay in the cache: a story's ~700 words are
 * ~400 distinct terms, and only those meet the vocabulary (~200k terms), once, at the end
 * (`addDoc`; docs/benchmarks.md). One writer (a class, so
 * the scanner's call to `add` stays monomorphic) serves every document of a batch in turn.
 */
export class DocWriter {
  /**
   * Cell i is `cells[2i]` (the hash, 0: empty) and `cells[2i + 1]` (the summed weight in
   * halves: every field weight is a multiple of ½), side by side so a word touches one cache line.
   */
  cells = new Int32Array(2 << 12);
  /** Used cells, in order of first sight (`size` of them): reused from document to document, so a build allocates nothing per document. */
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

/**
 * Receives each word of a document with the weight of the word's field. `hash` is the word's
 * `termHash` as an int32 (`| 0`, the same bits): uint32s above 2^31 are heap numbers in V8.
 */
export interface TermSink {
  add(hash: number, weight: number): void;
}
