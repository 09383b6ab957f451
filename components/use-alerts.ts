// The reader's alert list, live, and a way to mark it read (which clears the badge).
import { useEffect, useState } from 'preact/hooks';
import { markRead, type ListedAlert } from '../lib/alerts/state.ts';
import { alertListItem, getAlertList, watchAlertList } from '../platform/storage.ts';

export function useAlerts(): [ListedAlert[] | null, () => void] {
  const [alerts, setAlerts] = useState<ListedAlert[] | null>(null);
  useEffect(() => {
    void getAlertList().then(setAlerts);
    return watchAlertList(setAlerts);
  }, []);
  const markRead = () => void markAllRead();
  return [alerts, markRead];
}

export async function markAllRead(): Promise<void> {
  const next = markRead(await getAlertList());
  if (next) await alertListItem.setValue(next);
}

/**
 * Marks read the alerts the reader was shown, by `alertKey` (lib/alerts/state.ts); the rest keep
 * the badge. Calls are chained: two batches seen at once must not each write the list over the other.
 */
let marking: Promise<void> = Promise.resolve();
export function markSeen(keys: readonly string[]): Promise<void> {
  // A write that failed (storage full) must not stop every later one: the chain goes on.
  marking = marking
    .catch(() => {})
    .then(async () => {
      const next = markRead(await getAlertList(), keys);
      if (next) await alertListItem.setValue(next);
    });
  return marking;
}
