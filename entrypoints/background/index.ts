// Wiring only: every listener is registered synchronously, as MV3 service workers require.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '../../lib/messaging.ts';
import { searchStories } from '../../lib/story-search.ts';
import { setUpAlertBadge } from './alerts.ts';
import { matchTab } from './match-tab.ts';
import { openFromNotification } from './notification-click.ts';
import { loadReport, setUpReports } from './reports.ts';
import { getStore } from './store.ts';

export default defineBackground(() => {
  setUpReports();
  setUpAlertBadge();
  browser.notifications.onClicked.addListener((id) => void openFromNotification(id, (storyId) => getStore().stories.get(storyId)));
  handleMessages({
    matchTab: ({ tabId }) => matchTab(tabId),
    getTabReport: ({ tabId }) => loadReport(tabId),
    searchStories: ({ query, limit }) => searchStories(getStore().stories.values(), query, limit),
    getStory: ({ id }) => getStore().stories.get(id) ?? null,
  });
});
