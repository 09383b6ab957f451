/**
 * The matcher's index of a story store: a BM25 text index, each story's evidence, and every
 * source URL. Built once per store version, updated in place when stories are added, replaced
 * or removed, and serialisable to plain data (typed arrays, strings) for IndexedDB.
 */
import type { Story } from '../story.ts';
import { normalizeUrl } from '../url.ts';
import { hashOf, indexStory, type StoryDoc } from './story-doc.ts';
import { termTable } from './term-table.ts';
import { addDoc, compact, emptyTextIndex, needsCompaction, removeDoc, type TextIndex } from './text-index.ts';

/** Everything the matcher searches; build it with `buildIndex` or `loadIndex`. */
export interface StoryIndex {
  text: TextIndex;
  /** Each slot's story evidence; undefined for a free slot. */
  docs: (StoryDoc | undefined)[];
  slots: Map<string, number>;
  /** The indexed stories themselves (the store's objects, not copies): headlines and outlets are read from them. */
  stories: Map<string, Story>;
  /** Normalised source URL → [slot, citation number]. */
  urls: Map<string, [number, number]>;
}

/** Bump when the serialised shape or the way stories are indexed changes. */
export const INDEX_FORMAT = 5;

/** An index of `stories`. */
export function buildIndex(stories: readonly Story[]): StoryIndex {
  const index: StoryIndex = { text: emptyTextIndex(), docs: [], slots: new Map(), stories: new Map(), urls: new Map() };
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
  /** The stories' evidence but their figures as one JSON text: one string clones and parses far faster than 10k objects. */
  docs: string;
  /** Every slot's figures (`StoryDoc.figures`) end to end, and where each slot's end: 4 bytes a number, not JSON's 10. */
  figures: Int32Array;
  figureEnds: Uint32Array;
  /** Source URL keys, newline-separated, and the slot and citation number of each. */
  urls: string;
  urlSlots: Int32Array;
  urlNs: Int32Array;
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
  const urls = [...index.urls];
  return {
    format: INDEX_FORMAT, terms: vocab.hashes.slice(0, vocab.size), offsets, post, lens, totalLen,
    docs: JSON.stringify(index.docs.map((d) => d ?? null), (key, v: unknown) => (key === 'figures' ? undefined : v)),
    ...packDocFigures(index.docs),
    urls: urls.map(([u]) => u).join('\n'),
    urlSlots: Int32Array.from(urls, ([, [s]]) => s),
    urlNs: Int32Array.from(urls, ([, [, n]]) => n),
  };
}

/**
 * The index `serializeIndex` saved, over `stories` (whose objects it reads headlines from), or
 * null when the data is of another format or damaged. Indexed stories missing from `stories`
 * are removed; `syncIndex` then brings in the new and the changed ones. Given only the ids in
 * use, the index starts without story objects: the caller puts the few a match reads into
 * `index.stories` (see `storyIdsFor`), so a waking worker need not read every story.
 */
export function loadIndex(data: unknown, stories: readonly Story[] | ReadonlySet<string>): StoryIndex | null {
  const d = data as SerializedIndex | null;
  if (!d || d.format !== INDEX_FORMAT || !(d.terms instanceof Uint32Array) || !(d.offsets instanceof Uint32Array) || !(d.post instanceof Int32Array)) return null;
  if (d.offsets.length !== d.terms.length + 1 || d.offsets[d.terms.length] !== d.post.length || typeof d.docs !== 'string' || typeof d.urls !== 'string') return null;
  let parsed: (StoryDoc | null)[];
  try {
    parsed = JSON.parse(d.docs) as (StoryDoc | null)[];
  } catch {
    return null;
  }
  const urlKeys = d.urls ? d.urls.split('\n') : [];
  if (!Array.isArray(parsed) || parsed.length !== d.lens.length || urlKeys.length !== d.urlSlots?.length) return null;
  if (!(d.figures instanceof Int32Array) || !(d.figureEnds instanceof Uint32Array) || d.figureEnds.length !== parsed.length || (d.figureEnds.at(-1) ?? 0) !== d.figures.length) return null;
  parsed.forEach((doc, slot) => doc && (doc.figures = d.figures.subarray(slot ? d.figureEnds[slot - 1]! : 0, d.figureEnds[slot]!)));
  const text: TextIndex = { ...emptyTextIndex(), vocab: termTable(d.terms, d.terms.length), offsets: d.offsets, post: d.post, lens: d.lens, totalLen: d.totalLen };
  text.df = Array.from({ length: d.terms.length }, (_, t) => d.offsets[t + 1]! - d.offsets[t]!);
  text.live = parsed.filter(Boolean).length;
  const docs = parsed.map((x) => x ?? undefined);
  const slots = new Map<string, number>();
  docs.forEach((doc, slot) => doc && slots.set(doc.id, slot));
  const ids = stories instanceof Set ? stories : null;
  const byId = ids ? null : new Map((stories as readonly Story[]).map((s) => [s.id, s]));
  const indexed = new Map<string, Story>();
  const missing: string[] = [];
  for (const id of slots.keys()) {
    const s = byId?.get(id);
    if (s) indexed.set(id, s);
    else if (!ids?.has(id)) missing.push(id);
  }
  const index: StoryIndex = { text, docs, slots, stories: indexed, urls: new Map(urlKeys.map((u, i) => [u, [d.urlSlots[i]!, d.urlNs[i]!]])) };
  removeStories(index, missing);
  return index;
}
