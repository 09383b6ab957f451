/** What the matcher keeps of a story: weighted terms for the text index, and the evidence it checks. */
import type { Story } from '../story.ts';
import { names, tokenize } from './tokenize.ts';

/**
 * How much a word counts in each field (BM25F-style weights): the headline and the outlets'
 * headlines say what the event is, the body also says what surrounds it.
 */
export const FIELD_WEIGHTS = { title: 3, dek: 2, sourceTitles: 2, keyTerms: 2, keyPoints: 1.5, body: 1, context: 0.5 } as const;

/** How many of a story's most frequent names are kept to check against an article. */
const NAMES_KEPT = 16;

export interface StorySource {
  n: number;
  outlet: string;
  domain: string | null;
  title: string;
}

/** The evidence of one story the features read. */
export interface StoryDoc {
  id: string;
  /** Changes whenever the story does: a replaced story is re-indexed, an unchanged one is not. */
  hash: string;
  title: string;
  /** The story's most frequent proper-name tokens, most frequent first, and how often each occurs. */
  names: string[];
  nameCounts: number[];
  /** First and last day (days since 1970) the story or its sources carry; null when none parse. */
  window: [number, number] | null;
  sources: StorySource[];
}

const bodyText = (s: Story) => (s.body ?? []).map((p) => (typeof p === 'string' ? p : p.caption));

function add(into: Map<string, number>, text: string, weight: number) {
  for (const t of tokenize(text)) into.set(t, (into.get(t) ?? 0) + weight);
}

/** The story's terms with their field-weighted frequencies. */
export function storyTerms(story: Story): Map<string, number> {
  const w = FIELD_WEIGHTS;
  const tf = new Map<string, number>();
  add(tf, story.title, w.title);
  add(tf, story.dek, w.dek);
  for (const s of story.sources) add(tf, s.title, w.sourceTitles);
  for (const k of story.keyTerms ?? []) add(tf, k.term, w.keyTerms);
  for (const p of story.keyPoints ?? []) add(tf, p, w.keyPoints);
  for (const p of bodyText(story)) add(tf, p, w.body);
  for (const p of [story.whyItMatters ?? '', ...(story.tags ?? []), ...story.viewpoints.map((v) => v.summary)]) add(tf, p, w.context);
  return tf;
}

/** Days since 1970 of an ISO date, or null. */
export function dayOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : null;
}

/** FNV-1a over the story's JSON: cheap, and enough to notice that a story changed. */
function hashOf(story: Story): string {
  const s = JSON.stringify(story);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(36)}.${s.length.toString(36)}`;
}

function hostname(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** The evidence the matcher keeps of `story`. */
export function storyDoc(story: Story): StoryDoc {
  const counts = new Map<string, number>();
  for (const text of [story.dek, story.whyItMatters ?? '', ...(story.keyPoints ?? []), ...bodyText(story)]) {
    for (const n of names(text)) for (const t of n.tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, NAMES_KEPT);
  const days = [story.publishedAt, story.updatedAt, ...story.sources.map((s) => s.publishedAt)].map(dayOf).filter((d): d is number => d !== null);
  return {
    id: story.id,
    hash: hashOf(story),
    title: story.title,
    names: top.map(([t]) => t),
    nameCounts: top.map(([, c]) => c),
    window: days.length ? [Math.min(...days), Math.max(...days)] : null,
    sources: story.sources.map((s) => ({ n: s.n, outlet: s.outlet, domain: s.outletDomain?.toLowerCase().replace(/^www\./, '') ?? hostname(s.url), title: s.title })),
  };
}
