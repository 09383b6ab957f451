/**
 * How old the story data is, for the popup's "Story data from 3 days ago". Reads the sync status
 * without zod, so the popup stays small.
 */

const DAY = 86_400_000;

/** The fields of the sync status that date the data, and whether the last sync failed. */
export interface DataDates {
  version: number | null;
  lastSuccessAt: number | null;
  /** The last sync attempt failed (its `lastError`, cleared by a good sync, is set). */
  lastFailed: boolean;
}

/**
 * When the stories in use were last known to be current: the last successful sync of the remote
 * store in use, else the build that bundled them. Null when neither is known.
 */
export function dataTime(status: Pick<DataDates, 'version' | 'lastSuccessAt'>, builtAt: number | null): number | null {
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

/**
 * Whether the reader should be told the stories are not being updated: the last sync attempt
 * failed (its `lastError`, cleared by a good sync, is set) and the stories it left in use are over a day old,
 * or undated. A day, the age at which the popup calls the data old, is also the longest sync
 * interval a reader can choose: by then a scheduled sync and its retries have failed, not one try.
 */
export function syncFailing(lastFailed: boolean, updatedAt: number | null, now: number): boolean {
  return lastFailed && (updatedAt === null || now - updatedAt > DAY);
}

/** The dating fields of a stored sync status (anything); anything malformed reads as unknown. */
export function datesOf(stored: unknown): DataDates {
  const raw = stored as Partial<Record<keyof DataDates | 'lastError', unknown>> | null | undefined;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const lastFailed = typeof raw?.lastError === 'object' && raw.lastError !== null;
  return { version: num(raw?.version), lastSuccessAt: num(raw?.lastSuccessAt), lastFailed };
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', DAY],
  ['month', 30 * DAY],
];

/**
 * "5 minutes ago", "3 hours ago", "yesterday", "2 months ago" in the reader's language: the
 * largest unit that fits; null under a minute (the caller says "just now").
 */
export function relativeAge(time: number, now: number, locale: string): string | null {
  const ago = Math.max(0, now - time);
  if (ago < 60_000) return null;
  let [unit, size] = UNITS[0]!;
  for (const [u, s] of UNITS) if (ago >= s) [unit, size] = [u, s];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-Math.floor(ago / size), unit);
}
