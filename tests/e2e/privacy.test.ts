// The privacy promise, proven: Chromium's own network log records every request it made, and
// who asked for it, while a reader uses every feature in both modes. The extension (its service
// worker, its pages, the scripts it injects) may only ask the story store, and nothing it sends
// may carry anything of a page the reader visited. Each test runs its own browser with its own
// log, and checks that log once the browser has closed (the file is complete only then).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStore } from '../../lib/store/build.ts';
import type { Story } from '../../lib/story/story.ts';
import { storyFigures } from '../../lib/story/figures.ts';
import { launch, serve, type Lens, type Server } from './harness.ts';
import { readNetLog } from './netlog.ts';
import { pageMarkIn } from './page-marks.ts';
import { storeServer } from './store-server.ts';

const mayo: Story = JSON.parse(readFileSync('tests/fixtures/e2e-store/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));
const harbor: Story = JSON.parse(readFileSync('tests/fixtures/e2e-remote/harbor-city-seawall-plan.json', 'utf8'));

const store = storeServer();
let server: Server;

beforeAll(async () => {
  store.publish(await buildStore([mayo, harbor]));
  server = await serve(undefined, store.handler);
});
afterAll(async () => {
  await server?.close();
});

interface Reader {
  lens: Lens;
  /** Opens a fixture page in a tab, as the reader navigating there. */
  visit(path: string, url?: string): ReturnType<Lens['openTab']>;
  /** Opens the popup for the tab, as a click on the toolbar icon. */
  clickIcon(tabId: number): ReturnType<Lens['openPopup']>;
}

/**
 * Runs `use` in a new browser that logs every request, closes the browser, and checks the log:
 * the extension asked only the story store (at least `storeRequests` times), with GETs carrying
 * no cookie, referrer or mark of a visited page; pages asked nothing but their favicon; the
 * browser itself asked only for the reader's navigations.
 */
async function expectOnlyTheStore(storeRequests: number, use: (reader: Reader) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lens-netlog-'));
  const netlog = join(dir, 'netlog.json');
  const navigated = new Set<string>();
  const lens = await launch({ args: [`--log-net-log=${netlog}`, '--net-log-capture-mode=IncludeSensitive'] });
  const extensionOrigin = `chrome-extension://${lens.extensionId}`;
  const visit = (path: string, url = server.page(path)) => {
    navigated.add(url);
    return lens.openTab(url);
  };
  try {
    await use({ lens, visit, clickIcon: (tabId) => lens.openPopup(tabId) });
  } finally {
    await lens.close();
  }
  const requests = readNetLog(netlog);
  rmSync(dir, { recursive: true, force: true });
  const storeUrl = `${server.origin}/store/`;
  const fromExtension = requests.filter((r) => r.initiator === extensionOrigin);
  const fromPages = requests.filter((r) => r.initiator.startsWith('http'));
  expect(fromExtension.filter((r) => r.url.startsWith(storeUrl)).length).toBeGreaterThanOrEqual(storeRequests);
  for (const r of fromExtension) {
    expect(r.url.startsWith(storeUrl), `the extension asked for ${r.url}`).toBe(true);
    expect(r.method).toBe('GET');
    expect(r.headers.length, `no headers logged for ${r.url}`).toBeGreaterThan(0);
    expect(r.headers.filter((h) => /^(cookie|referer):/i.test(h))).toEqual([]);
    expect(pageMarkIn(`${r.url}\n${r.headers.join('\n')}`), `what the extension sent for ${r.url}`).toBeNull();
  }
  // The fixture pages load nothing themselves (the browser fetches their favicon for them):
  // any other request a page context made came from a script injected into it.
  expect(fromPages.filter((r) => r.url !== `${r.initiator}/favicon.ico`).map((r) => `${r.initiator} → ${r.url}`)).toEqual([]);
  // What the browser asked on its own behalf: the reader's navigations, and its own services.
  for (const r of requests.filter((x) => x.initiator === 'not an origin' && x.url.startsWith(server.origin))) {
    expect(navigated.has(r.url) || r.url === `${server.origin}/favicon.ico`, `unexpected browser request ${r.url}`).toBe(true);
  }
}

/** Points the options page at the test store and waits for its stories. */
async function syncTheStore(lens: Lens) {
  const options = await lens.openExtensionPage('options.html');
  await options.getByLabel('Story store address').fill(server.url('/store/'));
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.locator('[data-testid=story-counts]', { hasText: '2 downloaded' }).waitFor();
  return options;
}

describe('what leaves the browser', () => {
  it('on click: reading, matching, the popup, the side panel, following and searching ask nothing', () =>
    expectOnlyTheStore(0, async ({ lens, visit, clickIcon }) => {
      const { tabId } = await visit('/fortune-morgan-stanley.html');
      const popup = await clickIcon(tabId);
      await popup.getByRole('button', { name: /^Follow AI$/ }).click();
      await popup.getByRole('button', { name: 'Follow this story' }).click();
      // Both follows kept before the browser closes: a request they made would be in the log.
      await popup.getByRole('button', { name: '✓ Following this story' }).waitFor();
      await popup.getByRole('button', { name: '✓ Following AI' }).waitFor();
      const panel = await lens.openExtensionPage('sidepanel.html', tabId);
      await panel.locator('main[data-state="match"]').waitFor();
      await panel.getByRole('button', { name: 'Search stories' }).click();
      await panel.getByLabel('Search Factlen stories').fill('transit');
      await panel.locator('.story-search__result').first().waitFor();
      // Each page read to its end, matched or not: a popup that never read its page asks nothing either.
      for (const [path, state] of [
        ['/healthtech-mayo-microsoft.html', 'match'],
        ['/local-sports.html', 'no-match'],
      ] as const) {
        const shown = await clickIcon((await visit(path)).tabId);
        expect(await shown.locator('main').getAttribute('data-state'), path).toBe(state);
      }
    }));

  it('syncing the store asks only the store', () =>
    expectOnlyTheStore(2, async ({ lens }) => {
      const options = await syncTheStore(lens);
      // The ledger shows the reader the same thing this test checks.
      const origins = await options.locator('[data-testid=ledger-origins]').innerText();
      expect(origins).toBe(`Every request went to one address: ${server.origin}`);
    }));

  it('in automatic mode: articles read as they load, badged without a click, ask only the store', () =>
    expectOnlyTheStore(2, async ({ lens, visit, clickIcon }) => {
      const options = await syncTheStore(lens);
      await options.getByLabel(/^Automatically/).check();
      await options.getByLabel('only on these sites').check();
      await options.getByLabel(/^Sites to read automatically/).fill('127.0.0.1');
      await options.getByRole('button', { name: 'Save reading settings' }).click();
      await options.getByText('Saved: Factlen Lens now reads articles on those sites as they load.').waitFor();
      await expect
        .poll(() => lens.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id)))
        .toEqual(['factlen-auto-read']);

      // On 127.0.0.1, the site automatic mode reads here (so matched by its words, not its URL).
      const { tabId } = await visit('/harbor-seawall.html', server.url('/harbor-seawall.html'));
      const outlets = String(storyFigures(harbor).outlets);
      await expect
        .poll(() => lens.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 15_000 })
        .toBe(outlets);
      const sports = await visit('/local-sports.html');
      const popup = await clickIcon(sports.tabId);
      expect(await popup.locator('main').getAttribute('data-state')).toBe('no-match');
    }));
});
