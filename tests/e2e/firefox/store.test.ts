// The remote story store and its alerts in Firefox: a store set in the options page syncs into
// the extension's IndexedDB, changes (raising a browser.notifications alert for a followed
// topic), then breaks, keeping the last good stories and saying why. Each test starts its own
// Firefox and store server state, and syncs the store it needs itself.
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildStore, type BuiltStore } from '../../../lib/store/build.ts';
import type { Story } from '../../../lib/story/story.ts';
import { serve, type Server } from '../harness.ts';
import { storeServer, type StoreServer } from '../store-server.ts';
import {
  clickLabel,
  clickOn,
  fillIn,
  launchFirefox,
  role,
  screenshotFox,
  stateOf,
  textOf,
  until,
  waitForText,
  type Fox,
} from './harness.ts';

const read = (path: string): Story => JSON.parse(readFileSync(path, 'utf8'));
const mayo = read('tests/fixtures/e2e-store/microsoft-mayo-clinic-frontier-ai-model.json');
const harbor = read('tests/fixtures/e2e-remote/harbor-city-seawall-plan.json');
const mayoUpdated: Story = {
  ...mayo,
  title: 'Microsoft and Mayo Clinic Widen Their Frontier AI Model Pact',
  updatedAt: '2026-11-18T09:00:00Z',
};
// A new story in the AI topic, which the reader follows.
const scribes: Story = {
  ...mayo,
  id: 'hospitals-ai-scribes',
  title: 'Hospitals Roll Out AI Scribes Across Emergency Departments',
  publishedAt: new Date().toISOString(),
  // Two of its sources have no address: they stay without one (`undefinedscribes` is no URL,
  // and a shard with an invalid story is rejected whole).
  sources: mayo.sources.map((s) => (s.url ? { ...s, url: `${s.url}scribes` } : s)),
};

// The store's states: the updated bundled story; then a new story beside it.
const v1 = await buildStore([mayoUpdated], { now: new Date(Date.now() - 60_000) });
const v2 = await buildStore([mayoUpdated, harbor], { previous: v1.manifest });

let store: StoreServer;
let fox: Fox;
let server: Server;

beforeAll(async () => {
  server = await serve(undefined, (req, res) => store.handler(req, res));
});
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  store = storeServer();
  // Marionette too: it is how a test clicks Firefox's alert window (fox.clickAlert).
  fox = await launchFirefox({ clickableAlerts: true });
  await listenForClosedAlerts();
});
afterEach(async () => {
  await fox?.close();
});

const popupFor = async (path: string) => fox.openPopup((await fox.openTab(server.page(path))).tabId);
// What the extension raised: the alerts showing now, and those that closed (Firefox's alert
// window slides away by itself) since the suite began listening.
const listenForClosedAlerts = () =>
  fox.ext((b) => {
    const closed: string[] = ((window as unknown as { closedAlerts: string[] }).closedAlerts = []);
    b.notifications.onClosed.addListener((id: string) => closed.push(id));
  });
const notifications = () =>
  fox.ext(async (b) => {
    const closed = (window as unknown as { closedAlerts: string[] }).closedAlerts;
    return [...new Set([...Object.keys(await b.notifications.getAll()), ...closed.splice(0)])].sort();
  });
/** Dismisses every alert, and waits until Firefox has reported each one closed. */
const clearNotifications = () =>
  fox.ext(async (b) => {
    const closed = (window as unknown as { closedAlerts: string[] }).closedAlerts;
    const ids = Object.keys(await b.notifications.getAll());
    const gone = Promise.all(
      ids.map(
        (id) =>
          new Promise<void>((ok) => {
            const check = (closedId: string) => closedId === id && (b.notifications.onClosed.removeListener(check), ok());
            b.notifications.onClosed.addListener(check);
          }),
      ),
    );
    for (const id of ids) await b.notifications.clear(id);
    await gone;
    closed.splice(0);
  });

/** Publishes `built`, points the options page at it and waits for the sync; returns the options page. */
async function useStore(built: BuiltStore): Promise<Page> {
  store.publish(built);
  const options = await fox.openExtensionPage('options.html');
  await fillIn(options, role('textbox', 'Story store address'), server.url('/store/'));
  await clickOn(options, role('button', 'Save'));
  await options.waitForSelector(`[data-testid=store-version][data-version="${built.manifest.version}"]`);
  return options;
}

