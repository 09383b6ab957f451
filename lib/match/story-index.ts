/**
 * The matcher's index of a story store: a BM25 text index, each story's evidence, and every
 * source URL. Built once per store version, updated in place when stories are added, replaced
 * or removed, and serialisable to plain data (typed arrays, strings) for IndexedDB.
 */
import type { Story } from '../story/story.ts';
import { normalizeUrl } from '../url.ts';
import { DocWriter } from './doc-writer.ts';
import { StoryScan } from './scan.ts';
import { hashOf, indexStory } from './story-doc.ts';
import { beginBulk, endBulk } from './bulk.ts';
import { onDisk, type LeftOnDisk, type OnDisk } from './on-disk.ts';
import { SlotDocs } from './slot-docs.ts';
import { frozenTermTable, sortedTerms } from './term-table.ts';
import { BUCKETS, UrlTable } from './url-table.ts';
import { addDoc, compact, emptyTextIndex, needsCompaction, removeDoc, type TextIndex } from './text-index.ts';

/** Everything the matcher searches; build it with `buildIndex` or `loadIndex`. */
export interface StoryIndex {
  text: TextIndex;
  /** Each slot's story evidence and story id (`docs.get(slot)`, `docs.idOf(slot)`). */
  docs: SlotDocs;
  slots: Map<string, number>;
  /** The indexed stories themselves (the store's objects, not copies): headlines and outlets are read from them. */
  stories: Map<string, Story>;
  /** Normalised source URL → [slot, citation number]. */
  urls: UrlTable;
  /** The sections still on disk, for an index loaded lazily (on-disk.ts reads them); null when all is in memory. */
  disk: OnDisk | null;
}

/** Only an index with every part in memory can change (`indexFor` reads the file whole for that). */
function assertWhole(index: StoryIndex): void {
  if (index.disk) throw new Error('the index was loaded with parts left on disk and cannot be changed');
}

/** Bump when the serialised shape or the way stories are indexed changes. */
export const INDEX_FORMAT = 17;

/** An index of `stories`. */
export function buildIndex(stories: readonly Story[]): StoryIndex {
  const index: StoryIndex = {
    text: emptyTextIndex(),
    docs: new SlotDocs(),
    slots: new Map(),
    stories: new Map(),
    urls: new UrlTable(),
    disk: null,
  };
  addStories(index, stories);
  return index;
}

/** Slots a new story may take: empty ones whose old postings are compacted away, then new ones. */
function* freeSlots(index: StoryIndex): Generator<number> {
  for (let s = 0; s < index.docs.length; s++) if (!index.docs.idOf(s) && !index.text.dead.has(s)) yield s;
  for (let s = index.docs.length; ; s++) yield s;
}

/** Removes the stories with these ids (unknown ids are ignored). */
export function removeStories(index: StoryIndex, ids: Iterable<string>): number {
  assertWhole(index);
  const gone = new Set<number>();
  for (const id of ids) {
    const slot = index.slots.get(id);
    if (slot === undefined) continue;
    removeDoc(index.text, slot);
    index.docs.set(slot, undefined);
    index.slots.delete(id);
    index.stories.delete(id);
    gone.add(slot);
  }
  if (!gone.size) return 0;
  index.urls.deleteSlots(gone);
  compact(index.text);
  return gone.size;
}

