// Store sync wiring: the periodic and retry alarms, a sync at browser start-up, and the options
// page's requests. The sync itself is lib/store/runner.ts.
import { browser } from 'wxt/browser';
import { t } from '../../platform/i18n.ts';
import { ledgered, ledgerRecorder } from '../../lib/net-ledger.ts';
import { dataTime, syncFailing } from '../../lib/store/age.ts';
import { BUILD_PUBLIC_KEY, BUILD_STORE_URL, BUILT_AT } from '../../lib/store/build-config.ts';
import { runSync, SYNC_DEADLINE_MS, type SyncReason } from '../../lib/store/runner.ts';
import type { StoreSummary } from '../../lib/messages.ts';
import { effectiveStoreUrl, type StoreSettings, type SyncStatus } from '../../lib/store/settings.ts';
import { checkStoreUrl } from '../../lib/store/store-url.ts';
import { alertCandidates, sameStore, type PreviousStore } from '../../lib/alerts/decide.ts';
import type { StorySetView } from '../../lib/store/story-set.ts';
import type { Story } from '../../lib/story/story.ts';
import { topicNames } from '../../lib/story/topics.ts';
import { readSettings, readStatus, writeSettings, writeStatus } from '../../platform/settings.ts';
import { appendToLedger, getFollows } from '../../platform/storage.ts';
import { raiseAlerts } from './alerts.ts';
import { rebadgeAfterSync } from './reports.ts';
import { indexState, loadStories } from './store.ts';

export const SYNC_ALARM = 'store-sync';

// Every request the extension makes goes through here, into the ledger the options page shows.
const recordRequest = ledgerRecorder(appendToLedger);
export const RETRY_ALARM = 'store-retry';

let running: Promise<SyncStatus> | null = null;
let runningSince = 0;
let followUp: Promise<SyncStatus> | null = null;
/**
 * A run still going this long after its start is stuck somewhere outside the sync's own deadline
 * (storage that never answers): it is abandoned, and the next request starts a new run instead
 * of joining it forever.
 */
const ABANDON_AFTER_MS = SYNC_DEADLINE_MS + 60_000;

/** The sync status in the extension's storage. */
const statusStore = { read: readStatus, write: writeStatus };

/** Whether the browser lets us fetch from the store's origin (the build's, or one the reader granted). */
const canReach = (originPattern: string) => browser.permissions.contains({ origins: [originPattern] });

/**
 * Runs a sync unless one is running (then answers with that one), and schedules the retry. New
 * settings cannot join a sync that started with the old ones: they get one right after it.
 */
export function syncNow(reason: SyncReason): Promise<SyncStatus> {
  if (running && Date.now() - runningSince > ABANDON_AFTER_MS) {
    console.warn('[factlen] a sync ran past its deadline; starting a new one');
    running = followUp = null;
  }
  if (running && reason === 'settings') {
    followUp ??= running.then(() => {
      followUp = null;
      return syncNow('settings');
    });
    return followUp;
  }
  if (running) return running;
  runningSince = Date.now();
  const started = runningSince;
  const run: Promise<SyncStatus> = (async () => {
    try {
      const { set, db } = await loadStories();
      const storeUrl = effectiveStoreUrl(await readSettings(), BUILD_STORE_URL);
      const before = set.current();
      // The followed stories as they are now: a sync that changes them prunes their old shards.
      const prev = await previousStore(before);
      const status = await runSync(
        {
          storySet: set,
          db,
          storeUrl,
          fetchFn: ledgered((url, init) => fetch(url, init), recordRequest),
          now: Date.now,
          publicKey: BUILD_PUBLIC_KEY,
          canReach,
          statusStore,
        },
        reason,
      );
      if (status.nextRetryAt !== null) await browser.alarms.create(RETRY_ALARM, { when: status.nextRetryAt });
      else await browser.alarms.clear(RETRY_ALARM);
      const after = set.current();
      await alertOnChange(before, prev, after);
      if (after.version !== before.version) {
        await rebadgeAfterSync(after).catch((err) => console.warn('[factlen] badges not updated', err));
      }
      return status;
    } finally {
      // An abandoned run must not clear the run that replaced it.
      if (runningSince === started) running = null;
    }
  })();
  running = run;
  return run;
}

