/**
 * The story side of tokenising, fused into one loop per text: word hashes (the `termHash` of
 * each token `tokenize` gives) and the proper names of running text (as `names` counts them), without a callback
 * per word or a string per word: building the index of a 10k-story store reads ~55 MB of text,
 * and the loop over it is the build's cost (docs/benchmarks.md).
 * Queries keep using tokenize.ts (one article at a time); a unit test holds the two to the
 * same answers.
 */
import { CALENDAR, CAPS, capsOf, clean, cleanHash, isNameCase, isStopHash, kindOf, MONTH_ABBREVIATIONS, wordEnd } from './tokenize.ts';
import { FNV_BASIS, fnvStep } from './fnv.ts';
import { termHash } from './term-table.ts';
import type { TermSink } from './doc-writer.ts';

// As int32s, like the hashes the scan works with.
const CALENDAR_HASHES = new Set([...CALENDAR].map((w) => termHash(w) | 0));
const MONTH_HASHES = new Set([...MONTH_ABBREVIATIONS].map((w) => termHash(w) | 0));

/** Whether the character at `i` starts a word (letters and numbers in any script). */
const isWordAt = (text: string, i: number) => kindOf(text, i) !== 0;

/** Whether a word names a day or month (as `names` asks: the whole word, so "Monday's" does not). */
// (An abbreviated month is ASCII: the ASCII path below checks for it.)
const isCalendar = (text: string, start: number, end: number, h: number) =>
  CALENDAR_HASHES.has(h) && CALENDAR.has(text.slice(start, end).toLowerCase());

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

  /** Like `words`, and counts the proper names (`isNameCase` words not starting a sentence). */
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
    const n = text.length;
    const sink = this.sink;
    let sentenceStart = true;
    // The last word was in capitals (`isNameCase`).
    let afterCapitals = false;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) {
        if (c >= 128 && isWordAt(text, i)) {
          // A word that starts outside ASCII: the general road (rare in English stories).
          const end = wordEnd(text, i);
          const h = cleanHash(text, i, end) | 0;
          if (h) sink.add(h, weight);
          if (prose) {
            // Capitals outside ASCII are never an acronym (`capsOf`).
            if (h && !sentenceStart && capsOf(text, i, end) === CAPS.capitalised && !isCalendar(text, i, end, h))
              this.count(h, text, i, end);
            sentenceStart = afterCapitals = false;
          }
          i = end;
          continue;
        }
        // Between words only sentence ends matter to names (runs of names need no tracking
        // here: every capitalised word counts on its own, as `names` counts them): ., !, ?, :,
        // ; and a line break (tokenize.ts's SENTENCE_END, by code for speed).
        if (c === 46 || c === 10 || c === 33 || c === 63 || c === 58 || c === 59) sentenceStart = true;
        i++;
        continue;
      }
      const start = i;
      // FNV-1a of the lower-cased word, as `termHash` gives it.
      let h = FNV_BASIS;
      let d = c;
      for (;;) {
        if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) h = fnvStep(h, d);
        else if (d >= 65 && d <= 90) h = fnvStep(h, d | 32);
        else break;
        if (++i === n) break;
        d = text.charCodeAt(i);
      }
      if (i < n && (d >= 128 || d === 39)) {
        // Letters outside ASCII, or an apostrophe: `wordEnd` and `cleanHash` know them.
        const end = wordEnd(text, start);
        if (end !== i) {
          i = end;
          h = cleanHash(text, start, end) | 0;
          if (h) sink.add(h, weight);
          if (prose) {
            const caps = c >= 65 && c <= 90 ? capsOf(text, start, end) : CAPS.lower;
            if (h && !sentenceStart && isNameCase(caps, end - start, afterCapitals) && !isCalendar(text, start, end, h))
              this.count(h, text, start, end);
            afterCapitals = caps === CAPS.upper;
            sentenceStart = false;
          }
          continue;
        }
      }
      if (i - start < 2) h = 0;
      else {
        // termHash's `>>> 0 || 1`, kept an int32: a hash above 2^31 as a JS number is a heap
        // number, an allocation per word.
        if (h === 0) h = 1;
        if (isStopHash(h)) h = 0;
      }
      if (h) sink.add(h, weight);
      if (prose) {
        const caps = c >= 65 && c <= 90 ? capsOf(text, start, i) : CAPS.lower;
        if (
          h &&
          !sentenceStart &&
          isNameCase(caps, i - start, afterCapitals) &&
          !CALENDAR_HASHES.has(h) &&
          !(MONTH_HASHES.has(h) && text.charCodeAt(i) === 46)
        )
          this.count(h, text, start, i);
        afterCapitals = caps === CAPS.upper;
        sentenceStart = false;
      }
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
