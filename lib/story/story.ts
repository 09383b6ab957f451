/**
 * The Factlen story format (`factlen-story/1`) as a zod schema: the one door every story —
 * bundled or remote — passes through. Mirrors ../shared/factlen/FORMAT.md field by field.
 */
import { notAnOutlet } from '../hosts.ts';
import { writtenOut } from '../words.ts';
import { z } from '../zod.ts';
// The field types (names, running text, slugs, dates, URLs) and their limits.
import { dateTime, HOSTNAME, inYears, LIMITS, list, slug, SLUG, text, urlWith, visible, whole, YEARS } from './fields.ts';

export { LIMITS, visible };

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
