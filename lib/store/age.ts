/** How old the story data is, for the popup's "Story data from 3 days ago". */
import type { SyncStatus } from './settings.ts';

const DAY = 86_400_000;

/**
 * When the stories in use were last known to be current: the last successful sync of the remote
 * store in use, else the build that bundled them. Null when neither is known.
 */
export function dataTime(status: SyncStatus, builtAt: number | null): number | null {
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
