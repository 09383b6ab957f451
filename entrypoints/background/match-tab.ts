// matchTab: read the tab's article with the injected extractor, match it, badge the tab.
import { browser } from 'wxt/browser';
import type { Extraction } from '../../lib/article.ts';
import { matchArticle } from '../../lib/match/index.ts';
import type { TabReport } from '../../lib/messages.ts';
import { storyFigures } from '../../lib/story-figures.ts';
import { getStore } from './store.ts';
import { badgeMatch, clearBadge } from './badge.ts';
import { isNeverSite, readReadingMode } from '../../lib/reading-mode.ts';
import { saveReport } from './reports.ts';

/** Runs the extractor in the tab; a page scripts cannot reach (chrome://, the store) is not an article. */
async function extractTab(tabId: number): Promise<Extraction> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['/extract.js'] });
    // Firefox reports a script's exception as `error` on the result instead of rejecting.
    const failure = (frame as { error?: unknown } | undefined)?.error;
    if (failure) throw failure;
    const result = frame?.result as Extraction | undefined;
    if (!result || (result.kind !== 'article' && result.kind !== 'not-article')) throw new Error('The page gave no answer');
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Chrome: "Cannot access a chrome:// URL", "The extensions gallery cannot be scripted",
    // "Cannot access contents of the page"; Firefox: "Missing host permission for the tab".
    if (/cannot (access|be scripted)|missing host permission|no tab with id/i.test(message)) {
      return { kind: 'not-article', reason: 'browser-page', url: '', title: '' };
    }
    throw err;
  }
}

/** Reads and matches the tab the reader clicked, badges it and keeps the report for the side panel. */
export async function matchTab(tabId: number): Promise<TabReport> {
  // The click's activeTab grant lets us see the tab's address: a site the reader excluded is
  // not read at all.
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (tab && isNeverSite(tab.url, (await readReadingMode()).never)) {
    await clearBadge(tabId);
    return { state: 'not-article', reason: 'never-site', page: { url: tab.url ?? '', title: tab.title ?? '' } };
  }
  return reportExtraction(tabId, await extractTab(tabId), { incognito: tab?.incognito ?? false });
}

/** Matches what was read in a tab (on click or automatically), badges the tab and keeps the report. */
export async function reportExtraction(tabId: number, extraction: Extraction, where: { incognito: boolean }): Promise<TabReport> {
  const report = await matchExtraction(tabId, extraction);
  await saveReport(tabId, report, where);
  return report;
}

async function matchExtraction(tabId: number, extraction: Extraction): Promise<TabReport> {
  if (extraction.kind === 'not-article') {
    await clearBadge(tabId);
    return { state: 'not-article', reason: extraction.reason, page: { url: extraction.url, title: extraction.title } };
  }
  const { article } = extraction;
  const page = { url: article.url, title: article.title, siteName: article.siteName };
  const store = await getStore();
  const { match, alternatives } = matchArticle(article, store.index);
  const story = match && store.stories.get(match.storyId);
  if (!match || !story) {
    await clearBadge(tabId);
    return { state: 'no-match', page };
  }
  await badgeMatch(tabId, storyFigures(story));
  return { state: 'match', page, story, confidence: match.confidence, reasons: match.reasons, alternatives };
}
