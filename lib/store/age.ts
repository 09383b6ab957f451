/**
 * How old the story data is, for the popup's "Story data from 3 days ago". Reads the sync status
 * without zod, so the popup stays small.
 */
import { browser } from 'wxt/browser';
import { STATUS_KEY } from './storage-keys.ts';

const DAY = 86_400_000;

/** The two fields of the sync status that date the data. */
export interface DataDates {
  version: number | null;
  lastSuccessAt: number | null;
}

/**
 * When the stories in use were last known to be current: the last successful sync of the remote
 * store in use, else the build that bundled them. Null when neither is known.
 */
export function dataTime(status: DataDates, builtAt: number | null): number | null {
  if (status.version !== null && status.lastSuccessAt !== null) return status.lastSuccessAt;
  return builtAt;
}

/** "3 days ago" in the reader's language when the data is over a day old, else null. */
export function dataAge(time: number | null, now: number, locale: string): string | null {
  if (time === null || now - time <= DAY) return null;
  const days = Math.floor((now - time) / DAY);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  return days < 60 ? rtf.format(-days, 'day') : rtf.format(-Math.floor(days / 30), 'month');
}

/** The dating fields of the stored sync status; anything malformed reads as unknown. */
export async function readDataDates(): Promise<DataDates> {
  const raw = (await browser.storage.local.get(STATUS_KEY))[STATUS_KEY] as Partial<Record<keyof DataDates, unknown>> | undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return { version: num(raw?.version), lastSuccessAt: num(raw?.lastSuccessAt) };
}
