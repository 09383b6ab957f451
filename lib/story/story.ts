/**
 * The Factlen story format (`factlen-story/1`) as a zod schema: the one door every story —
 * bundled or remote — passes through. Mirrors ../shared/factlen/FORMAT.md field by field.
 */
import { notAnOutlet } from '../hosts.ts';
import { closeDirections, MAX_MARKS_IN_A_ROW, stacksMarks, SUBDIVISION_FLAG, writtenOut } from '../words.ts';
import { z } from '../zod.ts';

const SLUG = /^[a-z0-9-]{1,120}$/;
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
const HIDDEN =
  /[\u202a-\u202e\u2066-\u2069\u2061-\u2064\u180e\u206a-\u206f\ufff9-\ufffb\u115f\u1160\u3164\uffa0\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]/u;
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
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

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

const text = (max: number = LIMITS.short) =>
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
const list = <T extends z.ZodType>(item: T, max: number = LIMITS.list) => z.array(item).max(max, `must list at most ${max} items`);
const whole = (min: number, max: number) =>
  z.number().int('must be a whole number').min(min, `must be ${min} or more`).max(max, `must be at most ${max}`);
const slug = () => z.string().regex(SLUG, 'must be a slug: lower-case letters, digits and dashes');
// A date a shard can be named by: "9999-12-31T23:59:59-23:59" is valid ISO 8601 and year 10000 in UTC.
const inYears = (s: string) => {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
  const y = new Date(t).getUTCFullYear();
  return Number.isNaN(t) || (y >= 1000 && y <= 9999);
};
const YEARS = 'must be in the years 1000 to 9999 (in UTC)';
const dateTime = () => z.iso.datetime({ offset: true, local: true, message: 'must be an ISO 8601 date-time' }).refine(inYears, YEARS);

/** An absolute URL of one of `protocols`, with no user name or password in it (`https://user:pw@…`). */
function urlWith(protocols: readonly string[], message: string) {
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

export const Viewpoint = z.object({
  id: slug(),
  name: visible(LIMITS.name),
  share: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  summary: text(),
  inDepth: z.object({ headline: visible(LIMITS.headline), lead: text(), body: text(LIMITS.paragraph) }).optional(),
});
export type Viewpoint = z.infer<typeof Viewpoint>;

export const Source = z.object({
  n: z.number().int('must be a whole number').min(1, 'must be 1 or more').max(LIMITS.citation, `must be at most ${LIMITS.citation}`),
  outlet: visible(LIMITS.name),
  // An outlet's domain claims every page on it and under it as the outlet's ("Fortune is one of
  // this story's outlets"): "com" claimed every .com page, "co.uk" every British company's.
  outletDomain: z
    .string()
    .regex(HOSTNAME, 'must be a hostname such as fortune.com')
    .superRefine((s, ctx) => {
      const why = HOSTNAME.test(s) && notAnOutlet(s);
      if (why) ctx.addIssue({ code: 'custom', message: why });
    })
    .optional(),
  viewpointId: slug(),
  title: visible(LIMITS.headline),
  url: urlWith(['https:', 'http:'], 'must be an http(s) URL').optional(),
  publishedAt: dateTime().optional(),
});
export type Source = z.infer<typeof Source>;

/**
 * Where a story's own page may be: Factlen's site (FORMAT.md: "the story's page on Factlen").
 * Lens's own words vouch for it ("Read on Factlen"), and a click on an alert opens it in a tab.
 */
const onFactlen = (s: string) => {
  try {
    const host = new URL(s).hostname;
    return host === 'factlen.com' || host.endsWith('.factlen.com');
  } catch {
    return true; // Not a URL at all: said by urlWith.
  }
};

const StoryShape = z.object({
  id: slug(),
  url: urlWith(['https:'], 'must be an https URL').refine(onFactlen, 'must be a page on factlen.com').optional(),
  title: visible(300),
  dek: text(),
  topic: slug(),
  category: visible(LIMITS.name),
  tags: list(visible(LIMITS.name)).optional(),
  series: z
    .object({ position: whole(1, LIMITS.series), of: whole(1, LIMITS.series) })
    .refine((s) => s.position <= s.of, { message: 'position must not exceed of', path: ['position'] })
    .optional(),
  publishedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' }).refine(inYears, YEARS),
  updatedAt: dateTime().optional(),
  readMinutes: whole(0, LIMITS.readMinutes).optional(),
  byline: visible(LIMITS.name).optional(),
  viewpoints: z.array(Viewpoint).min(1, 'must list at least one viewpoint').max(12, 'must list at most 12 viewpoints'),
  missingPerspectives: list(visible(LIMITS.name)),
  whyItMatters: text().optional(),
  keyPoints: list(text()).optional(),
  stats: list(z.object({ value: text(LIMITS.name), label: text(LIMITS.name) })).optional(),
  body: list(z.union([text(LIMITS.paragraph), z.object({ caption: text() })]), LIMITS.body).optional(),
  timeline: list(z.object({ when: text(LIMITS.name), text: text() })).optional(),
  unknowns: list(text()).optional(),
  keyTerms: list(z.object({ term: visible(LIMITS.name), definition: text() })).optional(),
  faq: list(z.object({ question: text(), answer: text() })).optional(),
  sources: z.array(Source).min(1, 'must list at least one source').max(500, 'must list at most 500 sources'),
});

/** A story that passed every field check and every integrity rule of FORMAT.md. */
export const Story = StoryShape.superRefine((story, ctx) => {
  const total = story.viewpoints.reduce((sum, v) => sum + v.share, 0);
  if (Math.abs(total - 1) > 0.01) {
    ctx.addIssue({ code: 'custom', path: ['viewpoints'], message: `shares must add up to 1 (±0.01), they add up to ${+total.toFixed(4)}` });
  }
  const viewpointIds = new Set<string>();
  story.viewpoints.forEach((v, i) => {
    // An id that is no slug is said so already, and quoting it would carry what it holds
    // (U+202E, line feeds) into the problem line.
    if (viewpointIds.has(v.id) && SLUG.test(v.id))
      ctx.addIssue({ code: 'custom', path: ['viewpoints', i, 'id'], message: `repeats the viewpoint id "${v.id}"` });
    viewpointIds.add(v.id);
  });
  const citations = new Set<number>();
  story.sources.forEach((s, i) => {
    if (!viewpointIds.has(s.viewpointId) && SLUG.test(s.viewpointId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources', i, 'viewpointId'],
        message: `names no viewpoint of this story ("${s.viewpointId}")`,
      });
    }
    if (citations.has(s.n)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'n'], message: `repeats the citation number ${s.n}` });
    citations.add(s.n);
  });
});
export type Story = z.infer<typeof Story>;

