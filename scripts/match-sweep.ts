// Matching judged as readers meet it, shared by eval:match and fit:match (issue 19): stores of a
// few stories as well as many, and articles about *other* news of the same days. From each
// rotation of make-match-cases.py it draws stores of 1, 3, 10, 30 and all stories (a fixed seed);
// the queries whose story is drawn must find it, and every other query (an unseen event, or an
// event whose story was not drawn) must find none after it is re-dated into the window of a
// story in the store, as a reader meets today's unrelated news.
import { fnv1a } from '../lib/match/fnv.ts';
import { readFileSync } from 'node:fs';
import { readStoryDir } from '../cli/io.ts';
import { buildIndex, type MatchQuery, type StoryIndex } from '../lib/match/index.ts';
import type { Story } from '../lib/story/story.ts';
import { rng } from '../bench/generate.ts';
import { jsonl, type Rotation } from './match-cases.ts';

export { rng };

/** The store sizes of the sweep; `Infinity` is the whole rotation. */
export const SIZES = [1, 3, 10, 30, Infinity] as const;
/** Stores drawn per size and rotation: enough small stores that one story's luck does not decide. */
const DRAWS: Record<number, number> = { 1: 12, 3: 8, 10: 5, 30: 3, [Infinity]: 1 };

export const sizeLabel = (k: number) => (Number.isFinite(k) ? String(k) : 'all');

export type Query = MatchQuery & { id: string };

/** One query against one drawn store: the story it must find, or null when none covers it. */
export interface SweepCase {
  set: string;
  size: number;
  query: Query;
  expected: string | null;
  /** Negatives only: re-dated into the window of a story in the store. */
  redated: boolean;
  /** The query as the data set dates it (the same as `query` for a positive). */
  original: Query;
}

/** One drawn store and the cases it is asked. */
export interface Draw {
  set: string;
  rotation: string;
  size: number;
  stories: Story[];
  index: StoryIndex;
  cases: SweepCase[];
}

/** A seed for `rng` (bench/generate.ts's mulberry32) from a name, so every run draws the same stores and dates. */
export const seedOf = (text: string): number => fnv1a(text) >>> 0;

const DAY = 86_400_000;

/** The first and last day (ms, UTC midnight) the story or its sources carry. */
export function windowOf(story: Story): [number, number] {
  const days = [story.publishedAt, story.updatedAt, ...story.sources.map((s) => s.publishedAt)]
    .map((d) => (d ? Date.parse(d) : NaN))
    .filter(Number.isFinite)
    .map((ms) => Math.floor(ms / DAY) * DAY);
  return [Math.min(...days), Math.max(...days)];
}

/** `query` dated on a day of `story`'s window (and an hour of it), drawn by `random`. */
export function redate(query: Query, story: Story, random: () => number): Query {
  const [from, to] = windowOf(story);
  const day = from + Math.floor(random() * ((to - from) / DAY + 1)) * DAY;
  const at = new Date(day + Math.floor(random() * 24) * 3_600_000);
  return { ...query, publishedTime: at.toISOString().replace('.000Z', 'Z') };
}

/** Draws `size` of `items` without replacement (all of them when there are fewer). */
function sample<T>(items: readonly T[], size: number, random: () => number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.min(size, pool.length));
}

/** Every drawn store of one rotation, with its cases, sizes in SIZES order. */
export function drawsOf(rot: Rotation, sizes: readonly number[] = SIZES): Draw[] {
  const all = readStoryDir(rot.storiesDir, () => {});
  const queries = new Map(jsonl<Query>(rot.queriesFile).map((q) => [q.id, q]));
  const draws: Draw[] = [];
  for (const size of sizes) {
    if (Number.isFinite(size) && size >= all.length) continue;
    const n = Number.isFinite(size) ? (DRAWS[size] ?? 1) : 1;
    for (let d = 0; d < n; d++) {
      const random = rng(seedOf(`${rot.set}/${rot.name}/${size}/${d}`));
      const stories = Number.isFinite(size) ? sample(all, size, random) : all;
      const ids = new Set(stories.map((s) => s.id));
      const cases: SweepCase[] = rot.expected.map((e) => {
        const query = queries.get(e.id)!;
        if (e.storyId && ids.has(e.storyId)) return { set: rot.set, size, query, expected: e.storyId, redated: false, original: query };
        const near = stories[Math.floor(random() * stories.length)]!;
        return { set: rot.set, size, query: redate(query, near, random), expected: null, redated: true, original: query };
      });
      draws.push({ set: rot.set, rotation: rot.name, size, stories, index: buildIndex(stories), cases });
    }
  }
  return draws;
}

/** The bundled store and every corpus article, each re-dated to the bundled story's first day. */
export function bundledCases(stories: Story[], articleFiles: string[]): Query[] {
  const [day] = windowOf(stories[0]!);
  const at = new Date(day + 12 * 3_600_000).toISOString().replace('.000Z', 'Z');
  return articleFiles.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .flatMap((l) => {
        const a = JSON.parse(l) as { id: string; title?: string | null; text?: string | null; url?: string };
        return a.text ? [{ id: a.id, title: a.title ?? '', text: a.text, url: a.url, publishedTime: at }] : [];
      }),
  );
}
