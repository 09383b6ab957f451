/**
 * What JSON.parse would build from some bytes, counted before it builds it: JSON.parse makes an
 * object of every value and holds the whole tree, so 4 MB of `[[[[` (two million levels) cost
 * 2 s of CPU and 300 MB, 99 MB of `{}` 90 s and 3.4 GB. A pass over the bytes outside strings
 * (`{`, `[`, `,`, `:`) bounds both before any of it is made.
 */

/** How many values and levels a file may hold before it is parsed. */
export interface JsonShape {
  values: number;
  depth: number;
}

/**
 * Which of `limit` the JSON in `bytes` goes past (`'values'` or `'depth'`), or null when it stays
 * within both. Counts objects, lists, and the items and members in them; nothing inside strings.
 */
export function jsonShapeOver(bytes: Uint8Array, limit: JsonShape): keyof JsonShape | null {
  let values = 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      values++;
      if (++depth > limit.depth) return 'depth';
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c || c === 0x3a) values++;
    if (values > limit.values) return 'values';
  }
  return null;
}
