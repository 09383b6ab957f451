/**
 * The matcher's index of a story store: a BM25 text index, each story's evidence, and every
 * source URL. Built once per store version, updated in place when stories are added, replaced
 * or removed, and serialisable to plain data (typed arrays, strings) for IndexedDB.
 */
import type { Story } from '../story.ts';
import { normalizeUrl } from '../url.ts';
import { hashOf, indexStory, type StoryDoc } from './story-doc.ts';
import { termTable } from './term-table.ts';
import { UrlTable } from './url-table.ts';
import { addDoc, compact, emptyTextIndex, needsCompaction, removeDoc, type PostingsSource, type TextIndex } from './text-index.ts';

/** Everything the matcher searches; build it with `buildIndex` or `loadIndex`. */
export interface StoryIndex {
  text: TextIndex;
  /** Each slot's story evidence; undefined for a free slot. */
  docs: (StoryDoc | undefined)[];
  slots: Map<string, number>;
  /** The indexed stories themselves (the store's objects, not copies): headlines and outlets are read from them. */
  stories: Map<string, Story>;
  /** Normalised source URL → [slot, citation number]. */
  urls: UrlTable;
}

/** Bump when the serialised shape or the way stories are indexed changes. */
export const INDEX_FORMAT = 6;

/** An index of `stories`. */
export function buildIndex(stories: readonly Story[]): StoryIndex {
  const index: StoryIndex = { text: emptyTextIndex(), docs: [], slots: new Map(), stories: new Map(), urls: new UrlTable() };
  addStories(index, stories);
  return index;
}

/** Slots a new story may take: empty ones whose old postings are compacted away, then new ones. */
function* freeSlots(index: StoryIndex): Generator<number> {
  for (let s = 0; s < index.docs.length; s++) if (!index.docs[s] && !index.text.dead.has(s)) yield s;
  for (let s = index.docs.length; ; s++) yield s;
}

/** Removes the stories with these ids (unknown ids are ignored). */
export function removeStories(index: StoryIndex, ids: Iterable<string>): number {
  const gone = new Set<number>();
  for (const id of ids) {
    const slot = index.slots.get(id);
    if (slot === undefined) continue;
    removeDoc(index.text, slot);
    index.docs[slot] = undefined;
    index.slots.delete(id);
    index.stories.delete(id);
    gone.add(slot);
  }
  if (!gone.size) return 0;
  for (const [url, [slot]] of index.urls) if (gone.has(slot)) index.urls.delete(url);
  compact(index.text);
  return gone.size;
}

/** Adds stories; a story whose id is already indexed replaces the old one (if it changed). */
export function addStories(index: StoryIndex, stories: readonly Story[]): number {
  const unique = [...new Map(stories.map((s) => [s.id, s])).values()];
  const changed = unique.filter((s) => index.docs[index.slots.get(s.id) ?? -1]?.hash !== hashOf(s));
  removeStories(index, changed.filter((s) => index.slots.has(s.id)).map((s) => s.id));
  const bulk = index.text.live === 0;
  const slots = freeSlots(index);
  for (const story of changed) {
    const slot = slots.next().value!;
    let doc!: StoryDoc;
    addDoc(index.text, slot, (add) => (doc = indexStory(story, add)));
    index.docs[slot] = doc;
    index.stories.set(doc.id, story);
    index.slots.set(doc.id, slot);
    for (const s of story.sources) {
      const key = normalizeUrl(s.url);
      if (key) index.urls.set(key, [slot, s.n]);
    }
  }
  // An unchanged story keeps its evidence but takes the caller's object (the store's own).
  for (const s of unique) if (index.slots.has(s.id)) index.stories.set(s.id, s);
  if (bulk || needsCompaction(index.text)) compact(index.text);
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
  /** Term hashes by term id. */
  terms: Uint32Array;
  offsets: Uint32Array;
  post: Int32Array;
  lens: number[];
  totalLen: number;
  /**
   * The stories' evidence but their figures, one JSON text a line (an empty line for a free
   * slot): a load parses only the lines a match reads. `ids` is each line's story id.
   */
  docs: string;
  ids: string;
  /** Every slot's figures (`StoryDoc.figures`) end to end, and where each slot's end: 4 bytes a number, not JSON's 10. */
  figures: Int32Array;
  figureEnds: Uint32Array;
  /** Source URL keys, newline-separated, the slot and citation number of each, and their hash table. */
  urls: string;
  urlSlots: Int32Array;
  urlNs: Int32Array;
  urlTable: Int32Array;
}

function packDocFigures(docs: readonly (StoryDoc | undefined)[]): { figures: Int32Array; figureEnds: Uint32Array } {
  const figureEnds = new Uint32Array(docs.length);
  let end = 0;
  docs.forEach((d, slot) => (figureEnds[slot] = end += d?.figures.length ?? 0));
  const figures = new Int32Array(end);
  docs.forEach((d, slot) => d && figures.set(d.figures, figureEnds[slot]! - d.figures.length));
  return { figures, figureEnds };
}

