import { useAlerts } from '../../components/use-alerts.ts';
import { unreadCount } from '../../lib/alerts/state.ts';
import { tn } from '../../platform/i18n.ts';

/** Where the page's own answer comes first, unread alerts are one click away: a link, not a second button. */
export function UnreadLink({ onOpen }: { onOpen: () => void }) {
  const [alerts] = useAlerts();
  const unread = alerts ? unreadCount(alerts) : 0;
  if (!unread) return null;
  return (
    <button type="button" class="link-button unread-link" onClick={onOpen}>
      {tn('alertCount', unread)}
    </button>
  );
}
