import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildStore, type BuiltStore } from '../../lib/store/build.ts';
import type { Story } from '../../lib/story/story.ts';
import { ARABIC, edgeStory } from '../fixtures/edge-stories.ts';
import { axeViolations } from './a11y.ts';
import { directionOf, launch, PAGES, screenshot, serve, type Lens, type Server } from './harness.ts';
import { storeServer } from './store-server.ts';

let lens: Lens;
let server: Server;
// A store of a story at the door's edges, set in the last test of this file.
const store = storeServer();

beforeAll(async () => {
  server = await serve(PAGES, (req, res) => {
    if (store.handler(req, res)) return true;
    // The edge story's source [2] (tests/fixtures/edge-stories.ts): a copy of the Fortune page.
    if (!req.url?.startsWith('/edge/')) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(PAGES, 'fortune-morgan-stanley.html')));
    return true;
  });
  lens = await launch();
});
afterAll(async () => {
  await lens?.close();
  await server?.close();
});

/** A tab's `tabs.onUpdated` changes as a test records them in the worker. */
type TabChanges = { status?: string; url?: string }[];

/** Reads the tab through the popup, as a reader's click does, and returns the tab id. */
async function readTab(path: string): Promise<number> {
  const { tabId } = await lens.openTab(server.page(path));
  await (await lens.openPopup(tabId)).close();
  return tabId;
}

async function panelFor(tabId: number): Promise<Page> {
  const panel = await lens.openExtensionPage('sidepanel.html', tabId);
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.locator('main:not([data-state="loading"])').waitFor();
  return panel;
}

/** The viewpoint shares on the panel that take more than one line ("35" above "%"). */
const brokenShares = (panel: Page) =>
  panel.evaluate(() =>
    [...document.querySelectorAll('.viewpoint-bar__share, .viewpoint-card__share')].flatMap((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      return lines > 1 ? [el.textContent] : [];
    }),
  );

