// axe-core on the popup, the sidebar and the options page in Firefox, in light and dark: the
// colour scheme is a browser setting there (a launch pref), so each scheme is its own launch.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../a11y.ts';
import { serve, type Server } from '../harness.ts';
import { clickOn, launchFirefox, resize, screenshotFox, type Fox } from './harness.ts';

let server: Server;
beforeAll(async () => {
  server = await serve();
});
afterAll(async () => {
  await server?.close();
});

for (const scheme of ['light', 'dark'] as const) {
  describe(`Firefox in ${scheme}`, () => {
    let fox: Fox;
    beforeAll(async () => {
      fox = await launchFirefox({ colorScheme: scheme });
    });
    afterAll(async () => {
      await fox?.close();
    });

    /** The page in the scheme under test (so a broken launch pref cannot pass for dark), then axe. */
    async function check(page: Page, name: string): Promise<void> {
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      expect(await axeViolations(page)).toEqual([]);
      await screenshotFox(page, `${name}-${scheme}`);
    }

    it('finds no axe violations on the popup, the sidebar and the options page', async () => {
      const { tabId } = await fox.openTab(server.page('/fortune-morgan-stanley.html'));
      const popup = await fox.openPopup(tabId);
      await resize(popup, 400, 600);
      await check(popup, 'popup');

      const panel = await fox.openExtensionPage('sidepanel.html', tabId);
      await resize(panel, 420, 900);
      await panel.waitForSelector('main[data-state="match"]');
      await clickOn(panel, 'summary');
      await check(panel, 'sidebar');

      const options = await fox.openExtensionPage('options.html');
      await options.waitForSelector('::-p-text(Topics you follow)');
      await options.waitForSelector('.topics__list input');
      await check(options, 'options');

      const sports = await fox.openTab(server.url('/local-sports.html'));
      await (await fox.openPopup(sports.tabId)).close();
      const empty = await fox.openExtensionPage('sidepanel.html', sports.tabId);
      await resize(empty, 420, 900);
      await empty.waitForSelector('.story-search__result');
      await check(empty, 'sidebar-search');
    });
  });
}
