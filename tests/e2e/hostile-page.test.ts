// Hostile pages in a real Chromium with the built extension (issue 21 findings 2 and 3): a page
// on another site claiming a source's address, and a page whose <title> alone would fill the
// session storage every tab's report shares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot, serve, type Lens, type Server } from './harness.ts';

let lens: Lens;
let server: Server;
// 10.47 MB: over Chromium's 10 MB session storage quota in one report, as the probe found.
const HUGE_TITLE = 'Breaking '.repeat(1_163_400);

beforeAll(async () => {
  server = await serve(undefined, (req, res) => {
    if (!req.url?.startsWith('/huge-title.html')) return false;
    const para = '<p>The council met on Tuesday evening to discuss the budget for the coming year, and several residents spoke.</p>';
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><head><title>${HUGE_TITLE}</title></head><body><article><h1>Budget</h1>${para.repeat(12)}</article></body></html>`,
      );
    return true;
  });
  lens = await launch();
});
afterAll(async () => {
  await lens?.close();
  await server?.close();
});

describe('a hostile page', () => {
  it('on 127.0.0.1 declaring Fortune\'s article as its canonical URL is not "source [2], Fortune"', async () => {
    const { tabId } = await lens.openTab(server.url('/fortune-morgan-stanley.html'));
    const popup = await lens.openPopup(tabId);
    expect(await popup.locator('main').innerText()).not.toContain('This page is source [2]');
    expect(await popup.locator('.match-reason[data-kind="url"]').count()).toBe(0);
    await screenshot(popup, 'hostile-canonical-spoof');
    await popup.close();
  });

  it('with a 10 MB <title> does not break the popup of any other tab', async () => {
    const { tabId: hugeTab } = await lens.openTab(server.url('/huge-title.html'));
    const first = await lens.openPopup(hugeTab);
    expect(await first.locator('main').getAttribute('data-state')).not.toBe('error');
    await first.close();
    // Another tab, read after it: its report must still fit in session storage.
    const { tabId } = await lens.openTab(server.siteUrl('fortune.com', '/fortune-morgan-stanley.html'));
    const popup = await lens.openPopup(tabId);
    expect(await popup.locator('main').getAttribute('data-state')).toBe('match');
    expect(await popup.locator('main').innerText()).not.toContain('quota');
    const kept = await lens.worker.evaluate(async (id) => JSON.stringify(await chrome.storage.session.get(`report:${id}`)).length, hugeTab);
    expect(kept).toBeLessThan(20_000);
    await popup.close();
  });
});
