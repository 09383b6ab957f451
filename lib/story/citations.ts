/** `[n]` citations in a story paragraph, split out so the UI can link each to its source. */
import { closeDirections } from '../words.ts';

export type Cited = string | { n: number };

/**
 * Splits "…expertise.[1][4] More" into text runs and `{n}` citations, in order. Each run's
 * direction controls are closed at its end (`closeDirections`): an override before "[1]" would
 * otherwise turn Lens's citation links around, so the one shown first is not source 1.
 */
export function splitCitations(paragraph: string): Cited[] {
  const out: Cited[] = [];
  let last = 0;
  for (const m of paragraph.matchAll(/\[(\d{1,3})\]/g)) {
    if (m.index > last) out.push(closeDirections(paragraph.slice(last, m.index)));
    out.push({ n: Number(m[1]) });
    last = m.index + m[0].length;
  }
  if (last < paragraph.length) out.push(closeDirections(paragraph.slice(last)));
  return out;
}
