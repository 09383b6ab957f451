/**
 * The stored settings and statuses that zod repairs field by field: read through the core's
 * schemas, so a bad or missing field falls back to its default and the rest is kept. Apart from
 * platform/storage.ts because zod stays out of the popup.
 */
import { AlertPrefs, parseAlertPrefs } from '../lib/alerts/prefs.ts';
import { parseReadingMode, ReadingMode } from '../lib/reading-mode.ts';
import { parseSettings, parseStatus, StoreSettings, type SyncStatus } from '../lib/store/settings.ts';
import { alertPrefsItem, readingModeItem, settingsItem, statusItem } from './storage.ts';

/** The store settings, repaired field by field. */
export const readSettings = async (): Promise<StoreSettings> => parseSettings(await settingsItem.getValue());

export async function writeSettings(settings: StoreSettings): Promise<void> {
  await settingsItem.setValue(StoreSettings.parse(settings));
}

/** The sync status, repaired field by field. */
export const readStatus = async (): Promise<SyncStatus> => parseStatus(await statusItem.getValue());

export async function writeStatus(status: SyncStatus): Promise<SyncStatus> {
  await statusItem.setValue(status);
  return status;
}

/** The reading mode, repaired field by field. */
export const readReadingMode = async (): Promise<ReadingMode> => parseReadingMode(await readingModeItem.getValue());

export async function writeReadingMode(mode: ReadingMode): Promise<void> {
  await readingModeItem.setValue(ReadingMode.parse(mode));
}

/** The alert preferences, repaired field by field. */
export const getAlertPrefs = async (): Promise<AlertPrefs> => parseAlertPrefs(await alertPrefsItem.getValue());

export async function writeAlertPrefs(prefs: AlertPrefs): Promise<void> {
  await alertPrefsItem.setValue(AlertPrefs.parse(prefs));
}
