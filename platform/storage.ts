/**
 * Everything the extension keeps in `browser.storage`, declared in one place: one WXT item per
 * key, so the keys can be listed (docs/architecture.md, "Storage inventory") and none is written
 * by hand elsewhere. Each item is at version 1: a change of a stored value's meaning bumps the
 * version and adds a migration here, instead of repair code where the value is read.
 *
 * Zod-free on purpose (the popup imports it and stays small): values are repaired where they are
 * read, by the core's schemas (platform/settings.ts) or the small repairs below.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { addFollow, boundList, markStoryRead, repairFollows, repairLedger, type ListedAlert } from '../lib/alerts/state.ts';
import type { AlertPrefs } from '../lib/alerts/prefs.ts';
import type { Follows, Ledger } from '../lib/alerts/decide.ts';
import type { TabReport } from '../lib/messages.ts';
import type { PanelRequest } from '../lib/panel-request.ts';
import { findCorrection, repairCorrections, withCorrection, type Corrections, type ReaderChoice } from '../lib/match/corrections.ts';
import { MAX_LEDGER, readLedger, type KeptLedger, type LedgerEntry } from '../lib/net-ledger.ts';
import type { ReadingMode } from '../lib/reading-mode.ts';
import { datesOf, type DataDates } from '../lib/store/age.ts';
import type { StoreSettings, SyncStatus } from '../lib/store/settings.ts';

// local: kept until the extension is removed (or the reader clears it).

/** The reader's store URL and sync interval (options page). */
export const settingsItem = storage.defineItem<StoreSettings>('local:storeSettings', { version: 1 });
/** The sync's status: last success, last error, back-off, counts, progress. */
export const statusItem = storage.defineItem<SyncStatus>('local:storeSync', { version: 1 });
/** On click or automatic reading, its sites and the never-read sites. */
export const readingModeItem = storage.defineItem<ReadingMode>('local:readingMode', { version: 1 });
/** Alert preferences: paused, quiet hours, notifications per sync. */
export const alertPrefsItem = storage.defineItem<AlertPrefs>('local:alertPrefs', { version: 1 });
/** The topics and stories the reader follows. */
export const followsItem = storage.defineItem<Follows>('local:follows', { fallback: { topics: [], stories: [] }, version: 1 });
// The two alert items are at version 2: the ledger keeps each key's hash, not its text, and the
// list's alerts carry a few clipped names (at version 1 a store made them 8.6 MB and 1.9 MB). Both
// migrations leave a value already in the new shape as it is: `saveAlerts` writes both values in
// one `storage.local.set`, which sets no version, so a value it wrote first is migrated again.

/** What the reader was already told about, so no alert repeats. */
export const ledgerItem = storage.defineItem<Ledger>('local:alertLedger', {
  fallback: { told: [], outlets: {} },
  version: 2,
  migrations: { 2: repairLedger },
});
/** The reader's recent alerts, newest first (MAX_LISTED, MAX_LIST_BYTES). */
export const alertListItem = storage.defineItem<ListedAlert[]>('local:alertList', {
  fallback: [],
  version: 2,
  migrations: { 2: boundList },
});
/**
 * When quiet hours first held back an alert's notification (ms), until they end: the alerts
 * raised since then and still unread are summed up in one notification (QUIET_END_ALARM).
 */
export const quietHeldItem = storage.defineItem<number>('local:quietHeld', { version: 1 });
/** Every request the extension made, newest first (MAX_LEDGER). */
export const netLedgerItem = storage.defineItem<LedgerEntry[]>('local:networkLedger', { fallback: [], version: 1 });
/** The reader's word on matches, by normalised page URL (MAX_CORRECTIONS). */
export const correctionsItem = storage.defineItem<Corrections>('local:matchCorrections', { fallback: {}, version: 1 });

// session: in memory, gone when the browser closes; never written for a private window's tab.

/** The latest report for a tab, so the side panel shows it without reading the page again. */
export const reportItem = (tabId: number) => storage.defineItem<TabReport>(`session:report:${tabId}`, { version: 1 });
/** Every tab's kept report as stored (to be read through its repair): `[tabId, value]`. */
export async function keptReports(): Promise<[number, unknown][]> {
  // `report:<id>$` beside each is WXT's metadata for the item: not a number, left out.
  return Object.entries(await browser.storage.session.get(null)).flatMap(([key, value]): [number, unknown][] => {
    const tabId = key.startsWith('report:') ? Number(key.slice('report:'.length)) : NaN;
    return Number.isInteger(tabId) ? [[tabId, value]] : [];
  });
}
/** What a side panel opened from a notification should show (taken once by the panel). */
export const panelRequestItem = storage.defineItem<PanelRequest>('session:panelRequest', { version: 1 });

