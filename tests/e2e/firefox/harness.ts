// The real-browser harness for Firefox: Debian's firefox-esr driven headless over WebDriver BiDi
// (Firefox's own remote protocol; puppeteer-core speaks it, no driver binary), the e2e build
// installed as a temporary add-on, and every request the browser makes routed through the
// suite's recording proxy. Pages and stores come from the Chromium suite's servers (../harness.ts).
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { serve, SHOTS, SITES, type Server } from '../harness.ts';
import { marionette } from './marionette.ts';
import { startProxy, type Proxy } from './proxy.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXT_DIR = resolve('.output/firefox-mv2-e2e');
const ADDON_ID = 'lens@factlen.com';
// Firefox gives each install a random moz-extension:// host; this pref pins it, so the suite
// can open the extension's pages by address.
const UUID = '5f1c7e1a-6c1b-4e55-9a43-6f3b1d0e2a71';
export const EXT_ORIGIN = `moz-extension://${UUID}`;

/** The extension API as Firefox gives it to extension pages (`browser.*`, promise-based). */
export type Api = any;

export interface Fox {
  /** The driver's connection to Firefox; `clickAlert` replaces it (pages taken from the old one are gone). */
  readonly firefox: Browser;
  /** Every request the browser made so far, as the proxy saw it. */
  proxy: Proxy;
  /** Opens `url` in a new tab and returns the page and its tab id. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** Opens an extension page (`popup.html`, …) in a new tab, describing `tabId`, once it has loaded. */
  openExtensionPage(path: string, tabId?: number): Promise<Page>;
  /** The popup for `tabId`, as the reader's click opens it, once it has answered. */
  openPopup(tabId: number): Promise<Page>;
  /**
   * Opens the real popup, in its panel under the toolbar button, on the active tab of the window
   * (`browserAction.openPopup()`), and waits until it has answered. It is browser UI, not a
   * driver target: read it with `inPopup`.
   */
  openToolbarPopup(): Promise<void>;
  /** Runs `fn(window, arg)` in the open toolbar popup; fails when none is open. */
  inPopup<R, A = undefined>(fn: (popup: Window, arg: A) => R, arg?: A): Promise<R>;
  /**
   * Runs `fn(browser, arg)` in an extension page, where the extension's APIs are (the Chromium
   * suite runs such code in the service worker; Firefox's background page is not reachable).
   */
  ext<R, A = undefined>(fn: (api: Api, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Clicks the alert whose title includes `title` in Firefox's alert window, as a reader does: Firefox tells
   * the extension through `notifications.onClicked`. Needs a launch with `clickableAlerts`.
   * The window is browser UI, which only Marionette reaches, and Firefox allows one WebDriver
   * session at a time: the BiDi session ends for the click and a new one starts after it, so
   * pages taken before are gone (`ext()` still works; read extension pages through it).
   */
  clickAlert(title: string): Promise<void>;
  close(): Promise<void>;
}

// Firefox's remote agent fails an evaluation whose document goes away under it with this
// error, which Puppeteer does not count as a navigation to wait through.
const NAVIGATED_AWAY = /should be an object, got null|context was destroyed|Inspected target navigated/i;

/** How long a load may keep swapping documents under the evaluation before it is a failure. */
const LOAD_SWAPS_MS = 20_000;

/** How long an extension page's tab, loaded, may take to show up as a driver target. */
const TARGET_MS = 10_000;

/**
 * Waits until `fn(...args)`, run in `page`, returns something truthy, and returns it. Puppeteer's
 * own waits (`waitForFunction`, and the locators built on it) compile their predicate with
 * `new Function` in the page, which an extension page's policy (`script-src 'self'`) refuses in
 * Firefox 140 ESR: "call to Function() blocked by CSP". An evaluation is not compiled by the
 * page, so this polls with one. (`waitForSelector` runs in an isolated world and works.)
 */
export async function until<R, A extends unknown[]>(page: Page, fn: (...args: A) => R, ...args: A): Promise<R> {
  const deadline = Date.now() + page.getDefaultTimeout();
  for (;;) {
    const value = (await page.evaluate(fn as (...a: unknown[]) => R, ...args)) as R;
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn.toString().slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `page` shows `url`, loaded; through the document swaps of a moz-extension load. */
async function untilLoaded(page: Page, url: string): Promise<void> {
  const deadline = Date.now() + LOAD_SWAPS_MS;
  for (;;) {
    try {
      await until(page, (u) => location.href === u && document.readyState === 'complete', url);
      return;
    } catch (err) {
      // Bounded by time, not by tries: a swap fails an evaluation at once, so ten tries could all
      // land inside one slow swap (seen once in a CI run on a quiet machine).
      if (Date.now() > deadline || !NAVIGATED_AWAY.test(`${err} ${(err as { cause?: unknown }).cause}`)) throw err;
      // Let the swap finish before asking again, rather than spinning on the remote agent.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Prefs for the run: the proxy for everything, the pinned origin, the colour scheme, the font size. */
function prefs(proxyPort: number, colorScheme: 'light' | 'dark', defaultFontSize?: number): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
    // Every protocol through the proxy, loopback addresses included (Firefox otherwise never
    // proxies them), and no direct connection if the proxy fails.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.failover_direct': false,
    // HTTP/3 and DNS over HTTPS would not go through an HTTP proxy: off.
    'network.http.http3.enable': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    // The sites the source pages claim (fortune.com, …) reach the suite's servers through the
    // proxy (proxy.ts). Firefox sends Sec-Fetch-* headers only to a trustworthy origin, as
    // loopback is; the privacy test tells a navigation by them, so these count as such too.
    'dom.securecontext.allowlist': SITES.join(','),
    // A page there is then a secure context, so Firefox would upgrade its http images (the
    // favicon) to https as mixed content: a CONNECT the proxy refuses. The suite serves http.
    'security.mixed_content.upgrade_display_content': false,
    // The browser's prompt for an optional permission is its own UI, out of a page's reach: the
    // request is granted as the reader's "Allow" would (Mozilla's own tests use this pref).
    'extensions.webextOptionalPermissionPrompts': false,
    // Headless, the system's notification service closes an alert the moment it is raised;
    // Firefox's own alert window (what it uses where there is no such service) shows it, and
    // notifications.getAll() lists it, until it slides away some 20 s later.
    'alerts.useSystemBackend': false,
    // Firefox 140 checks for a captive portal and for connectivity at start, off this machine;
    // that is the browser's request, not the extension's, and the proxy would count it.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    // prefers-color-scheme for every page, extension pages included (0 dark, 1 light).
    'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
    // The reader's default font size (Settings → Fonts → Size; 16 px unless changed) for Latin
    // script, which the extension's pages (lang="en") use, as Chromium's default_font_size.
    ...(defaultFontSize === undefined ? {} : { 'font.size.variable.x-western': defaultFontSize }),
  };
}

/** A port free on this machine now, for Marionette to listen on. */
const freePort = () =>
  new Promise<number>((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => ok(port));
    });
  });

/**
 * Starts Firefox with the extension installed; with `clickableAlerts`, Marionette listens too
 * (`clickAlert`). `defaultFontSize` is the reader's default font size, which every page's rem follows.
 */
export async function launchFirefox(
  options: { colorScheme?: 'light' | 'dark'; clickableAlerts?: boolean; defaultFontSize?: number } = {},
): Promise<Fox> {
  const proxy = await startProxy();
  const marionettePort = options.clickableAlerts ? await freePort() : 0;
  const launched = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Firefox 153 (140 did not) lets a WebDriver client navigate a tab only to http(s), file
      // and blob addresses unless this flag is given; extension pages are moz-extension://.
      args: ['--remote-allow-system-access', ...(marionettePort ? ['--marionette'] : [])],
      // Puppeteer points the browser's own remote settings service (blocklists and such) nowhere,
      // but a release build honours that only with this variable; else it calls Mozilla.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        ...prefs(proxy.port, options.colorScheme ?? 'light', options.defaultFontSize),
        ...(marionettePort ? { 'marionette.port': marionettePort } : {}),
      },
    })
    .catch(async (err: unknown) => {
      await proxy.close();
      throw err;
    });
  let firefox = launched;
  try {
    const id = await firefox.installExtension(FIREFOX_EXT_DIR);
    if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
  } catch (err) {
    await firefox.close();
    await proxy.close();
    throw err;
  }

  // Every wait is for a condition; this only bounds how long a broken one takes to report.
  const newPage = async () => {
    const page = await firefox.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };
  const pageAt = (path: string, tabId?: number) =>
    `${EXT_ORIGIN}/${path}${tabId === undefined ? '' : `${path.includes('?') ? '&' : '?'}tabId=${tabId}`}`;

  // The first extension page, opened by the driver: it is where `ext()` runs. Puppeteer never
  // sees a moz-extension:// navigation finish (page.url() stays about:blank), so the page's
  // own state is awaited instead; the unfinished wait is dropped.
  let control = await newPage();
  const controlUrl = pageAt('options.html');
  control.goto(controlUrl).catch(() => {});
  // A launch that fails here would otherwise leave its Firefox running after the suite.
  await untilLoaded(control, controlUrl).catch(async (err: unknown) => {
    await firefox.close();
    await proxy.close();
    throw err;
  });
  const ext: Fox['ext'] = (fn, arg) => control.evaluate(`(${fn.toString()})(browser, ${JSON.stringify(arg ?? null)})`) as Promise<never>;
  // The toolbar popup is a view of the extension's, reached from the control page.
  const inPopup: Fox['inPopup'] = (fn, arg) =>
    control.evaluate(
      `(() => {
        const popup = browser.extension.getViews({ type: 'popup' })[0];
        if (!popup) throw new Error('no toolbar popup is open');
        return (${fn.toString()})(popup, ${JSON.stringify(arg ?? null)});
      })()`,
    ) as Promise<never>;
  /** Waits until `fn(popup)` is truthy in the toolbar popup, which may still be opening. */
  const inPopupUntil = async (fn: (popup: Window) => unknown) => {
    const deadline = Date.now() + control.getDefaultTimeout();
    for (;;) {
      const done = await control.evaluate(`(() => {
        const popup = browser.extension.getViews({ type: 'popup' })[0];
        return popup ? Boolean((${fn.toString()})(popup)) : false;
      })()`);
      if (done) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting in the toolbar popup for ${fn.toString().slice(0, 200)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  // Every other extension page is opened by the extension itself, as a tab, and handed over
  // once Firefox says its tab has loaded: nothing is evaluated in it while its document swaps.
  const openExtensionPage = async (path: string, tabId?: number, attempt = 1): Promise<Page> => {
    const known = new Set(firefox.targets());
    const target = firefox.waitForTarget((t) => t.type() === 'page' && !known.has(t), { timeout: TARGET_MS });
    target.catch(() => {}); // awaited below, once the tab has loaded
    const opened = await ext(
      (b, url) =>
        new Promise<number>((loaded) => {
          void b.tabs.create({ url }).then((tab: { id: number; status?: string }) => {
            const done = (id: number, change: { status?: string }) => {
              if (id !== tab.id || change.status !== 'complete') return;
              b.tabs.onUpdated.removeListener(done);
              loaded(tab.id);
            };
            b.tabs.onUpdated.addListener(done);
            void b.tabs.get(tab.id).then((now: { status?: string }) => done(tab.id, now));
          });
        }),
      pageAt(path, tabId),
    );
    let page: Page | null;
    try {
      page = await (await target).page();
    } catch (err) {
      // Once in a full run on a loaded machine, Firefox 153 loaded the tab but its remote agent
      // never announced the new browsing context, so no target came. The tab is there: close it
      // and open the page again, once; a second miss is a failure.
      if (attempt > 1) throw err;
      console.warn(`firefox: no target for ${path} after ${TARGET_MS} ms; opening it again`);
      await ext((b, id) => b.tabs.remove(id), opened);
      return openExtensionPage(path, tabId, attempt + 1);
    }
    page!.setDefaultTimeout(15_000);
    return page!;
  };

  /** Ends Firefox and, when the driver reconnected, what the launch would have cleaned up. */
  const quit = async () => {
    await firefox.close();
    if (firefox === launched) return;
    const process = launched.process();
    if (process && process.exitCode === null && process.signalCode === null) await new Promise((exited) => process.once('exit', exited));
    const profile = process?.spawnargs[process.spawnargs.indexOf('--profile') + 1];
    if (profile?.includes('puppeteer')) rmSync(profile, { recursive: true, force: true });
  };

  return {
    get firefox() {
      return firefox;
    },
    proxy,
    async openTab(url) {
      const page = await newPage();
      await page.goto(url);
      const address = page.url().replace(/#.*$/, '');
      // The newest tab showing the address: the one just opened.
      const tabId = await ext(
        async (b, u) =>
          Math.max(-1, ...(await b.tabs.query({})).filter((t: { url?: string }) => t.url === u).map((t: { id: number }) => t.id)),
        address,
      );
      if (tabId < 0) throw new Error(`no tab found for ${url}`);
      return { page, tabId };
    },
    openExtensionPage,
    async openPopup(tabId) {
      const popup = await openExtensionPage('popup.html', tabId);
      await popup.waitForSelector('main:not([data-state="loading"])');
      return popup;
    },
    async openToolbarPopup() {
      await ext((b) => b.browserAction.openPopup());
      await inPopupUntil((w) => w.document.querySelector('main:not([data-state="loading"])') !== null);
    },
    inPopup,
    ext,
    async clickAlert(title) {
      if (!marionettePort) throw new Error('clickAlert needs a launch with clickableAlerts');
      const endpoint = firefox.wsEndpoint();
      await firefox.disconnect();
      const chrome = await marionette(marionettePort);
      try {
        // The alert window is a chrome document; a click anywhere in it is the reader's click.
        const clicked = await chrome.send('WebDriver:ExecuteScript', {
          script: `for (const w of Services.wm.getEnumerator('alert:alert')) {
            const label = w.document.getElementById('alertTitleLabel');
            if (label?.value.includes(arguments[0])) { label.click(); return true; }
          }
          return false;`,
          args: [title],
        });
        if (!(clicked as { value: boolean }).value) throw new Error(`no alert shows "${title}"`);
      } finally {
        await chrome.send('WebDriver:DeleteSession').catch(() => {});
        chrome.close();
        firefox = await puppeteer.connect({ browserWSEndpoint: endpoint, protocol: 'webDriverBiDi' });
      }
      const page = (await firefox.pages()).find((p) => p.url() === controlUrl);
      if (!page) throw new Error('the control page is gone');
      page.setDefaultTimeout(15_000);
      control = page;
    },
    async close() {
      await quit();
      await proxy.close();
    },
  };
}

/**
 * Lays `page` out at `width` × `height`. Puppeteer sends the viewport with a screen-orientation
 * override, a command Firefox 140 does not know (the viewport itself is applied): that refusal
 * is dropped, and the page's own size awaited.
 */
export async function resize(page: Page, width: number, height: number): Promise<void> {
  await page.setViewport({ width, height }).catch((err: unknown) => {
    if (!/unknown command emulation\.setScreenOrientationOverride/.test(String(err))) throw err;
  });
  await until(page, (w, h) => innerWidth === w && innerHeight === h, width, height);
}

/** Text of the first element matching `selector`, as a reader sees it. */
export const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);

export async function screenshotFox(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `firefox-${name}.png`) as `${string}.png`, fullPage: true });
}

