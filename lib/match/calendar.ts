/**
 * Days and months, which a capital letter does not make a name: every story of a week shares
 * them. Asked by the word cursor (word-cursor.ts) for each capitalised word of running text.
 */
import { termHash } from './term-table.ts';

export const CALENDAR = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april ' +
    'may june july august september october november december'
  ).split(' '),
);
/** Months as news abbreviates them before a day ("Jan. 20", "Sept. 3"): with their full stop, no name. */
export const MONTH_ABBREVIATIONS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
// As int32s, like the hashes the cursor works with: most words are told from a date by hash alone.
const CALENDAR_HASHES = new Set([...CALENDAR].map((w) => termHash(w) | 0));
const MONTH_HASHES = new Set([...MONTH_ABBREVIATIONS].map((w) => termHash(w) | 0));

/**
 * Whether the word at [start, end) is a day or month, a day's or month's ("Wednesday's shooting":
 * news dates an event by its day), or an abbreviated month before a full stop ("Jan." but not the
 * name "Jan"). `whole` is the int32 `termHash` of the whole word lower-cased, or 0 when not at hand
 * (the cursor hashes words of ASCII letters alone: a possessive is not).
 */
export function isDate(text: string, start: number, end: number, whole: number): boolean {
  if (whole !== 0 && !CALENDAR_HASHES.has(whole) && !(MONTH_HASHES.has(whole) && text.charCodeAt(end) === 46)) return false;
  const lower = text.slice(start, end).toLowerCase();
  return CALENDAR.has(lower.replace(POSSESSIVE, '')) || (text.charCodeAt(end) === 46 && MONTH_ABBREVIATIONS.has(lower));
}

const POSSESSIVE = /['’]s$/;
