/** Search over the store for the side panel: a reader types, stories come back by relevance. */
import type { Story } from './story.ts';
import { storyFigures } from './figures.ts';

/** What a search result needs to show and open a story. */
export interface StorySummary {
  id: string;
  title: string;
  topic: string;
  category: string;
  publishedAt: string;
  outlets: number;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

// Stories are immutable once parsed: tokenise each once, not on every keystroke.
const cache = new WeakMap<Story, [string[], number][]>();

/** A story as its search fields, weighted: title, then topic and category, then outlets. */
function fields(story: Story): [string[], number][] {
  let f = cache.get(story);
  if (!f) cache.set(story, (f = tokenizeFields(story)));
  return f;
}

function tokenizeFields(story: Story): [string[], number][] {
  return [
    [words(story.title), 3],
    [words(`${story.topic.replace(/-/g, ' ')} ${story.category} ${(story.tags ?? []).join(' ')}`), 2],
    [words(story.sources.map((s) => `${s.outlet} ${s.outletDomain ?? ''}`).join(' ')), 1],
  ];
}

// Dates are compared as instants: as text, "09:00+05:00" (04:00 UTC) sorts after "05:00Z".
const published = (s: Story) => Date.parse(s.publishedAt) || 0;

export function summarize(story: Story): StorySummary {
  return {
    id: story.id,
    title: story.title,
    topic: story.topic,
    category: story.category,
    publishedAt: story.publishedAt,
    outlets: storyFigures(story).outlets,
  };
}

/**
 * Stories whose title, topic, category or outlets contain every query word (a word may be the
 * start of a longer one, so results appear while typing), best first, newest breaking ties.
 * An empty query lists the newest stories.
 */
export function searchStories(stories: Iterable<Story>, query: string, limit = 20): StorySummary[] {
  const q = words(query);
  const scored: [Story, number][] = [];
  for (const story of stories) {
    if (!q.length) {
      scored.push([story, 0]);
      continue;
    }
    const f = fields(story);
    let score = 0;
    for (const term of q) {
      let best = 0;
      for (const [ws, weight] of f) for (const w of ws) if (w.startsWith(term)) best = Math.max(best, weight * (w === term ? 2 : 1));
      if (!best) {
        score = 0;
        break;
      }
      score += best;
    }
    if (score) scored.push([story, score]);
  }
  return scored
    .sort(([a, sa], [b, sb]) => sb - sa || published(b) - published(a))
    .slice(0, limit)
    .map(([s]) => summarize(s));
}
