// The side panel's address (lib/panel-request.ts): what the popup and the background write is
// what the panel reads back.
import { describe, expect, it } from 'vitest';
import { panelPath, panelRequestOf } from '../../lib/panel-request.ts';

const query = (path: string) => path.slice('sidepanel.html'.length);

describe('the side panel address', () => {
  it('names the tab and what to show', () => {
    expect(panelPath(3)).toBe('sidepanel.html?tabId=3');
    expect(panelPath(null)).toBe('sidepanel.html');
    expect(panelPath(3, { view: 'alerts' })).toBe('sidepanel.html?tabId=3&view=alerts');
  });

  it('reads back the request it was written with', () => {
    expect(panelRequestOf(query(panelPath(3, { story: 'mayo & microsoft/2026?' })))).toEqual({ story: 'mayo & microsoft/2026?' });
    expect(panelRequestOf(query(panelPath(null, { view: 'alerts' })))).toEqual({ view: 'alerts' });
  });

  it('carries no request when it names none (the tab’s own story)', () => {
    expect(panelRequestOf(query(panelPath(3)))).toBeNull();
    expect(panelRequestOf('?view=everything')).toBeNull();
    expect(panelRequestOf('')).toBeNull();
  });

  it('shows a story when asked for both', () => {
    expect(panelRequestOf('?story=a&view=alerts')).toEqual({ story: 'a' });
  });
});
