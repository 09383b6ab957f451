// A click on an alert opens its story: in the side panel where the browser allows it, else
// the story's Factlen page, else the story view as a tab, in a window brought to the front.
import { browser } from 'wxt/browser';
import { notifiedStory } from '../../lib/alerts/notify.ts';
import { panelPath, type PanelRequest } from '../../lib/panel-request.ts';
import { panelRequestItem, readStoryAlerts } from '../../platform/storage.ts';
import type { Story } from '../../lib/story/story.ts';

type GetStory = (id: string) => Promise<Story | undefined> | Story | undefined;

/** Opens what the notification is about; its story's alerts are then read, as the badge says. */
export async function openFromNotification(notificationId: string, getStory: GetStory): Promise<void> {
  const storyId = notifiedStory(notificationId);
  try {
    await open(notificationId, storyId, getStory);
  } finally {
    // The summary opens the list, which reads itself.
    if (storyId) await readStoryAlerts(storyId).catch((err: unknown) => console.warn('[factlen] alerts could not be marked read', err));
  }
}

async function open(notificationId: string, storyId: string | null, getStory: GetStory): Promise<void> {
  const request: PanelRequest = storyId ? { story: storyId } : { view: 'alerts' };
  void browser.notifications.clear(notificationId);
  if (browser.sidePanel?.open) {
    // Nothing may be awaited before open(): the click's user gesture would be spent.
    void panelRequestItem.setValue(request);
    try {
      await browser.sidePanel.open({ windowId: browser.windows.WINDOW_ID_CURRENT });
      return;
    } catch {
      await panelRequestItem.removeValue();
    }
  }
  // Firefox has no side panel to open here: sidebarAction.open() is refused outside a user
  // action, and an alert's click is none (docs/firefox.md). The story opens in a tab instead.
  const url = storyId ? (await getStory(storyId))?.url : undefined;
  const tab = await browser.tabs.create({ url: url ?? browser.runtime.getURL(`/${panelPath(null, request)}`) });
  // The reader clicked for it: a minimised or hidden window is brought forward, else the tab
  // opens where no one sees it (focus alone leaves a minimised window so in Firefox).
  if (tab.windowId === undefined) return;
  const { state } = await browser.windows.get(tab.windowId);
  await browser.windows.update(tab.windowId, state === 'minimized' ? { state: 'normal', focused: true } : { focused: true });
}
