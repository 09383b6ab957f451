// Automatic mode against a page that never stops moving, and after the reader removes its site
// (issue 21 findings 6 and 7).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Extraction } from '../../../lib/article.ts';
import { sitePatterns } from '../../../lib/reading-mode.ts';
import { handleMessages } from '../../../platform/messaging.ts';
import { readingModeItem } from '../../../platform/storage.ts';
import { throttleByKey } from '../../../lib/throttle.ts';

const reported: { tabId: number; url: string }[] = [];
vi.mock('../../../entrypoints/background/match-tab.ts', () => ({
  reportExtraction: vi.fn(
    async (tabId: number, ex: Extraction) => void reported.push({ tabId, url: ex.kind === 'article' ? ex.article.url : ex.url }),
  ),
}));

const extraction = (url: string): Extraction => ({ kind: 'not-article', reason: 'not-readerable', url, title: 'x' });
let granted: string[];
let auto: typeof import('../../../entrypoints/background/auto-mode.ts');

beforeEach(async () => {
  reported.length = 0;
  granted = [];
  const listener = { addListener: () => {} };
  Object.assign(fakeBrowser.permissions, {
    getAll: async () => ({ origins: granted, permissions: [] }),
    onAdded: listener,
    onRemoved: listener,
  });
  Object.assign(fakeBrowser.scripting, {
    registerContentScripts: vi.fn(async () => undefined),
    unregisterContentScripts: vi.fn(async () => undefined),
  });
  vi.resetModules();
  auto = await import('../../../entrypoints/background/auto-mode.ts');
  auto.setUpAutoMode();
  // The background's own door: the message goes through the typed protocol's listener.
  handleMessages({ autoRead: auto.readAutomatically });
});

/** What the auto-read script in tab `tabId` at `url` sends the background. */
const send = (tabId: number, url: string) =>
  fakeBrowser.runtime.onMessage.trigger(
    { type: 'autoRead', extraction: extraction(url) },
    { id: fakeBrowser.runtime.id, tab: { id: tabId, url, incognito: false }, frameId: 0 } as never,
    () => {},
  );

describe('finding 6: a page calling pushState every 20 ms', () => {
  it('is matched about once a second, and at the address it stopped at, not 1,000 times', async () => {
    vi.useFakeTimers();
    try {
      await readingModeItem.setValue({ mode: 'auto', scope: 'all', sites: [], never: [] });
      granted = ['https://*/*', 'http://*/*'];
      for (let i = 0; i < 1000; i++) {
        await send(4, `https://spa.example/page/${i}`);
        await vi.advanceTimersByTimeAsync(20);
      }
      await vi.advanceTimersByTimeAsync(5000);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(() => expect(reported.at(-1)?.url).toBe('https://spa.example/page/999'));
    expect(reported.length).toBeLessThanOrEqual(21);
    expect(reported.length).toBeGreaterThanOrEqual(2);
  });

  it('throttles each tab on its own, keeping the latest value of a burst', () => {
    let now = 0;
    const timers: [number, () => void][] = [];
    const runs: [number, number][] = [];
    const go = throttleByKey<number, number>((k, v) => runs.push([k, v]), 1000, {
      now: () => now,
      setTimeout: (fn, ms) => timers.push([now + ms, fn]),
    });
    const tick = async (to: number) => {
      now = to;
      for (const t of timers.splice(0).filter(([at, fn]) => (at <= now ? (fn(), false) : true))) timers.push(t);
    };
    return (async () => {
      for (let i = 0; i < 100; i++) {
        go(1, i);
        go(2, i);
        await tick(now + 20);
        await Promise.resolve();
      }
      await tick(now + 1000);
      await new Promise((r) => setTimeout(r, 0));
      const tab1 = runs.filter(([k]) => k === 1).map(([, v]) => v);
      expect(tab1[0]).toBe(0);
      expect(tab1.at(-1)).toBe(99);
      expect(tab1.length).toBeLessThanOrEqual(3);
      expect(runs.filter(([k]) => k === 2).length).toBe(tab1.length);
    })();
  });
});

describe('finding 7: a site the reader removed from automatic mode', () => {
  it('is no longer read in a tab that was already open, while another chosen site still is', async () => {
    // Both sites were chosen and granted; the reader then removed a.example (the grant may linger).
    granted = [...sitePatterns('a.example'), ...sitePatterns('b.example')];
    await readingModeItem.setValue({ mode: 'auto', scope: 'listed', sites: ['b.example'], never: [] });
    await send(7, 'https://a.example/news/1');
    await send(8, 'https://www.b.example/news/2');
    await vi.waitFor(() => expect(reported.map((r) => r.url)).toContain('https://www.b.example/news/2'));
    expect(reported.map((r) => r.url)).toEqual(['https://www.b.example/news/2']);
  });

  it('is not read when its grant was revoked, even though the site is still listed', async () => {
    granted = [...sitePatterns('b.example')];
    await readingModeItem.setValue({ mode: 'auto', scope: 'listed', sites: ['a.example', 'b.example'], never: [] });
    await send(7, 'https://a.example/news/1');
    await send(8, 'https://b.example/news/2');
    await vi.waitFor(() => expect(reported.length).toBe(1));
    expect(reported[0]!.url).toBe('https://b.example/news/2');
  });
});
