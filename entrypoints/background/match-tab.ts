// matchTab: read the tab's article with the injected extractor, match it, badge the tab.
// correctMatch: remember the reader's word on that match, then report again.
import { browser } from 'wxt/browser';
import type { Article, Extraction } from '../../lib/article.ts';
import type { ReaderChoice } from '../../lib/match/corrections.ts';
import { IndexReadError } from '../../lib/match/persist.ts';
import { readArticle } from '../../lib/match/query.ts';
import { limitExtraction } from '../../lib/extract/limits.ts';
import { countWords, MIN_ARTICLE_WORDS } from '../../lib/extract/text.ts';
import { unseenLines, withoutLines } from '../../lib/extract/unseen.ts';
import { ownCanonical, samePage } from '../../lib/url.ts';
import type { TabReport } from '../../lib/messages.ts';
import { namesStory, reportFor } from '../../lib/report.ts';
import { storyFigures } from '../../lib/story/figures.ts';
import { forgetIndex, getStore } from './store.ts';
import { isNeverSite } from '../../lib/reading-mode.ts';
import { readReadingMode } from '../../platform/settings.ts';
import { getCorrection, setCorrection } from '../../platform/storage.ts';
import { refusalReason } from '../../lib/script-refusal.ts';
import { badgeMatch, clearBadge } from './badge.ts';
import { saveReport } from './reports.ts';

/** Runs the extractor in the tab; a page scripts cannot reach (chrome://, the store) is not an article. */
async function extractTab(tabId: number, tabUrl: string | undefined): Promise<Extraction> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['/extract.js'] });
    // Firefox reports a script's exception as `error` on the result instead of rejecting.
    const failure = (frame as { error?: unknown } | undefined)?.error;
    if (failure) throw failure;
    const result = frame?.result as Extraction | undefined;
    if (!result || (result.kind !== 'article' && result.kind !== 'not-article')) throw new Error('The page gave no answer');
    return result;
  } catch (err) {
    const reason = refusalReason(err instanceof Error ? err.message : String(err), tabUrl);
    if (reason) return { kind: 'not-article', reason, url: '', title: '' };
    throw err;
  }
}

interface Where {
  incognito: boolean;
  /** The tab's address when the read began, when the extension may see it. */
  url?: string;
}

/** The reader's word on a page, and the page (as the popup showed it) it is about. */
interface Choosing {
  choice: ReaderChoice | null;
  pageUrl: string;
}

const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};
const extractionUrl = (e: Extraction) => (e.kind === 'article' ? e.article.url : e.url);

/**
 * Whether the tab still shows the page at `url`: a page that sends its tab elsewhere while it is
 * matched must not leave its story's badge and report on the next site's tab (an adversarial
 * audit, 2026-12-07: a page leaving 50 ms after loading left badge "7" on the site it went to).
 */
async function stillOn(tabId: number, url: string): Promise<boolean> {
  const now = (await browser.tabs.get(tabId).catch(() => null))?.url;
  // The same page whatever its fragment, tracking parameters or www./m. (a page dropping its
  // utm_ parameters as it loads is still the page that was read: a review, 2026-12-07).
  return samePage(now, url);
}

/**
 * The article's text without the lines its page does not show the reader (lib/extract/unseen.ts),
 * or null when it shows them all or cannot be asked (the tab moved on): then what was read stands.
 */
async function seenText(tabId: number, text: string): Promise<string | null> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: unseenLines, args: [text] });
    const unseen = frame?.result;
    return Array.isArray(unseen) && unseen.length ? withoutLines(text, unseen as number[]) : null;
  } catch (err) {
    console.warn('[factlen] the page could not be asked what it shows', err);
    return null;
  }
}

