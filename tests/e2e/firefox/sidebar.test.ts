// The sidebar's page in Firefox, opened as a tab on the tab it describes (as the Chromium suite
// opens its side panel): the search over the store, the question it asks and the keyboard. The
// real sidebar, opened from the popup, is in popup.test.ts.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../harness.ts';
import {
  clickOn,
  fillIn,
  resize,
  role,
  screenshotFox,
  stateOf,
  textOf,
  until,
  waitForText,
  type Fox,
  startFoxAndPages,
  stopFoxAndPages,
} from './harness.ts';

let fox: Fox;
let server: Server;

beforeAll(async () => ({ fox, server } = await startFoxAndPages()));
afterAll(() => stopFoxAndPages({ fox, server }));

/** Reads the tab through the popup, as a reader's click does, and returns the tab id. */
async function readTab(path: string): Promise<number> {
  const { tabId } = await fox.openTab(server.page(path));
  await (await fox.openPopup(tabId)).close();
  return tabId;
}

/** The sidebar's page for `tabId`, in front and sidebar-sized, once it has answered. */
async function panelFor(tabId: number): Promise<Page> {
  const panel = await fox.openExtensionPage('sidepanel.html', tabId);
  await panel.bringToFront();
  await resize(panel, 420, 900);
  await panel.waitForSelector('main:not([data-state="loading"])');
  return panel;
}

const resultTitles = (page: Page) =>
  page.$$eval('.story-search__result .story-search__title', (titles) => titles.map((t) => (t as HTMLElement).innerText));

describe('the sidebar in Firefox', () => {
  it('offers a search over the store when the tab has no match, and opens what the reader picks', async () => {
    const panel = await panelFor(await readTab('/local-sports.html'));
    expect(await stateOf(panel)).toBe('no-match');
    expect(await textOf(panel, 'main')).toContain('No Factlen story covers this page yet');
    // With no query the newest stories are listed; typing narrows them.
    await until(panel, () => document.querySelectorAll('.story-search__result').length === 5);
    await fillIn(panel, '#story-search-input', 'fortune');
    await until(panel, () => document.querySelectorAll('.story-search__result').length === 1);
    expect(await resultTitles(panel)).toEqual([expect.stringContaining('Microsoft and Mayo Clinic')]);
    await fillIn(panel, '#story-search-input', 'no such words anywhere');
    await waitForText(panel, '.story-search', 'No story matches that search.');
    await fillIn(panel, '#story-search-input', 'transit levy');
    await until(panel, () => document.querySelectorAll('.story-search__result').length === 1);
    expect(await resultTitles(panel)).toEqual(['Riverton Voters Approve Transit Levy to Expand Bus Rapid Transit']);
    // Picked by keyboard: Enter on the result.
    await panel.focus('.story-search__result');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('main[data-state="picked"]');
    expect(await textOf(panel, 'h1')).toBe('Riverton Voters Approve Transit Levy to Expand Bus Rapid Transit');
  });

  it('asks about the story the matcher is not sure of, and "Read it" opens it without choosing it', async () => {
    const tabId = await readTab('/riverton-brt-routes.html');
    const panel = await panelFor(tabId);
    expect(await stateOf(panel)).toBe('no-match');
    expect(await textOf(panel, 'h1')).toBe('This page may be about a Factlen story');
    expect(await textOf(panel, '.suggestion__title')).toBe('Riverton Voters Approve Transit Levy to Expand Bus Rapid Transit');
    // The sidebar reads; choosing a story for the page is the popup's.
    expect(await panel.$$eval('.suggestion button', (b) => b.map((e) => (e as HTMLElement).innerText))).toEqual(['Read it']);
    await screenshotFox(panel, 'sidebar-suggestion');
    await clickOn(panel, role('button', 'Read it'));
    await panel.waitForSelector('main[data-state="picked"]');
    expect(await textOf(panel, 'h1')).toBe('Riverton Voters Approve Transit Levy to Expand Bus Rapid Transit');
    // Reading it chose nothing: the page still has no story of its own, and no badge.
    const popup = await fox.openPopup(tabId);
    expect(await stateOf(popup)).toBe('no-match');
    expect(await popup.$('.reader-choice')).toBeNull();
    expect(await fox.ext((b, id) => b.browserAction.getBadgeText({ tabId: id }), tabId)).toBe('');
  });

  it('is usable by keyboard: every control in reading order, focus visible, Enter and Space act, Escape closes', async () => {
    const tabId = await readTab('/fortune-morgan-stanley.html');
    const panel = await panelFor(tabId);
    // Every control the page offers, in document order: what Tab must reach, one by one.
    const controls = await panel.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')]
        .filter((el) => el.tabIndex >= 0 && !el.closest('[hidden], [inert]') && el.getClientRects().length > 0)
        .filter((el) => !(el as HTMLButtonElement).disabled)
        .map((el) => (el.textContent ?? '').trim().slice(0, 40)),
    );
    expect(controls.length).toBeGreaterThan(15);
    const seen: { tag: string; text: string; outline: string; order: number }[] = [];
    await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < controls.length + 5; i++) {
      await panel.keyboard.press('Tab');
      const info = await panel.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body || !document.hasFocus()) return null;
        const style = getComputedStyle(el);
        return {
          tag: el.tagName,
          text: (el.textContent ?? '').trim().slice(0, 40),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          order: [...document.querySelectorAll('*')].indexOf(el),
        };
      });
      // Past the last control, focus leaves the page for the browser's own UI.
      if (!info || (seen.length && info.order <= seen.at(-1)!.order)) break;
      seen.push(info);
    }
    expect(seen.map((s) => s.text)).toEqual(controls);
    // Every focused control shows a focus ring.
    for (const s of seen) expect(s.outline, `${s.tag} "${s.text}"`).not.toMatch(/^none|0px$/);
    expect(seen.map((s) => s.text)).toEqual(expect.arrayContaining(['Search stories', 'Will this AI replace human doctors?']));

    // The walk ended in the browser's own UI, where keys no longer reach the page: a fresh one.
    const keys = await panelFor(tabId);
    // Enter opens an FAQ entry, Escape closes it, back on its question.
    const faq = 'Will this AI replace human doctors?';
    await keys.$$eval('summary', (ss, q) => (ss.find((s) => s.textContent === q) as HTMLElement).focus(), faq);
    await keys.keyboard.press('Enter');
    await until(
      keys,
      (q) => [...document.querySelectorAll('details')].some((d) => d.open && d.querySelector('summary')?.textContent === q),
      faq,
    );
    await keys.keyboard.press('Escape');
    await until(
      keys,
      (q) => [...document.querySelectorAll('details')].every((d) => !d.open || d.querySelector('summary')?.textContent !== q),
      faq,
    );
    expect(await keys.evaluate(() => document.activeElement?.textContent)).toBe(faq);
    // Space on a button acts too: the search opens from the header, Escape closes it, back on its button.
    await keys.$$eval('.panel-header button', (bs) => (bs.find((b) => b.textContent === 'Search stories') as HTMLElement).focus());
    await keys.keyboard.press(' ');
    await until(keys, () => document.activeElement?.id === 'story-search-input');
    await keys.keyboard.press('Escape');
    await until(keys, () => !document.getElementById('story-search-input'));
    expect(await keys.evaluate(() => document.activeElement?.textContent)).toBe('Search stories');
  });
});
