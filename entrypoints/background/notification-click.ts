// A click on an alert opens its story: in the side panel where the browser allows it, else
// the story's Factlen page, else the story view as a tab.
import { browser } from 'wxt/browser';
import { notifiedStory } from '../../lib/alerts/notify.ts';
import { panelPath, type PanelRequest } from '../../lib/panel-request.ts';
import { panelRequestItem } from '../../platform/storage.ts';
import type { Story } from '../../lib/story/story.ts';

export async function openFromNotification(
  notificationId: string,
  getStory: (id: string) => Promise<Story | undefined> | Story | undefined,
): Promise<void> {
  const storyId = notifiedStory(notificationId);
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
  const url = storyId ? (await getStory(storyId))?.url : undefined;
  await browser.tabs.create({ url: url ?? browser.runtime.getURL(`/${panelPath(null, request)}`) });
}