async function syncNow(options: Page, outcome: 'Sync finished.' | 'Sync failed.'): Promise<void> {
  // A background tab paints nothing, and Puppeteer clicks only what it sees painted.
  await options.bringToFront();
  await clickOn(options, role('button', 'Sync now'));
  await waitForText(options, '#sync-progress', outcome);
}

describe('the remote story store in Firefox', () => {
  it('syncs a store set in the options page, and a newer remote story replaces the bundled one', async () => {
    const built = v1;
    store.publish(built);
    const options = await fox.openExtensionPage('options.html');
    await fillIn(options, role('textbox', 'Story store address'), server.url('/store/'));
    await fillIn(options, role('combobox', 'Check for new stories'), '60');
    await clickOn(options, role('button', 'Save'));
    await waitForText(options, '[data-testid=story-counts]', '5 built in · 1 downloaded · 5 in use');
    expect(await fox.ext(async (b) => (await b.alarms.get('store-sync'))?.periodInMinutes)).toBe(60);
    // The page shows the store's date; its version is kept in data-version.
    await options.waitForSelector(`[data-testid=store-version][data-version="${built.manifest.version}"]`);
    expect(await textOf(options, '[data-testid=last-error]')).toBe('None');
    expect(await notifications()).toEqual([]);
    await screenshotFox(options, 'options-synced');

    const popup = await popupFor('/fortune-morgan-stanley.html');
    expect(await textOf(popup, 'h1')).toContain('Microsoft and Mayo Clinic Widen Their Frontier AI Model Pact');
  });

  it('downloads only what changed, and a new story matches its article', async () => {
    const options = await useStore(v1);
    const built = v2;
    store.publish(built);
    store.log.length = 0;
    await syncNow(options, 'Sync finished.');
    expect(await textOf(options, '[data-testid=story-counts]')).toBe('5 built in · 2 downloaded · 6 in use');
    const harborShard = built.manifest.shards.find((s) => s.path.includes('2026-11-20'))!.path;
    expect(store.log.map((l) => [l.path, l.status])).toEqual([
      ['manifest.json', 200],
      [harborShard, 200],
    ]);
    expect(store.log[0]!.ifNoneMatch).toMatch(/^".+"$/);

    const popup = await popupFor('/harbor-seawall.html');
    expect(await stateOf(popup)).toBe('match');
    expect(await textOf(popup, 'h1')).toContain('Harbor City Approves $310 Million Seawall for the Eastport Waterfront');
  });

  it('raises a browser notification for a new story in a followed topic, once', async () => {
    const options = await useStore(v2);
    await clickLabel(options, 'AI');
    await until(options, () =>
      [...document.querySelectorAll('label')].some((l) => l.innerText.trim().startsWith('AI') && l.querySelector('input')?.checked),
    );
    let built = await buildStore([mayoUpdated, harbor, scribes], { previous: v2.manifest });
    store.publish(built);
    await syncNow(options, 'Sync finished.');
    await expect.poll(notifications).toEqual(['story:hospitals-ai-scribes']);
    expect(await fox.ext((b) => b.browserAction.getBadgeText({}))).toBe('1');

    await clearNotifications();
    // "Once": the same stories published again keep the store's version, and a sync to the same
    // version weighs no alert at all. Withdrawn and restored (two new versions), the story is new
    // to the store again, not to the reader, who was told of it.
    const told = built.manifest.version;
    for (const stories of [
      [mayoUpdated, harbor],
      [mayoUpdated, harbor, scribes],
    ]) {
      built = await buildStore(stories, { previous: built.manifest });
      store.publish(built);
      await syncNow(options, 'Sync finished.');
    }
    expect(built.manifest.version).toBeGreaterThan(told);
    expect(await notifications()).toEqual([]);
  });

  it('opens the story of a clicked alert in a tab, brought to the front: Firefox refuses its sidebar there', async () => {
    const options = await useStore(v2);
    await clickLabel(options, 'AI');
    await until(options, () =>
      [...document.querySelectorAll('label')].some((l) => l.innerText.trim().startsWith('AI') && l.querySelector('input')?.checked),
    );
    store.publish(await buildStore([mayoUpdated, harbor, scribes], { previous: v2.manifest }));
    await syncNow(options, 'Sync finished.');
    await expect.poll(notifications).toEqual(['story:hospitals-ai-scribes']);
    const badge = () => fox.ext((b) => b.browserAction.getBadgeText({}));
    await expect.poll(badge).toBe('1');
    // The reader has put the browser away when the alert comes.
    const windowId = await fox.ext(async (b) => {
      const { id } = await b.windows.getLastFocused();
      await b.windows.update(id, { state: 'minimized' });
      return id as number;
    });
    const windowNow = () => fox.ext(async (b, id) => ((w) => [w.state, w.focused])(await b.windows.get(id)), windowId);
    await expect.poll(windowNow).toEqual(['minimized', expect.anything()]);

    // Firefox's rule, checked where a change in it would show: an extension page asking for the
    // sidebar in the same click is refused.
    await fox.ext((b) => {
      const page = window as unknown as { sidebarFromAlert?: string };
      b.notifications.onClicked.addListener(() =>
        b.sidebarAction.open().then(
          () => (page.sidebarFromAlert = 'opened'),
          (err: Error) => (page.sidebarFromAlert = err.message),
        ),
      );
    });
    await fox.clickAlert('Hospitals Roll Out AI Scribes Across Emergency Departments');
    await expect
      .poll(() => fox.ext(() => (window as unknown as { sidebarFromAlert?: string }).sidebarFromAlert))
      .toBe('sidebarAction.open may only be called from a user input handler');
    // The story has no page of its own on factlen.com: its story view opens, in the active tab
    // of a window brought back (found by this test, 2026-12-07: it opened in the minimised
    // window, where the reader saw nothing).
    const storyTab = /\/sidepanel\.html\?story=hospitals-ai-scribes$/;
    await expect
      .poll(() => fox.ext(async (b, id) => (await b.tabs.query({ active: true, windowId: id }))[0]?.url as string, windowId))
      .toMatch(storyTab);
    await expect.poll(windowNow).toEqual(['normal', true]);
    expect(await fox.ext((b) => b.sidebarAction.isOpen({}))).toBe(false);
    // The story view, read through the extension (Puppeteer may not know the tab's address yet).
    const shown = () =>
      fox.ext((b) => {
        const view = (b.extension.getViews({ type: 'tab' }) as Window[]).find((v) => v.location.search === '?story=hospitals-ai-scribes');
        return view
          ? [view.document.querySelector('main')?.getAttribute('data-state'), view.document.querySelector('h1')?.textContent]
          : null;
      });
    await expect.poll(shown).toEqual(['picked', 'Hospitals Roll Out AI Scribes Across Emergency Departments']);
    // Opened from its alert, the story's alert is read: the badge no longer counts it.
    await expect.poll(badge).toBe('');
  });

  it('keeps the last good stories when the store breaks, and says why in plain words', async () => {
    const good = v2;
    const options = await useStore(good);
    const broken = await buildStore([mayoUpdated, { ...harbor, title: 'A broken update', updatedAt: '2026-11-22T00:00:00Z' }], {
      previous: good.manifest,
    });
    // The changed shard is damaged on its way: same size, different bytes.
    store.publish(broken, (path, bytes) =>
      path.includes('2026-11-20') ? Buffer.from(bytes.toString('utf8').replace('A broken update', 'A broken UPDATE')) : bytes,
    );
    await syncNow(options, 'Sync failed.');
    const error = await textOf(options, '[data-testid=last-error]');
    expect(error).toMatch(
      /shards\/2026-11-20-[0-9a-f]{16}\.json does not match its fingerprint \(SHA-256\) in the manifest: it may be damaged or tampered with\./,
    );
    expect(error).toContain('Factlen Lens keeps using the stories it already has.');
    expect(await options.$eval('[data-testid=store-version]', (e) => e.getAttribute('data-version'))).toBe(String(good.manifest.version));
    await screenshotFox(options, 'options-error');

    const popup = await popupFor('/harbor-seawall.html');
    expect(await textOf(popup, 'h1')).toContain('Harbor City Approves $310 Million Seawall for the Eastport Waterfront');

    store.files.set('manifest.json', Buffer.from('<!doctype html><title>Sign in</title>'));
    await syncNow(options, 'Sync failed.');
    await waitForText(options, '[data-testid=last-error]', "The store's manifest.json is not valid JSON");
  });

  it('sent nothing that could tell one reader from another', async () => {
    // A first sync, a changed store, an unchanged one, and a store that is gone.
    const options = await useStore(v1);
    for (const next of [v2, v2, null]) {
      if (next) store.publish(next);
      else store.files.clear();
      await syncNow(options, next ? 'Sync finished.' : 'Sync failed.');
    }
    expect(store.log.map((l) => l.status)).toEqual(expect.arrayContaining([200, 304, 404]));
    for (const entry of store.log) expect([entry.query, entry.cookie, entry.referer]).toEqual(['', undefined, undefined]);
  });
});
