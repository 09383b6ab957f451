/**
 * The story door's field types: what a name, a title, running text, a slug, a date and a URL
 * must be, and the length limits (`LIMITS`). The schema built from them is story.ts.
 */
import { charactersOf } from '../hidden-characters.ts';
import { closeDirections, MAX_MARKS_IN_A_ROW, stacksMarks, SUBDIVISION_FLAG } from '../words.ts';
import { z } from '../zod.ts';

export const SLUG = /^[a-z0-9-]{1,120}$/;
// Whatever an HTML parser would start a tag, an end tag, a comment, a doctype or a processing
// instruction at: "<" followed by a letter, "/" and a letter, "!" or "?". A tag needs no
// whitespace, no attribute and no ">" to be one (`<img/src=x onerror=…`, an unclosed `<svg`).
// A "<" before anything else in prose ("a < b", "<3", "<5 %") is not markup and stays allowed.
const MARKUP = /<[a-z!?]|<\/[a-z]/i;
// Characters that reorder or hide text: bidi embeddings, overrides and isolates, and the
// invisible operators (U+2061–4; the zero-width space, word joiner and BOM are dropped instead,
// `oneLineName` below). A name or
// title carrying one can show the reader something other than what it says ("Fortune" with an
// invisible character in it, a headline that reads backwards). ZWNJ/ZWJ (U+200C/D) and LRM/RLM
// stay allowed: scripts such as Persian and Hindi and mixed Hebrew/Arabic text need them, and
// they reorder nothing strongly. The soft hyphen (U+00AD) stays too: publishers put it in
// headlines to break long words, and a scraped title keeps it; what Lens composes from a name
// drops it (`oneLine`, lib/words.ts).
// Also refused, as invisible (an adversarial audit, 2026-12-07: each passed, showed "Fortune" or
// nothing, and counted as an outlet of its own): tag characters (U+E0000–7F, an invisible copy of
// any ASCII text) outside a subdivision's flag, the Mongolian vowel separator (U+180E),
// deprecated format controls (U+206A–F), interlinear annotations (U+FFF9–B, which hide the words
// between them), shorthand and musical format controls, and the Hangul fillers (U+115F, U+1160,
// U+3164, U+FFA0: blanks that are letters, no modern Korean text has one alone). The
// other format characters (Unicode Cf) stay: Arabic number signs (U+0600–5) are seen.
const HIDDEN = charactersOf(['directionControl', 'invisibleOperator', 'invisible'], 'u');
const hides = (s: string) => HIDDEN.test(s.replace(SUBDIVISION_FLAG, ''));
// A name shows something: a letter, digit, punctuation or symbol that is not a blank (U+2800,
// the braille blank, is a symbol; the Hangul fillers are refused above). An outlet "" counted as
// an outlet and named a link to any address; a title "   " passed "must not be empty".
const SHOWN = /[\p{L}\p{N}\p{P}\p{S}]/u;
const shows = (s: string) => SHOWN.test(s.replace(/\u2800/g, ''));
// A name or a title is one line: a tab, line feed, carriage return, line or paragraph separator
// in it is read as a space (runs of white space as one). Carried into a notification, a line
// break let a store's "missing perspective" write lines of its own under Lens's name and push
// Lens's words out of view; refused, one scraped headline ending in a line break cost its story
// (and, in a shard of such stories, the shard). Running text (dek, key points, paragraphs) keeps
// its line breaks.
const BREAK = /[\t\n\r\u2028\u2029]/;
// The zero-width space, the word joiner and the BOM are dropped from a name, not refused:
// publishing tools and scrapers leave them in headlines ("\u200bRussia Puts Putin Critic on
// Wanted List", one of 547 AllSides stories of the NeuS check), and refused, each cost its story.
// Dropped, what the name says is what it shows: "Fortune\u200b" is the outlet Fortune, not
// another one.
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/g;
const oneLineName = (s: string) => {
  const seen = s.replace(ZERO_WIDTH, '');
  return BREAK.test(seen) ? seen.replace(/[\s\u2028\u2029]+/gu, ' ').trim() : seen;
};
// C0 and C1 control characters and DEL, tab, line feed and carriage return aside. No story text
// has one; shown, they are invisible, and printed to a terminal (by `lens`, in a log) they are
// commands: ESC [2J clears the screen, ESC ]0; retitles the window.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
export const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Length limits of the door, in characters (lists: in items). Each is at least ten times the
 * longest field of the bundled store and of every story the corpus protocol makes: a limit
 * refuses a hostile store's 10 MB dek, not a long real story. What the limits protect, and the
 * worst story and shard they allow, are in docs/security.md.
 */