/** Plain data for `loadIndex`; compacts first so the tail and tombstones are not stored. */
export function serializeIndex(index: StoryIndex): SerializedIndex {
  compact(index.text);
  const { vocab, offsets, post, lens, totalLen } = index.text;
  const docs = Array.from({ length: index.docs.length }, (_, slot) => index.docs[slot]);
  return {
    format: INDEX_FORMAT, terms: vocab.hashes.slice(0, vocab.size), offsets, post, lens, totalLen,
    docs: docs.map((d) => (d ? JSON.stringify(d, (key, v: unknown) => (key === 'figures' ? undefined : v)) : '')).join('\n'),
    ids: docs.map((d) => d?.id ?? '').join('\n'),
    ...packDocFigures(docs),
    ...index.urls.save(),
  };
}

/**
 * The index `serializeIndex` saved, over `stories` (whose objects it reads headlines from), or
 * null when the data is of another format or damaged. Indexed stories missing from `stories`
 * are removed; `syncIndex` then brings in the new and the changed ones. Given only the ids in
 * use, the index starts without story objects: the caller puts the few a match reads into
 * `index.stories` (see `storyIdsFor`), so a waking worker need not read every story.
 */
export function loadIndex(data: unknown, stories: readonly Story[] | ReadonlySet<string>, postings: PostingsSource | null = null): StoryIndex | null {
  const d = data as SerializedIndex | null;
  if (!d || d.format !== INDEX_FORMAT || !(d.terms instanceof Uint32Array) || !(d.offsets instanceof Uint32Array) || !(d.post instanceof Int32Array)) return null;
  if (d.offsets.length !== d.terms.length + 1 || d.offsets[d.terms.length] !== d.post.length || typeof d.docs !== 'string' || typeof d.ids !== 'string' || typeof d.urls !== 'string') return null;
  const lines = d.lens.length ? d.docs.split('\n') : [];
  const idList = d.lens.length ? d.ids.split('\n') : [];
  if (lines.length !== d.lens.length || idList.length !== d.lens.length || !(d.urlSlots instanceof Int32Array) || !(d.urlNs instanceof Int32Array) || !(d.urlTable instanceof Int32Array)) return null;
  if (!(d.figures instanceof Int32Array) || !(d.figureEnds instanceof Uint32Array) || d.figureEnds.length !== lines.length || (d.figureEnds.at(-1) ?? 0) !== d.figures.length) return null;
  const text: TextIndex = { ...emptyTextIndex(), vocab: termTable(d.terms, d.terms.length), offsets: d.offsets, post: d.post, lens: d.lens, totalLen: d.totalLen };
  const df: number[] = new Array(d.terms.length);
  for (let t = 0; t < df.length; t++) df[t] = d.offsets[t + 1]! - d.offsets[t]!;
  text.df = df;
  if (postings) text.pending = { source: postings, loaded: new Uint8Array(d.terms.length) };
  const slots = new Map<string, number>();
  idList.forEach((id, slot) => id && slots.set(id, slot));
  text.live = slots.size;
  const docs = lazyDocs(lines, (slot) => d.figures.subarray(slot ? d.figureEnds[slot - 1]! : 0, d.figureEnds[slot]!));
  const ids = stories instanceof Set ? stories : null;
  const byId = ids ? null : new Map((stories as readonly Story[]).map((s) => [s.id, s]));
  const indexed = new Map<string, Story>();
  const missing: string[] = [];
  for (const id of slots.keys()) {
    const s = byId?.get(id);
    if (s) indexed.set(id, s);
    else if (!ids?.has(id)) missing.push(id);
  }
  const index: StoryIndex = { text, docs, slots, stories: indexed, urls: new UrlTable({ urls: d.urls, urlSlots: d.urlSlots, urlNs: d.urlNs, urlTable: d.urlTable }) };
  // An index without its postings is for this exact store version: nothing can be missing.
  if (!postings) removeStories(index, missing);
  return index;
}

/**
 * The docs of a loaded index as an array that parses a slot's line the first time it is read:
 * a match reads five of ten thousand. Writes and every other array use go to the plain array.
 */
function lazyDocs(lines: string[], figuresOf: (slot: number) => Int32Array): (StoryDoc | undefined)[] {
  const parsed: (StoryDoc | undefined)[] = new Array(lines.length);
  const pending = new Uint8Array(lines.length).fill(1);
  return new Proxy(parsed, {
    get(target, prop, receiver) {
      if (typeof prop === 'string') {
        const slot = +prop;
        if (slot >= 0 && slot < pending.length && pending[slot] && String(slot) === prop) {
          pending[slot] = 0;
          const line = lines[slot]!;
          if (line) target[slot] = { ...(JSON.parse(line) as StoryDoc), figures: figuresOf(slot) };
        }
      }
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value, receiver) {
      const slot = typeof prop === 'string' ? +prop : NaN;
      if (slot >= 0 && slot < pending.length) pending[slot] = 0;
      return Reflect.set(target, prop, value, receiver);
    },
  });
}
