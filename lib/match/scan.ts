/**
 * The story side of reading words: every word's hash to the index's sink and the counts of the
 * proper names of running text, straight from `WordCursor` (word-cursor.ts), without a callback
 * or a string per word: building the index of a 10k-story store reads ~55 MB of text, and this
 * loop over it is the build's cost (docs/benchmarks.md).
 */
import { clean, WordCursor } from './word-cursor.ts';
import type { TermSink } from './doc-writer.ts';

/**
 * Scans the texts of one story at a time: `words` and `prose` feed the sink, and `prose` also
 * counts the tokens of its proper names, which `topNames` reads (then `reset` for the next story).
 */
export class StoryScan {
  /**
   * Name token hash → 1 + its position in the arrays below (first seen first, as `names` orders
   * them), in an open-addressing table whose used cells are emptied per story: no allocation
   * per story (a Map here measured slower: docs/benchmarks.md).
   */
  private cells = new Int32Array(1024);
  private at = new Int32Array(1024);
  /** Each name's cell and hash. */
  private cellOf: number[] = [];
  private hashes: number[] = [];
  private counts: number[] = [];
  private texts: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  /** Where the words go: set per story (the index's writer, or a plain counter). */
  sink!: TermSink;

  reset(): void {
    for (const cell of this.cellOf) this.at[cell] = 0;
    this.cellOf.length = this.hashes.length = this.counts.length = this.texts.length = this.starts.length = this.ends.length = 0;
  }

  /** Every word of `text` to the sink with `weight`. */
  words(text: string, weight: number): void {
    this.scan(text, weight, false);
  }

  /** Like `words`, and counts the proper names of running text (`WordCursor.name`). */
  prose(text: string, weight: number): void {
    this.scan(text, weight, true);
  }

  /** The `keep` most frequent name tokens, most frequent first (ties: first seen first), and their counts. */
  topNames(keep: number): { names: string[]; counts: number[] } {
    const order = this.counts
      .map((_, i) => i)
      .sort((a, b) => this.counts[b]! - this.counts[a]! || a - b)
      .slice(0, keep);
    return {
      names: order.map((i) => clean(this.texts[i]!.slice(this.starts[i], this.ends[i]))!),
      counts: order.map((i) => this.counts[i]!),
    };
  }

  private scan(text: string, weight: number, prose: boolean): void {
    const sink = this.sink;
    // A cursor per text, not one kept on `this`: one that never leaves this loop measured cheaper.
    for (const w = new WordCursor(text, prose); w.next();) {
      const h = w.hash;
      if (h === 0) continue;
      sink.add(h, weight);
      if (w.name) this.count(h, text, w.start, w.end);
    }
  }

  private count(h: number, text: string, start: number, end: number): void {
    const mask = this.cells.length - 1;
    let i = h & mask;
    for (; this.at[i] !== 0; i = (i + 1) & mask) {
      if (this.cells[i] === h) {
        this.counts[this.at[i]! - 1]!++;
        return;
      }
    }
    if ((this.counts.length + 1) * 2 > this.cells.length) {
      this.grow();
      return this.count(h, text, start, end);
    }
    this.cells[i] = h;
    this.at[i] = this.counts.length + 1;
    this.cellOf.push(i);
    this.hashes.push(h);
    this.counts.push(1);
    this.texts.push(text);
    this.starts.push(start);
    this.ends.push(end);
  }

  /** Doubles the table (a story with over 512 distinct names). */
  private grow(): void {
    this.cells = new Int32Array(this.cells.length * 2);
    this.at = new Int32Array(this.cells.length);
    const mask = this.cells.length - 1;
    this.hashes.forEach((h, name) => {
      let i = h & mask;
      while (this.at[i] !== 0) i = (i + 1) & mask;
      this.cells[i] = h;
      this.at[i] = name + 1;
      this.cellOf[name] = i;
    });
  }
}
