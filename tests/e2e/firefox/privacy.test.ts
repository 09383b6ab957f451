// The privacy promise in Firefox. Firefox keeps no network log that names who asked (as
// Chromium's does), so the suite runs it behind a recording proxy for everything, loopback
// included, and checks every request the browser made while a reader uses every feature: each
// must be a navigation the reader made, the browser's favicon for such a page, or a clean
// request to the story store. Whoever made any other request, the test fails. Each test runs its
// own Firefox and checks that browser's log once it has closed.
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStore } from '../../../lib/store/build.ts';
import type { Story } from '../../../lib/story/story.ts';
import { storyFigures } from '../../../lib/story/figures.ts';
import { PAGES, serve, type Server } from '../harness.ts';
import { pageMarkIn } from '../page-marks.ts';
import { storeServer } from '../store-server.ts';
import { clickLabel, clickOn, fillIn, launchFirefox, role, stateOf, textOf, until, waitForText, type Fox } from './harness.ts';
import { proxiedOnly, type ProxiedRequest } from './proxy.ts';

const read = (path: string): Story => JSON.parse(readFileSync(path, 'utf8'));
const mayo = read('tests/fixtures/e2e-store/microsoft-mayo-clinic-frontier-ai-model.json');
const harbor = read('tests/fixtures/e2e-remote/harbor-city-seawall-plan.json');
const scribes: Story = {
  ...mayo,
  id: 'hospitals-ai-scribes',
  title: 'Hospitals Roll Out AI Scribes Across Emergency Departments',
  publishedAt: new Date().toISOString(),
  // Two of its sources have no address: they stay without one (`undefinedscribes` is no URL,
  // and a shard with an invalid story is rejected whole).
  sources: mayo.sources.map((s) => (s.url ? { ...s, url: `${s.url}scribes` } : s)),
};
// A second site (another loopback address) that automatic mode is granted.
const SITE = '127.0.0.2';

// The headers a store request may carry: the browser's own, the same for every request it
// makes, and the conditional-GET validators. Anything else the extension added would show.
const STORE_HEADERS = new Set([
  'host',
  'user-agent',
  'accept',
  'accept-language',
  'accept-encoding',
  'connection',
  'priority',
  'pragma',
  'cache-control',
  'sec-fetch-dest',
  'sec-fetch-mode',
  'sec-fetch-site',
  'if-none-match',
  'if-modified-since',
]);

const store = storeServer();
/** Requests that reached a test server without going through the proxy. */
const bypassed: string[] = [];
let server: Server;
let site: Server;

beforeAll(async () => {
  store.publish(await buildStore([mayo, harbor], { now: new Date(Date.now() - 60_000) }));
  server = await serve(undefined, proxiedOnly(bypassed, store.handler));
  site = await serve(PAGES, proxiedOnly(bypassed), SITE);
});
afterAll(async () => {
  await server?.close();
  await site?.close();
});

async function click(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  await clickOn(page, selector);
}

interface Reader {
  fox: Fox;
  /** Opens `url` in a tab, as the reader navigating there. */
  visit(url: string): ReturnType<Fox['openTab']>;
  /** Opens `url` and the popup for its tab, as a click on the toolbar button. */
  clickIcon(url: string): Promise<Page>;
}

/**
 * Runs `use` in a new Firefox behind the recording proxy, closes it (then every request it
 * would make is in the log), and checks the log: nothing bypassed the proxy or tried to leave
 * this machine; every request is a navigation the reader made (no more often than they made
 * it), the favicon of such a page, or a clean GET of the story store (at least `storeRequests`).
 */
async function expectOnlyTheStore(storeRequests: number, use: (reader: Reader) => Promise<void>): Promise<void> {
  bypassed.length = 0;
  /** How many times the reader navigated to each address. */
  const navigated = new Map<string, number>();
  const fox = await launchFirefox();
  const visit = (url: string) => {
    navigated.set(url, (navigated.get(url) ?? 0) + 1);
    return fox.openTab(url);
  };
  try {
    await use({ fox, visit, clickIcon: async (url) => fox.openPopup((await visit(url)).tabId) });
  } finally {
    await fox.close();
  }
  const log: ProxiedRequest[] = fox.proxy.log;
  expect(bypassed).toEqual([]);
  // Nothing even tried to leave this machine (the proxy refuses and logs any other address).
  expect(log.filter((r) => !r.forwarded).map((r) => `${r.method} ${r.url}`)).toEqual([]);

  const storeUrl = `${server.origin}/store/`;
  const pageOrigins = new Set([...navigated.keys()].map((u) => new URL(u).origin));
  const navigations = new Map<string, number>();
  const unexplained: string[] = [];
  for (const r of log) {
    const h = r.headers;
    if (h['sec-fetch-mode'] === 'navigate' && h['sec-fetch-dest'] === 'document' && r.method === 'GET') {
      // Only fetch() can send no such header, and only the browser's navigation this one.
      navigations.set(r.url, (navigations.get(r.url) ?? 0) + 1);
    } else if (r.url.endsWith('/favicon.ico') && pageOrigins.has(new URL(r.url).origin) && h['sec-fetch-dest'] === 'image') {
      // The browser's icon for a page the reader opened.
    } else if (r.url.startsWith(storeUrl)) {
      expect(r.method, r.url).toBe('GET');
      expect(r.bodyBytes, r.url).toBe(0);
      expect(new URL(r.url).search, r.url).toBe('');
      expect(
        Object.keys(h).filter((k) => !STORE_HEADERS.has(k)),
        `headers of ${r.url}`,
      ).toEqual([]);
      expect(pageMarkIn(`${r.url}\n${JSON.stringify(h)}`), `what was sent for ${r.url}`).toBeNull();
    } else {
      unexplained.push(`${r.method} ${r.url} ${JSON.stringify(h)}`);
    }
  }
  expect(unexplained).toEqual([]);
  expect(log.filter((r) => r.url.startsWith(storeUrl)).length).toBeGreaterThanOrEqual(storeRequests);
  // Each navigation is one the reader made: nothing was opened or reloaded behind their back.
  for (const [url, count] of navigations) expect(count, url).toBeLessThanOrEqual(navigated.get(url) ?? 0);
}

