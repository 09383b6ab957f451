/** Normalisers for the values pages declare in many spellings. */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d/;
// An explicit zone in a non-ISO date ("Fri Mar 13 21:30:09 EST 2015", "… GMT+0100").
const ZONE = /(?:\b(?:GMT|UTC|Z|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2})\s*(?:\(.*\))?$/;

// NaN, an unparsed date, is in no range.
const inRange = (t: number) => {
  const y = new Date(t).getUTCFullYear();
  return y >= 1990 && y <= 2200;
};
const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day as ISO 8601, `month` counted from 0 as `Date` counts it. */
export const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`;

/** Kana and Han, the scripts written without spaces between words, as code point ranges (see SEP). */
export const CJK_RANGES = '\\u3040-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff';

/**
 * What separates words: spaces, and the punctuation and symbols of ASCII, Latin-1, the general
 * punctuation and symbol blocks, CJK and full-width forms, and astral code units (emoji). Any
 * other character is a letter, digit or mark of some script. A few ranges, not `\p{L}`: the
 * injected script compiles its expressions afresh on every page, and a Unicode property class
 * costs most of a millisecond to compile (six of them cost a reader's click on an article ~4 ms).
 */
export const SEP =
  '\\s!-/:-@[-`{-~\\u00a0-\\u00bf\\u00d7\\u00f7\\u2000-\\u2bff\\u3000-\\u303f\\u30fb\\ufe30-\\ufe4f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\ud800-\\udfff';
const SEPS = new RegExp(`[${SEP}]+`, 'g');
/** Runs of word characters (letters, digits and marks of any script). */
export const WORDS = new RegExp(`[^${SEP}]+`, 'g');

/** Only the letters and digits of `s`, lower case: how titles and names are compared. */
export const fold = (s: string) => s.toLowerCase().replace(SEPS, '');

/** Text with its runs of whitespace folded to one space, and trimmed. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * A page's date or date-time as ISO 8601 in UTC (`2026-06-21T16:32:00.000Z`); a bare date
 * stays a bare date, because inventing midnight would move it a day in half the world. A time
 * without a zone is read as UTC, as most CMSs that omit it mean it, and never in the zone of
 * the machine that happens to run this.
 */
export function normalizeTime(value: string | null | undefined): string | null {
  const v = value?.trim();
  // No date takes 200 characters to write; ZONE would scan a page's 256 kB one quadratically.
  if (!v || v.length > 200) return null;
  if (ISO_DATE.test(v)) return v;
  if (ISO.test(v)) {
    let s = v.replace(' ', 'T').replace(/\s+(?=[+-]\d|Z$)/, '');
    if (/T[\d:.]+$/.test(s)) s += 'Z';
    // "+0000" offsets are valid ISO 8601 but not accepted by every Date parser; "-500" is a
    // CMS's "-05:00" (mercury-fixtures www.washingtonpost.com).
    s = s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/([+-])(\d)(\d{2})$/, '$10$2:$3');
    const t = Date.parse(s);
    return inRange(t) ? new Date(t).toISOString() : null;
  }
  // Other spellings ("December 2, 2016", "Fri Mar 13 21:30:09 EST 2015"): the engine parses
  // them in its local zone unless they name one, so a zone-less value is rebuilt from its parts.
  const t = Date.parse(v);
  if (!inRange(t) || !/\d{4}/.test(v)) return null;
  if (ZONE.test(v)) return new Date(t).toISOString();
  const d = new Date(t);
  if (!/\d:\d\d/.test(v)) return isoDay(d.getFullYear(), d.getMonth(), d.getDate());
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds())).toISOString();
}

/** A language tag reduced to its primary subtag: `en-US`, `en_GB` and `EN` all become `en`. */
export function normalizeLang(value: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(value ?? '');
  return m?.[1] ? m[1].toLowerCase() : null;
}