/** Reads and matches the tab the reader clicked (with their choice, when they just made one). */
async function readTab(tabId: number, choose?: Choosing): Promise<TabReport> {
  // A waking worker reads the store while the page is read: the match then waits for neither in turn.
  getStore().catch(() => undefined);
  // The click's activeTab grant lets us see the tab's address: a site the reader excluded is
  // not read at all.
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (tab && isNeverSite(tab.url, (await readReadingMode()).never)) {
    await clearBadge(tabId);
    return { state: 'not-article', reason: 'never-site', page: { url: tab.url ?? '', title: tab.title ?? '' } };
  }
  return reportExtraction(tabId, await extractTab(tabId, tab?.url), { incognito: tab?.incognito ?? false, url: tab?.url }, choose);
}

/** Matches what was read in a tab (on click or automatically), badges the tab and keeps the report. */
export async function reportExtraction(tabId: number, extraction: Extraction, where: Where, choose?: Choosing): Promise<TabReport> {
  // What the page's script handed over names its own address: it must be the tab's site. A
  // compromised renderer could otherwise be matched, and corrected, as another site's article.
  const read = extractionUrl(extraction);
  if (where.url && read && originOf(read) !== originOf(where.url))
    throw new Error(`the page changed while it was read (${originOf(read)})`);
  let report = await matchExtraction(extraction, where, choose);
  // What was read names a story: read again without what the page does not show its reader.
  const seen = extraction.kind === 'article' && namesStory(report) ? await seenText(tabId, extraction.article.text) : null;
  if (seen !== null) {
    const article = { ...(extraction as { article: Article }).article, text: seen, wordCount: countWords(seen) };
    report =
      article.wordCount < MIN_ARTICLE_WORDS
        ? { state: 'not-article', reason: 'no-content', page: { url: article.url, title: article.title } }
        : await matchExtraction({ kind: 'article', article }, where, choose);
  }
  // The tab has moved on: its badge and report are the next page's to set.
  if (where.url && read && !(await stillOn(tabId, read))) return report;
  if (report.state === 'match') await badgeMatch(tabId, storyFigures(report.story));
  else await clearBadge(tabId);
  // The reader asked about this tab: answer even when the report cannot be kept (storage full).
  await saveReport(tabId, report, where).catch((err) => console.warn('[factlen] the tab report could not be kept', err));
  return report;
}

/** The report for what was read in a tab: not an article, or the match with the reader's choice applied. */
export async function matchExtraction(extraction: Extraction, where: Where, choose?: Choosing): Promise<TabReport> {
  // The door for what a page handed over: fields cut to size, and a canonical URL only when it is
  // on the page's own site (it keys URL proof, the outlet and the reader's corrections).
  const limited = limitExtraction(extraction);
  if (limited.kind === 'not-article') {
    return { state: 'not-article', reason: limited.reason, page: { url: limited.url, title: limited.title } };
  }
  const article = { ...limited.article, canonicalUrl: ownCanonical(limited.article) ?? limited.article.url };
  // The article's words are read while a waking worker's index still comes off the disk.
  readArticle(article);
  // The reader's word is about the page the popup showed: a tab sent on to another page since
  // (an adversarial audit, 2026-12-07: "No story covers this page" was filed under Fortune's
  // article) gets the report of the page it shows, with no choice made for it.
  const asked = choose && samePage(choose.pageUrl, article.url) ? choose : undefined;
  // Nothing from a private window is stored: a choice made there applies to this page view only.
  if (asked && !where.incognito) await setCorrection(article, asked.choice);
  const choice = asked ? asked.choice : await getCorrection(article);
  const store = await getStore();
  try {
    return await reportFor(article, store, choice);
  } catch (err) {
    if (!(err instanceof IndexReadError)) throw err;
    // The saved index changed under this worker: build it anew and answer this click with it.
    console.warn('[factlen] the saved match index could not be read; rebuilding it', err);
    await forgetIndex(store.index);
    return reportFor(article, await getStore(), choice);
  }
}

export const matchTab = (tabId: number) => readTab(tabId);
export const correctMatch = (tabId: number, choice: ReaderChoice | null, pageUrl: string) => readTab(tabId, { choice, pageUrl });
