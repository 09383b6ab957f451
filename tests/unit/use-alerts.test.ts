// Marking alerts read from the popup (components/use-alerts.ts): only those shown, and a write
// that fails once does not stop the ones after it (a review, 2026-12-07).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markSeen } from '../../components/use-alerts.ts';
import { alertListItem } from '../../platform/storage.ts';
import type { ListedAlert } from '../../lib/alerts/state.ts';

const listed = (i: number): ListedAlert => ({
  alert: { kind: 'new-story', storyId: `s${i}`, topic: 'ai', title: `Story ${i}`, outlets: 5, viewpoints: 3 },
  at: 1_000 + i,
  read: false,
});

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
