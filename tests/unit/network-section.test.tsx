// @vitest-environment happy-dom
// The options page's network section over a stored ledger, damaged or not.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NetworkSection } from '../../entrypoints/options/NetworkSection.tsx';
import { renderRoot } from './render-root.ts';

const root = renderRoot();
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
const entry = (path: string) => ({
  at: Date.parse('2026-11-20T10:00:00Z'),
  method: 'GET',
  url: `https://cdn.example.org/${path}`,
  bytes: 10,
  outcome: '200',
});

async function open(stored: unknown) {
  await fakeBrowser.storage.local.set({ networkLedger: stored });
  await act(() => render(<NetworkSection />, root()));
  await settle();
}
const rows = () => [...root().querySelectorAll('[data-testid=ledger] tbody .ledger__url')].map((td) => td.textContent);
const said = (id: string) => root().querySelector(`[data-testid=${id}]`)?.textContent ?? null;

describe('the network section', () => {
  it('lists the readable requests and says how many entries it could not read', async () => {
    await open([entry('manifest.json'), { ...entry('x'), url: 'http://[bad' }, { ...entry('y'), at: 1e20 }, null, entry('shards/a.json')]);
    expect(rows()).toEqual(['https://cdn.example.org/manifest.json', 'https://cdn.example.org/shards/a.json']);
    expect(said('ledger-origins')).toBe('Every request went to one address: https://cdn.example.org');
    expect(said('ledger-unreadable')).toBe('3 entries of this record could not be read and are not shown.');
  });

  it('says the record could not be read, not that nothing was requested, when no entry is readable', async () => {
    await open({ not: 'a list' });
    expect(said('ledger-unreadable')).toBe('One entry of this record could not be read and is not shown.');
    expect(said('ledger-empty')).toBeNull();
    expect(root().querySelector('#network-heading')).not.toBeNull();
  });

  it('follows the ledger as it changes, damaged or not', async () => {
    await open([]);
    expect(said('ledger-empty')).toBe('No request yet: Factlen Lens has not contacted any server.');
    await act(() => fakeBrowser.storage.local.set({ networkLedger: [entry('manifest.json'), { ...entry('z'), method: 7 }] }));
    await settle();
    expect(rows()).toEqual(['https://cdn.example.org/manifest.json']);
    expect(said('ledger-unreadable')).toBe('One entry of this record could not be read and is not shown.');
  });
});
