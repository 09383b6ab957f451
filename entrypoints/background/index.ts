// Wiring only: every listener is registered synchronously, as MV3 service workers require.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '../../platform/messaging.ts';
import { closeStorageToPages } from '../../platform/storage.ts';
import { searchStories } from '../../lib/story/search.ts';
import { listTopics } from '../../lib/story/topic-list.ts';
import { topicNames } from '../../lib/story/topics.ts';
import { setUpAlertBadge, setUpQuietHours } from './alerts.ts';
import { readAutomatically, setUpAutoMode } from './auto-mode.ts';
import { setUpFirstRun } from './first-run.ts';
import { correctMatch, matchTab } from './match-tab.ts';
import { openFromNotification } from './notification-click.ts';
import { loadReport, setUpReports } from './reports.ts';
import { loadStories } from './store.ts';
import { saveStoreSettings, setUpStoreSync, storeStatus, storeSummary, syncNow } from './sync.ts';

export default defineBackground(() => {
  closeStorageToPages();
  setUpFirstRun();
  setUpReports();
  setUpAlertBadge();
  setUpQuietHours();
  browser.notifications.onClicked.addListener(
    (id) => void openFromNotification(id, async (storyId) => (await loadStories()).set.current().get(storyId)),
  );
  handleMessages({
    matchTab: ({ tabId }) => matchTab(tabId),
    correctMatch: ({ tabId, choice, pageUrl }) => correctMatch(tabId, choice, pageUrl),
    getTabReport: ({ tabId }) => loadReport(tabId),
    // Search and topics read every story: once per worker life, and never on the match path.
    searchStories: async ({ query, limit }) => searchStories((await (await loadStories()).set.current().all()).values(), query, limit),
    getStory: async ({ id }) => (await (await loadStories()).set.current().get(id)) ?? null,
    getStoreStatus: () => storeStatus(),
    getStoreSummary: () => storeSummary(),
    listTopics: async () => {
      const view = (await loadStories()).set.current();
      return listTopics((await view.all()).values(), topicNames(view.remote?.topics));
    },
    saveStoreSettings: (req) => saveStoreSettings(req),
    syncNow: () => syncNow('manual'),
    autoRead: (req, sender) => readAutomatically(req, sender),
  });
  setUpStoreSync();
  setUpAutoMode();
});
