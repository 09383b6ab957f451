/**
 * What a side panel is asked to show instead of its tab's story, and how that travels in the
 * panel's address: the popup and the background write it (`panelPath`), the panel reads it back
 * (`panelRequestOf`), so both ends of the one format live here.
 */

/** What the panel should show instead of the tab's story. */
export interface PanelRequest {
  story?: string;
  view?: 'alerts';
}

/** The panel URL for a tab and a request: `sidepanel.html?tabId=3&story=…`. */
export function panelPath(tabId: number | null, request: PanelRequest = {}): `sidepanel.html${string}` {
  const q = new URLSearchParams();
  if (tabId !== null) q.set('tabId', String(tabId));
  if (request.story) q.set('story', request.story);
  if (request.view) q.set('view', request.view);
  const query = q.toString();
  return `sidepanel.html${query ? `?${query}` : ''}`;
}

/** The request a panel address's query (`location.search`) carries, or null when it carries none. */
export function panelRequestOf(search: string): PanelRequest | null {
  const q = new URLSearchParams(search);
  const story = q.get('story') ?? undefined;
  if (story || q.get('view') === 'alerts') return { story, view: story ? undefined : 'alerts' };
  return null;
}
