// @vitest-environment happy-dom
// A frozen store in the options page (issue 21 finding 9): past the manifest's expiry the page
// says in words that the stories may be out of date, and why that can happen.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { SyncPanel } from '../../../entrypoints/options/SyncPanel.tsx';
import { parseStatus, type SyncStatus } from '../../../lib/store/settings.ts';
import { renderRoot } from '../render-root.ts';

const root = renderRoot();

const status = (patch: Partial<SyncStatus>): SyncStatus => ({
  ...parseStatus(null),
  version: 20261120000000,
  generatedAt: '2026-11-20T00:00:00Z',
  ...patch,
});
const NOW = Date.parse('2026-11-30T00:00:00Z');
const stale = () => root().querySelector('[data-testid=store-stale]')?.textContent ?? null;

describe('the options page on a store a mirror has frozen', () => {
  it('says the stories may be out of date once the manifest in use has expired', () => {
    render(
      <SyncPanel
        status={status({ expiresAt: '2026-11-27T00:00:00Z' })}
        storeUrl="https://s.example/"
        outcome=""
        onSyncNow={() => {}}
        now={NOW}
      />,
      root(),
    );
    expect(stale()).toMatch(
      /^These stories may be out of date: the store's manifest expired on .*2026.* and no fresher one has arrived\. .*hold back newer stories/,
    );
  });

  it('says nothing before the expiry, or for a manifest published without one', () => {
    render(
      <SyncPanel
        status={status({ expiresAt: '2026-12-27T00:00:00Z' })}
        storeUrl="https://s.example/"
        outcome=""
        onSyncNow={() => {}}
        now={NOW}
      />,
      root(),
    );
    expect(stale()).toBeNull();
    render(
      <SyncPanel status={status({ expiresAt: null })} storeUrl="https://s.example/" outcome="" onSyncNow={() => {}} now={NOW} />,
      root(),
    );
    expect(stale()).toBeNull();
  });

  it('records the expiry of the store in use in the sync status', () => {
    expect(parseStatus({ expiresAt: '2026-11-27T00:00:00Z' }).expiresAt).toBe('2026-11-27T00:00:00Z');
    expect(parseStatus({}).expiresAt).toBeNull();
  });
});
