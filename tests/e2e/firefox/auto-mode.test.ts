// Automatic mode in Firefox: the optional host permission is asked for in the options page's
// click and granted, articles on that site are then read as they load and badged without a
// click; revoked in the browser, the extension is back to on click by itself. Each test starts
// its own Firefox.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PAGES, serve, type Server } from '../harness.ts';
import { clickLabel, clickOn, launchFirefox, role, until, waitForText, type Fox } from './harness.ts';

// Another loopback address is another site: the e2e build's own host permission covers
// 127.0.0.1 only, so this one must be granted.
const SITE = '127.0.0.2';
const SITE_PATTERNS = [`https://${SITE}/*`, `http://${SITE}/*`];

let fox: Fox;
let site: Server;

beforeAll(async () => {
  site = await serve(PAGES, undefined, SITE);
});
afterAll(async () => {
  await site?.close();
});
beforeEach(async () => {
  fox = await launchFirefox();
});
afterEach(async () => {
  await fox?.close();
});

const granted = () => fox.ext(async (b) => ((await b.permissions.getAll()).origins as string[]).sort());
const registered = () => fox.ext(async (b) => (await b.scripting.getRegisteredContentScripts()).map((s: { id: string }) => s.id));
const readingMode = () =>
  fox.ext(async (b) => ((await b.storage.local.get('readingMode')).readingMode as { mode: string } | undefined)?.mode ?? 'click');

/** Chooses automatic mode for SITE in the options page, as the reader does (Firefox grants it in the click). */
async function turnOnAutomaticMode(): Promise<void> {
  const options = await fox.openExtensionPage('options.html');
  await clickLabel(options, 'Automatically');
  await clickLabel(options, 'only on these sites');
  await clickLabel(options, 'Sites to read automatically');
  await options.keyboard.type(SITE);
  await clickOn(options, role('button', 'Save reading settings'));
  await waitForText(options, '.notice', 'Saved: Factlen Lens now reads articles on those sites as they load.');
}

describe('automatic mode in Firefox', () => {
  it('asks for the sites the reader lists, and reads their articles as they load', async () => {
    expect(await granted()).not.toEqual(expect.arrayContaining(SITE_PATTERNS));
    await turnOnAutomaticMode();
    expect(await granted()).toEqual(expect.arrayContaining(SITE_PATTERNS));
    await expect.poll(registered).toEqual(['factlen-auto-read']);

    // Matched by its words: a page's canonical URL counts only on its own site, and this is not one.
    const { tabId } = await fox.openTab(site.url('/healthtech-mayo-microsoft.html'));
    await expect.poll(() => fox.ext((b, id) => b.browserAction.getBadgeText({ tabId: id }), tabId), { timeout: 15_000 }).toBe('7');
  });

  it('goes back to on click when the reader revokes the access in the browser', async () => {
    await turnOnAutomaticMode();
    await expect.poll(registered).toEqual(['factlen-auto-read']);
    // What Firefox's add-on manager does when the reader turns the site off there.
    await fox.ext((b, origins) => b.permissions.remove({ origins }), SITE_PATTERNS);
    await expect.poll(readingMode).toBe('click');
    await expect.poll(registered).toEqual([]);
    expect(await granted()).not.toEqual(expect.arrayContaining(SITE_PATTERNS));
    const options = await fox.openExtensionPage('options.html');
    await until(options, () => document.querySelector<HTMLInputElement>('input[name="mode"][value="click"]')?.checked === true);
  });
});
