// Hostile pages in a real Chromium with the built extension (issue 21 findings 2 and 3): a page
// on another site claiming a source's address, a page whose <title> alone would fill the
// session storage every tab's report shares, and one whose script nests it thousands deep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot, serve, type Lens, type Server } from './harness.ts';

let lens: Lens;
let server: Server;
// 10.47 MB: over Chromium's 10 MB session storage quota in one report, as the probe found. The
// page's script sets it: Chromium 150 took 50 s to parse the same title written in the markup
// (past the test's time-out before the extension was even asked), and a hostile page can do
// either; the extension reads the same document.title.
const HUGE_TITLE = `'Breaking '.repeat(1_163_400)`;

beforeAll(async () => {
  server = await serve(undefined, (req, res) => {
    const para = '<p>The council met on Tuesday evening to discuss the budget for the coming year, and several residents spoke.</p>';
    if (req.url?.startsWith('/deep-figure.html')) {
      // Built by the page's script: Chromium's HTML parser stops nesting at 512 levels.
      const wrap = `let f = document.createElement('figure'); document.querySelector('article').append(f);
        for (let i = 0; i < 2000; i++) { const d = document.createElement('div'); f.append(d); f = d; } f.append('A caption.');`;
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="en"><head><title>Budget</title></head><body><article><h1>Budget</h1>${para.repeat(12)}</article><script>${wrap}</script></body></html>`,
        );
      return true;
    }
    if (!req.url?.startsWith('/huge-title.html')) return false;
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><head><title>Budget</title><script>document.title = ${HUGE_TITLE};</script></head><body><article><h1>Budget</h1>${para.repeat(12)}</article></body></html>`,
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
  it("cannot read or write the extension's local storage from the world the extractor ran in", async () => {
    // Found by an adversarial audit (2026-12-07): code in that world (a compromised renderer) read
    // the reader's corrections and rewrote the store's address. Chrome closes it when told.
    const { page, tabId } = await lens.openTab(server.url('/local-sports.html'));
    const cdp = await lens.context.newCDPSession(page);
    const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    // The reader's click injects the extractor into the page's renderer.
    await (await lens.openPopup(tabId)).close();
    const ours = () => worlds.find((w) => w.auxData?.type === 'isolated' && !w.name.startsWith('__playwright'));
    await expect.poll(() => ours() !== undefined).toBe(true);
    const tryStorage = (expression: string) =>
      cdp.send('Runtime.evaluate', { expression, contextId: ours()!.id, awaitPromise: true, returnByValue: true });
    const read = await tryStorage('chrome.storage.local.get(null).then(() => "read", (e) => "refused: " + e.message)');
    expect(read.result.value).toMatch(/^refused: /);
    const write = await tryStorage(
      `chrome.storage.local.set({ storeSettings: { storeUrl: 'https://attacker.example/store/' } }).then(() => "written", (e) => "refused: " + e.message)`,
    );
    expect(write.result.value).toMatch(/^refused: /);
    expect(await lens.worker.evaluate(() => chrome.storage.local.get('storeSettings'))).not.toMatchObject({
      storeSettings: { storeUrl: 'https://attacker.example/store/' },
    });
    await cdp.detach();
    await page.close();
  });

  it('on 127.0.0.1 declaring Fortune\'s article as its canonical URL is not "source [2], Fortune"', async () => {
    const { tabId } = await lens.openTab(server.url('/fortune-morgan-stanley.html'));
    const popup = await lens.openPopup(tabId);
    expect(await popup.locator('main').innerText()).not.toContain('This page is source [2]');
    expect(await popup.locator('main').innerText()).not.toContain("You're reading [2]");
    expect(await popup.locator('.match-reason[data-kind="url"]').count()).toBe(0);
    await screenshot(popup, 'hostile-canonical-spoof');
    await popup.close();
  });

  it('nesting a figure 2,000 elements deep is said to be too large at once, not read for 20 s', async () => {
    // An adversarial probe (2026-12-08): Readability took 21 s over it in the reader's tab, and
    // the popup then said Lens "couldn't read this page"; 4,000 deep, it was called a browser page.
    const { page, tabId } = await lens.openTab(server.url('/deep-figure.html'));
    await page.waitForFunction(() => document.querySelectorAll('figure div').length === 2000);
    const started = Date.now();
    const popup = await lens.openPopup(tabId);
    expect(await popup.locator('main').getAttribute('data-state')).toBe('not-article');
    expect(await popup.locator('main').innerText()).toContain('too large to read');
    expect(Date.now() - started).toBeLessThan(10_000);
    await popup.close();
    await page.close();
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
