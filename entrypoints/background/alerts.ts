// Alerts on sync: decide (pure), remember, notify within the reader's limits, keep the badge.
import { browser } from 'wxt/browser';
import { decideAlerts, type PreviousStore } from '../../lib/alerts/decide.ts';
import { byImportance, planNotifications } from '../../lib/alerts/notify.ts';
import { inQuietHours } from '../../lib/alerts/prefs.ts';
import { listAlerts, unreadCount } from '../../lib/alerts/state.ts';
import type { Story } from '../../lib/story/story.ts';
import { topicLabel } from '../../lib/story/topics.ts';
import { t, tn } from '../../platform/i18n.ts';
import { getAlertPrefs } from '../../platform/settings.ts';
import { getAlertList, getFollows, ledgerItem, saveAlerts, watchAlertList } from '../../platform/storage.ts';
import { badgeUnread } from './badge.ts';

/**
 * Called after each store change with the store before (its ids and followed stories) and the
 * stories after that are new or followed (`alertCandidates`). `prev === null` is the first load
 * since install: it records a baseline and raises nothing.
 */
export async function raiseAlerts(
  prev: PreviousStore | null,
  next: readonly Story[],
  topicNames: Record<string, string> = {},
  now = Date.now(),
): Promise<void> {
  const [follows, ledger, prefs, list] = await Promise.all([getFollows(), ledgerItem.getValue(), getAlertPrefs(), getAlertList()]);
  const decided = decideAlerts(prev, next, follows, ledger, now);
  const { ledger: nextLedger } = decided;
  const alerts = byImportance(decided.alerts);
  // New alerts go in front of the list, which keeps a bounded prefix: this many of them stay.
  const nextList = alerts.length ? listAlerts(alerts, list, now) : null;
  const listed = Math.min(alerts.length, nextList?.length ?? 0);
  // The ledger and the list are saved in one write, before anything is shown: a crash after it
  // loses a notification at worst, never repeats one. A write that fails (storage full) marks
  // nothing as told, and the notifications still go out: the store has moved on, so this change
  // will not be seen again, and they are the reader's only word of it.
  try {
    await saveAlerts(nextLedger, nextList);
  } catch (err) {
    console.error('[factlen] alerts could not be saved', err);
  }
  if (!alerts.length) return;
  if (prefs.paused || inQuietHours(prefs, new Date(now))) return;
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  for (const n of planNotifications(alerts, { t, tn }, (slug) => topicLabel(slug, topicNames), prefs.maxPerSync, listed)) {
    await browser.notifications.create(n.id, { type: 'basic', iconUrl, title: n.title, message: n.message });
  }
}

/** Keeps the global badge equal to the number of unread alerts. */
export function setUpAlertBadge(): void {
  // Updates run one after another and each reads the list afresh, so a slow first read can
  // never paint an old count over a newer one.
  let chain = Promise.resolve();
  const update = () => {
    chain = chain.then(async () => badgeUnread(unreadCount(await getAlertList()))).catch(() => undefined);
  };
  update();
  watchAlertList(update);
}