/** One problem with one field of a story, located by a dotted path such as `sources[2].url`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A story that was not accepted: where it was in the input, its id if it had one, and why. */
export interface Rejection {
  index: number;
  id: string | null;
  issues: FieldIssue[];
}

export interface ParsedStories {
  stories: Story[];
  rejected: Rejection[];
}

/** Formats a zod path the way a reader of the JSON would point at the field: `sources[2].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(story)';
}

function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required but missing';
    const got = issue.input === null ? 'null' : Array.isArray(issue.input) ? 'a list' : typeof issue.input;
    return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${got}`;
  }
  if (issue.code === 'invalid_union') return 'must be a paragraph (text) or a {caption} object';
  return issue.message;
}

/**
 * What one story may cost the door before any field is looked at: a story is JSON of at most
 * this many values (strings, numbers, lists, objects), this deep, with this much text. The
 * largest real story has ~700 values at depth 4. Checked first, by a loop (no recursion), so a
 * hostile story costs the validator no more than a large real one, and nothing deeper than
 * this reaches code that recurses (JSON.stringify in `build-store`, a structured clone).
 */
export const STORY_BUDGET = { values: 20_000, depth: 12, chars: 500_000 } as const;
/** A rejected story keeps this many of its problems; the rest are counted. */
export const MAX_ISSUES_PER_STORY = 5;
/** Ids and other quoted input are cut to this many characters in messages. */
export const MAX_QUOTED = 120;

/** Why `item` is over the story budget, or null. Stops as soon as it is over. */
export function overBudget(item: unknown): string | null {
  let values = 0;
  let chars = 0;
  const stack: [unknown, number][] = [[item, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (++values > STORY_BUDGET.values) return `is too large: more than ${STORY_BUDGET.values} values`;
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > STORY_BUDGET.chars) return `is too large: more than ${STORY_BUDGET.chars} characters of text`;
    } else if (value !== null && typeof value === 'object') {
      if (depth >= STORY_BUDGET.depth) return `is nested more than ${STORY_BUDGET.depth} levels deep`;
      for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return null;
}

/** `s` cut to `max` characters, with an ellipsis when it was longer. */
export const clip = (s: string, max: number = MAX_QUOTED): string => (s.length > max ? `${s.slice(0, max)}…` : s);

export interface ParseOptions {
  /** Stop reading once more than this many stories were rejected: the rest are left unread. */
  maxRejected?: number;
}

/**
 * Validates a batch of stories (an array, or one story): keeps the valid ones, in order, and
 * reports each rejected one by position and id (cut to MAX_QUOTED characters), with at most
 * MAX_ISSUES_PER_STORY problems. A later story repeating an id is rejected. `unread` counts the
 * stories left unread after `maxRejected` was passed.
 */
export function parseStories(raw: unknown, options: ParseOptions = {}): ParsedStories & { unread: number } {
  const items = Array.isArray(raw) ? raw : [raw];
  const { maxRejected = Infinity } = options;
  const stories: Story[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();
  let index = 0;
  for (; index < items.length && rejected.length <= maxRejected; index++) {
    const item: unknown = items[index];
    const rawId =
      typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null;
    const id = rawId === null ? null : clip(rawId);
    const tooBig = overBudget(item);
    if (tooBig) {
      rejected.push({ index, id, issues: [{ path: '(story)', message: tooBig }] });
      continue;
    }
    // reportInput: the plain message needs the value to tell "missing" from "wrong type".
    const result = Story.safeParse(item, { reportInput: true });
    if (!result.success) {
      const all = result.error.issues;
      const issues = all.slice(0, MAX_ISSUES_PER_STORY).map((issue) => ({ path: formatPath(issue.path), message: plainMessage(issue) }));
      if (all.length > MAX_ISSUES_PER_STORY)
        issues.push({ path: '(story)', message: `has ${all.length - MAX_ISSUES_PER_STORY} more problem(s)` });
      rejected.push({ index, id, issues });
      continue;
    }
    const first = seen.get(result.data.id);
    if (first !== undefined) {
      rejected.push({ index, id, issues: [{ path: 'id', message: `repeats the id of the story at position ${first}` }] });
      continue;
    }
    seen.set(result.data.id, index);
    stories.push(result.data);
  }
  return { stories, rejected, unread: items.length - index };
}

/** One line per problem, for logs and the CLI: `story "x" (#3): sources[1].url must be …`. */
export function describeRejection(r: Rejection): string[] {
  const who = r.id ? `story "${writtenOut(clip(r.id))}" (#${r.index})` : `story #${r.index}`;
  // The messages are Lens's words, but some quote the store's (a hostname, a viewpoint id): escaped
  // the same way, whatever a later rule quotes.
  return r.issues.map((i) => `${who}: ${i.path} ${writtenOut(i.message)}`);
}