/** Points the options page at the test store (mayo and harbor) and waits for its stories. */
async function syncTheStore(fox: Fox): Promise<Page> {
  const options = await fox.openExtensionPage('options.html');
  await fillIn(options, role('textbox', 'Story store address'), server.url('/store/'));
  await clickOn(options, role('button', 'Save'));
  await waitForText(options, '[data-testid=story-counts]', '2 downloaded');
  return options;
}

describe('what Firefox sends while a reader uses every feature', () => {
  it('on click: reading, matching, the popup, following, the sidebar and searching ask nothing', () =>
    expectOnlyTheStore(0, async ({ fox, visit, clickIcon }) => {
      const popup = await clickIcon(server.page('/fortune-morgan-stanley.html'));
      await click(popup, role('button', 'Follow AI'));
      await click(popup, role('button', 'Follow this story'));
      await popup.waitForSelector(role('button', '✓ Following this story'));
      await click(popup, role('button', 'Open viewpoints'));
      await expect.poll(() => fox.ext((b) => b.sidebarAction.isOpen({}))).toBe(true);
      const { tabId } = await visit(server.url('/healthtech-mayo-microsoft.html'));
      await (await fox.openPopup(tabId)).close();
      const panel = await fox.openExtensionPage('sidepanel.html', tabId);
      await panel.waitForSelector('main[data-state="match"]');
      await click(panel, role('button', 'Search stories'));
      await fillIn(panel, role('searchbox', 'Search Factlen stories'), 'transit');
      await panel.waitForSelector('.story-search__result');
      // Each page read to its end, with what it is: a popup that never read its page (a browser
      // page, a failed injection: not an error either) asks nothing too.
      expect(await stateOf(await clickIcon(server.url('/local-sports.html')))).toBe('no-match');
      for (const [path, says] of [
        ['/not-an-article.html', "There isn't an article's worth of text on this page"],
        ['/report.pdf', 'it looks like a PDF, an image or plain text'],
      ] as const) {
        const shown = await clickIcon(server.url(path));
        expect(await stateOf(shown), path).toBe('not-article');
        expect(await textOf(shown, 'main'), path).toContain(says);
      }
    }));

  it('syncing the store, and an alert it raises, ask only the store', () =>
    expectOnlyTheStore(3, async ({ fox }) => {
      const options = await syncTheStore(fox);
      await clickLabel(options, 'AI');
      await until(options, () =>
        [...document.querySelectorAll('label')].some((l) => l.innerText.trim().startsWith('AI') && l.querySelector('input')?.checked),
      );
      const first = store.files;
      store.publish(await buildStore([mayo, harbor, scribes]));
      try {
        await click(options, role('button', 'Sync now'));
        await waitForText(options, '#sync-progress', 'Sync finished.');
        await expect.poll(() => fox.ext((b) => b.browserAction.getBadgeText({}))).not.toBe('');
      } finally {
        store.files = first;
      }
      // The ledger shows the reader the same thing this test checks.
      await waitForText(options, '[data-testid=ledger-origins]', `Every request went to one address: ${server.origin}`);
    }));

  it('in automatic mode: articles read as they load, badged without a click, ask only the store', () =>
    expectOnlyTheStore(3, async ({ fox, visit, clickIcon }) => {
      const options = await syncTheStore(fox);
      await clickLabel(options, 'Automatically');
      await clickLabel(options, 'only on these sites');
      await clickLabel(options, 'Sites to read automatically');
      await options.keyboard.type(SITE);
      await clickOn(options, role('button', 'Save reading settings'));
      await waitForText(options, '.notice', 'Saved: Factlen Lens now reads articles on those sites as they load.');
      const { tabId } = await visit(site.url('/harbor-seawall.html'));
      await expect
        .poll(() => fox.ext((b, id) => b.browserAction.getBadgeText({ tabId: id }), tabId), { timeout: 15_000 })
        .toBe(String(storyFigures(harbor).outlets));
      expect(await stateOf(await clickIcon(site.url('/local-sports.html')))).toBe('no-match');
    }));
});