/** Adds stories; a story whose id is already indexed replaces the old one (if it changed). */
export function addStories(index: StoryIndex, stories: readonly Story[]): number {
  assertWhole(index);
  const unique = [...new Map(stories.map((s) => [s.id, s])).values()];
  // Each story's fingerprint once: it decides what changed and is kept with the new evidence.
  const changed: { story: Story; hash: string }[] = [];
  for (const story of unique) {
    const hash = hashOf(story);
    if (index.docs.get(index.slots.get(story.id) ?? -1)?.hash !== hash) changed.push({ story, hash });
  }
  removeStories(
    index,
    changed.filter(({ story }) => index.slots.has(story.id)).map(({ story }) => story.id),
  );
  const blank = index.text.live === 0;
  const bulk = beginBulk(index.text, changed.length);
  const slots = freeSlots(index);
  // One scanner and one writer for the batch: their buffers are reused from story to story.
  const scan = new StoryScan();
  const words = new DocWriter();
  for (const { story, hash } of changed) {
    const slot = slots.next().value!;
    const doc = indexStory(story, words, hash, scan);
    addDoc(index.text, slot, words);
    index.docs.set(slot, doc);
    index.stories.set(doc.id, story);
    index.slots.set(doc.id, slot);
    for (const s of story.sources) {
      const key = normalizeUrl(s.url);
      if (key) index.urls.set(key, [slot, s.n]);
    }
  }
  // An unchanged story keeps its evidence but takes the caller's object (the store's own).
  for (const s of unique) if (index.slots.has(s.id)) index.stories.set(s.id, s);
  if (bulk) endBulk(index.text);
  else if (blank || needsCompaction(index.text)) compact(index.text);
  return changed.length;
}

/**
 * Brings the index to exactly `stories`: removes the ones that are gone, adds the new ones and
 * re-indexes the changed ones. Returns how many stories it touched (0: nothing changed).
 */
export function syncIndex(index: StoryIndex, stories: readonly Story[]): number {
  const keep = new Set(stories.map((s) => s.id));
  const gone = [...index.slots.keys()].filter((id) => !keep.has(id));
  return removeStories(index, gone) + addStories(index, stories);
}

/** The index as plain data that structured-clones (IndexedDB) or JSON-encodes. */
export interface SerializedIndex {
  format: number;
  /** Term hashes ascending; a term's id is its rank (see `TermTable.frozen`). */
  terms: Uint32Array;
  offsets: Uint32Array;
  post: Int32Array;
  lens: number[];
  totalLen: number;
  /**
   * The stories' evidence, one JSON text a slot end to end in UTF-8 (empty for a free slot), and
   * where each slot's ends: a load decodes and parses only the slots a match reads. `ids` is
   * each slot's story id, a line each.
   */
  docs: Uint8Array;
  docEnds: Uint32Array;
  ids: string;
  /** Source URL keys' hashes and hits, by bucket (see url-table.ts). */
  urlRows: Int32Array;
  urlBuckets: Uint32Array;
}

/** Each slot's part end to end in one array, and where each slot's part ends (see slot-docs.ts's `span`). */
function cutBySlot(parts: readonly Uint8Array[]): { all: Uint8Array; ends: Uint32Array } {
  const ends = new Uint32Array(parts.length);
  let end = 0;
  parts.forEach((p, slot) => (ends[slot] = end += p.length));
  const all = new Uint8Array(end);
  parts.forEach((p, slot) => all.set(p, ends[slot]! - p.length));
  return { all, ends };
}

/**
 * The postings with the terms renumbered in the order of their hashes: the saved vocabulary is
 * then the sorted hashes alone, a term's id its rank (no id table to read as the worker wakes).
 */
function inHashOrder(text: TextIndex): { sorted: Uint32Array; offsets: Uint32Array; post: Int32Array } {
  const { sorted, ids } = sortedTerms(text.vocab);
  if (!ids) return { sorted, offsets: text.offsets, post: text.post };
  const offsets = new Uint32Array(ids.length + 1);
  const post = new Int32Array(text.post.length);
  for (let k = 0; k < ids.length; k++) {
    const from = text.offsets[ids[k]!]!;
    const to = text.offsets[ids[k]! + 1]!;
    post.set(text.post.subarray(from, to), offsets[k]!);
    offsets[k + 1] = offsets[k]! + to - from;
  }
  return { sorted, offsets, post };
}

