// The side panel's tab and its latest report: a fixed tab (`?tabId=`) or the active tab of the
// panel's window, and the report the background keeps for it, followed as it changes.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TabReport } from '../../lib/messages.ts';
import { sendMessage } from '../../platform/messaging.ts';
import { reportItem } from '../../platform/storage.ts';
import { targetTabId } from '../../platform/target-tab.ts';

export type Loaded = { status: 'loading' } | { status: 'ready'; tabId: number | null; report: TabReport | null };

export function useTabReport(): Loaded {
  const fixed = new URLSearchParams(location.search).has('tabId');
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [report, setReport] = useState<TabReport | null | undefined>(undefined);

  useEffect(() => {
    void targetTabId(location.search).then(setTabId, () => setTabId(null));
    if (fixed) return;
    // Opened from the browser's own side panel menu: follow the active tab of this window. Not
    // when the page is itself a tab (Firefox opens it so from an alert, having no side panel to
    // open): switching away and back would replace the story it was opened for with a report
    // on the tab left, then on itself ("No article read in this tab yet").
    let windowId: number | undefined;
    void browser.windows.getCurrent().then((w) => (windowId = w.id));
    const inTab = browser.tabs.getCurrent().then(
      (tab) => tab !== undefined,
      () => false,
    );
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId !== undefined && info.windowId !== windowId) return;
      void inTab.then((isTab) => isTab || setTabId(info.tabId));
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);

  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) return setReport(null);
    let live = true;
    setReport(undefined);
    // Asked of the background, which reads the kept report through its repair (lib/report.ts
    // keptReport), first and each time it changes; answers are taken in the order asked.
    let asked = 0;
    const ask = () => {
      const n = ++asked;
      void sendMessage('getTabReport', { tabId }).then(
        (r) => live && n === asked && setReport(r),
        () => live && n === asked && setReport(null),
      );
    };
    ask();
    const unwatch = reportItem(tabId).watch(ask);
    return () => {
      live = false;
      unwatch();
    };
  }, [tabId]);

  if (tabId === undefined || report === undefined) return { status: 'loading' };
  return { status: 'ready', tabId, report };
}
