/**
 * The saved match index as one binary file: a small JSON header, then each section as raw bytes
 * (typed arrays as they are, the ids as UTF-8); each slot's evidence and the postings last. A waking service worker reads
 * what finds terms, URLs and slots with one file read and views the arrays in place (nothing is
 * copied or structured-cloned as the worker wakes); a match then reads the postings of the few
 * words it looks up and the evidence of the few stories it weighs, by range, and leaves the rest
 * of the file untouched (docs/benchmarks.md).
 */
import type { LeftOnDisk } from './on-disk.ts';
import { INDEX_FORMAT, type SerializedIndex } from './story-index.ts';

const MAGIC = 'FLIX';

type Kind = 'u8' | 'u32' | 'i32' | 'f64';
type Name = 'ids' | 'terms' | 'offsets' | 'lens' | 'docEnds' | 'urlBuckets' | 'docs' | 'urlRows' | 'post';
/** Read as the worker wakes: what finds terms, URLs and slots. */
const EAGER: [Name, Kind][] = [
  ['ids', 'u8'],
  ['terms', 'u32'],
  ['offsets', 'u32'],
  ['lens', 'f64'],
  ['docEnds', 'u32'],
  ['urlBuckets', 'u32'],
];
/** Read by range as a match needs them: its slots' evidence, its address's URL bucket, its words' postings. */
const LAZY: [Name, Kind][] = [
  ['docs', 'u8'],
  ['urlRows', 'i32'],
  ['post', 'i32'],
];
const SECTIONS = [...EAGER, ...LAZY];
const BYTES = { u8: 1, u32: 4, i32: 4, f64: 8 } as const;

interface Header {
  storeVersion: string;
  format: number;
  totalLen: number;
  /** Element count of each of SECTIONS. */
  lengths: number[];
}

const pad8 = (n: number) => (n + 7) & ~7;

/** Where each of SECTIONS starts (each 8-byte aligned), and where the file ends. */
function layout(headerBytes: number, h: Header): { starts: number[]; end: number } {
  let at = pad8(8 + headerBytes);
  const starts = SECTIONS.map(([, kind], i) => {
    const start = at;
    at += pad8(h.lengths[i]! * BYTES[kind]);
    return start;
  });
  return { starts, end: at };
}

/** A section of `data` as the bytes to write. */
function sectionBytes(data: SerializedIndex, name: Name, kind: Kind): Uint8Array {
  if (name === 'ids') return new TextEncoder().encode(data.ids);
  const a = kind === 'f64' ? Float64Array.from(data[name] as ArrayLike<number>) : (data[name] as Uint8Array | Uint32Array | Int32Array);
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** The index and the store version it is for, as one ArrayBuffer. */
export function packIndex(storeVersion: string, data: SerializedIndex): ArrayBuffer {
  const sections = SECTIONS.map(([name, kind]) => sectionBytes(data, name, kind));
  const h: Header = {
    storeVersion,
    format: data.format,
    totalLen: data.totalLen,
    lengths: sections.map((b, i) => b.length / BYTES[SECTIONS[i]![1]]),
  };
  const enc = new TextEncoder();
  const header = enc.encode(JSON.stringify(h));
  const at = layout(header.length, h);
  const buf = new ArrayBuffer(at.end);
  const bytes = new Uint8Array(buf);
  bytes.set(enc.encode(MAGIC), 0);
  new DataView(buf).setUint32(4, header.length, true);
  bytes.set(header, 8);
  sections.forEach((b, i) => bytes.set(b, at.starts[i]!));
  return buf;
}

function readHeader(start: ArrayBuffer): { header: Header; headerBytes: number } | null {
  const bytes = new Uint8Array(start);
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) return null;
  const headerBytes = new DataView(start).getUint32(4, true);
  if (8 + headerBytes > bytes.length) return null;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerBytes))) as Header;
  // Another format is laid out otherwise: it is not read at all (the index is rebuilt).
  return header.format === INDEX_FORMAT && header.lengths?.length === SECTIONS.length ? { header, headerBytes } : null;
}

