/**
 * Whether two names a store gave one thing are the same name, a typo fixed or its spelling
 * tidied: an update that only corrects "Patient Advocacy Grups" is not news to a reader
 * following the story (a reader's journey, 2026-12-07: it was told "Now represented").
 */

/** Letters and digits only, lower case: "Patient-Advocacy  Groups" and "patient advocacy groups" are one. */
const letters = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** A typo is at most this many edits, */
const MAX_EDITS = 2;
/** and at most one edit per this many letters: "Youth" and "Truth" are two names. */
const LETTERS_PER_EDIT = 5;

/**
 * Whether `a` and `b` are at most `k` edits apart. The common start and end are set aside first
 * (they change no distance), and the rest is compared in a band of 2k + 1 diagonals that stops
 * as soon as every cell is over `k`: names run to 300 characters and a store sends hundreds.
 */
function withinEdits(a: string, b: string, k: number): boolean {
  if (Math.abs(a.length - b.length) > k) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  const over = k + 1;
  // Two rows reused; a row is written only in its band, with "over" just outside it on both sides.
  let prev = Int32Array.from({ length: y.length + 1 }, (_, j) => Math.min(j, over));
  let row = new Int32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(y.length, i + k);
    row[lo - 1] = lo === 1 ? Math.min(i, over) : over;
    if (hi < y.length) row[hi + 1] = over;
    let best = row[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      const cell = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1), over);
      row[j] = cell;
      if (cell < best) best = cell;
    }
    if (best > k) return false;
    [prev, row] = [row, prev];
  }
  return prev[y.length]! <= k;
}

/** A name as `sameName` compares it; make it once for a name compared with many. */
export const nameKey = (s: string): string => letters(s);

/** True when the names of `nameKey` `x` and `y` name the same thing, spelt alike or a typo apart. */
export function sameKey(x: string, y: string): boolean {
  if (x === y) return true;
  const k = Math.min(MAX_EDITS, Math.floor(Math.max(x.length, y.length) / LETTERS_PER_EDIT));
  return k > 0 && withinEdits(x, y, k);
}

/** True when `a` and `b` name the same thing, spelt alike or a typo apart. */
export const sameName = (a: string, b: string): boolean => sameKey(letters(a), letters(b));

/**
 * A typo fix respells a name or a few: an update that takes out and brings in more names than
 * this many pairs is not compared, so a store cannot make a sync weigh 100 × 100 long names for
 * each story followed (names are compared in a few microseconds, 300 characters in 30).
 */
export const MAX_PAIRS = 50;

/**
 * Of `before`, the names an update to `after` only respelt: gone from `after` as written, but a
 * name `after` brings new is the same name (`sameName`).
 */
export function respelt(before: readonly string[], after: readonly string[]): Set<string> {
  const was = new Set(before);
  const now = new Set(after);
  const gone = before.filter((n) => !now.has(n));
  const added = after.filter((n) => !was.has(n));
  if (!gone.length || !added.length || gone.length * added.length > MAX_PAIRS) return new Set();
  const keys = added.map(nameKey);
  return new Set(gone.filter((n) => keys.some((k) => sameKey(nameKey(n), k))));
}
