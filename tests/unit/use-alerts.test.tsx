// @vitest-environment happy-dom
// The alert list as the popup and the side panel read it (components/use-alerts.ts): marking
// alerts read only those shown, and a stored list with damaged items shown without them.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AlertList } from '../../components/AlertList.tsx';
import { markAllRead, markSeen, useAlerts } from '../../components/use-alerts.ts';
import { setUpAlertBadge } from '../../entrypoints/background/alerts.ts';
import { alertListItem } from '../../platform/storage.ts';
import { MAX_LISTED, type ListedAlert } from '../../lib/alerts/state.ts';
import { renderRoot } from './render-root.ts';

const root = renderRoot();
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));

const listed = (i: number): ListedAlert => ({
  alert: { kind: 'new-story', storyId: `s${i}`, topic: 'ai', title: `Story ${i}`, outlets: 5, viewpoints: 3 },
  at: 1_000 + i,
  read: false,
});

/** Items a stored list may hold after damage: each is skipped, the good ones around them kept. */
const damaged: unknown[] = [
  null,
  'story',
  { ...listed(9), at: 1e20 },
  { ...listed(9), at: '1009' },
  { ...listed(9), alert: null },
  { ...listed(9), alert: { ...listed(9).alert, title: 42 } },
  { ...listed(9), alert: { ...listed(9).alert, outlets: undefined } },
  {
    ...listed(9),
    alert: { kind: 'story-update', storyId: 's9', topic: 'ai', title: 'T', newViewpoints: 'x', nowRepresented: [], newOutlets: 1 },
  },
];
/** A list written at version 2 (so no migration runs) and damaged since. */
const storeDamaged = (list: unknown) => fakeBrowser.storage.local.set({ alertList: list, alertList$: { v: 2 } });

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('markSeen', () => {
  it('marks read only the alerts it is given', async () => {
    await alertListItem.setValue([listed(1), listed(2), listed(3)]);
    await markSeen(['s1-1001', 's3-1003']);
    expect((await alertListItem.getValue()).map((a) => a.read)).toEqual([true, false, true]);
  });

  it('goes on marking after a write that failed', async () => {
    await alertListItem.setValue([listed(1), listed(2)]);
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded')).mockImplementation(set);
    await expect(markSeen(['s1-1001'])).rejects.toThrow(/quota/);
    await markSeen(['s2-1002']);
    expect((await alertListItem.getValue()).map((a) => a.read)).toEqual([false, true]);
  });
});

describe('a damaged stored list', () => {
  function Alerts() {
    const [alerts] = useAlerts();
    return alerts && <AlertList alerts={alerts} onOpen={() => {}} />;
  }
  const shown = () => [...root().querySelectorAll('li')].map((li) => li.dataset.alert);

  it('is shown without its damaged items, and followed as it changes', async () => {
    await storeDamaged([listed(3), ...damaged, listed(1)]);
    await act(() => render(<Alerts />, root()));
    await settle();
    expect(shown()).toEqual(['s3-1003', 's1-1001']);
    await act(() => storeDamaged([null, listed(2)]));
    await settle();
    expect(shown()).toEqual(['s2-1002']);
  });

  it('says, once full, that older alerts are dropped', async () => {
    const note = 'Only the newest 50 alerts are kept; older ones are dropped.';
    const items = Array.from({ length: MAX_LISTED }, (_, i) => listed(i));
    await act(() => render(<AlertList alerts={items.slice(1)} onOpen={() => {}} />, root()));
    expect(root().textContent).not.toContain(note);
    await act(() => render(<AlertList alerts={items} onOpen={() => {}} />, root()));
    expect(root().textContent).toContain(note);
  });

  it('reads as empty when it is not a list', async () => {
    await storeDamaged({ 0: listed(1) });
    await act(() => render(<Alerts />, root()));
    await settle();
    expect(root().textContent).toContain('No updates yet.');
  });

  it('is marked read, keeping its good items', async () => {
    await storeDamaged([listed(2), ...damaged, listed(1)]);
    await markSeen(['s1-1001']);
    expect((await alertListItem.getValue()).map((a) => [a.at, a.read])).toEqual([
      [1002, false],
      [1001, true],
    ]);
    await storeDamaged([null, listed(3)]);
    await markAllRead();
    expect((await alertListItem.getValue()).map((a) => [a.at, a.read])).toEqual([[1003, true]]);
  });

  it('counts its unread good items on the badge', async () => {
    await storeDamaged([listed(2), ...damaged, listed(1)]);
    setUpAlertBadge();
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('2');
    await act(() => storeDamaged([null, { ...listed(1), read: true }, listed(3)]));
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});