/** A view of `n` elements of `kind` at `at` in `buf`. */
function view(buf: ArrayBuffer, kind: Kind, at: number, n: number): Uint8Array | Uint32Array | Int32Array | Float64Array {
  return kind === 'u8'
    ? new Uint8Array(buf, at, n)
    : kind === 'u32'
      ? new Uint32Array(buf, at, n)
      : kind === 'i32'
        ? new Int32Array(buf, at, n)
        : new Float64Array(buf, at, n);
}

/** The sections `which` of a file, from `buf` (holding the file from its start at least up to them). */
function sectionsOf(buf: ArrayBuffer, h: Header, starts: number[], which: [Name, Kind][]): Record<string, unknown> {
  const out: Record<string, unknown> = { format: h.format, totalLen: h.totalLen };
  for (const [name, kind] of which) {
    const i = SECTIONS.findIndex(([n]) => n === name);
    const v = view(buf, kind, starts[i]!, h.lengths[i]!);
    // `lens` grows as stories are added, so it is a plain array again.
    out[name] = name === 'ids' ? new TextDecoder().decode(v) : name === 'lens' ? Array.from(v) : v;
  }
  return out;
}

/** What `packIndex` wrote, the arrays viewing `buf` in place; null for anything else. */
export function unpackIndex(buf: ArrayBuffer): { storeVersion: string; data: SerializedIndex } | null {
  try {
    const head = readHeader(buf);
    if (!head) return null;
    const at = layout(head.headerBytes, head.header);
    if (at.end !== buf.byteLength) return null;
    return {
      storeVersion: head.header.storeVersion,
      data: sectionsOf(buf, head.header, at.starts, SECTIONS) as unknown as SerializedIndex,
    };
  } catch {
    return null;
  }
}

/**
 * Reads an index file: whole, or — when `lazy(storeVersion)` says so — only what finds terms,
 * URLs and slots. The postings, each slot's evidence and the URL rows stay on disk: their
 * arrays in `data` are the right size but unfilled, and `disk` reads their ranges.
 */
export async function readIndexFile(
  file: Blob,
  lazy: (storeVersion: string) => boolean,
): Promise<{ storeVersion: string; data: SerializedIndex; disk: LeftOnDisk | null } | null> {
  try {
    const first = readHeader(await file.slice(0, 8 + 64 * 1024).arrayBuffer());
    if (!first || !lazy(first.header.storeVersion)) {
      const whole = unpackIndex(await file.arrayBuffer());
      return whole && { ...whole, disk: null };
    }
    const { header: h, headerBytes } = first;
    const { starts, end } = layout(headerBytes, h);
    if (end !== file.size) return null;
    const out = sectionsOf(await file.slice(0, starts[EAGER.length]).arrayBuffer(), h, starts, EAGER);
    // A range of a lazy section, in its elements.
    const range = (name: Name) => {
      const i = SECTIONS.findIndex(([n]) => n === name);
      const [, kind] = SECTIONS[i]!;
      out[name] = view(new ArrayBuffer(h.lengths[i]! * BYTES[kind]), kind, 0, h.lengths[i]!);
      return async (from: number, to: number) =>
        view(await file.slice(starts[i]! + from * BYTES[kind], starts[i]! + to * BYTES[kind]).arrayBuffer(), kind, 0, to - from);
    };
    const docs = range('docs') as (from: number, to: number) => Promise<Uint8Array>;
    const urlRows = range('urlRows') as (from: number, to: number) => Promise<Int32Array>;
    const post = range('post') as (from: number, to: number) => Promise<Int32Array>;
    // A URL row is four numbers.
    const disk: LeftOnDisk = { read: post, docs, urlRows: (from, to) => urlRows(from * 4, to * 4) };
    return { storeVersion: h.storeVersion, data: out as unknown as SerializedIndex, disk };
  } catch {
    return null;
  }
}
