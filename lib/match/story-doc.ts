/** What the matcher keeps of a story: weighted terms for the text index, and the evidence it checks. */
import type { Story } from '../story/story.ts';
import { foldHost, hostOf } from '../url.ts';
import { factsOf, packFigures } from './facts.ts';
import { FNV_BASIS, fnv1a, fnvStep } from './fnv.ts';
import { fullNames } from './full-names.ts';
import { StoryScan } from './scan.ts';
import { headlineNames, names } from './tokenize.ts';
import type { TermSink } from './doc-writer.ts';

/**
 * How much a word counts in each field (BM25F-style weights): the headline and the outlets'
 * headlines say what the event is, the body also says what surrounds it.
 */
export const FIELD_WEIGHTS = { title: 3, dek: 2, sourceTitles: 2, keyTerms: 2, keyPoints: 1.5, body: 1, context: 0.5 } as const;

/** How many of a story's most frequent names are kept to check against an article. */
const NAMES_KEPT = 16;
/** How many of a story's most often stated figures are kept (a real story states a few dozen). */
const FIGURES_KEPT = 48;

/**
 * The evidence of one story the features read that is costly to derive (names, dates) or needed
 * to notice a change (hash). Headlines, outlets and the facts the story states are read from the
 * story itself when it is weighed (`storyFacts`): a match weighs five stories, so a build reads
 * and the saved index keeps only what every candidate needs (docs/benchmarks.md).
 */
export interface StoryDoc {
  id: string;
  /** Changes whenever the story does: a replaced story is re-indexed, an unchanged one is not. */
  hash: string;
  /** The story's most frequent proper-name tokens, most frequent first, and how often each occurs. */
  names: string[];
  nameCounts: number[];
  /** First and last day (days since 1970) the story or its sources carry; null when none parse. */
  window: [number, number] | null;
}

/** The facts a story states: its most often stated figures (facts.ts's `packFigures`) and the weekdays it names (a bit mask). */
export interface StoryFacts {
  figures: Int32Array;
  days: number;
}

/** The story's paragraphs as text, a figure or pull-quote by its caption. */
export const bodyText = (s: Story) => (s.body ?? []).map((p) => (typeof p === 'string' ? p : p.caption));

/** The story's texts that tell the event: headlines, dek, key points and paragraphs. */
export const tellingTexts = (story: Story): string[] => [
  story.title,
  story.dek ?? '',
  ...story.sources.map((s) => s.title),
  ...(story.keyPoints ?? []),
  ...bodyText(story),
];

/**
 * Gives `sink` the `termHash` of every word of the story with its field's weight, and leaves the
 * counts of the proper names in its running text (dek, key points, body) in `scanner`.
 */
function scanStory(story: Story, sink: TermSink, scanner: StoryScan): void {
  const w = FIELD_WEIGHTS;
  scanner.reset();
  scanner.sink = sink;
  scanner.words(story.title, w.title);
  scanner.prose(story.dek, w.dek);
  for (const s of story.sources) scanner.words(s.title, w.sourceTitles);
  for (const k of story.keyTerms ?? []) scanner.words(k.term, w.keyTerms);
  for (const p of story.keyPoints ?? []) scanner.prose(p, w.keyPoints);
  for (const p of bodyText(story)) scanner.prose(p, w.body);
  scanner.prose(story.whyItMatters ?? '', w.context);
  for (const p of story.tags ?? []) scanner.words(p, w.context);
  for (const v of story.viewpoints) scanner.words(v.summary, w.context);
}

// Per story object: a worker keeps the few stories it has weighed, and weighs them again.
const factsRead = new WeakMap<Story, StoryFacts>();

/**
 * The figures and weekdays of what the story says about the event, its headlines and prose (a
 * figure's key never reaches across a line), read once per story object.
 */
export function storyFacts(story: Story): StoryFacts {
  let facts = factsRead.get(story);
  if (!facts) {
    const said = [
      story.title,
      story.dek,
      ...story.sources.map((s) => s.title),
      ...(story.keyPoints ?? []),
      ...bodyText(story),
      story.whyItMatters ?? '',
    ];
    const read = factsOf(said.join('\n'));
    facts = { figures: packFigures(read.figures, FIGURES_KEPT), days: read.days };
    factsRead.set(story, facts);
  }
  return facts;
}

/** The story's terms (as `termHash`es) with their field-weighted frequencies. */
export function storyTerms(story: Story): Map<number, number> {
  const tf = new Map<number, number>();
  scanStory(story, { add: (t, w) => tf.set(t >>> 0, (tf.get(t >>> 0) ?? 0) + w) }, new StoryScan());
  return tf;
}