describe('the side panel', () => {
  it('shows every part of the matched story', async () => {
    const panel = await panelFor(await readTab('/fortune-morgan-stanley.html'));
    expect(await panel.locator('main').getAttribute('data-state')).toBe('match');
    const section = (id: string) => panel.locator(`#${id}`);
    const header = await panel.locator('.story-header').innerText();
    expect(header).toContain("Microsoft and Mayo Clinic Partner to Build 'Frontier' AI Model Dedicated to Healthcare");
    expect(header).toContain('The tech giant and the renowned medical center are co-creating');
    expect(header).toMatch(/Medical AI/i);
    // The story's tags, as Factlen's own page shows them beside the category.
    expect(await panel.getByRole('list', { name: 'Tags' }).getByRole('listitem').allInnerTexts()).toEqual(['Industry Partnership']);
    expect(header).toContain('By Factlen Editorial Team');
    expect(header).toContain('3 min read');
    expect(header).toMatch(/#4 of 5 in ai/i);
    // The topic by the name the follow button gives it ("Follow AI"), not its slug: what a screen
    // reader reads is the text, not its upper-case look.
    expect(await panel.locator('.story-header__kicker').textContent()).toBe('Medical AI · Topic: AI · #4 of 5 in AI');
    expect(header).toMatch(/Published Jun 21, 2026/);
    expect(await panel.locator('.coverage').innerText()).toContain('7 outlets · 3 viewpoints surfaced · 2 missing perspectives');
    expect(await panel.locator('.coverage').innerText()).toContain('This page is source [2], Fortune');
    // Where the page stands, first, as in the popup; and its viewpoint's card says so.
    expect(await panel.locator('.coverage .placement').innerText()).toBe(
      "You're reading [2] Fortune — Healthcare Administrators & Analysts",
    );
    const own = section('viewpoints').locator('.viewpoint-card[data-reader]');
    expect(await own.getAttribute('data-viewpoint')).toBe('healthcare-administrators');
    expect(await own.innerText()).toMatch(/You are here[\s\S]*\[2\] Fortune · You're reading this/);
    // Every other viewpoint's coverage is one step away, on its own card.
    const clinicians = section('viewpoints').locator('.viewpoint-card[data-viewpoint="medical-professionals"]');
    expect(await clinicians.getByRole('button', { name: /^Find this article: \[5\] Offcall/ }).count()).toBe(1);
    expect(
      await section('viewpoints')
        .getByRole('link', { name: /^Read \[1\] Microsoft/ })
        .count(),
    ).toBe(1);

    const viewpoints = await section('viewpoints').innerText();
    expect(viewpoints).toMatch(/Medical Professionals & Clinicians\s+35%/);
    expect(viewpoints).toMatch(/Healthcare Administrators & Analysts\s+30%/);
    expect(viewpoints).toContain('Physicians view AI primarily as a tool to reduce burnout');
    // "In depth" is open: the reader opened the panel for it. It closes on demand.
    expect(await section('viewpoints').innerText()).toContain('For frontline medical workers');
    const inDepth = section('viewpoints').locator('summary', { hasText: 'The Clinical Perspective' });
    await inDepth.click();
    expect(await section('viewpoints').innerText()).not.toContain('For frontline medical workers');

    expect(await section('missing').innerText()).toMatch(/Patient Advocacy Groups[\s\S]*Rural Healthcare Providers/);
    expect(await section('why').innerText()).toContain("By keeping the AI model entirely within the hospital's ownership");
    expect(await section('key-points').locator('li').count()).toBe(4);
    expect(await section('stats').innerText()).toMatch(/Projected 2026 medical AI market\s+\$45B/);
    expect(await section('story').innerText()).toContain('Microsoft and the Mayo Clinic have announced a landmark collaboration');
    expect(await section('story').locator('.story-body__caption').count()).toBe(3);
    expect(await section('timeline').innerText()).toMatch(/December 2025[\s\S]*Agentic AI Foundation/);
    expect(await section('unknowns').locator('li').count()).toBe(3);
    expect(await section('key-terms').innerText()).toMatch(/Frontier Model[\s\S]*highly advanced, large-scale/);
    const faq = section('faq').locator('summary', { hasText: 'Will this AI replace human doctors?' });
    await faq.click();
    expect(await section('faq').innerText()).toContain('Medical experts emphasize that AI will act as an accountable collaborator');

    const sources = section('sources');
    expect(await sources.locator('.source').count()).toBe(7);
    // The reader's own page is marked in words among the sources.
    expect(await sources.locator('.source[data-reader]').count()).toBe(1);
    expect(await panel.locator('#source-2').innerText()).toContain("Fortune You're reading this");
    // Numbered in order, each with the viewpoint it surfaces.
    expect(await sources.locator('.source__n').allInnerTexts()).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]', '[6]', '[7]']);
    expect(await sources.locator('.source__viewpoint').allInnerTexts()).toEqual(
      [
        'Technology Developers',
        'Healthcare Administrators & Analysts',
        'Healthcare Administrators & Analysts',
        'Technology Developers',
        'Medical Professionals & Clinicians',
        'Medical Professionals & Clinicians',
        'Technology Developers',
      ].map((name) => expect.stringContaining(name)),
    );
    // A source without an address offers to find it instead.
    expect(
      await sources
        .locator('#source-5')
        .getByRole('button', { name: /^Find this article: \[5\] Offcall/ })
        .count(),
    ).toBe(1);
    expect(await sources.locator('a').count()).toBe(5);
    for (const link of await sources.locator('a').all()) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
    }
    // A citation in the body leads to its source.
    const cite = section('story').locator('a.cite[href="#source-4"]').first();
    expect(await cite.getAttribute('aria-label')).toBe('Source 4, Stanford HAI');
    await cite.click();
    await panel.waitForFunction(() => location.hash === '#source-4');
    expect(await panel.locator('#source-4').innerText()).toContain('The 2026 AI Index Report');
  });

  it('fits a 320 px panel: one header row, nothing sideways, and its contents links land below the header', async () => {
    // Found in a review (2026-12-07): the header took two rows at 320 px and every contents link
    // hid its heading under it; Firefox's 250 px sidebar scrolled sideways.
    const panel = await panelFor(await readTab('/fortune-morgan-stanley.html'));
    for (const width of [250, 320]) {
      await panel.setViewportSize({ width, height: 800 });
      const sideways = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways).toBeLessThanOrEqual(0);
      expect((await panel.locator('.panel-header').boundingBox())!.height).toBeLessThan(60);
      // Found in a review (2026-12-07): a long name beside it squeezed "35%" to "35" above "%".
      expect(await brokenShares(panel), `${width} px`).toEqual([]);
    }
    await panel.locator('.toc').getByRole('link', { name: 'How we got here' }).click();
    await panel.waitForFunction(() => location.hash === '#timeline');
    const [top, bottom] = await Promise.all([
      panel.locator('#timeline h2').evaluate((el) => el.getBoundingClientRect().top),
      panel.locator('.panel-header').evaluate((el) => el.getBoundingClientRect().bottom),
    ]);
    expect(top).toBeGreaterThanOrEqual(bottom);
    await screenshot(panel, 'sidepanel-320');
    // The list of updates opened over a story scrolled down starts at its top.
    await panel.getByRole('button', { name: /^Updates/ }).click();
    await panel.locator('main[data-state="alerts"]').waitFor();
    expect(await panel.evaluate(() => window.scrollY)).toBe(0);
  });

  it('follows its tab: a report that arrives later replaces the waiting state', async () => {
    const { tabId } = await lens.openTab(server.url('/healthtech-mayo-microsoft.html'));
    const panel = await panelFor(tabId);
    expect(await panel.locator('main').getAttribute('data-state')).toBe('unread');
    const popup = await lens.openExtensionPage('popup.html', tabId);
    await popup.locator('main[data-state="match"]').waitFor();
    await panel.locator('main[data-state="match"]').waitFor();
    expect(await panel.locator('h1').innerText()).toContain('Microsoft and Mayo Clinic Partner');
    // A page the story does not cite is never marked as one of its sources.
    expect(await panel.locator('.source[data-reader]').count()).toBe(0);
  });

  it('describes its own tab, not an older tab at the same address', async () => {
    // Found in a review (2026-12-07): the harness's openTab gave the first tab showing an address,
    // so a test opening an address again drove the older, already read tab.
    const read = await readTab('/fortune-morgan-stanley.html');
    const { tabId } = await lens.openTab(server.page('/fortune-morgan-stanley.html'));
    expect(tabId).not.toBe(read);
    const panel = await panelFor(tabId);
    expect(await panel.locator('main').getAttribute('data-state')).toBe('unread');
  });

  it("starts another story that becomes the tab's at its top, not where the last one was scrolled", async () => {
    // Found in a review (2026-12-07): the reader, scrolled down the panel, picked another story
    // in the popup ("Not this story?"); the panel showed the new story from its middle, its
    // headline 840 px above. The choice is kept under this address and taken back at the end.
    const { tabId } = await lens.openTab(server.url('/healthtech-mayo-microsoft.html?case=panel'));
    const popup = await lens.openPopup(tabId);
    const panel = await panelFor(tabId);
    await panel.locator('.toc').getByRole('link', { name: 'Key points' }).click();
    await panel.waitForFunction(() => window.scrollY > 1000);
    await popup.getByRole('button', { name: 'Not this story?' }).click();
    await popup.locator('button.not-this-story__pick', { hasText: 'Northvale Health System' }).click();
    await panel.locator('main[data-state="match"] h1', { hasText: 'Northvale Health System' }).waitFor();
    expect(await panel.evaluate(() => window.scrollY)).toBe(0);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await panel.locator('main[data-state="match"] h1', { hasText: 'Microsoft and Mayo Clinic' }).waitFor();
  });

  it('keeps the story when the reader follows a link within the article', async () => {
    // Found in a review (2026-12-07): Chrome tells an in-page link (`#comments`) as a tab loading;
    // the panel beside the article lost its story ("No article read in this tab yet") and the
    // toolbar badge its count.
    // An address of its own (the harness finds a tab by its address; a tracking parameter leaves
    // it source [2]'s).
    const { page, tabId } = await lens.openTab(server.siteUrl('fortune.com', '/fortune-morgan-stanley.html?utm_source=jump'));
    await (await lens.openPopup(tabId)).close();
    const panel = await panelFor(tabId);
    expect(await panel.locator('main').getAttribute('data-state')).toBe('match');
    await page.evaluate(() => {
      const jump = Object.assign(document.createElement('a'), { href: '#comments', id: 'jump', textContent: 'Comments' });
      document.body.prepend(jump);
    });
    // The tab's own events, recorded in the background's worker from before the click: its status is
    // already `complete` before the jump, so only the jump's `loading` with the new address (the
    // event the background acts on), then its `complete`, say the jump happened and was told.
    await lens.worker.evaluate((id) => {
      const seen: TabChanges = [];
      (self as unknown as { jumpEvents: TabChanges }).jumpEvents = seen;
      chrome.tabs.onUpdated.addListener((tabId, change) => void (tabId === id && seen.push({ status: change.status, url: change.url })));
    }, tabId);
    const jumpEvents = () => lens.worker.evaluate(() => (self as unknown as { jumpEvents: TabChanges }).jumpEvents);
    await page.bringToFront();
    await page.click('#jump');
    await expect.poll(async () => (await jumpEvents()).map((c) => c.status ?? '-').join(' ')).toMatch(/loading.* complete/);
    expect(await jumpEvents()).toContainEqual({ status: 'loading', url: expect.stringMatching(/#comments$/) });
    expect(page.url()).toMatch(/#comments$/);
    // The background's listener ran first and asked storage for the report when `loading` came; a
    // read of storage asked after `complete` is answered after that one, by when a report dropped
    // is gone.
    await lens.worker.evaluate(() => chrome.storage.session.get(null));
    // What the background keeps for the tab, read after the navigation's events were handled.
    const kept = await lens.worker.evaluate(async (id) => (await chrome.storage.session.get(`report:${id}`))[`report:${id}`], tabId);
    expect(kept).toMatchObject({ state: 'match' });
    expect(await panel.locator('main').getAttribute('data-state')).toBe('match');
    expect(await lens.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('7');
    // Another page in the same tab is not the story's.
    await page.evaluate(() => history.pushState({}, '', '/another-article.html'));
    await panel.locator('main[data-state="unread"]').waitFor();
  });

  it('offers a search over the store when the tab has no match, and opens what the reader picks', async () => {
    const panel = await panelFor(await readTab('/local-sports.html'));
    expect(await panel.locator('main').getAttribute('data-state')).toBe('no-match');
    expect(await panel.locator('main').innerText()).toContain('No Factlen story covers this page yet');
    const results = panel.locator('.story-search__result');
    // With no query the newest stories are listed; typing narrows them.
    await expect.poll(() => results.count()).toBe(5);
    await panel.getByLabel('Search Factlen stories').fill('fortune');
    await expect.poll(() => results.allInnerTexts()).toEqual([expect.stringContaining('Microsoft and Mayo Clinic')]);
    await panel.getByLabel('Search Factlen stories').fill('transit levy');
    await expect.poll(() => results.allInnerTexts()).toEqual([expect.stringContaining('Riverton Voters Approve Transit Levy')]);
    await panel.getByLabel('Search Factlen stories').fill('no such words anywhere');
    await panel.getByText('No story matches that search.').waitFor();
    await panel.getByLabel('Search Factlen stories').fill('transit levy');
    await panel.locator('.story-search__result').focus();
    await panel.keyboard.press('Enter');
    await panel.locator('main[data-state="picked"] h1', { hasText: 'Riverton Voters Approve Transit Levy' }).waitFor();
    // A source the story dates says when it appeared, as FORMAT.md's `publishedAt` carries it.
    await panel.getByRole('button', { name: 'Search stories' }).click();
    await panel.getByLabel('Search Factlen stories').fill('northvale');
    await panel.locator('.story-search__result', { hasText: 'Northvale Health System' }).click();
    await panel.locator('main[data-state="picked"] h1', { hasText: 'Northvale Health System' }).waitFor();
    expect(await panel.locator('#source-2 .source__outlet').innerText()).toBe('Health Privacy Watch · Jun 18, 2026');
    expect(await panel.locator('#source-2 time').getAttribute('datetime')).toBe('2026-06-18T15:00:00Z');
  });

  it('asks about the story the matcher is not sure of, and opens it without choosing it', async () => {
    const panel = await panelFor(await readTab('/riverton-brt-routes.html'));
    expect(await panel.locator('main').getAttribute('data-state')).toBe('no-match');
    expect(await panel.locator('h1').innerText()).toBe('This page may be about a Factlen story');
    const asked = panel.locator('.suggestion');
    expect(await asked.locator('.suggestion__title').innerText()).toBe('Riverton Voters Approve Transit Levy to Expand Bus Rapid Transit');
    // The panel reads; choosing a story for the page is the popup's.
    expect(await asked.getByRole('button').allInnerTexts()).toEqual(['Read it']);
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, 'sidepanel-suggestion');
    await asked.getByRole('button', { name: 'Read it' }).click();
    await panel.locator('main[data-state="picked"] h1', { hasText: 'Riverton Voters Approve Transit Levy' }).waitFor();
  });

  it("says when the page's story is the reader's own choice, or that the reader said none covers it", async () => {
    // Found in a review (2026-12-07): a story the reader chose in the popup showed with no word
    // of why (its "Why this story" gone), and after "No story covers this page" the panel said
    // "No Factlen story covers this page yet", as if the matcher had found none. Each choice is
    // kept under its own address and taken back at the end.
    const chosen = await lens.openTab(server.url('/riverton-brt-routes.html?case=panel-choice'));
    const popup = await lens.openPopup(chosen.tabId);
    const panel = await panelFor(chosen.tabId);
    await popup.getByRole('button', { name: "Yes, it's this story" }).click();
    await panel.locator('main[data-state="match"]').waitFor();
    expect(await panel.locator('.coverage .reader-choice').innerText()).toBe('You chose this story for this page.');
    await popup.getByRole('button', { name: 'Undo' }).click();
    await panel.locator('main[data-state="no-match"] .suggestion').waitFor();

    const dismissed = await lens.openTab(server.url('/healthtech-mayo-microsoft.html?case=panel-dismiss'));
    const popup2 = await lens.openPopup(dismissed.tabId);
    const panel2 = await panelFor(dismissed.tabId);
    await popup2.getByRole('button', { name: 'Not this story?' }).click();
    await popup2.getByRole('button', { name: 'No story covers this page' }).click();
    await panel2.locator('main[data-state="no-match"]').waitFor();
    expect(await panel2.locator('h1').innerText()).toBe('You said no Factlen story covers this page.');
    await popup2.getByRole('button', { name: 'Undo' }).click();
    await panel2.locator('main[data-state="match"]').waitFor();
  });

  it('names the stories of the subject of a page that is none of their events, and opens one', async () => {
    const panel = await panelFor(await readTab('/harlow-reservoir-pause.html'));
    expect(await panel.locator('main').getAttribute('data-state')).toBe('no-match');
    expect(await panel.locator('h1').innerText()).toBe("No Factlen story is about this page's event");
    const related = panel.locator('.same-subject');
    expect(await related.locator('.story-search__title').count()).toBe(2);
    // The newest stories listed under the search are the other three, not these two again.
    const newest = panel.locator('.story-search .story-search__title');
    await expect.poll(() => newest.count()).toBe(3);
    expect(await newest.allInnerTexts()).not.toContain('Ranchers Sue to Stop Brandt Reservoir Expansion');
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, 'sidepanel-same-subject');
    await related.getByRole('button', { name: /Ranchers Sue to Stop Brandt Reservoir Expansion/ }).click();
    await panel.locator('main[data-state="picked"] h1', { hasText: 'Ranchers Sue to Stop Brandt Reservoir Expansion' }).waitFor();
    // Found in a review (2026-12-07): only a page with a match had a way back; from here the
    // reader had to find the subject's other story by searching for it.
    await panel.getByRole('button', { name: 'Back to this page' }).press('Enter');
    await panel.locator('main[data-state="no-match"]').waitFor();
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('panel-main');
    const other = await related.getByRole('button').nth(1).innerText();
    await related.getByRole('button').nth(1).click();
    await panel.locator('main[data-state="picked"] h1', { hasText: other.split('\n')[0] }).waitFor();
  });

  it('is usable by keyboard: focus moves in reading order, is visible, and Escape closes what opened', async () => {
    const panel = await panelFor(await readTab('/fortune-morgan-stanley.html'));
    const seen: { tag: string; text: string; outline: string; order: number }[] = [];
    for (let i = 0; i < 60; i++) {
      await panel.keyboard.press('Tab');
      const info = await panel.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const all = [...document.querySelectorAll('*')];
        const style = getComputedStyle(el);
        return {
          tag: el.tagName,
          text: (el.textContent ?? '').trim().slice(0, 40),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          order: all.indexOf(el),
        };
      });
      if (info.tag === 'BODY') break;
      seen.push(info);
    }
    expect(seen.length).toBeGreaterThan(15);
    // Tab order is document order (no positive tabindex, nothing hidden that takes focus).
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.order).toBeGreaterThan(seen[i - 1]!.order);
    // Every focused control shows a focus ring.
    for (const s of seen) expect(s.outline, `${s.tag} "${s.text}"`).not.toMatch(/^none|0px$/);
    expect(seen.map((s) => s.text)).toEqual(
      expect.arrayContaining(['Search stories', 'In depth: The Clinical Perspective', 'Will this AI replace human doctors?']),
    );

    // Open the FAQ entry by keyboard, close it with Escape: focus returns to its question.
    const question = panel.locator('summary', { hasText: 'Will this AI replace human doctors?' });
    await question.focus();
    await panel.keyboard.press('Enter');
    expect(await panel.locator('details:has(summary:has-text("Will this AI replace human doctors?"))').getAttribute('open')).toBe('');
    await panel.keyboard.press('Escape');
    expect(await panel.locator('details:has(summary:has-text("Will this AI replace human doctors?"))').getAttribute('open')).toBeNull();
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Will this AI replace human doctors?');

    // The search opens from the header and Escape closes it, back on its button.
    await panel.getByRole('button', { name: 'Search stories' }).press('Enter');
    await panel.waitForFunction(() => document.activeElement?.id === 'story-search-input');
    await panel.keyboard.press('Escape');
    await panel.locator('#story-search-input').waitFor({ state: 'detached' });
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Search stories');
  });

  it('has landmarks and a heading outline without gaps', async () => {
    const panel = await panelFor(await readTab('/fortune-morgan-stanley.html'));
    expect(await panel.locator('header.panel-header, main, nav').count()).toBe(3);
    const levels = await panel.locator('h1, h2, h3, h4').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('loses nothing with text at 200 %', async () => {
    const panel = await panelFor(await readTab('/fortune-morgan-stanley.html'));
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await panel.locator('#sources').innerText()).toContain('The 2026 AI Index Report');
  });
});

