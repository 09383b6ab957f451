/**
 * Opens the side panel (Chrome) or sidebar (Firefox) on the story of `tabId`. Must run inside a
 * click handler: both browsers require a user gesture, so nothing is awaited before `open`.
 */
import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  setPanel(details: { tabId?: number; panel: string }): Promise<void>;
  open(): Promise<void>;
}

export function openSidePanel(tabId: number): Promise<void> {
  const path = `sidepanel.html?tabId=${tabId}` as const;
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  if (browser.sidePanel) {
    // A tab-specific panel stays with the tab it was opened for.
    void browser.sidePanel.setOptions({ tabId, path, enabled: true });
    return browser.sidePanel.open({ tabId });
  }
  if (sidebar) {
    void sidebar.setPanel({ tabId, panel: browser.runtime.getURL(`/${path}`) });
    return sidebar.open();
  }
  return browser.tabs.create({ url: browser.runtime.getURL(`/${path}`) }).then(() => undefined);
}
