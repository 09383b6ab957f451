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
