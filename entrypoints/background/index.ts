// Wiring only: every listener is registered synchronously, as MV3 service workers require.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '../../lib/messaging.ts';
import { searchStories } from '../../lib/story-search.ts';
import { listTopics } from '../../lib/topic-list.ts';
import { setUpAlertBadge } from './alerts.ts';
import { setUpAutoMode } from './auto-mode.ts';
import { correctMatch, matchTab } from './match-tab.ts';
import { openFromNotification } from './notification-click.ts';
import { loadReport, setUpReports } from './reports.ts';
import { getStore } from './store.ts';
import { saveStoreSettings, setUpStoreSync, storeStatus, syncNow } from './sync.ts';

export default defineBackground(() => {
  setUpReports();
  setUpAlertBadge();
  browser.notifications.onClicked.addListener((id) => void openFromNotification(id, async (storyId) => (await getStore()).stories.get(storyId)));
  handleMessages({
    matchTab: ({ tabId }) => matchTab(tabId),
    correctMatch: ({ tabId, choice }) => correctMatch(tabId, choice),
    getTabReport: ({ tabId }) => loadReport(tabId),
    searchStories: async ({ query, limit }) => searchStories((await getStore()).stories.values(), query, limit),
    getStory: async ({ id }) => (await getStore()).stories.get(id) ?? null,
    getStoreStatus: () => storeStatus(),
    listTopics: async () => {
      const { stories, topicNames } = await getStore();
      return listTopics(stories.values(), topicNames);
    },
    saveStoreSettings: (req) => saveStoreSettings(req),
    syncNow: () => syncNow('manual'),
  });
  setUpStoreSync();
  setUpAutoMode();
});
