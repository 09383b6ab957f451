/**
 * The Factlen story format (`factlen-story/1`) as a zod schema: the one door every story —
 * bundled or remote — passes through. Mirrors ../shared/factlen/FORMAT.md field by field.
 */
import { z } from 'zod';

// zod probes `new Function` to decide whether to JIT its parsers; extension pages run under a
// CSP without 'unsafe-eval', so turn the probe (and the JIT) off once, before any schema is used.
z.config({ jitless: true });

const SLUG = /^[a-z0-9-]{1,120}$/;
// A tag, a comment or a doctype: enough to say "this field carries markup". A lone "<" in
// prose ("a < b") is not markup and stays allowed.
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<!doctype/i;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

const text = () => z.string().refine((s) => !MARKUP.test(s), 'must be plain text, not markup');
const slug = () => z.string().regex(SLUG, 'must be a slug: lower-case letters, digits and dashes');
const dateTime = () => z.iso.datetime({ offset: true, local: true, message: 'must be an ISO 8601 date-time' });

function urlWith(protocols: readonly string[], message: string) {
  return z.string().refine((s) => {
    try {
      return protocols.includes(new URL(s).protocol);
    } catch {
      return false;
    }
  }, message);
}

export const Viewpoint = z.object({
  id: slug(),
  name: text(),
  share: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  summary: text(),
  inDepth: z.object({ headline: text(), lead: text(), body: text() }).optional(),
});
export type Viewpoint = z.infer<typeof Viewpoint>;

export const Source = z.object({
  n: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
  outlet: text(),
  outletDomain: z.string().regex(HOSTNAME, 'must be a hostname such as fortune.com').optional(),
  viewpointId: slug(),
  title: text(),
  url: urlWith(['https:', 'http:'], 'must be an http(s) URL').optional(),
  publishedAt: dateTime().optional(),
});
export type Source = z.infer<typeof Source>;

const StoryShape = z.object({
  id: slug(),
  url: urlWith(['https:'], 'must be an https URL').optional(),
  title: text().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  dek: text(),
  topic: slug(),
  category: text(),
  tags: z.array(text()).optional(),
  series: z
    .object({ position: z.number().int().min(1), of: z.number().int().min(1) })
    .refine((s) => s.position <= s.of, { message: 'position must not exceed of', path: ['position'] })
    .optional(),
  publishedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' }),
  updatedAt: dateTime().optional(),
  readMinutes: z.number().int('must be a whole number').min(0).optional(),
  byline: text().optional(),
  viewpoints: z.array(Viewpoint).min(1, 'must list at least one viewpoint').max(12, 'must list at most 12 viewpoints'),
  missingPerspectives: z.array(text()),
  whyItMatters: text().optional(),
  keyPoints: z.array(text()).optional(),
  stats: z.array(z.object({ value: text(), label: text() })).optional(),
  body: z.array(z.union([text(), z.object({ caption: text() })])).optional(),
  timeline: z.array(z.object({ when: text(), text: text() })).optional(),
  unknowns: z.array(text()).optional(),
  keyTerms: z.array(z.object({ term: text(), definition: text() })).optional(),
  faq: z.array(z.object({ question: text(), answer: text() })).optional(),
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
    if (viewpointIds.has(v.id)) ctx.addIssue({ code: 'custom', path: ['viewpoints', i, 'id'], message: `repeats the viewpoint id "${v.id}"` });
    viewpointIds.add(v.id);
  });
  const citations = new Set<number>();
  story.sources.forEach((s, i) => {
    if (!viewpointIds.has(s.viewpointId)) {
      ctx.addIssue({ code: 'custom', path: ['sources', i, 'viewpointId'], message: `names no viewpoint of this story ("${s.viewpointId}")` });
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
 * Validates a batch of stories (an array, or one story): keeps the valid ones, in order, and
 * reports each rejected one by position and id. A later story repeating an id is rejected.
 */
export function parseStories(raw: unknown): ParsedStories {
  const items = Array.isArray(raw) ? raw : [raw];
  const stories: Story[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const id = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null;
    // reportInput: the plain message needs the value to tell "missing" from "wrong type".
    const result = Story.safeParse(item, { reportInput: true });
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: plainMessage(issue) }));
      rejected.push({ index, id, issues });
      return;
    }
    const first = seen.get(result.data.id);
    if (first !== undefined) {
      rejected.push({ index, id, issues: [{ path: 'id', message: `repeats the id of the story at position ${first}` }] });
      return;
    }
    seen.set(result.data.id, index);
    stories.push(result.data);
  });
  return { stories, rejected };
}

/** One line per problem, for logs and the CLI: `story "x" (#3): sources[1].url must be …`. */
export function describeRejection(r: Rejection): string[] {
  const who = r.id ? `story "${r.id}" (#${r.index})` : `story #${r.index}`;
  return r.issues.map((i) => `${who}: ${i.path} ${i.message}`);
}