describe("Chrome's own side panel", () => {
  it("opens on its tab's story, follows the tabs the reader switches to, a new page in the tab, and goes with the tab", async () => {
    // Addresses of their own: the harness finds a tab by its address, and other tests' tabs stay open.
    const sports = await readTab('/local-sports.html?case=real-panel');
    const { page, tabId } = await lens.openTab(server.siteUrl('fortune.com', '/fortune-morgan-stanley.html?utm_source=real-panel'));
    const popup = await lens.openPopup(tabId);
    // The real panel is browser UI: read through an extension page in a background tab.
    const probe = await lens.openPanelProbe();
    const panels = probe.panels;
    const activate = (id: number) => lens.worker.evaluate((tab) => chrome.tabs.update(tab, { active: true }), id);
    const mayo = "Microsoft and Mayo Clinic Partner to Build 'Frontier' AI Model Dedicated to Healthcare";

    // "Open viewpoints": a panel of the tab's own, on its story.
    await popup.getByRole('button', { name: 'Open viewpoints' }).click();
    const own = { query: `?tabId=${tabId}` };
    await expect.poll(panels).toContainEqual({ ...own, state: 'match', title: mayo });
    // Another tab shows the browser's default panel, which follows the active tab.
    await activate(sports);
    await expect.poll(panels).toContainEqual({ query: '', state: 'no-match', title: 'No Factlen story covers this page yet' });
    await activate(tabId);
    await expect.poll(panels).toContainEqual({ query: '', state: 'match', title: mayo });
    // A new page in the tab is not the story's: the panel says it is not read yet.
    await page.goto(server.url('/local-sports.html?next'));
    await expect.poll(panels).toContainEqual({ ...own, state: 'unread', title: 'No article read in this tab yet' });
    // Closed with its tab.
    await page.close();
    await expect.poll(async () => (await panels()).filter((p) => p.query === own.query)).toEqual([]);
    // The browser's panel, still open on the other tabs, would follow the next tests' tabs.
    await lens.worker.evaluate(async () => chrome.sidePanel.close({ windowId: (await chrome.windows.getLastFocused()).id! }));
    await expect.poll(panels).toEqual([]);
    await probe.close();
  });
});

