// Alerts on sync: decide (pure), remember, notify within the reader's limits, keep the badge.
import { browser } from 'wxt/browser';
import { decideAlerts, type PreviousStore } from '../../lib/alerts/decide.ts';
import { byImportance, planNotifications, planQuietSummary } from '../../lib/alerts/notify.ts';
import { quietHoursEnd } from '../../lib/alerts/prefs.ts';
import { listAlerts, unreadCount } from '../../lib/alerts/state.ts';
import type { Story } from '../../lib/story/story.ts';
import { topicLabel } from '../../lib/story/topics.ts';
import { t, tn } from '../../platform/i18n.ts';
import { getAlertPrefs } from '../../platform/settings.ts';
import { getAlertList, getFollows, ledgerItem, quietHeldItem, saveAlerts, watchAlertList } from '../../platform/storage.ts';
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
  // Quiet hours whose end is overdue (a late alarm) are summed up first, so nothing is told twice.
  await endQuietHours(now);
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
  if (!alerts.length || prefs.paused) return;
  const quietEnd = quietHoursEnd(prefs, new Date(now));
  if (quietEnd) return holdUntil(quietEnd, now);
  for (const n of planNotifications(alerts, { t, tn }, (slug) => topicLabel(slug, topicNames), prefs.maxPerSync, listed)) await notify(n);
}

/** The alarm that ends the quiet hours which held back a notification. */
export const QUIET_END_ALARM = 'alerts-quiet-end';

const notify = async (n: { id: string; title: string; message: string }) =>
  browser.notifications.create(n.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: n.title,
    message: n.message,
  });

/** Notifications held back at `now` are summed up at `end` (the first held one dates the batch). */
async function holdUntil(end: Date, now: number): Promise<void> {
  if ((await quietHeldItem.getValue()) === null) await quietHeldItem.setValue(now);
  await browser.alarms.create(QUIET_END_ALARM, { when: end.getTime() });
}

/**
 * Quiet hours are over: one notification for the alerts they held back that are still unread
 * (none if the reader read the list meanwhile, or paused alerts). Quiet hours the reader moved
 * to go on later are waited for again.
 */
export async function endQuietHours(now = Date.now()): Promise<void> {
  const since = await quietHeldItem.getValue();
  if (since === null) return;
  const prefs = await getAlertPrefs();
  const stillQuiet = prefs.paused ? null : quietHoursEnd(prefs, new Date(now));
  if (stillQuiet) return void (await browser.alarms.create(QUIET_END_ALARM, { when: stillQuiet.getTime() }));
  await quietHeldItem.removeValue();
  if (prefs.paused) return;
  const held = (await getAlertList()).filter((a) => !a.read && a.at >= since).length;
  const summary = planQuietSummary(held, { t, tn });
  if (summary) await notify(summary);
}

/** Ends quiet hours on their alarm, and at start-up in case the browser was closed when it was due. */
export function setUpQuietHours(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === QUIET_END_ALARM) void endQuietHours();
  });
  browser.runtime.onStartup.addListener(() => void endQuietHours());
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
