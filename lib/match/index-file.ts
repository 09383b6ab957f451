/**
 * The saved match index as one binary file: a small JSON header, each typed array as raw bytes,
 * the texts as UTF-8; each slot's evidence and the postings last. A waking service worker reads
 * what finds terms, URLs and slots with one file read and views the arrays in place (no
 * structured clone of tens of megabytes, which was most of a cold start through IndexedDB); a
 * match then reads the postings of the few words it looks up and the evidence of the few
 * stories it weighs, by range: five sixths of the file stay untouched.
 */
import type { LeftOnDisk, SerializedIndex } from './story-index.ts';

const MAGIC = 'FLIX';

type ArrayName = 'terms' | 'offsets' | 'lens' | 'docEnds' | 'figureEnds' | 'urlBuckets' | 'urlRows' | 'docs' | 'figures';
type Kind = 'u8' | 'u32' | 'i32' | 'f64';
/** Read as the worker wakes: what finds terms, URLs and slots. */
const EAGER: [ArrayName, Kind][] = [
  ['terms', 'u32'], ['offsets', 'u32'], ['lens', 'f64'], ['docEnds', 'u32'], ['figureEnds', 'u32'], ['urlBuckets', 'u32'],
];
/** Each slot's evidence and the URL rows: a match reads the few slots it weighs and the bucket of its address, by range, like the postings. */
const LAZY: [ArrayName, Kind][] = [['docs', 'u8'], ['figures', 'i32'], ['urlRows', 'i32']];
const ARRAYS = [...EAGER, ...LAZY];
const TEXTS = ['ids'] as const;

interface Header {
  storeVersion: string;
  format: number;
  totalLen: number;
  /** Element counts of the EAGER arrays, byte lengths of the TEXTS, element counts of the LAZY arrays, then the postings' count. */
  lengths: number[];
}

const pad8 = (n: number) => (n + 7) & ~7;
const BYTES = { u8: 1, u32: 4, i32: 4, f64: 8 } as const;

interface Layout {
  /** Where each of ARRAYS starts. */
  arrays: number[];
  texts: number[];
  /** Where the first LAZY array starts: everything before it is read at once. */
  lazy: number;
  post: number;
  end: number;
}

const lengthOf = (h: Header, name: ArrayName | (typeof TEXTS)[number] | 'post'): number => {
  const i = EAGER.findIndex(([n]) => n === name);
  if (i >= 0) return h.lengths[i]!;
  const t = TEXTS.indexOf(name as (typeof TEXTS)[number]);
  if (t >= 0) return h.lengths[EAGER.length + t]!;
  const l = LAZY.findIndex(([n]) => n === name);
  return h.lengths[EAGER.length + TEXTS.length + (l >= 0 ? l : LAZY.length)]!;
};

/** Where each section of a file with this header starts: eager arrays, texts, lazy arrays, postings. */
function layout(headerBytes: number, h: Header): Layout {
  let at = pad8(8 + headerBytes);
  const place = ([name, kind]: [ArrayName, Kind]) => {
    const start = at;
    at += pad8(lengthOf(h, name) * BYTES[kind]);
    return start;
  };
  const eager = EAGER.map(place);
  const texts = TEXTS.map((name) => {
    const start = at;
    at += lengthOf(h, name);
    return start;
  });
  at = pad8(at);
  const lazy = at;
  const arrays = [...eager, ...LAZY.map(place)];
  const post = at;
  return { arrays, texts, lazy, post, end: post + lengthOf(h, 'post') * 4 };
}

/** The index and the store version it is for, as one ArrayBuffer. */
export function packIndex(storeVersion: string, data: SerializedIndex): ArrayBuffer {
  const enc = new TextEncoder();
  const texts = TEXTS.map((name) => enc.encode(data[name]));
  const arrays = ARRAYS.map(([name, kind]) => (kind === 'f64' ? Float64Array.from(data[name] as ArrayLike<number>) : (data[name] as Uint8Array | Uint32Array | Int32Array)));
  const h: Header = { storeVersion, format: data.format, totalLen: data.totalLen, lengths: [...arrays.slice(0, EAGER.length).map((a) => a.length), ...texts.map((t) => t.length), ...arrays.slice(EAGER.length).map((a) => a.length), data.post.length] };
  const header = enc.encode(JSON.stringify(h));
  const at = layout(header.length, h);
  const buf = new ArrayBuffer(at.end);
  const bytes = new Uint8Array(buf);
  bytes.set(enc.encode(MAGIC), 0);
  new DataView(buf).setUint32(4, header.length, true);
  bytes.set(header, 8);
  arrays.forEach((a, i) => bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at.arrays[i]!));
  texts.forEach((t, i) => bytes.set(t, at.texts[i]!));
  bytes.set(new Uint8Array(data.post.buffer, data.post.byteOffset, data.post.byteLength), at.post);
  return buf;
}

