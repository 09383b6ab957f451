// The latest report per tab, in session storage (memory only, gone when the browser closes),
// so the side panel can show a tab's story without reading the page again and can follow
// changes. A report is dropped when its tab navigates or closes.
import { browser } from 'wxt/browser';
import { reportKey, type TabReport } from '../../lib/messages.ts';
import { clearBadge } from './badge.ts';

export async function saveReport(tabId: number, report: TabReport): Promise<void> {
  await browser.storage.session.set({ [reportKey(tabId)]: report });
}

export async function loadReport(tabId: number): Promise<TabReport | null> {
  const key = reportKey(tabId);
  const got = await browser.storage.session.get(key);
  return (got[key] as TabReport | undefined) ?? null;
}

export function setUpReports(): void {
  // `status: 'loading'` is visible without the `tabs` permission and marks a new document.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void Promise.all([browser.storage.session.remove(reportKey(tabId)), clearBadge(tabId)]);
  });
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(reportKey(tabId)));
}