// Per story object, as the facts are.
const fullRead = new WeakMap<Story, StoryFullNames>();

/** How many of a story's most named full names are looked for in an article. */
const FULL_KEPT = 5;

/** A story's full names, and its most named ones with how many of its texts name each. */
export interface StoryFullNames {
  all: ReadonlySet<string>;
  top: readonly (readonly [string, number])[];
}

/**
 * The story's names of more than one word (full-names.ts) in its headlines and prose: who the
 * story is about, told apart from the team, country or company every event of its kind shares.
 * Read once per story object; its most named ones are ranked then, not at every match.
 */
export function storyFullNames(story: Story): StoryFullNames {
  let full = fullRead.get(story);
  if (!full) {
    const counts = new Map<string, number>();
    // A story's prose is written as prose (no headings in title case): a headline word it names
    // at all is a name.
    const prose = [story.dek, ...(story.keyPoints ?? []), ...bodyText(story)].map((text) => names(text));
    const named = new Set(prose.flat().flatMap((n) => n.tokens));
    const headlines = [story.title, ...story.sources.map((s) => s.title)].map((text) => headlineNames(text, (t) => named.has(t)));
    for (const found of [...headlines, ...prose]) for (const n of fullNames(found)) counts.set(n, (counts.get(n) ?? 0) + 1);
    full = { all: new Set(counts.keys()), top: [...counts].sort((a, b) => b[1] - a[1]).slice(0, FULL_KEPT) };
    fullRead.set(story, full);
  }
  return full;
}

/** Days since 1970 of an ISO date, or null. */
export function dayOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : null;
}

/** FNV-1a of `text` and a line break after it, from `h`. */
const fnv = (h: number, text: string): number => fnvStep(fnv1a(text, h), 10);

/** `h` with a number mixed in (a length, a count): no string made for it. */
const mix = fnvStep;

/**
 * A fingerprint of what the index reads of a story, to notice that a story changed without
 * reading all of it: dates, headline, dek, every source, and the length of every text field,
 * hashed part by part, the lengths as numbers; no string is built for it (docs/benchmarks.md).
 * An edit that keeps every length and bumps no date goes unnoticed until the next rebuild
 * (INDEX_FORMAT).
 */
export function hashOf(story: Story): string {
  let h = FNV_BASIS;
  let length = 0;
  const text = (t: string) => ((h = fnv(h, t)), (length += t.length + 1));
  const lengths = (xs: readonly (string | { caption: string })[] | undefined) => {
    for (const x of xs ?? []) h = mix(h, (typeof x === 'string' ? x : x.caption).length);
    h = mix(h, -1);
  };
  text(story.id);
  text(story.publishedAt);
  text(story.updatedAt ?? '');
  text(story.title);
  text(story.dek);
  h = mix(h, story.whyItMatters?.length ?? 0);
  lengths(story.body);
  lengths(story.keyPoints);
  lengths(story.tags);
  for (const k of story.keyTerms ?? []) text(k.term);
  h = mix(h, -1);
  for (const v of story.viewpoints) h = mix(h, v.summary.length);
  h = mix(h, -1);
  for (const x of story.sources) {
    h = mix(h, x.n);
    text(x.outlet);
    text(x.outletDomain ?? '');
    text(x.title);
    text(x.url ?? '');
    text(x.publishedAt ?? '');
  }
  return `${(h >>> 0).toString(36)}.${length.toString(36)}`;
}

/**
 * The site of a source: its `outletDomain`, else its URL's host, folded as an article's host is
 * (`hostOf`: `www.`, `m.`, `mobile.`, `amp.`), so the same outlet compares equal on any of them.
 */
export function sourceDomain(s: Story['sources'][number]): string | null {
  return s.outletDomain ? foldHost(s.outletDomain.trim().toLowerCase()) : hostOf(s.url);
}

/**
 * The evidence the matcher keeps of `story`; its weighted words go to `sink` on the way. A
 * caller indexing many stories passes one `scanner` for all (its buffers are reused).
 */
export function indexStory(story: Story, sink: TermSink, hash = hashOf(story), scanner = new StoryScan()): StoryDoc {
  scanStory(story, sink, scanner);
  const top = scanner.topNames(NAMES_KEPT);
  const days = [story.publishedAt, story.updatedAt, ...story.sources.map((s) => s.publishedAt)]
    .map(dayOf)
    .filter((d): d is number => d !== null);
  return {
    id: story.id,
    hash,
    names: top.names,
    nameCounts: top.counts,
    window: days.length ? [Math.min(...days), Math.max(...days)] : null,
  };
}
