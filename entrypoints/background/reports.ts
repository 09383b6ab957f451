// The latest report per tab, in session storage (memory only, gone when the browser closes),
// so the side panel can show a tab's story without reading the page again and can follow
// changes. A report is dropped when its tab loads another page or closes.
import { browser } from 'wxt/browser';
import { limitPage } from '../../lib/extract/limits.ts';
import type { TabReport } from '../../lib/messages.ts';
import { keptReport } from '../../lib/report.ts';
import type { StorySetView } from '../../lib/store/story-set.ts';
import { storyFigures } from '../../lib/story/figures.ts';
import type { Story } from '../../lib/story/story.ts';
import { onlyFragmentDiffers } from '../../lib/url.ts';
import { keptReports, reportItem } from '../../platform/storage.ts';
import { badgeMatch, clearBadge, showsMatch } from './badge.ts';

// Reports of private-window tabs never reach any storage, not even session storage: they live
// in this worker's memory and die with it.
const privateReports = new Map<number, TabReport>();

export async function saveReport(tabId: number, full: TabReport, where: { incognito: boolean } = { incognito: false }): Promise<void> {
  // What a page said of itself is cut to size before it is kept: one page must not fill the
  // session storage every other tab's report shares.
  const report = 'page' in full ? ({ ...full, page: limitPage(full.page) } as TabReport) : full;
  if (where.incognito) privateReports.set(tabId, report);
  else await reportItem(tabId).setValue(report);
}

export async function loadReport(tabId: number): Promise<TabReport | null> {
  const inPrivate = privateReports.get(tabId);
  if (inPrivate) return inPrivate;
  // Read through its repair: the side panel asks for it here, never reads it from storage itself.
  return keptReport(await reportItem(tabId).getValue());
}

/**
 * After a sync, brings each matched tab's badge in step with the new stories. A tab whose story
 * the store no longer has loses its badge: its outlet count would still say the page has a story.
 * The report stays (the side panel shows the story as it was, said to be withdrawn); a click on
 * the toolbar reads the page again against the new stories. A tab whose story came back, changed
 * (new sources: more outlets) or restored after a withdrawal, gets the badge a fresh match would
 * draw, from the stored story: the page is not read again and nothing is fetched.
 */
export async function rebadgeAfterSync(view: Pick<StorySetView, 'ids' | 'getMany'>): Promise<void> {
  const kept: [number, unknown][] = [...privateReports, ...(await keptReports())];
  const matches = kept.flatMap(([tabId, raw]): [number, Story][] => {
    const report = keptReport(raw);
    return report?.state === 'match' ? [[tabId, report.story]] : [];
  });
  const present = matches.filter(([, story]) => view.ids.has(story.id)).map(([, story]) => story.id);
  const fresh = present.length ? await view.getMany(present) : new Map<string, Story>();
  await Promise.all(
    matches.map(async ([tabId, old]) => {
      const story = fresh.get(old.id);
      const now = story && storyFigures(story);
      // A badge that already says it is left alone. Asked of the badge itself, not of the kept
      // story: a story withdrawn (its badge cleared) and restored with the same figures kept the
      // tab unbadged until the page was read again. A tab closed meanwhile needs nothing.
      if (now && (await showsMatch(tabId, now).catch(() => true))) return;
      // The tab may have read another page while the stories were read: its badge is that page's.
      const current = await loadReport(tabId);
      if (current?.state !== 'match' || current.story.id !== old.id) return;
      // A tab closed meanwhile has no badge left.
      await (now ? badgeMatch(tabId, now) : clearBadge(tabId)).catch(() => undefined);
    }),
  );
}

export function setUpReports(): void {
  // `status: 'loading'` is visible without the `tabs` permission and marks a new document, or a
  // jump within this one (the new address is told where the extension may read the tab).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void forgetReport(tabId, change.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    privateReports.delete(tabId);
    void reportItem(tabId).removeValue();
  });
}

/**
 * Drops the tab's report when the tab loads another page. A jump within the page read (an in-page
 * link, `#comments`) keeps it: the article beside the side panel is the same, and the panel lost
 * its story to it.
 */
async function forgetReport(tabId: number, url: string | undefined): Promise<void> {
  if (url) {
    const kept = await loadReport(tabId);
    if (kept && 'page' in kept && onlyFragmentDiffers(kept.page.url, url)) return;
  }
  privateReports.delete(tabId);
  await Promise.all([reportItem(tabId).removeValue(), clearBadge(tabId)]);
}
