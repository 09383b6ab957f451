// The toolbar badge: on a matched tab, the outlet count of its story, spelled out in the
// tooltip; everywhere else, the count of unread alerts.
import { browser } from 'wxt/browser';
import { t, tn } from '../../platform/i18n.ts';
import type { StoryFigures } from '../../lib/story/figures.ts';

// Firefox builds are MV2, where the toolbar button is `browserAction`.
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

/** What a matched tab's badge says: its story's outlet count, and the figures in its tooltip. */
function matchBadge(figures: StoryFigures): { text: string; title: string } {
  const title = t('badgeTitle', [
    tn('outlets', figures.outlets),
    tn('viewpoints', figures.viewpointsSurfaced),
    figures.missing ? tn('missingCount', figures.missing) : t('missingCountNone'),
  ]);
  return { text: String(figures.outlets), title };
}

export async function badgeMatch(tabId: number, figures: StoryFigures): Promise<void> {
  const { text, title } = matchBadge(figures);
  await Promise.all([
    action().setBadgeText({ tabId, text }),
    action().setBadgeBackgroundColor({ tabId, color: '#0b6e69' }),
    action().setTitle({ tabId, title }),
  ]);
}

/** Whether the tab's badge and tooltip already say what `badgeMatch` would draw for `figures`. */
export async function showsMatch(tabId: number, figures: StoryFigures): Promise<boolean> {
  const { text, title } = matchBadge(figures);
  const [shown, tip] = await Promise.all([action().getBadgeText({ tabId }), action().getTitle({ tabId })]);
  return shown === text && tip === title;
}

/** Drops the tab's own badge so the global one (unread alerts) shows through. */
export async function clearBadge(tabId: number): Promise<void> {
  // Text `null` (not '') clears the tab's value and falls back to the global one, in both
  // browsers; a title cannot be unset that way, so the tab gets the global title.
  const none = null as unknown as string;
  const title = await action().getTitle({});
  await Promise.all([action().setBadgeText({ tabId, text: none }), action().setTitle({ tabId, title })]);
}

/** The global badge: how many alerts the reader has not seen yet. */
export async function badgeUnread(count: number): Promise<void> {
  await Promise.all([
    action().setBadgeText({ text: count ? String(Math.min(count, 99)) : '' }),
    action().setBadgeBackgroundColor({ color: '#a13f12' }),
    action().setTitle({ title: count ? t('badgeUnreadTitle', tn('alertCount', count)) : t('extName') }),
  ]);
}