/** Reads what the reader follows, repairing a damaged value. */
export const getFollows = async (): Promise<Follows> => repairFollows(await followsItem.getValue());

/** Adds or removes a topic or a story from what the reader follows. */
export async function setFollow(kind: 'topics' | 'stories', id: string, on: boolean): Promise<Follows> {
  const next = addFollow(await getFollows(), kind, id, on);
  await followsItem.setValue(next);
  return next;
}

/**
 * The reader's alert list as every page and the background read it: repaired (`boundList`), so
 * a damaged item is skipped and the rest kept. The item's migration runs only when the
 * extension updates, and a write goes through `boundList`, but a value damaged since was read
 * as it was, and one bad item broke the popup's and side panel's alerts and the badge.
 */
export const getAlertList = async (): Promise<ListedAlert[]> => boundList(await alertListItem.getValue());

/** Follows the alert list as `getAlertList` reads it; returns the unwatch. */
export const watchAlertList = (then: (list: ListedAlert[]) => void) => alertListItem.watch((v) => then(boundList(v)));

/** Marks the alerts on `storyId` read (`markStoryRead`): the reader opened the story from its notification. */
export async function readStoryAlerts(storyId: string): Promise<void> {
  const next = markStoryRead(await getAlertList(), storyId);
  if (next) await alertListItem.setValue(next);
}

/**
 * Saves the alert ledger and, when there are new alerts, the alert list in one write: both are
 * kept or neither is, so a failed write cannot leave alerts marked as told that never reached
 * the reader's list.
 */
export async function saveAlerts(ledger: Ledger, list: ListedAlert[] | null): Promise<void> {
  await Promise.all([ledgerItem.getMeta(), alertListItem.getMeta()]); // their migrations first
  await storage.setItems([{ item: ledgerItem, value: ledger }, ...(list ? [{ item: alertListItem, value: list }] : [])]);
}

/** The dating fields of the stored sync status, read without zod. */
export const readDataDates = async (): Promise<DataDates> => datesOf(await statusItem.getValue());

/**
 * Calls `then` each time a sync changes the stories in use: the store's version in the sync
 * status, which the sync writes after the new stories are in use. Returns the unwatch.
 */
export const watchStoreVersion = (then: () => void) =>
  statusItem.watch((next, prev) => {
    if (datesOf(next).version !== datesOf(prev).version) then();
  });

/** The network ledger's readable entries and how many were not (`readLedger`). */
export const getNetLedger = async (): Promise<KeptLedger> => readLedger(await netLedgerItem.getValue());

/** Follows the network ledger as `getNetLedger` reads it; returns the unwatch. */
export const watchNetLedger = (then: (ledger: KeptLedger) => void) => netLedgerItem.watch((v) => then(readLedger(v)));

/** Adds a batch of ledger entries (newest first) in front of the kept, readable ones. */
export async function appendToLedger(newestFirst: LedgerEntry[]): Promise<void> {
  await netLedgerItem.setValue([...newestFirst, ...(await getNetLedger()).entries].slice(0, MAX_LEDGER));
}

/** The reader's choice for the page, or null. */
export async function getCorrection(page: { url?: string | null; canonicalUrl?: string | null }): Promise<ReaderChoice | null> {
  return findCorrection(repairCorrections(await correctionsItem.getValue()), page);
}

/** Remembers (or, with null, forgets) the reader's choice for the page. */
export async function setCorrection(
  page: { url?: string | null; canonicalUrl?: string | null },
  choice: ReaderChoice | null,
  now = Date.now(),
): Promise<void> {
  const next = withCorrection(repairCorrections(await correctionsItem.getValue()), page, choice, now);
  if (next) await correctionsItem.setValue(next);
}

/**
 * Closes `storage.local` to the extension's scripts in web pages. It holds the reader's word on
 * pages (which pages they read), what they follow and the store's address; only the extension's
 * own pages and worker need it. Chrome lets content scripts read and write it unless told: code
 * in a compromised page renderer, where the extractor runs after a click, read the reader's
 * corrections and pointed the store elsewhere (an adversarial audit, 2026-12-07). Session
 * storage is closed to them by default. Firefox has no such switch: there the background checks
 * what it is sent instead (messaging.ts).
 */
export function closeStorageToPages(): void {
  const local = browser.storage.local as { setAccessLevel?: (access: { accessLevel: string }) => Promise<void> };
  void local
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    ?.catch((err: unknown) => console.warn('[factlen] storage stays open to pages', err));
}
