// What the panel was asked to show: `?story=`/`?view=` from the popup, or a request the
// background left in session storage before opening the panel from a notification.
import { browser } from 'wxt/browser';
import { PANEL_REQUEST_KEY } from '../../lib/messages.ts';
import type { PanelRequest } from '../../platform/side-panel.ts';

export async function takePanelRequest(search: string): Promise<PanelRequest> {
  const q = new URLSearchParams(search);
  const story = q.get('story') ?? undefined;
  if (story || q.get('view') === 'alerts') return { story, view: story ? undefined : 'alerts' };
  const stored = (await browser.storage.session.get(PANEL_REQUEST_KEY))[PANEL_REQUEST_KEY] as PanelRequest | undefined;
  if (stored) await browser.storage.session.remove(PANEL_REQUEST_KEY);
  return stored ?? {};
}