function readHeader(start: ArrayBuffer): { header: Header; headerBytes: number } | null {
  const bytes = new Uint8Array(start);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) return null;
  const headerBytes = new DataView(start).getUint32(4, true);
  if (8 + headerBytes > bytes.length) return null;
  return { header: JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerBytes))) as Header, headerBytes };
}

function view(buf: ArrayBuffer, kind: Kind, at: number, n: number): Uint8Array | Uint32Array | Int32Array | number[] {
  // `lens` grows as stories are added, so it is a plain array again.
  if (kind === 'f64') return Array.from(new Float64Array(buf, at, n));
  return kind === 'u8' ? new Uint8Array(buf, at, n) : kind === 'u32' ? new Uint32Array(buf, at, n) : new Int32Array(buf, at, n);
}

/** The eager arrays and the texts, from `buf` (the file at least up to `at.lazy`). */
function eagerSections(buf: ArrayBuffer, h: Header, at: Layout): Record<string, unknown> {
  const out: Record<string, unknown> = { format: h.format, totalLen: h.totalLen };
  EAGER.forEach(([name, kind], i) => (out[name] = view(buf, kind, at.arrays[i]!, lengthOf(h, name))));
  const dec = new TextDecoder();
  TEXTS.forEach((name, i) => (out[name] = dec.decode(new Uint8Array(buf, at.texts[i]!, lengthOf(h, name)))));
  return out;
}

/** What `packIndex` wrote, the arrays viewing `buf` in place; null for anything else. */
export function unpackIndex(buf: ArrayBuffer): { storeVersion: string; data: SerializedIndex } | null {
  try {
    const head = readHeader(buf);
    if (!head) return null;
    const { header: h } = head;
    const at = layout(head.headerBytes, h);
    if (at.end !== buf.byteLength) return null;
    const out = eagerSections(buf, h, at);
    LAZY.forEach(([name, kind], i) => (out[name] = view(buf, kind, at.arrays[EAGER.length + i]!, lengthOf(h, name))));
    out.post = new Int32Array(buf, at.post, lengthOf(h, 'post'));
    return { storeVersion: h.storeVersion, data: out as unknown as SerializedIndex };
  } catch {
    return null;
  }
}

/**
 * Reads an index file: whole, or — when `lazy(storeVersion)` says so — only what finds terms,
 * URLs and slots. The postings and each slot's evidence stay on disk: `data.post`, `data.docs`
 * and `data.figures` are the right size but unfilled, and `disk` reads their ranges.
 */
export async function readIndexFile(file: Blob, lazy: (storeVersion: string) => boolean): Promise<{ storeVersion: string; data: SerializedIndex; disk: LeftOnDisk | null } | null> {
  try {
    const first = readHeader(await file.slice(0, 8 + 64 * 1024).arrayBuffer());
    if (!first || !lazy(first.header.storeVersion)) {
      const whole = unpackIndex(await file.arrayBuffer());
      return whole && { ...whole, disk: null };
    }
    const { header: h, headerBytes } = first;
    const at = layout(headerBytes, h);
    if (at.end !== file.size) return null;
    const bb = await file.slice(0, at.lazy).arrayBuffer();
    const out = eagerSections(bb, h, at);
    out.docs = new Uint8Array(lengthOf(h, 'docs'));
    out.figures = new Int32Array(lengthOf(h, 'figures'));
    out.urlRows = new Int32Array(lengthOf(h, 'urlRows'));
    out.post = new Int32Array(lengthOf(h, 'post'));
    const bytes = (from: number, to: number) => file.slice(from, to).arrayBuffer();
    const docsAt = at.arrays[ARRAYS.findIndex(([n]) => n === 'docs')]!;
    const figuresAt = at.arrays[ARRAYS.findIndex(([n]) => n === 'figures')]!;
    const urlRowsAt = at.arrays[ARRAYS.findIndex(([n]) => n === 'urlRows')]!;
    const disk: LeftOnDisk = {
      read: async (from, to) => new Int32Array(await bytes(at.post + from * 4, at.post + to * 4)),
      docs: async (from, to) => new Uint8Array(await bytes(docsAt + from, docsAt + to)),
      figures: async (from, to) => new Int32Array(await bytes(figuresAt + from * 4, figuresAt + to * 4)),
      // A row is four numbers.
      urlRows: async (from, to) => new Int32Array(await bytes(urlRowsAt + from * 16, urlRowsAt + to * 16)),
    };
    return { storeVersion: h.storeVersion, data: out as unknown as SerializedIndex, disk };
  } catch {
    return null;
  }
}
