/**
 * Opens the side panel (Chrome) or sidebar (Firefox) for `tabId`, on its story or on what
 * `open` asks for. Must run inside a click handler: both browsers require a user gesture, so
 * nothing is awaited before `open`.
 */
import { browser } from 'wxt/browser';
import { panelPath, type PanelRequest } from '../lib/panel-request.ts';

interface FirefoxSidebar {
  setPanel(details: { tabId?: number; panel: string }): Promise<void>;
  open(): Promise<void>;
}

export function openSidePanel(tabId: number, request: PanelRequest = {}): Promise<void> {
  const path = panelPath(tabId, request);
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
