// Alerts on sync: decide (pure), remember, notify within the reader's limits, keep the badge.
import { browser } from 'wxt/browser';
import { decideAlerts, previousOf, type PreviousStore } from '../../lib/alerts/decide.ts';
import { planNotifications } from '../../lib/alerts/notify.ts';
import { inQuietHours } from '../../lib/alerts/prefs.ts';
import { MAX_LISTED } from '../../lib/alerts/state.ts';
import type { Story } from '../../lib/story/story.ts';
import { topicLabel } from '../../lib/story/topics.ts';
import { t, tn } from '../../platform/i18n.ts';
import { getAlertPrefs } from '../../platform/settings.ts';
import { alertListItem, getFollows, ledgerItem } from '../../platform/storage.ts';
import { badgeUnread } from './badge.ts';

/**
 * Called after each store change with the store before (its ids and followed stories, or every
 * story) and the stories after that are new or followed. `prev === null` is the first load since
 * install: it records a baseline and raises nothing.
 */
export async function raiseAlerts(
  prev: PreviousStore | readonly Story[] | null,
  next: readonly Story[],
  topicNames: Record<string, string> = {},
  now = Date.now(),
): Promise<void> {
  const [follows, ledger, prefs, list] = await Promise.all([
    getFollows(),
    ledgerItem.getValue(),
    getAlertPrefs(),
    alertListItem.getValue(),
  ]);
  const before = prev && (Array.isArray(prev) ? previousOf(prev as readonly Story[]) : (prev as PreviousStore));
  const { alerts, ledger: nextLedger } = decideAlerts(before, next, follows, ledger, now);
  // The ledger is saved before anything is shown: a crash after this point loses an alert at
  // worst, never repeats one.
  await ledgerItem.setValue(nextLedger);
  if (!alerts.length) return;
  await alertListItem.setValue([...alerts.map((alert) => ({ alert, at: now, read: false })), ...list].slice(0, MAX_LISTED));
  if (prefs.paused || inQuietHours(prefs, new Date(now))) return;
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  for (const n of planNotifications(alerts, { t, tn }, (slug) => topicLabel(slug, topicNames), prefs.maxPerSync)) {
    await browser.notifications.create(n.id, { type: 'basic', iconUrl, title: n.title, message: n.message });
  }
}

/** Keeps the global badge equal to the number of unread alerts. */
export function setUpAlertBadge(): void {
  // Updates run one after another and each reads the list afresh, so a slow first read can
  // never paint an old count over a newer one.
  let chain = Promise.resolve();
  const update = () => {
    chain = chain.then(async () => badgeUnread((await alertListItem.getValue()).filter((a) => !a.read).length)).catch(() => undefined);
  };
  update();
  alertListItem.watch(update);
}
