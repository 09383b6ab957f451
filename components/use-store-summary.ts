// How many stories Lens knows, how fresh, and the store's topic names, asked once per page.
import { useEffect, useState } from 'preact/hooks';
import type { StoreSummary } from '../lib/messages.ts';
import { sendMessage } from '../platform/messaging.ts';

export function useStoreSummary(): StoreSummary | null {
  const [summary, setSummary] = useState<StoreSummary | null>(null);
  useEffect(() => {
    let live = true;
    // No answer (a background that failed to start) leaves the names as slugs and the count unsaid.
    void sendMessage('getStoreSummary', {}).then(
      (s) => live && setSummary(s),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return summary;
}
