/**
 * What an index read lazily (a waking worker's: see index-file.ts) still has on disk, and the one
 * place that reads it. Three sections stay there until a match needs them: the postings (by
 * term), the URL rows (by bucket) and each slot's evidence (by slot). `readForLookup` reads what
 * looking an article up touches, `readForWeighing` what weighing its candidates touches; both
 * run before a match scores (`readForQuery`), and every accessor that meets a part not read
 * throws instead of answering from an unfilled array.
 */
import type { PostingsSource } from './text-index.ts';
import { idOf, readPostings } from './text-index.ts';
import type { StoryIndex } from './story-index.ts';

/** Reads ranges of the sections left on disk (element positions in each section). */
export interface LeftOnDisk extends PostingsSource {
  docs(from: number, to: number): Promise<Uint8Array>;
  /** URL table rows `from`..`to`. */
  urlRows(from: number, to: number): Promise<Int32Array>;
}

/** Which parts of a section (term ids, URL buckets, slots) are still on disk. */
export class Unread {
  private flags: Uint8Array;

  constructor(parts: number) {
    this.flags = new Uint8Array(parts).fill(1);
  }

  has(part: number): boolean {
    return this.flags[part] === 1;
  }

  /** Whether any part is still on disk. */
  any(): boolean {
    return this.flags.includes(1);
  }

  /**
   * Reads the parts of `wanted` still on disk with `read`. They are marked read only once
   * `read` resolves: a failed read is tried again by the next match.
   */
  async read(wanted: Iterable<number>, read: (parts: number[]) => Promise<void>): Promise<void> {
    const parts = [...new Set(wanted)].filter((p) => this.flags[p] === 1);
    if (!parts.length) return;
    await read(parts);
    for (const p of parts) this.flags[p] = 0;
  }
}

/** An index's sections left on disk: where to read them, and which of their parts are still there. */
export interface OnDisk {
  source: LeftOnDisk;
  postings: Unread;
  urlBuckets: Unread;
  evidence: Unread;
}

/** What the parts of an index `loadIndex` leaves on disk start as: all unread. */
export const onDisk = (source: LeftOnDisk, terms: number, urlBuckets: number, slots: number): OnDisk => ({
  source,
  postings: new Unread(terms),
  urlBuckets: new Unread(urlBuckets),
  evidence: new Unread(slots),
});

/** Reads what looking these words and addresses up needs: their postings and URL buckets (a no-op for an index in memory). */
export async function readForLookup(index: StoryIndex, terms: readonly string[], urlKeys: readonly string[]): Promise<void> {
  const disk = index.disk;
  if (!disk) return;
  const ids = terms.map((term) => idOf(index.text, term)).filter((id) => id >= 0);
  await Promise.all([
    disk.postings.read(ids, (wanted) => readPostings(index.text, wanted, disk.source)),
    disk.urlBuckets.read(index.urls.bucketsOf(urlKeys), (wanted) => index.urls.fill(wanted, disk.source.urlRows)),
  ]);
}

/** Reads the evidence of these slots (a no-op for an index in memory). */
export async function readForWeighing(index: StoryIndex, slots: readonly number[]): Promise<void> {
  const disk = index.disk;
  if (!disk) return;
  await disk.evidence.read(slots, (wanted) => index.docs.fill(wanted, disk.source.docs));
}
