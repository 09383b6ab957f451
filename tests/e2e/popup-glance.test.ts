// The popup as one glance: every state fits Chrome's popup cap (600 px tall at the popup's 380 px
// width) with no scrollbar, in light and dark, with no axe-core violation, and the keyboard
// starts on the state's primary action. Screenshots of each land in test-output/screenshots/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './a11y.ts';
import { launch, PAGES, screenshot, serve, type Lens, type Server } from './harness.ts';

// Chrome sizes a popup to its content up to 800 × 600 px; ours is 380 px wide by design.
const WIDTH = 380;
const CAP = 600;

let lens: Lens;
let server: Server;

// The Riverton page retitled with a headline of 150 characters, which the no-match states quote.
const LONG_TITLE =
  'Riverton transit board picks Eastside corridor for first rapid bus line, choosing it over the downtown loop that business groups had favored for years';

beforeAll(async () => {
  server = await serve(PAGES, (req, res) => {
    if (req.url !== '/long-title.html') return false;
    const page = readFileSync(join(PAGES, 'riverton-brt-routes.html'), 'utf8').replace(
      /(<title>|<h1>)Riverton transit board picks Eastside corridor for first rapid bus line/g,
      `$1${LONG_TITLE}`,
    );
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    return true;
  });
  lens = await launch();
});
afterAll(async () => {
  await lens?.close();
  await server?.close();
});

const STATES = [
  { name: 'match-source', path: '/fortune-morgan-stanley.html', state: 'match', first: 'Open viewpoints' },
  { name: 'match-other-outlet', path: '/healthtech-mayo-microsoft.html', state: 'match', first: 'Open viewpoints' },
  { name: 'no-match', path: '/local-sports.html', state: 'no-match', first: 'Search Factlen stories' },
  // No match, but a story likelier than not: the reader is asked first.
  { name: 'suggestion', path: '/riverton-brt-routes.html', state: 'no-match', first: "Yes, it's this story" },
  // A page title of 150 characters, quoted in the state's first words.
  { name: 'suggestion-long-title', path: '/long-title.html', state: 'no-match', first: "Yes, it's this story" },
  // No match, but stories of the page's subject, none its event: offered to read.
  {
    name: 'same-subject',
    path: '/harlow-reservoir-pause.html',
    state: 'no-match',
    first: 'Ranchers Sue to Stop Brandt Reservoir Expansion',
  },
  { name: 'not-article', path: '/not-an-article.html', state: 'not-article', first: 'Search Factlen stories' },
] as const;

/** The popup's size as Chrome would lay it out, and whether anything scrolls at 380 × 600. */
async function measure(popup: Page) {
  return popup.evaluate(() => {
    const root = document.documentElement;
    return {
      width: Math.ceil(document.body.getBoundingClientRect().width),
      height: Math.ceil(document.body.getBoundingClientRect().height),
      scrollsX: root.scrollWidth > root.clientWidth,
      scrollsY: root.scrollHeight > root.clientHeight,
    };
  });
}

/** The accessible name of what a Tab press from the top of the page focuses first. */
async function firstFocus(popup: Page): Promise<string> {
  await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await popup.keyboard.press('Tab');
  return popup.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim();
  });
}

describe('the popup at 380 × 600', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const s of STATES) {
      it(`${s.name} (${scheme}) fits with no scrollbar, passes axe and starts on its primary action`, async () => {
        const { tabId } = await lens.openTab(server.page(s.path));
        const popup = await lens.context.newPage();
        await popup.setViewportSize({ width: WIDTH, height: CAP });
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.goto(`chrome-extension://${lens.extensionId}/popup.html?tabId=${tabId}`);
        await popup.locator(`main[data-state="${s.state}"]`).waitFor();
        // The store's summary and the follow buttons arrive a moment after the report.
        if (s.state === 'match') await popup.locator('.follow-buttons').waitFor();
        else await popup.locator('.store-line').waitFor();
        const size = await measure(popup);
        console.log(`popup ${s.name} ${scheme}: ${size.width} × ${size.height} px`);
        await popup.setViewportSize({ width: WIDTH, height: size.height });
        await screenshot(popup, `popup-${s.name}-${scheme}`);
        await popup.setViewportSize({ width: WIDTH, height: CAP });
        expect(size.width).toBe(WIDTH);
        expect(size.height).toBeLessThanOrEqual(CAP);
        expect(size.scrollsX || size.scrollsY).toBe(false);
        expect(await axeViolations(popup)).toEqual([]);
        // A story button's name is its title, then its date.
        expect(await firstFocus(popup)).toMatch(new RegExp(`^${s.first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        await popup.close();
      });
    }
  }
});