/** What the alerts compare a sync's result with: none before the first remote store. */
async function previousStore(view: StorySetView): Promise<PreviousStore | null> {
  if (!view.remote) return null;
  const { stories: followed } = await getFollows().catch(() => ({ stories: [] as string[] }));
  const stories = new Map<string, Story>();
  for (const id of followed) {
    const s = await view.get(id).catch(() => undefined);
    if (s) stories.set(id, s);
  }
  return { ids: view.ids, stories };
}

/**
 * Alerts fire on sync. Before the first remote store (just installed, or bundled only), or when
 * the reader switched stores, there is no previous store to compare with: that sync records the
 * baseline and raises nothing.
 */
async function alertOnChange(before: StorySetView, prev: PreviousStore | null, after: StorySetView): Promise<void> {
  if (after.version === before.version) return;
  const names = topicNames(after.remote?.topics);
  try {
    const ids = alertCandidates(before.ids, after.ids, (await getFollows()).stories);
    const next = (await Promise.all(ids.map((id) => after.get(id)))).filter((s): s is Story => !!s);
    await raiseAlerts(sameStore(before.remote, after.remote) ? prev : null, next, names);
  } catch (err) {
    // Alerts are a courtesy on top of the sync: a failure here must not fail the sync.
    console.error('[factlen] alerts failed', err);
  }
}

/** Keeps the periodic alarm in step with the settings: none without a store. */
async function schedule(settings: StoreSettings): Promise<void> {
  if (!effectiveStoreUrl(settings, BUILD_STORE_URL)) {
    await Promise.all([browser.alarms.clear(SYNC_ALARM), browser.alarms.clear(RETRY_ALARM)]);
    return;
  }
  const alarm = await browser.alarms.get(SYNC_ALARM);
  if (alarm?.periodInMinutes !== settings.syncMinutes) {
    await browser.alarms.create(SYNC_ALARM, { delayInMinutes: settings.syncMinutes, periodInMinutes: settings.syncMinutes });
  }
}

/** The status as the options page shows it: with the counts of the stories in use now. */
export async function storeStatus(): Promise<SyncStatus> {
  const [{ set }, status] = await Promise.all([loadStories(), readStatus()]);
  const view = set.current();
  return {
    ...status,
    counts: view.counts,
    version: view.remote?.version ?? null,
    generatedAt: view.remote?.generatedAt ?? null,
    expiresAt: view.remote?.expiresAt ?? null,
    matchIndex: indexState(view.version),
  };
}

/** How many stories are in use, how fresh they are and the store's topic names, for the popup and side panel. */
export async function storeSummary(): Promise<StoreSummary> {
  const [{ set }, status] = await Promise.all([loadStories(), readStatus()]);
  const view = set.current();
  const updatedAt = dataTime(status, BUILT_AT);
  return {
    stories: view.counts.total,
    updatedAt,
    syncFailing: syncFailing(status.lastError !== null, updatedAt, Date.now()),
    topicNames: topicNames(view.remote?.topics),
  };
}

/**
 * Saves the reader's settings (`storeUrl` null: the build's store; "": none) and starts a sync.
 * The options page has asked for the origin's permission already, in the click that saved.
 */
export async function saveStoreSettings(req: { storeUrl: string | null; syncMinutes: number }): Promise<SyncStatus> {
  const storeUrl = req.storeUrl?.trim();
  if (storeUrl && !checkStoreUrl(storeUrl).ok) throw new Error(t('syncError_bad_url', storeUrl));
  const settings: StoreSettings = { storeUrl: storeUrl ?? undefined, syncMinutes: req.syncMinutes };
  await writeSettings(settings);
  await schedule(settings);
  void syncNow('settings');
  return storeStatus();
}

export function setUpStoreSync(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncNow('alarm');
    else if (alarm.name === RETRY_ALARM) void syncNow('retry');
  });
  const start = () =>
    void readSettings()
      .then(schedule)
      .finally(() => syncNow('startup'));
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);
}
