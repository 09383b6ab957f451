// Wiring only: every listener is registered synchronously, as MV3 service workers require.
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '../../lib/messaging.ts';
import { correctMatch, matchTab } from './match-tab.ts';

export default defineBackground(() => {
  handleMessages({ matchTab: ({ tabId }) => matchTab(tabId), correctMatch: ({ tabId, choice }) => correctMatch(tabId, choice) });
});