export const LIMITS = {
  /** Names and labels: outlets, viewpoint names, categories, tags, terms, stat values and labels. */
  name: 300,
  /** One headline: a source's title, a viewpoint's in-depth headline. */
  headline: 1000,
  /** A sentence or a short paragraph: dek, summaries, key points, answers, definitions. */
  short: 3000,
  /** A body paragraph or a viewpoint's in-depth body. */
  paragraph: 20_000,
  url: 2000,
  list: 100,
  body: 300,
  /**
   * Numbers a story shows as they are ("Read 3 min", "#4 of 5 in ai", "[7]"): a hostile store's
   * "Read 99999999999 min". Ten hours of reading, and four digits for a series and a citation
   * (FORMAT.md caps a story at 500 sources), far past every real story (3 min, #4 of 5, [7]).
   */
  readMinutes: 600,
  series: 9999,
  citation: 9999,
} as const;

export const text = (max: number = LIMITS.short) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !MARKUP.test(s), 'must be plain text, not markup')
    .refine((s) => !CONTROL.test(s), 'must not contain control characters')
    // A direction control left open reversed what followed the text on its line (a stat's label
    // after its value, a date's entry after its date); closed at the text's end, it reorders only
    // the text itself, which the store wrote anyway. Refusing it would cost every story whose
    // Arabic or Hebrew quote was scraped with an embedding and no PDF (docs/security.md).
    .overwrite(closeDirections)
    .refine((s) => !stacksMarks(s), `must not stack more than ${MAX_MARKS_IN_A_ROW} combining marks on one letter`);
/** Text a reader takes at its word (a name, a title): one line, something to read, nothing that hides or reorders characters. */
export const visible = (max: number) =>
  text(max)
    .overwrite(oneLineName)
    .refine(shows, 'must not be empty')
    .refine((s) => !hides(s), 'must not contain invisible or direction-changing characters');
export const list = <T extends z.ZodType>(item: T, max: number = LIMITS.list) => z.array(item).max(max, `must list at most ${max} items`);
export const whole = (min: number, max: number) =>
  z.number().int('must be a whole number').min(min, `must be ${min} or more`).max(max, `must be at most ${max}`);
export const slug = () => z.string().regex(SLUG, 'must be a slug: lower-case letters, digits and dashes');
// A date a shard can be named by: "9999-12-31T23:59:59-23:59" is valid ISO 8601 and year 10000 in UTC.
export const inYears = (s: string) => {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
  const y = new Date(t).getUTCFullYear();
  return Number.isNaN(t) || (y >= 1000 && y <= 9999);
};
export const YEARS = 'must be in the years 1000 to 9999 (in UTC)';
export const dateTime = () =>
  z.iso.datetime({ offset: true, local: true, message: 'must be an ISO 8601 date-time' }).refine(inYears, YEARS);

/** An absolute URL of one of `protocols`, with no user name or password in it (`https://user:pw@…`). */
export function urlWith(protocols: readonly string[], message: string) {
  const parsed = (s: string) => {
    try {
      return new URL(s);
    } catch {
      return null;
    }
  };
  return (
    z
      .string()
      .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
      // The URL parser would take them (it percent-encodes most), but the story keeps them as written.
      .refine((s) => !CONTROL.test(s), 'must not contain control characters')
      .refine((s) => protocols.includes(parsed(s)?.protocol ?? ''), message)
      .refine((s) => !parsed(s)?.username && !parsed(s)?.password, 'must not carry a user name or password')
  );
}
