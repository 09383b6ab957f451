// What the panel was asked to show: `?story=`/`?view=` from the popup, or a request the
// background left in session storage before opening the panel from a notification.
import type { PanelRequest } from '../../platform/side-panel.ts';
import { panelRequestItem } from '../../platform/storage.ts';

export async function takePanelRequest(search: string): Promise<PanelRequest> {
  const q = new URLSearchParams(search);
  const story = q.get('story') ?? undefined;
  if (story || q.get('view') === 'alerts') return { story, view: story ? undefined : 'alerts' };
  const stored = await panelRequestItem.getValue();
  if (stored) await panelRequestItem.removeValue();
  return stored ?? {};
}