describe("the side panel at a reader's 20 px default font", () => {
  it('keeps each share on one line and nothing sideways, from 320 px to wide, and names the story it asks about whole', async () => {
    // Found in a review (2026-12-07): at 20 px the shares broke up to a 420 px panel, Chrome's
    // own is 360 px wide by default.
    const big = await launch({ defaultFontSize: 20 });
    try {
      const { tabId } = await big.openTab(server.page('/fortune-morgan-stanley.html'));
      await (await big.openPopup(tabId)).close();
      const panel = await big.openExtensionPage('sidepanel.html', tabId);
      await panel.locator('main[data-state="match"]').waitFor();
      expect(await panel.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
      for (const width of [320, 360, 420, 1200]) {
        await panel.setViewportSize({ width, height: 800 });
        const sideways = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(sideways, `${width} px`).toBeLessThanOrEqual(0);
        expect(await brokenShares(panel), `${width} px`).toEqual([]);
      }
      // "Is it this story?" names the story whole in the panel: the popup's three-line clamp cut
      // it to "… to Expand Bus Rapid…" at 320 px (found in a review, 2026-12-07).
      const other = await big.openTab(server.page('/riverton-brt-routes.html'));
      await (await big.openPopup(other.tabId)).close();
      const asked = await big.openExtensionPage('sidepanel.html', other.tabId);
      await asked.setViewportSize({ width: 320, height: 800 });
      const title = asked.locator('.suggestion__title');
      await title.waitFor();
      expect(await title.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
    } finally {
      await big.close();
    }
  });
});

describe('accessibility and themes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no axe violations on the popup, the side panel and the options page in ${scheme}`, async () => {
      const tabId = await readTab('/fortune-morgan-stanley.html');
      const popup = await lens.openExtensionPage('popup.html', tabId);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.locator('main[data-state="match"]').waitFor();
      expect(await axeViolations(popup)).toEqual([]);
      await screenshot(popup, `popup-${scheme}`);

      const panel = await panelFor(tabId);
      await panel.emulateMedia({ colorScheme: scheme });
      // Everything folded opened, so axe reads it all.
      const folded = panel.locator('details:not([open]) > summary');
      while ((await folded.count()) > 0) await folded.first().click();
      expect(await axeViolations(panel)).toEqual([]);
      await screenshot(panel, `sidepanel-${scheme}`);

      const options = await lens.openExtensionPage('options.html');
      await options.emulateMedia({ colorScheme: scheme });
      await options.getByRole('heading', { name: 'Alerts' }).waitFor();
      await options.getByLabel(/^AI/).waitFor();
      expect(await axeViolations(options)).toEqual([]);
      await screenshot(options, `options-${scheme}`);

      const empty = await panelFor(await readTab('/local-sports.html'));
      await empty.emulateMedia({ colorScheme: scheme });
      await empty.locator('.story-search__result').first().waitFor();
      expect(await axeViolations(empty)).toEqual([]);
      await screenshot(empty, `sidepanel-search-${scheme}`);
    });
  }
});

