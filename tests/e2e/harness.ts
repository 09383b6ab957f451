// The real-browser harness: Debian's Chromium with the built extension, and real HTTP servers
// on 127.0.0.1 for pages and stores. Everything waits on conditions, never on time.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXT_DIR = resolve('.output/chrome-mv3-e2e');
export const PAGES = resolve('tests/fixtures/pages');
export const SHOTS = resolve('test-output/screenshots');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

export type Handler = (req: IncomingMessage, res: ServerResponse) => boolean | void;

/**
 * Sites the suite serves pages as: Chromium resolves these names to 127.0.0.1, and the e2e build
 * may read them (wxt.config.ts E2E_SITES). A page declaring its canonical URL on fortune.com is
 * that source only when it is served as fortune.com.
 */
export const SITES = ['fortune.com', 'harborcitydispatch.example'];
/** Fixture pages served on the site their canonical URL names, so that URL is theirs. */
const SITE_OF: Record<string, string> = {
  '/fortune-morgan-stanley.html': 'fortune.com',
  '/harbor-seawall.html': 'harborcitydispatch.example',
};

export interface Server {
  origin: string;
  url(path: string): string;
  /** `path` on this server under the name of `site` (one of SITES): `http://fortune.com:PORT/path`. */
  siteUrl(site: string, path: string): string;
  /** A fixture page's address: on its own site's name when it has one (SITE_OF), else `url(path)`. */
  page(path: string): string;
  close(): Promise<void>;
}

