/**
 * FNV-1a (32 bits), the one string hash of the extension: term ids and URL keys in the match
 * index, story fingerprints, the store's "did this change" tags, the alert ledger's keys (64
 * bits: two independent 32). Fast and well spread over
 * short keys; not for security. Hashes are int32s (`| 0` bits): a uint32 above 2^31 is a heap
 * number in V8, so the hot loops stay in small integers and callers take `>>> 0` when they
 * need the unsigned value.
 */

/** The offset basis, as an int32 (the same bits as 0x811c9dc5). */
export const FNV_BASIS = 0x811c9dc5 | 0;
const PRIME = 0x01000193;

/** `h` with one more code unit (or any 32-bit number: a length, a count) mixed in. */
export const fnvStep = (h: number, unit: number): number => Math.imul(h ^ unit, PRIME);

/** FNV-1a of `text[from..to)`, continuing from `h` (the basis for a fresh hash). */
export function fnv1a(text: string, h = FNV_BASIS, from = 0, to = text.length): number {
  for (let i = from; i < to; i++) h = fnvStep(h, text.charCodeAt(i));
  return h;
}

/** A second, independent 32 bits (FNV-1a with another basis and a final mix). */
export function fnv1aHigh(text: string): number {
  let h = fnv1a(text, 0x9e3779b9 | 0);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) | 0;
}

const hex8 = (h: number) => (h >>> 0).toString(16).padStart(8, '0');

/**
 * 64 bits of `text` as 16 hex digits: what is kept in place of a text that only needs to be
 * recognised again (the alert ledger's keys). Kept values depend on it: changing it makes them
 * unrecognisable.
 */
export const hash64 = (text: string): string => hex8(fnv1a(text)) + hex8(fnv1aHigh(text));
