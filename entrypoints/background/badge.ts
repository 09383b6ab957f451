// The toolbar badge: the outlet count of the tab's story, spelled out in the tooltip.
import { browser } from 'wxt/browser';
import { t, tn } from '../../lib/i18n.ts';
import type { StoryFigures } from '../../lib/story-figures.ts';

// Firefox builds are MV2, where the toolbar button is `browserAction`.
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

export async function badgeMatch(tabId: number, figures: StoryFigures): Promise<void> {
  const title = t('badgeTitle', [tn('outlets', figures.outlets), tn('viewpoints', figures.viewpointsSurfaced), tn('missingCount', figures.missing)]);
  await Promise.all([
    action().setBadgeText({ tabId, text: String(figures.outlets) }),
    action().setBadgeBackgroundColor({ tabId, color: '#0b6e69' }),
    action().setTitle({ tabId, title }),
  ]);
}

export async function clearBadge(tabId: number): Promise<void> {
  await Promise.all([action().setBadgeText({ tabId, text: '' }), action().setTitle({ tabId, title: t('extName') })]);
}
