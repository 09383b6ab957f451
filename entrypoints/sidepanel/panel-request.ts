// What the panel was asked to show: `?story=`/`?view=` from the popup (lib/panel-request.ts), or
// a request the background left in session storage before opening the panel from a notification.
import { panelRequestOf, type PanelRequest } from '../../lib/panel-request.ts';
import { panelRequestItem } from '../../platform/storage.ts';

export async function takePanelRequest(search: string): Promise<PanelRequest> {
  const asked = panelRequestOf(search);
  if (asked) return asked;
  const stored = await panelRequestItem.getValue();
  if (stored) await panelRequestItem.removeValue();
  return stored ?? {};
}