describe('the side panel with stories at the edges of what the door accepts', () => {
  let edges: Story[];
  let built: BuiltStore;
  beforeAll(async () => {
    edges = (['unbroken', 'long-names', 'arabic'] as const).map((name) => edgeStory(name, (id) => server.url(`/edge/${id}.html`)));
    // A store's link to the reader's router (docs/security.md): shown without it.
    edges[1]!.sources[2]!.url = 'http://192.168.1.1/';
    built = await buildStore(edges, { now: new Date(Date.now() - 60_000) });
    store.publish(built);
    const options = await lens.useStore(server.url('/store/'), built.manifest.version);
    await options.close();
  });

  it('breaks a word wider than the panel instead of scrolling sideways', async () => {
    // Found in a review (2026-12-07): a German compound and a 120-character URL as names widened
    // every grid they sat in; a 320 px panel scrolled 1,449 px sideways.
    const panel = await panelFor(await readTab('/edge/edge-unbroken.html'));
    expect(await panel.locator('main').getAttribute('data-state')).toBe('match');
    for (const width of [320, 500]) {
      await panel.setViewportSize({ width, height: 800 });
      const sideways = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways, `${width} px`).toBeLessThanOrEqual(0);
      expect(await brokenShares(panel), `${width} px`).toEqual([]);
    }
    expect(await axeViolations(panel)).toEqual([]);
  });

  it("links no source to the reader's own network, and offers to find it instead", async () => {
    const panel = await panelFor(await readTab('/edge/edge-long-names.html'));
    const router = panel.locator('#source-3');
    await router.waitFor();
    expect(await router.locator('a').count()).toBe(0);
    expect(await router.getByRole('button', { name: /^Find this article: \[3\]/ }).count()).toBe(1);
    expect(await panel.locator('a[href*="192.168"]').count()).toBe(0);
    // Only this build links to 127.x, where the suite serves the story's source [2].
    expect(await panel.locator('#source-2 a').getAttribute('href')).toBe(server.url('/edge/edge-long-names.html'));
  });

  it('names each viewpoint whole, where the popup gives it one line', async () => {
    const panel = await panelFor(await readTab('/edge/edge-long-names.html'));
    const names = await panel.locator('.viewpoint-card__name > span[dir]').allInnerTexts();
    expect(names).toEqual([expect.stringMatching(/^Majority:/), expect.stringMatching(/^Second:/), expect.stringMatching(/^Tiny:/)]);
    for (const name of names) expect(name).toHaveLength(120);
  });

  it('lays an Arabic story out right to left, its labels left to right', async () => {
    const panel = await panelFor(await readTab('/edge/edge-arabic.html'));
    const direction = (selector: string) => directionOf(panel, selector);
    expect(await panel.locator('h1').innerText()).toBe(ARABIC.title);
    expect(await direction('.story-header__title')).toBe('rtl');
    expect(await direction('.viewpoint-card__name > span[dir]')).toBe('rtl');
    expect(await direction('.missing__list li')).toBe('rtl');
    expect(await direction('.source__outlet bdi')).toBe('rtl');
    // Found in a review (2026-12-07): these three were laid out left to right.
    expect(await direction('#why p')).toBe('rtl');
    expect(await direction('.stat__value')).toBe('rtl');
    expect(await direction('.timeline__when')).toBe('rtl');
    expect(await direction('.timeline__text')).toBe('rtl');
    expect(await direction('.coverage__figures')).toBe('ltr');
    expect(await direction('#missing-heading')).toBe('ltr');
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, 'sidepanel-edge-arabic');
  });
  /**
   * The panels a sync can change: a tab's own panel on the story its page matched (with that
   * tab's badge), and a story opened from search beside another page.
   */
  const matchedAndPicked = async () => {
    const matchedTab = await readTab('/edge/edge-long-names.html');
    const matched = await panelFor(matchedTab);
    const badge = () => lens.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), matchedTab);
    expect(await badge()).toMatch(/^\d+$/);
    const tabId = await readTab('/local-sports.html');
    const picked = await lens.openExtensionPage(`sidepanel.html?tabId=${tabId}&story=edge-unbroken`);
    await picked.locator('main[data-state="picked"]').waitFor();
    return { matchedTab, matched, badge, picked };
  };

  it('shows the newer story when a sync changes it while the panel is open', async () => {
    // Found in a review (2026-12-07): the panel kept the story as the tab was read, old title,
    // shares and sources, while the popup showed the new one; a story opened from search too.
    const { matched, picked } = await matchedAndPicked();
    await matched.locator('.toc').getByRole('link', { name: 'Sources' }).click();
    await matched.waitForFunction(() => window.scrollY > 1000);
    const [longNames, unbroken] = [edges[1]!, edges[0]!];
    const next = await buildStore(
      [
        edges[2]!,
        {
          ...longNames,
          title: 'Long names, updated',
          missingPerspectives: ['Nurses'],
          updatedAt: '2026-12-01T09:00:00Z',
          // A new first source: every other one moves down a number, the reader's [2] to [3].
          sources: [
            { ...longNames.sources[0]!, title: 'A new first source', url: 'https://new.example.org/story' },
            ...longNames.sources.map((s) => ({ ...s, n: s.n + 1 })),
          ],
        },
        { ...unbroken, title: 'Unbroken, updated', updatedAt: '2026-12-01T09:00:00Z' },
      ],
      { previous: built.manifest },
    );
    store.publish(next);
    const options = await lens.openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.locator(`[data-testid=store-version][data-version="${next.manifest.version}"]`).waitFor();
    await matched.locator('h1', { hasText: 'Long names, updated' }).waitFor();
    expect(await matched.locator('main').getAttribute('data-state')).toBe('match');
    // The same story, newer: the reader keeps their place in it.
    expect(await matched.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    expect(await matched.locator('#missing li').allInnerTexts()).toEqual(['Nurses']);
    expect(await matched.locator('.story-header__meta').innerText()).toContain('Updated Dec 1, 2026');
    // Where the page stands is still said, by the number the newer story gives the page.
    expect(await matched.locator('.coverage .placement').getAttribute('data-source')).toBe('3');
    expect(await matched.locator('.coverage .match-reason').innerText()).toBe('Why this story: This page is source [3], Outlet 2');
    await picked.locator('h1', { hasText: 'Unbroken, updated' }).waitFor();
    // Neither says it was withdrawn: it was not.
    expect(await matched.locator('.panel__withdrawn').count()).toBe(0);
    await options.close();
    built = next;
  });

  it('says when a sync takes the story out of the store, keeps it readable and offers the search', async () => {
    // Found in a review (2026-12-07): a story the store withdrew stayed shown as if nothing had
    // happened, in the tab's panel and in a story opened from search.
    const { matchedTab, matched, badge, picked } = await matchedAndPicked();
    const [title, pickedTitle] = [await matched.locator('h1').innerText(), await picked.locator('h1').innerText()];
    const next = await buildStore([edges[2]!], { previous: built.manifest });
    store.publish(next);
    const options = await lens.openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.locator(`[data-testid=store-version][data-version="${next.manifest.version}"]`).waitFor();
    built = next;
    for (const panel of [matched, picked]) {
      const notice = panel.locator('.panel__withdrawn[role="status"]');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('This story is no longer in the story store.');
    }
    await screenshot(picked, 'sidepanel-withdrawn');
    // What the reader was reading stays, whole.
    expect(await matched.locator('h1').innerText()).toBe(title);
    expect(await matched.locator('main').getAttribute('data-state')).toBe('match');
    expect(await matched.locator('#sources .source').count()).toBeGreaterThan(0);
    expect(await picked.locator('h1').innerText()).toBe(pickedTitle);
    // Found in a review (2026-12-07): the tab's badge still counted the withdrawn story's outlets,
    // and the panel offered to follow a story that will never change again. Its topic still can be.
    await expect.poll(badge).toBe('');
    for (const panel of [matched, picked]) {
      const follow = panel.locator('.follow-buttons');
      expect(await follow.getByRole('button', { name: /^Follow / }).count()).toBe(1);
      expect(await follow.getByRole('button', { name: 'Follow this story' }).count()).toBe(0);
    }
    // The way on: the search, from the notice; and back to the tab's page from a story opened.
    await matched.locator('.panel__withdrawn').getByRole('button', { name: 'Search stories' }).click();
    await matched.locator('main[data-state="search"]').waitFor();
    expect(await picked.getByRole('button', { name: /Back to this page/ }).count()).toBe(1);
    expect(await axeViolations(picked)).toEqual([]);
    // A click on the toolbar reads the page again, against the stories in the store now (and
    // the tab's panel follows that report).
    const popup = await lens.openPopup(matchedTab);
    expect(await popup.locator('main').getAttribute('data-state')).not.toBe('match');
    expect(await popup.locator('h1').innerText()).not.toBe(title);
    await popup.close();
    await options.close();
  });

  // Found in a review (2026-12-08): back with the same figures, the story counted as unchanged and
  // the tab stayed unbadged until the reader clicked the toolbar again.
  it("draws a tab's badge again when a sync brings back the story it withdrew, without reading the page", async () => {
    const options = await lens.openExtensionPage('options.html');
    const sync = async (stories: Story[]) => {
      built = await buildStore(stories, { previous: built.manifest });
      store.publish(built);
      await options.getByRole('button', { name: 'Sync now' }).click();
      await options.locator(`[data-testid=store-version][data-version="${built.manifest.version}"]`).waitFor();
    };
    await sync(edges);
    const tabId = await readTab('/edge/edge-long-names.html');
    const drawn = () =>
      lens.worker.evaluate(
        async (id) => [await chrome.action.getBadgeText({ tabId: id }), await chrome.action.getTitle({ tabId: id })],
        tabId,
      );
    const matched = await drawn();
    expect(matched[0]).toMatch(/^\d+$/);
    await sync([edges[2]!]);
    await expect.poll(async () => (await drawn())[0]).toBe('');
    // The tab's kept report, marked: a read of the page would write it anew.
    const key = `report:${tabId}`;
    const report = () => lens.worker.evaluate(async (k) => (await chrome.storage.session.get(k))[k] as { page: { title: string } }, key);
    const marked = await report();
    marked.page.title = 'kept, not read again';
    await lens.worker.evaluate(([k, v]) => chrome.storage.session.set({ [k as string]: v }), [key, marked] as const);
    await sync(edges);
    await expect.poll(drawn).toEqual(matched);
    // From the stored story: the page was not read again.
    expect((await report()).page.title).toBe('kept, not read again');
    await options.close();
  });
});