/** The `data-state` of the page's `main`: the popup's and the side panel's answer. */
export const stateOf = (page: Page) => page.$eval('main', (m) => m.getAttribute('data-state'));

/** Waits until an element matching `selector` shows `text`. */
export async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await until(page, (s, t) => [...document.querySelectorAll<HTMLElement>(s)].some((e) => e.innerText.includes(t)), selector, text);
}

/** Clicks the control of the first label whose text starts with `text` ("AI" for "AI (2 stories)"). */
export async function clickLabel(page: Page, text: string): Promise<void> {
  const index = await until(
    page,
    (t) => [...document.querySelectorAll('label')].findIndex((l) => l.innerText.trim().startsWith(t)) + 1,
    text,
  );
  await (await page.$$('label'))[index - 1]!.click();
}

/** Clicks the element `selector` finds, once there (in place of a locator: see `until`). */
export async function clickOn(page: Page, selector: string): Promise<void> {
  await (await page.waitForSelector(selector))!.click();
}

/**
 * Clicks what `selector` finds on a page the click closes (the popup closes itself when it opens
 * the sidebar). The page may be gone before the click's input action has answered: Firefox then
 * reports a discarded browsing context, which is the click's effect, not a failure. The caller
 * checks what the click did (the sidebar open on the story), so a click that did nothing still fails.
 */
