/** Byte helpers shared by the store's builder, checker and sync: hashing, text and base64. */

import { fnv1a as fnv1aOf } from '../match/fnv.ts';

const encoder = new TextEncoder();
// `fatal`: a shard that is not UTF-8 is corrupt, not something to repair with U+FFFD.
const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes of `text`. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** The text of UTF-8 `bytes`; throws on invalid UTF-8. */
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

/** The SHA-256 of `bytes` as 64 lower-case hex digits (WebCrypto: browsers and Node alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Decodes standard base64 (whitespace ignored); null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Standard base64 of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** FNV-1a (32-bit) of a string as 8 hex digits: a cheap tag for "did this change", not security. */
export function fnv1a(text: string): string {
  return (fnv1aOf(text) >>> 0).toString(16).padStart(8, '0');
}
