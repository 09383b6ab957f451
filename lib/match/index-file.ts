/**
 * The saved match index as one binary file: a small JSON header, each typed array as raw bytes,
 * the texts as UTF-8, and the postings last. A waking service worker reads everything but the
 * postings with one file read, views the arrays in place (no structured clone of tens of
 * megabytes, which was most of a cold start through IndexedDB), and reads the postings of the
 * few words an article is looked up by as it needs them: two thirds of the file, untouched.
 */
import type { PostingsSource } from './text-index.ts';
import type { SerializedIndex } from './story-index.ts';

const MAGIC = 'FLIX';

type ArrayName = 'terms' | 'offsets' | 'lens' | 'figures' | 'figureEnds' | 'urlSlots' | 'urlNs' | 'urlTable';
const ARRAYS: [ArrayName, 'u32' | 'i32' | 'f64'][] = [
  ['terms', 'u32'], ['offsets', 'u32'], ['lens', 'f64'], ['figures', 'i32'], ['figureEnds', 'u32'], ['urlSlots', 'i32'], ['urlNs', 'i32'], ['urlTable', 'i32'],
];
const TEXTS = ['docs', 'ids', 'urls'] as const;

interface Header {
  storeVersion: string;
  format: number;
  totalLen: number;
  /** Element counts of the ARRAYS, byte lengths of the TEXTS, then the postings' count. */
  lengths: number[];
}

const pad8 = (n: number) => (n + 7) & ~7;
const BYTES = { u32: 4, i32: 4, f64: 8 } as const;

/** Where each section of a file with this header starts, and where the postings start. */
function layout(headerBytes: number, h: Header): { arrays: number[]; texts: number[]; post: number; end: number } {
  let at = pad8(8 + headerBytes);
  const arrays = ARRAYS.map(([, kind], i) => {
    const start = at;
    at += pad8(h.lengths[i]! * BYTES[kind]);
    return start;
  });
  const texts = TEXTS.map((_, i) => {
    const start = at;
    at += h.lengths[ARRAYS.length + i]!;
    return start;
  });
  const post = pad8(at);
  return { arrays, texts, post, end: post + h.lengths[ARRAYS.length + TEXTS.length]! * 4 };
}

/** The index and the store version it is for, as one ArrayBuffer. */
export function packIndex(storeVersion: string, data: SerializedIndex): ArrayBuffer {
  const enc = new TextEncoder();
  const texts = TEXTS.map((name) => enc.encode(data[name]));
  const arrays = ARRAYS.map(([name, kind]) => (kind === 'f64' ? Float64Array.from(data[name] as ArrayLike<number>) : (data[name] as Uint32Array | Int32Array)));
  const h: Header = { storeVersion, format: data.format, totalLen: data.totalLen, lengths: [...arrays.map((a) => a.length), ...texts.map((t) => t.length), data.post.length] };
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

/** Everything but the postings, from `buf` (which holds the file at least up to the postings). */
function sections(buf: ArrayBuffer, h: Header, at: ReturnType<typeof layout>): Record<string, unknown> {
  const out: Record<string, unknown> = { format: h.format, totalLen: h.totalLen };
  ARRAYS.forEach(([name, kind], i) => {
    const n = h.lengths[i]!;
    const view = kind === 'u32' ? new Uint32Array(buf, at.arrays[i]!, n) : kind === 'i32' ? new Int32Array(buf, at.arrays[i]!, n) : new Float64Array(buf, at.arrays[i]!, n);
    // `lens` grows as stories are added, so it is a plain array again.
    out[name] = kind === 'f64' ? Array.from(view) : view;
  });
  const dec = new TextDecoder();
  TEXTS.forEach((name, i) => (out[name] = dec.decode(new Uint8Array(buf, at.texts[i]!, h.lengths[ARRAYS.length + i]!))));
  return out;
}

/** What `packIndex` wrote, the arrays viewing `buf` in place; null for anything else. */
export function unpackIndex(buf: ArrayBuffer): { storeVersion: string; data: SerializedIndex } | null {
  try {
    const head = readHeader(buf);
    if (!head) return null;
    const at = layout(head.headerBytes, head.header);
    if (at.end !== buf.byteLength) return null;
    const out = sections(buf, head.header, at);
    out.post = new Int32Array(buf, at.post, head.header.lengths[ARRAYS.length + TEXTS.length]!);
    return { storeVersion: head.header.storeVersion, data: out as unknown as SerializedIndex };
  } catch {
    return null;
  }
}

/**
 * Reads an index file: whole, or — when `lazy(storeVersion)` says so — everything but the
 * postings, which `postings` then reads by range (`data.post` is the right size, unfilled).
 */
export async function readIndexFile(file: Blob, lazy: (storeVersion: string) => boolean): Promise<{ storeVersion: string; data: SerializedIndex; postings: PostingsSource | null } | null> {
  try {
    const first = readHeader(await file.slice(0, 8 + 64 * 1024).arrayBuffer());
    if (!first || !lazy(first.header.storeVersion)) {
      const whole = unpackIndex(await file.arrayBuffer());
      return whole && { ...whole, postings: null };
    }
    const { header: h, headerBytes } = first;
    const at = layout(headerBytes, h);
    if (at.end !== file.size) return null;
    const out = sections(await file.slice(0, at.post).arrayBuffer(), h, at);
    out.post = new Int32Array(h.lengths[ARRAYS.length + TEXTS.length]!);
    const postings: PostingsSource = { read: async (from, to) => new Int32Array(await file.slice(at.post + from * 4, at.post + to * 4).arrayBuffer()) };
    return { storeVersion: h.storeVersion, data: out as unknown as SerializedIndex, postings };
  } catch {
    return null;
  }
}
