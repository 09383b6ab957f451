/** Why a story matched, in words a reader can check against the page in front of them. */
import type { AnalysedQuery } from './query.ts';
import { showFigures } from './facts.ts';
import type { TitleHit } from './features.ts';
import type { Story } from '../story.ts';
import type { Scores } from './text-index.ts';
import type { MatchReason } from './types.ts';

/** A headline at least this close (idf-weighted cosine) reads as "the same headline". */
export const SAME_TITLE = 0.85;
const CLOSE_TITLE = 0.5;
const LIST = 3;

const whose = (t: TitleHit) => (t.n === 0 ? "the story's" : `${t.outlet}'s coverage`);

function titleReason(t: TitleHit): MatchReason | null {
  if (t.similarity >= SAME_TITLE) return { kind: 'title', detail: `Same headline as ${whose(t)}` };
  if (t.similarity >= CLOSE_TITLE) return { kind: 'title', detail: `Headline close to ${whose(t)}` };
  return null;
}

/** The article's names (as written) whose every word the story also has, rarest first. */
function sharedNames(q: AnalysedQuery, has: (term: string) => boolean): string[] {
  const rank = new Map(q.names.map((n, i) => [n.token, i]));
  const seen = new Set<string>();
  return q.nameText
    .filter((n) => n.tokens.every(has) && n.tokens.some((t) => rank.has(t)))
    .sort((a, b) => Math.min(...a.tokens.map((t) => rank.get(t) ?? 99)) - Math.min(...b.tokens.map((t) => rank.get(t) ?? 99)))
    .filter((n) => {
      // "Mayo" adds nothing after "Mayo Clinic".
      if ([...seen].some((s) => n.tokens.every((t) => s.split(' ').includes(t)))) return false;
      seen.add(n.tokens.join(' '));
      return true;
    })
    .map((n) => n.text)
    .slice(0, LIST);
}

function timeReason(gap: number | null): MatchReason | null {
  if (gap === null || gap > 7) return null;
  return { kind: 'time', detail: gap === 0 ? "Published during the story's coverage" : `Published within ${gap} day${gap === 1 ? '' : 's'} of the story's coverage` };
}

/**
 * The reasons for matching `slot`'s story, most specific first: a headline, then names, then
 * figures stated alike, then words, then dates. Only evidence that is there is listed.
 */
export function reasonsFor(q: AnalysedQuery, scores: Scores, slot: number, title: TitleHit, gap: number | null, sameFigures: readonly string[] = []): MatchReason[] {
  const hits = scores.hits[slot]!;
  const hitTerms = new Set(q.terms.filter((t) => t.bit >= 0 && (hits >>> t.bit) & 1).map((t) => t.term));
  const names = sharedNames(q, (t) => hitTerms.has(t));
  const nameTokens = new Set(q.names.map((n) => n.token));
  const figures = showFigures(sameFigures).slice(0, LIST);
  const rare = q.terms.filter((t) => hitTerms.has(t.term) && !nameTokens.has(t.term)).slice(0, LIST).map((t) => t.term);
  return [
    titleReason(title),
    names.length ? { kind: 'entities', detail: `Shares rare names: ${names.join(', ')}` } : null,
    figures.length ? { kind: 'text', detail: `Same figures: ${figures.join(', ')}` } : null,
    rare.length ? { kind: 'text', detail: `Shares rare terms: ${rare.join(', ')}` } : null,
    timeReason(gap),
  ].filter((r): r is MatchReason => r !== null);
}

/** The reason for a page that is one of the story's sources. */
export function urlReason(story: Story, n: number): MatchReason {
  const outlet = story.sources.find((s) => s.n === n)?.outlet;
  return { kind: 'url', detail: `This page is source [${n}]${outlet ? `, ${outlet}` : ''}` };
}

/** The reason for a page of a source's outlet carrying that source's headline. */
export function outletTitleReason(t: TitleHit): MatchReason {
  return { kind: 'title', detail: `Same outlet and headline as source [${t.n}], ${t.outlet}` };
}
