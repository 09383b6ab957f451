// Wiring only: every listener is registered synchronously, as MV3 service workers require.
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '../../lib/messaging.ts';
import { matchTab } from './match-tab.ts';
import { saveStoreSettings, setUpStoreSync, storeStatus, syncNow } from './sync.ts';

export default defineBackground(() => {
  handleMessages({
    matchTab: ({ tabId }) => matchTab(tabId),
    getStoreStatus: () => storeStatus(),
    saveStoreSettings: (req) => saveStoreSettings(req),
    syncNow: () => syncNow('manual'),
  });
  setUpStoreSync();
});