/** Plain data for `loadIndex`; compacts first so the tail and tombstones are not stored. */
export function serializeIndex(index: StoryIndex): SerializedIndex {
  assertWhole(index);
  compact(index.text);
  const { lens, totalLen } = index.text;
  const { sorted, offsets, post } = inHashOrder(index.text);
  const docs = Array.from({ length: index.docs.length }, (_, slot) => index.docs.get(slot));
  const enc = new TextEncoder();
  const texts = cutBySlot(docs.map((d) => enc.encode(d ? JSON.stringify(d) : '')));
  return {
    format: INDEX_FORMAT,
    terms: sorted,
    offsets,
    post,
    lens,
    totalLen,
    docs: texts.all,
    docEnds: texts.ends,
    ids: docs.map((d) => d?.id ?? '').join('\n'),
    ...index.urls.save(),
  };
}

/**
 * The index `serializeIndex` saved, over `stories` (whose objects it reads headlines from), or
 * null when the data is of another format or damaged. Indexed stories missing from `stories`
 * are removed; `syncIndex` then brings in the new and the changed ones. Given only the ids in
 * use, the index starts without story objects: the caller puts the few a match reads into
 * `index.stories` (see `readForQuery`), so a waking worker need not read every story.
 */
export function loadIndex(
  data: unknown,
  stories: readonly Story[] | ReadonlySet<string>,
  disk: LeftOnDisk | null = null,
): StoryIndex | null {
  const d = data as SerializedIndex | null;
  if (
    !d ||
    d.format !== INDEX_FORMAT ||
    !(d.terms instanceof Uint32Array) ||
    !(d.offsets instanceof Uint32Array) ||
    !(d.post instanceof Int32Array)
  )
    return null;
  if (
    d.offsets.length !== d.terms.length + 1 ||
    d.offsets[d.terms.length] !== d.post.length ||
    !(d.docs instanceof Uint8Array) ||
    !(d.docEnds instanceof Uint32Array) ||
    typeof d.ids !== 'string' ||
    !(d.urlRows instanceof Int32Array) ||
    !(d.urlBuckets instanceof Uint32Array)
  )
    return null;
  const idList = d.lens.length ? d.ids.split('\n') : [];
  if (
    d.docEnds.length !== d.lens.length ||
    (d.docEnds.at(-1) ?? 0) !== d.docs.length ||
    idList.length !== d.lens.length ||
    d.urlRows.length !== 4 * (d.urlBuckets.at(-1) ?? -1)
  )
    return null;
  const text: TextIndex = {
    ...emptyTextIndex(),
    vocab: frozenTermTable(d.terms),
    offsets: d.offsets,
    post: d.post,
    lens: d.lens,
    totalLen: d.totalLen,
  };
  const df: number[] = new Array(d.terms.length);
  for (let t = 0; t < df.length; t++) df[t] = d.offsets[t + 1]! - d.offsets[t]!;
  text.df = df;
  const slots = new Map<string, number>();
  idList.forEach((id, slot) => id && slots.set(id, slot));
  text.live = slots.size;
  const ids = stories instanceof Set ? stories : null;
  const byId = ids ? null : new Map((stories as readonly Story[]).map((s) => [s.id, s]));
  const indexed = new Map<string, Story>();
  const missing: string[] = [];
  for (const id of slots.keys()) {
    const s = byId?.get(id);
    if (s) indexed.set(id, s);
    else if (!ids?.has(id)) missing.push(id);
  }
  // What was left on disk is read part by part as matches need it (on-disk.ts), into the arrays it was cut from.
  const left = disk && onDisk(disk, d.terms.length, BUCKETS, d.lens.length);
  const index: StoryIndex = {
    text,
    docs: new SlotDocs({ docs: d.docs, docEnds: d.docEnds, ids: idList }, left?.evidence),
    slots,
    stories: indexed,
    urls: new UrlTable({ urlRows: d.urlRows, urlBuckets: d.urlBuckets }, left?.urlBuckets),
    disk: left,
  };
  // An index with parts left on disk is for this exact store version: nothing can be missing.
  if (!left) removeStories(index, missing);
  return index;
}
