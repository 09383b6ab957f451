// The reader's alert list in Firefox: listed in the popup (only what is on screen counts as
// read) and in the sidebar (looking at the list reads it all), the toolbar badge counting what
// is unread, and an alert that opens its story. Alerts raised by a sync, and a click on one,
// are in store.test.ts. One Firefox for the file; each test lists its own alerts first.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Server } from '../harness.ts';
import {
  clickClosing,
  clickOn,
  resize,
  role,
  screenshotFox,
  stateOf,
  textOf,
  until,
  type Fox,
  startFoxAndPages,
  stopFoxAndPages,
} from './harness.ts';

let fox: Fox;
let server: Server;

beforeAll(async () => ({ fox, server } = await startFoxAndPages()));
afterAll(() => stopFoxAndPages({ fox, server }));

/** Three unread alerts, newest first, as a sync leaves them: two updates to followed stories and a new story. */
const unreadAlerts = (now: number) => [
  {
    alert: {
      kind: 'story-update',
      storyId: 'microsoft-mayo-clinic-frontier-ai-model',
      topic: 'ai',
      title: "Microsoft and Mayo Clinic Partner to Build 'Frontier' AI Model Dedicated to Healthcare",
      newViewpoints: [],
      nowRepresented: ['Patient Advocacy Groups'],
      moreRepresented: 0,
      newOutlets: 3,
    },
    at: now,
    read: false,
  },
  {
    alert: {
      kind: 'new-story',
      storyId: 'northvale-hospital-ai-triage',
      topic: 'ai',
      title: 'Northvale Health System Rolls Out AI Triage Model in Its Emergency Rooms',
      outlets: 2,
      viewpoints: 2,
    },
    at: now - 60_000,
    read: false,
  },
  {
    alert: {
      kind: 'new-story',
      storyId: 'riverton-transit-levy-vote',
      topic: 'cities',
      title: 'Riverton Voters Approve Transit Levy to Expand Bus Rapid Transit',
      outlets: 5,
      viewpoints: 3,
    },
    at: now - 120_000,
    read: false,
  },
];

beforeEach(async () => {
  await fox.ext((b, list) => b.storage.local.set({ alertList: list }), unreadAlerts(Date.now()));
  await expect.poll(globalBadge).toBe('3');
});

/** The toolbar's own badge (a tab without a story shows it): how many alerts are unread. */
const globalBadge = () => fox.ext((b) => b.browserAction.getBadgeText({}));
const readFlags = () =>
  fox.ext(async (b) => ((await b.storage.local.get('alertList')).alertList as { read: boolean }[]).map((a) => a.read));

/** What the open sidebar shows: its page, its state and its heading (null while closed). */
const sidebar = () =>
  fox.ext((b) => {
    const view = b.extension.getViews({ type: 'sidebar' })[0] as Window | undefined;
    const main = view?.document.querySelector('main');
    return main ? { href: view!.location.href, state: main.getAttribute('data-state'), text: (main as HTMLElement).innerText } : null;
  });

/** The popup at Chrome's popup size, for the tab showing `path`. */
async function popupAt(path: string): Promise<{ popup: Page; tabId: number }> {
  const { tabId } = await fox.openTab(server.page(path));
  const popup = await fox.openPopup(tabId);
  await popup.bringToFront();
  await resize(popup, 380, 600);
  return { popup, tabId };
}

describe('alerts in the Firefox popup', () => {
  it('a page with no story lists the newest alerts; only those on screen count as read, and the badge counts the rest', async () => {
    const { popup } = await popupAt('/local-sports.html');
    await popup.waitForSelector('.alert-list');
    const listed = await textOf(popup, '.alert-list');
    expect(listed).toMatch(/Update: Microsoft and Mayo Clinic[\s\S]*3 new outlets · Now represented: Patient Advocacy Groups/);
    expect(listed).toMatch(/New in AI: Northvale Health System Rolls Out AI Triage Model[\s\S]*2 outlets · 2 viewpoints/);
    // Two are listed; the third is one click away, and stays unread.
    expect(listed).not.toContain('Riverton');
    await expect.poll(readFlags).toEqual([true, true, false]);
    await expect.poll(globalBadge).toBe('1');
    expect(await popup.$(role('button', 'See all 3 updates in the side panel'))).not.toBeNull();
    await screenshotFox(popup, 'popup-alerts');
    // An open list marks what it shows read, the next test's alerts too: it closes.
    await popup.close();
  });
});

describe('alerts in the Firefox sidebar', () => {
  it('counts the unread on its Updates button, lists them all, reads them on sight, and opens a story', async () => {
    const { tabId } = await fox.openTab(server.page('/local-sports.html'));
    const panel = await fox.openExtensionPage('sidepanel.html', tabId);
    await panel.bringToFront();
    await resize(panel, 420, 900);
    const updates = role('button', 'Updates 3 New');
    await panel.waitForSelector(updates);
    expect(await readFlags()).toEqual([false, false, false]);
    await clickOn(panel, updates);
    await panel.waitForSelector('main[data-state="alerts"] .alert-list');
    // Each marked "New" until the list has been seen.
    const titles = await panel.$$eval('.alert-item__title', (t) =>
      t.map((e) =>
        [...e.childNodes]
          .map((n) => ((n as Element).classList?.contains('alert-item__new') ? '' : n.textContent))
          .join('')
          .trim(),
      ),
    );
    expect(titles).toEqual([
      "Update: Microsoft and Mayo Clinic Partner to Build 'Frontier' AI Model Dedicated to Healthcare",
      'New in AI: Northvale Health System Rolls Out AI Triage Model in Its Emergency Rooms',
      'New in Cities: Riverton Voters Approve Transit Levy to Expand Bus Rapid Transit',
    ]);
    await expect.poll(readFlags).toEqual([true, true, true]);
    await expect.poll(globalBadge).toBe('');
    await until(panel, () => !document.querySelector('.count-pill'));
    await screenshotFox(panel, 'sidebar-alerts');

    await clickOn(panel, '.alert-item::-p-text(Riverton Voters Approve Transit Levy)');
    await panel.waitForSelector('main[data-state="picked"]');
    expect(await textOf(panel, 'h1')).toBe('Riverton Voters Approve Transit Levy to Expand Bus Rapid Transit');
    expect(await stateOf(panel)).toBe('picked');
    await panel.close();
  });
});

describe('alerts from the Firefox popup to the sidebar', () => {
  // Last in the file: the real sidebar stays open on the list, which reads every alert listed after.
  it('a matched page keeps its story: the alerts are a link that opens them in the sidebar, which reads them', async () => {
    const { popup, tabId } = await popupAt('/fortune-morgan-stanley.html');
    await popup.waitForSelector('main[data-state="match"]');
    expect(await popup.$('.alert-list')).toBeNull();
    // The tab's own badge is its story's outlets; the unread count stays the toolbar's.
    expect(await fox.ext((b, id) => b.browserAction.getBadgeText({ tabId: id }), tabId)).toBe('7');
    expect(await readFlags()).toEqual([false, false, false]);
    await clickClosing(popup, role('button', '3 updates on what you follow'));
    await expect.poll(sidebar, { timeout: 15_000 }).toMatchObject({ state: 'alerts', href: expect.stringMatching(/[?&]view=alerts$/) });
    expect((await sidebar())!.text).toContain('Riverton Voters Approve Transit Levy');
    await expect.poll(readFlags).toEqual([true, true, true]);
    await expect.poll(globalBadge).toBe('');
  });
});