export async function clickClosing(page: Page, selector: string): Promise<void> {
  const target = await page.waitForSelector(selector);
  try {
    await target!.click();
  } catch (err) {
    if (!/no such frame|DiscardedBrowsingContext|Target closed|detached/i.test(String(err))) throw err;
  }
}

/** Replaces the value of the field `selector` finds with `value`, as typing or choosing would. */
export async function fillIn(page: Page, selector: string, value: string): Promise<void> {
  const field = (await page.waitForSelector(selector)) as ElementHandle<HTMLInputElement | HTMLSelectElement>;
  if (await field.evaluate((f) => f instanceof HTMLSelectElement)) {
    await field.select(value);
    return;
  }
  await field.evaluate((f) => {
    f.value = '';
  });
  await field.type(value);
}

/** A selector for the element with this role and accessible name (Puppeteer's ARIA query). */
export const role = (r: string, name: string) => `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(r)}])`;

/**
 * The usual start of a file: the Chromium suite's pages served, and one Firefox for the file
 * (launches are slow). The server is closed again if Firefox does not start.
 */
export async function startFoxAndPages(): Promise<{ fox: Fox; server: Server }> {
  const server = await serve();
  try {
    return { server, fox: await launchFirefox() };
  } catch (err) {
    await server.close();
    throw err;
  }
}

/** Closes what `startFoxAndPages` started (either may be missing if the start failed). */
export async function stopFoxAndPages(started: { fox?: Fox; server?: Server }): Promise<void> {
  await started.fox?.close();
  await started.server?.close();
}
