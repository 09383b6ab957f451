/**
 * A tab's report from a read article: the reader's own choice first, then the matcher's answer,
 * with the runner-up stories named so the reader can pick one ("Not this story?"), and, with no
 * match, the story the matcher was not sure enough of, for the reader to confirm, or the stories
 * of the page's subject none of which it could tell apart as the page's event.
 */
import type { Article } from './article.ts';
import type { ReaderChoice } from './match/corrections.ts';
import { matchArticle, readForQuery, type Candidate, type StoryIndex } from './match/index.ts';
import type { Alternative, TabReport } from './messages.ts';
import type { StorySetView } from './store/story-set.ts';
import { Story } from './story/story.ts';

/** The stories in use and their index, as a report needs them. */
export interface ReportStore {
  view: Pick<StorySetView, 'getMany'>;
  index: StoryIndex;
}

/**
 * What the popup shows for `article`: the reader's own choice first, then the matcher's answer.
 * The index may hold no story objects (a waking worker): the few this match reads are loaded
 * into it first.
 */
export async function reportFor(article: Article, store: ReportStore, choice: ReaderChoice | null): Promise<TabReport> {
  const { view, index } = store;
  const chosen = choice?.kind === 'story' ? [choice.storyId] : [];
  await readForQuery(article, index, async (ids) => {
    for (const [id, s] of await view.getMany([...ids, ...chosen].filter((id) => !index.stories.has(id)))) index.stories.set(id, s);
  });
  const page = { url: article.url, title: article.title, siteName: article.siteName };
  const { match, alternatives, suggestion, sameSubject } = matchArticle(article, index);
  const named = (list: Candidate[], except?: string): Alternative[] =>
    list.flatMap((c) => {
      const s = c.storyId !== except ? index.stories.get(c.storyId) : undefined;
      return s ? [{ ...c, title: s.title }] : [];
    });
  if (choice?.kind === 'none')
    return { state: 'no-match', page, dismissedByReader: true, alternatives: named(match ? [match, ...alternatives] : alternatives) };
  const picked = choice?.kind === 'story' ? index.stories.get(choice.storyId) : undefined;
  if (picked) {
    const others = named(match ? [match, ...alternatives] : alternatives, picked.id).slice(0, 3);
    return { state: 'match', page, story: picked, confidence: 1, reasons: [], alternatives: others, chosenByReader: true };
  }
  const story = match && index.stories.get(match.storyId);
  if (!match || !story) {
    const suggested = suggestion && index.stories.get(suggestion.storyId);
    const related = (sameSubject?.stories ?? []).flatMap((c) => {
      const s = index.stories.get(c.storyId);
      return s ? [{ ...c, title: s.title, publishedAt: s.publishedAt }] : [];
    });
    return {
      state: 'no-match',
      page,
      alternatives: named(alternatives),
      ...(suggested && { suggestion: { ...suggestion, title: suggested.title } }),
      ...(related.length > 0 && { sameSubject: { stories: related, reasons: sameSubject!.reasons } }),
    };
  }
  return { state: 'match', page, story, confidence: match.confidence, reasons: match.reasons, alternatives: named(alternatives) };
}

/**
 * Whether the matcher named a story by the page's words (not its address, not the reader's
 * choice): a match, a question or a list. Only then is the page read again without the lines it
 * does not show its reader (lib/extract/unseen.ts), so hidden text cannot name a story alone.
 */
export function namesStory(report: TabReport): boolean {
  if (report.state === 'match') return !report.chosenByReader && report.confidence < 1;
  return report.state === 'no-match' && !report.dismissedByReader && !!(report.suggestion || report.sameSubject);
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const listOf = (x: unknown, each: (item: Record<string, unknown>) => boolean) => Array.isArray(x) && x.every((i) => isObject(i) && each(i));
const isReason = (r: Record<string, unknown>) => typeof r.kind === 'string' && typeof r.detail === 'string';
const isCandidate = (c: Record<string, unknown>) =>
  typeof c.storyId === 'string' && typeof c.confidence === 'number' && typeof c.title === 'string';
const isPage = (p: unknown) =>
  isObject(p) && typeof p.url === 'string' && typeof p.title === 'string' && (p.siteName == null || typeof p.siteName === 'string');

/**
 * A tab's kept report (session storage, `saveReport`) as a page may show it, or null when the
 * stored value is not one: damaged since it was written, it is no report, and the side panel
 * says no article was read in the tab instead of failing ("Cannot read properties of undefined
 * (reading 'sources')" left it blank). A match's story goes through the story door again.
 */
export function keptReport(raw: unknown): TabReport | null {
  if (!isObject(raw)) return null;
  if (raw.state === 'error') return typeof raw.message === 'string' ? (raw as TabReport) : null;
  if (!isPage(raw.page)) return null;
  const ok =
    raw.state === 'not-article'
      ? typeof raw.reason === 'string'
      : raw.state === 'match'
        ? Story.safeParse(raw.story).success &&
          typeof raw.confidence === 'number' &&
          listOf(raw.reasons, isReason) &&
          listOf(raw.alternatives, isCandidate)
        : raw.state === 'no-match' &&
          (raw.alternatives === undefined || listOf(raw.alternatives, isCandidate)) &&
          (raw.suggestion === undefined ||
            (isObject(raw.suggestion) && isCandidate(raw.suggestion) && listOf(raw.suggestion.reasons, isReason))) &&
          (raw.sameSubject === undefined ||
            (isObject(raw.sameSubject) &&
              listOf(raw.sameSubject.stories, (s) => isCandidate(s) && typeof s.publishedAt === 'string') &&
              listOf(raw.sameSubject.reasons, isReason)));
  return ok ? (raw as TabReport) : null;
}
