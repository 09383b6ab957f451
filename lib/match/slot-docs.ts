/**
 * Each slot's story evidence (`StoryDoc`) and story id. An index built here holds the evidence
 * as objects; a loaded one holds the saved JSON of every slot end to end and parses a slot's the
 * first time it is read: a match reads five of ten thousand. When the saved evidence was left
 * on disk (on-disk.ts), a slot must be read from there (`fill`) before it is parsed.
 */
import type { Unread } from './on-disk.ts';
import type { StoryDoc } from './story-doc.ts';

/** The evidence as `serializeIndex` saves it. */
export interface SavedDocs {
  /** Each slot's evidence as one JSON text in UTF-8, end to end (empty for a free slot). */
  docs: Uint8Array;
  /** Where each slot's text ends. */
  docEnds: Uint32Array;
  /** Each slot's story id ('' for a free slot). */
  ids: string[];
}

/** Where a slot's part of an array cut by slot starts and ends, given each slot's end. */
export const span = (ends: Uint32Array, slot: number): [number, number] => [slot ? ends[slot - 1]! : 0, ends[slot]!];

export class SlotDocs {
  private docs: (StoryDoc | undefined)[] = [];
  private ids: string[] = [];
  /** Slots whose saved text is not parsed yet (1), when loaded. */
  private unparsed: Uint8Array | null = null;
  private decoder: TextDecoder | null = null;

  /** `unread`: the slots whose saved text is still on disk, when it was left there. */
  constructor(
    private saved: SavedDocs | null = null,
    private unread: Unread | null = null,
  ) {
    if (!saved) return;
    this.ids = [...saved.ids];
    this.docs = new Array(saved.ids.length);
    this.unparsed = new Uint8Array(saved.ids.length).fill(1);
    this.decoder = new TextDecoder();
  }

  /** How many slots there are, free ones included. */
  get length(): number {
    return this.ids.length;
  }

  /** The story id in `slot` ('' for a free slot), without reading its evidence. */
  idOf(slot: number): string {
    return this.ids[slot] ?? '';
  }

  /** The evidence in `slot`; undefined for a free slot or one out of range. */
  get(slot: number): StoryDoc | undefined {
    if (this.unparsed?.[slot]) this.parse(slot);
    return this.docs[slot];
  }

  /** Puts `doc` in `slot` (undefined frees it). */
  set(slot: number, doc: StoryDoc | undefined): void {
    if (this.unparsed && slot < this.unparsed.length) this.unparsed[slot] = 0;
    this.docs[slot] = doc;
    this.ids[slot] = doc?.id ?? '';
  }

  /** Reads the saved text of these slots from `read`, for evidence left on disk. */
  async fill(slots: readonly number[], read: (from: number, to: number) => Promise<Uint8Array>): Promise<void> {
    const saved = this.saved!;
    await Promise.all(
      slots.map(async (slot) => {
        const [from, to] = span(saved.docEnds, slot);
        if (to > from) saved.docs.set(await read(from, to), from);
      }),
    );
  }

  private parse(slot: number): void {
    if (this.unread?.has(slot)) throw new Error(`slot ${slot}'s evidence was not read (see on-disk.ts)`);
    const line = this.decoder!.decode(this.saved!.docs.subarray(...span(this.saved!.docEnds, slot)));
    this.docs[slot] = line ? (JSON.parse(line) as StoryDoc) : undefined;
    this.unparsed![slot] = 0;
  }
}
