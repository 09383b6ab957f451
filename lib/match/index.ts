/**
 * On-device story matching: a source URL is proof; otherwise TF-IDF cosine similarity between
 * the article and each story's text, with a threshold below which the answer is "no match".
 */
import type { Story } from '../story.ts';
import { normalizeUrl } from '../url.ts';
import { tokenize } from './tokenize.ts';
import type { Candidate, MatchQuery, MatchResult } from './types.ts';

export type * from './types.ts';

interface Doc {
  story: Story;
  weights: Map<string, number>;
  norm: number;
}

export interface StoryIndex {
  docs: Doc[];
  idf: Map<string, number>;
  byUrl: Map<string, { storyId: string; n: number; outlet: string }>;
}

/** Below this cosine the answer is "no match": a wrong story is worse than none. */
export const TEXT_THRESHOLD = 0.25;

function counts(tokens: string[], weight: number, into = new Map<string, number>()) {
  for (const t of tokens) into.set(t, (into.get(t) ?? 0) + weight);
  return into;
}

function storyTerms(story: Story): Map<string, number> {
  const tf = counts(tokenize(story.title), 3);
  counts(tokenize(story.dek), 2, tf);
  counts(tokenize([...(story.keyPoints ?? []), ...(story.keyTerms ?? []).map((k) => k.term)].join(' ')), 1, tf);
  counts(tokenize((story.body ?? []).map((p) => (typeof p === 'string' ? p : p.caption)).join(' ')), 1, tf);
  counts(tokenize(story.sources.map((s) => s.title).join(' ')), 2, tf);
  return tf;
}

function weigh(tf: Map<string, number>, idf: Map<string, number>, fallbackIdf: number) {
  const weights = new Map<string, number>();
  let sq = 0;
  for (const [t, f] of tf) {
    const w = (1 + Math.log(f)) * (idf.get(t) ?? fallbackIdf);
    weights.set(t, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq) || 1 };
}

/** Builds the index the matcher searches: URL keys of every source and TF-IDF vectors. */
export function buildIndex(stories: Story[]): StoryIndex {
  const tfs = stories.map(storyTerms);
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = stories.length;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / (d + 1)) + 1);
  const byUrl = new Map<string, { storyId: string; n: number; outlet: string }>();
  stories.forEach((story) => {
    for (const s of story.sources) {
      const key = normalizeUrl(s.url);
      if (key) byUrl.set(key, { storyId: story.id, n: s.n, outlet: s.outlet });
    }
  });
  const docs = stories.map((story, i) => ({ story, ...weigh(tfs[i]!, idf, 1) }));
  return { docs, idf, byUrl };
}

/** Finds the story `query` belongs to, or none, with the reasons and up to 3 alternatives. */
export function matchArticle(query: MatchQuery, index: StoryIndex): MatchResult {
  for (const url of [query.url, query.canonicalUrl]) {
    const hit = index.byUrl.get(normalizeUrl(url) ?? '');
    if (hit) {
      return {
        match: { storyId: hit.storyId, confidence: 1, reasons: [{ kind: 'url', detail: `This page is source [${hit.n}], ${hit.outlet}` }] },
        alternatives: [],
      };
    }
  }
  const tf = counts(tokenize(query.title), 3);
  counts(tokenize(query.text), 1, tf);
  const maxIdf = Math.log(index.docs.length + 1) + 1;
  const q = weigh(tf, index.idf, maxIdf);
  const scored = index.docs
    .map((doc) => {
      let dot = 0;
      const shared: [string, number][] = [];
      for (const [t, w] of q.weights) {
        const dw = doc.weights.get(t);
        if (dw) {
          dot += w * dw;
          shared.push([t, w * dw]);
        }
      }
      return { doc, score: dot / (q.norm * doc.norm), shared };
    })
    .sort((a, b) => b.score - a.score);
  const alternatives: Candidate[] = scored.slice(1, 4).map((s) => ({ storyId: s.doc.story.id, confidence: round(s.score) }));
  const best = scored[0];
  if (!best || best.score < TEXT_THRESHOLD) {
    return { match: null, alternatives: scored.slice(0, 3).filter((s) => s.score > 0).map((s) => ({ storyId: s.doc.story.id, confidence: round(s.score) })) };
  }
  const words = best.shared.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t]) => t);
  return {
    match: { storyId: best.doc.story.id, confidence: round(best.score), reasons: [{ kind: 'text', detail: `Similar wording: ${words.join(', ')}` }] },
    alternatives,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