/** Serves `root` on `host` (127.0.0.1; another loopback address is another site) at a free port; `handler` may answer a request first. */
export async function serve(root = PAGES, handler?: Handler, host = '127.0.0.1'): Promise<Server> {
  const server = createServer((req, res) => {
    if (handler?.(req, res)) return;
    const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(root) || !existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  const siteUrl = (site: string, p: string) => `http://${site}:${port}${p}`;
  const page = (p: string) => (Object.hasOwn(SITE_OF, p) ? siteUrl(SITE_OF[p]!, p) : origin + p);
  return { origin, url: (p) => origin + p, siteUrl, page, close: () => new Promise((ok) => server.close(() => ok())) };
}

export interface Lens {
  context: BrowserContext;
  userDataDir: string;
  extensionId: string;
  worker: Worker;
  /** How many first-run pages the install opened (closed again, so every test starts from the reader's tabs alone). */
  firstRunPages: number;
  /** Opens `url` in a new tab and returns the page and that tab's id (fails unless exactly one new tab shows it). */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** Opens an extension page (`popup.html`, …) describing `tabId`. */
  openExtensionPage(path: string, tabId?: number): Promise<Page>;
  /** The popup for `tabId`, as the reader's click opens it, once it has answered (read and matched the tab). */
  openPopup(tabId: number): Promise<Page>;
  /**
   * Sets the store address in the options page, as a reader does, and waits until the store's
   * `version` is synced; returns the options page, still open.
   */
  useStore(address: string, version: number): Promise<Page>;
  /**
   * Chrome's own side panels, which are browser UI Playwright does not list as pages: read from
   * an extension page opened in a background tab (so the reader's tab stays active), which
   * reaches their windows (same origin). Close the probe when done.
   */
  openPanelProbe(): Promise<{ panels(): Promise<PanelView[]>; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** An open side panel as `openPanelProbe` reads it. */
export interface PanelView {
  /** Its address's query: `?tabId=…` for a tab's own panel, '' for the browser's default one. */
  query: string;
  state: string | null;
  title: string | null;
}

/**
 * Starts Chromium with the extension loaded (the working launch from TOOLCHAIN.md). `defaultFontSize`
 * is the reader's own font size (chrome://settings/fonts, the profile's
 * `webkit.webprefs.default_font_size`; 16 px unless changed), which every page's rem follows.
 */
export async function launch(options: { colorScheme?: 'light' | 'dark'; args?: string[]; defaultFontSize?: number } = {}): Promise<Lens> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lens-e2e-'));
  if (options.defaultFontSize !== undefined) {
    mkdirSync(join(userDataDir, 'Default'));
    const prefs = { webkit: { webprefs: { default_font_size: options.defaultFontSize } } };
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(prefs));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      `--host-resolver-rules=${SITES.map((s) => `MAP ${s} 127.0.0.1`).join(',')}`,
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // An extension page whose script failed shows nothing, and a wait on it only times out: the
  // test's output says what failed (an uncaught error or an unhandled rejection in the page).
  context.on('weberror', (e) => {
    const url = e.page()?.url() ?? '';
    if (url.startsWith(`chrome-extension://${extensionId}/`)) console.warn(`uncaught in ${url}: ${e.error().stack ?? e.error()}`);
  });
  const firstRunPages = await closeFirstRunPage(context, extensionId);
  const openExtensionPage = async (path: string, tabId?: number) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}${tabId === undefined ? '' : `?tabId=${tabId}`}`);
    return page;
  };
  // The ids of the tabs showing `url`, or of every tab.
  const tabIds = (url?: string) =>
    worker.evaluate(
      async (u) => (await chrome.tabs.query(u === undefined ? {} : { url: u })).flatMap((t) => (t.id === undefined ? [] : [t.id])),
      url,
    );
  return {
    context,
    userDataDir,
    extensionId,
    worker,
    firstRunPages,
    async openTab(url) {
      // The tab is the one showing the address that was not there before: tests reuse addresses,
      // and the first tab showing one may be an older page of an earlier test.
      const before = new Set(await tabIds());
      const page = await context.newPage();
      await page.goto(url);
      const added = (await tabIds(page.url().replace(/#.*$/, ''))).filter((id) => !before.has(id));
      if (added.length !== 1) throw new Error(`${added.length} new tabs show ${url}: expected one`);
      return { page, tabId: added[0]! };
    },
    openExtensionPage,
    async openPopup(tabId) {
      const popup = await openExtensionPage('popup.html', tabId);
      await popup.locator('main:not([data-state="loading"])').waitFor();
      return popup;
    },
    async openPanelProbe() {
      const url = `chrome-extension://${extensionId}/options.html`;
      const [probe] = await Promise.all([
        context.waitForEvent('page'),
        worker.evaluate((u) => chrome.tabs.create({ url: u, active: false }), url),
      ]);
      // A new tab may still be on about:blank when it is announced, and that document's load
      // already fired: wait for the probe's own page, loaded, before reading the panels through it.
      await probe.waitForURL(url);
      // Side panels only: other tests' `sidepanel.html` tabs are views too, and `getViews({ type:
      // 'tab' })` lists them. Asked synchronously: awaiting `tabs.getCurrent()` in a panel that is
      // closing (with its tab) can leave the promise unsettled, and a poll with it.
      const panels = () =>
        probe.evaluate(() => {
          const views = (type?: 'tab') => (chrome.extension as unknown as { getViews(o?: { type?: 'tab' }): Window[] }).getViews({ type });
          const tabs = new Set(views('tab'));
          return views()
            .filter((w) => !tabs.has(w) && w.location.pathname === '/sidepanel.html')
            .map((w) => ({
              query: w.location.search,
              state: w.document.querySelector('main')?.getAttribute('data-state') ?? null,
              title: w.document.querySelector('h1')?.textContent ?? null,
            }));
        });
      return { panels, close: () => probe.close() };
    },
    async useStore(address, version) {
      const options = await openExtensionPage('options.html');
      await options.getByLabel('Story store address').fill(address);
      await options.getByRole('button', { name: 'Save', exact: true }).click();
      await options.locator(`[data-testid=store-version][data-version="${version}"]`).waitFor();
      return options;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The install opens the first-run page once (entrypoints/background/first-run.ts): wait for it,
 * count it and close it, so a test's tabs are the only ones. Fails if it never opens.
 */
async function closeFirstRunPage(context: BrowserContext, extensionId: string): Promise<number> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('the first-run page did not open on install')), 10_000);
    const done = (err?: Error) => {
      clearTimeout(timer);
      context.off('page', check);
      if (err) reject(err);
      else resolve();
    };
    // A new tab may still be on about:blank when it is announced: wait for its address.
    function check(page: Page) {
      if (page.url() === url) return done();
      page.waitForURL(url, { timeout: 10_000 }).then(
        () => done(),
        () => {},
      );
    }
    context.on('page', check);
    for (const page of context.pages()) check(page);
  });
  const pages = context.pages().filter((p) => p.url() === url);
  await Promise.all(pages.map((p) => p.close()));
  return pages.length;
}

/** The computed text direction (`ltr` or `rtl`) of the first element `selector` finds on `page`. */
export const directionOf = (page: Page, selector: string): Promise<string> =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).direction);

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
