// The reader's alert list, live, and a way to mark it read (which clears the badge).
import { useEffect, useState } from 'preact/hooks';
import type { ListedAlert } from '../lib/alerts/state.ts';
import { alertListItem } from '../platform/storage.ts';

export function useAlerts(): [ListedAlert[] | null, () => void] {
  const [alerts, setAlerts] = useState<ListedAlert[] | null>(null);
  useEffect(() => {
    void alertListItem.getValue().then(setAlerts);
    return alertListItem.watch((v) => setAlerts(v ?? []));
  }, []);
  const markRead = () => void markAllRead();
  return [alerts, markRead];
}

export async function markAllRead(): Promise<void> {
  const list = await alertListItem.getValue();
  if (list.some((a) => !a.read)) await alertListItem.setValue(list.map((a) => ({ ...a, read: true })));
}

/** The identity of an alert in the list (its story and when it was raised). */
export const alertKey = (a: ListedAlert) => `${a.alert.storyId}-${a.at}`;

/**
 * Marks read the alerts the reader was shown, by `alertKey`; the rest keep the badge. Calls
 * are chained: two batches seen at once must not each write the list over the other.
 */
let marking: Promise<void> = Promise.resolve();
export function markSeen(keys: readonly string[]): Promise<void> {
  const seen = new Set(keys);
  // A write that failed (storage full) must not stop every later one: the chain goes on.
  marking = marking
    .catch(() => {})
    .then(async () => {
      const list = await alertListItem.getValue();
      if (list.some((a) => !a.read && seen.has(alertKey(a))))
        await alertListItem.setValue(list.map((a) => (seen.has(alertKey(a)) ? { ...a, read: true } : a)));
    });
  return marking;
}
