// The popup as one glance: every state fits Chrome's popup cap (600 px tall at the popup's 380 px
// width) with no scrollbar, in light and dark, with no axe-core violation, and the keyboard
// starts on the state's primary action. Screenshots of each land in test-output/screenshots/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStore } from '../../lib/store/build.ts';
import { ARABIC, EDGE_NAMES, edgeStory, type EdgeName } from '../fixtures/edge-stories.ts';
import { axeViolations } from './a11y.ts';
import { directionOf, launch, PAGES, screenshot, serve, type Lens, type Server } from './harness.ts';
import { storeServer } from './store-server.ts';

// Chrome sizes a popup to its content up to 800 × 600 px; ours is 380 px wide by design.
const WIDTH = 380;
const CAP = 600;

let lens: Lens;
let server: Server;
// A store of stories at the door's edges, set in the last tests of this file.
const store = storeServer();

// The Riverton page retitled with a headline of 150 characters, which the no-match states quote.
const LONG_TITLE =
  'Riverton transit board picks Eastside corridor for first rapid bus line, choosing it over the downtown loop that business groups had favored for years';

beforeAll(async () => {
  server = await serve(PAGES, (req, res) => {
    if (store.handler(req, res)) return true;
    // Each edge story's source [2] (tests/fixtures/edge-stories.ts): a copy of the Fortune page.
    if (req.url?.startsWith('/edge/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(PAGES, 'fortune-morgan-stanley.html')));
      return true;
    }
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
  // Another page of an outlet the story cites (the Health Tech Wire page served as fortune.com).
  { name: 'match-cited-outlet', path: '/healthtech-mayo-microsoft.html?on=fortune.com', state: 'match', first: 'Open viewpoints' },
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

/** The popup's size as Chrome would lay it out, and whether anything scrolls at its width × 600. */
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

/** A pattern for a name that starts with `text`. */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

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

/**
 * The popup of `lens` for the page at `path` as Chrome opens it: as wide as its own width (380 px
 * at the default 16 px font, in rem), at most 600 px tall, once the state and the store's summary
 * are shown.
 */
async function glance(on: Lens, path: string, state: string, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  // `?on=site` serves the page as that site (one of harness.ts SITES).
  const site = new URL(path, 'http://x').searchParams.get('on');
  const { tabId } = await on.openTab(site ? server.siteUrl(site, path) : server.page(path));
  const popup = await on.context.newPage();
  await popup.setViewportSize({ width: WIDTH, height: CAP });
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.goto(`chrome-extension://${on.extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator(`main[data-state="${state}"]`).waitFor();
  // The store's summary and the follow buttons arrive a moment after the report.
  if (state === 'match') await popup.locator('.follow-buttons').waitFor();
  else await popup.locator('.store-line').waitFor();
  const width = await popup.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().width));
  if (width !== WIDTH) await popup.setViewportSize({ width, height: CAP });
  return popup;
}

/** The parts of `selector` that are not wholly on the popup's first screen (none drawn counts as missing). */
const offScreen = (popup: Page, selector: string) =>
  popup.evaluate((sel) => {
    const found = [...document.querySelectorAll(sel)];
    if (!found.length) return [`${sel}: none`];
    return found
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => !box.height || box.top < 0 || box.bottom > innerHeight + 0.5)
      .map(({ el, box }) => `${sel} "${(el.textContent ?? '').trim().slice(0, 40)}" at ${Math.round(box.top)}–${Math.round(box.bottom)}`);
  }, selector);

/** What a reader must see of each state without scrolling: where the page stands, the way on, why. */
const MATCHED = ['.story-card__title', '.placement', '.story-card__actions button.primary', '.not-this-story > button'];
const KEY_PARTS: Record<(typeof STATES)[number]['name'], string[]> = {
  'match-source': MATCHED,
  // A page the story does not cite: why it matched is said (on its source page the placement says it).
  'match-other-outlet': [...MATCHED, '.story-card .match-reason'],
  // Another page of a cited outlet: the note keyed to its cited article's viewpoint, whose row offers it.
  'match-cited-outlet': [
    ...MATCHED,
    '.placement[data-kind="outlet"][data-source="2"] .swatch-key[data-key="C"]',
    '.split-legend__row[data-viewpoint="healthcare-administrators"] a[href^="https://fortune.com/"]',
    '.story-card .match-reason',
  ],
  'no-match': ['#story-search-input'],
  suggestion: ['.suggestion__title', '.suggestion .match-reason', '.suggestion__actions button'],
  'suggestion-long-title': ['.suggestion__title', '.suggestion .match-reason', '.suggestion__actions button'],
  'same-subject': ['.same-subject .match-reason', '.same-subject .story-search__result', '#story-search-input'],
  'not-article': ['#story-search-input'],
};

describe('the popup at 380 × 600', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const s of STATES) {
      it(`${s.name} (${scheme}) fits with no scrollbar, passes axe and starts on its primary action`, async () => {
        const popup = await glance(lens, s.path, s.state, scheme);
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
        expect(await firstFocus(popup)).toMatch(startsWith(s.first));
        await popup.close();
      });
    }
  }
});

/**
 * How far the focus ring of what has focus, drawn by its outline, reaches into the ink of the
 * viewpoint names above and below its legend row, and into its own words (px; 0 or less is clear).
 * A line's ink is worked out from its font's metrics (canvas `measureText`) and its line box.
 */
const ringOverlap = (popup: Page) =>
  popup.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const ring = { top: box.top - reach, bottom: box.bottom + reach, innerTop: box.top - reach + parseFloat(style.outlineWidth) };
    const context = document.createElement('canvas').getContext('2d')!;
    /** The top and bottom of the ink of `node`'s one line. */
    const ink = (node: Element) => {
      const s = getComputedStyle(node);
      context.font = s.font;
      const m = context.measureText(node.textContent ?? '');
      const line = node.getBoundingClientRect();
      const baseline =
        line.top + (parseFloat(s.lineHeight) - (m.fontBoundingBoxAscent + m.fontBoundingBoxDescent)) / 2 + m.fontBoundingBoxAscent;
      return { top: baseline - m.actualBoundingBoxAscent, bottom: baseline + m.actualBoundingBoxDescent };
    };
    const row = el.closest('.split-legend__row')!;
    const next = row.nextElementSibling?.querySelector('.split-legend__name');
    return {
      above: ink(row.querySelector('.split-legend__name')!).bottom - ring.top,
      below: next ? ring.bottom - ink(next).top : 0,
      own: ring.innerTop - ink(el).top,
    };
  });

// "Not this story?" opened, on a page the story cites (no runner-up: "no story covers this page"
// alone) and on another outlet's page (a runner-up). Found in a review (2026-12-07): opened, the
// list sat below the card and the popup scrolled at any font (662 and 802 px at 16 px).
const QUESTIONS = [
  { name: 'not-this-story-source', path: '/fortune-morgan-stanley.html', picks: 0 },
  { name: 'not-this-story-other-outlet', path: '/healthtech-mayo-microsoft.html', picks: 1 },
] as const;
const QUESTION_PARTS = ['.not-this-story > button', '.not-this-story__none', '.not-this-story__note'];

/** Opens "Not this story?" by keyboard, as a reader would, and checks it says it is open. */
async function openQuestion(popup: Page) {
  const toggle = popup.getByRole('button', { name: 'Not this story?' });
  await toggle.focus();
  await popup.keyboard.press('Enter');
  await popup.locator('.not-this-story__panel').waitFor();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
}

/** Every part of "Not this story?" opened is on the first screen, nothing scrolls, and the keyboard goes on into it. */
async function checkQuestion(popup: Page, picks: number, shot: string) {
  await openQuestion(popup);
  const size = await measure(popup);
  console.log(`popup ${shot}: ${size.width} × ${size.height} px`);
  await screenshot(popup, shot);
  expect(size.height).toBeLessThanOrEqual(CAP);
  expect(size.scrollsX || size.scrollsY).toBe(false);
  const parts = [...MATCHED, ...QUESTION_PARTS, ...(picks ? ['.not-this-story__panel .section-heading', '.not-this-story__pick'] : [])];
  for (const selector of parts) expect(await offScreen(popup, selector)).toEqual([]);
  expect(await popup.locator('.not-this-story__pick').count()).toBe(picks);
  // From the toggle, Tab walks into the question: its first answer, focused where it is seen.
  await popup.keyboard.press('Tab');
  const focused = await popup.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const box = el.getBoundingClientRect();
    return { cls: el.className, inView: box.top >= 0 && box.bottom <= innerHeight + 0.5, outline: getComputedStyle(el).outlineStyle };
  });
  expect(focused).toEqual({ cls: picks ? 'not-this-story__pick' : 'not-this-story__none', inView: true, outline: 'solid' });
}

// Found in a review (2026-12-07): the ring of a focused "Read [2] Fortune" struck through the
// bottom of "Healthcare Administrators & Analysts" above it (4 px into its line).
describe("the legend's links and buttons, focused", () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`draw their focus ring clear of the names above and below and of their own words (${scheme})`, async () => {
      const popup = await glance(lens, '/healthtech-mayo-microsoft.html', 'match', scheme);
      const actions = popup.locator('.split-legend__meta :is(a, button)');
      expect(await actions.count()).toBe(3);
      // At the default font, and at a reader's 20 px (the root's size, as the edge tests set it).
      for (const font of ['100%', '125%']) {
        await popup.evaluate((size) => (document.documentElement.style.fontSize = size), font);
        for (let i = 0; i < 3; i++) {
          await actions.nth(i).focus();
          expect(await actions.nth(i).evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
          const overlap = await ringOverlap(popup);
          expect(overlap.above, `${font} ${i} above`).toBeLessThanOrEqual(0);
          expect(overlap.below, `${font} ${i} below`).toBeLessThanOrEqual(0);
          expect(overlap.own, `${font} ${i} own`).toBeLessThanOrEqual(0);
        }
      }
      await popup.close();
    });
  }
});

describe('"Not this story?" opened at 380 × 600', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const q of QUESTIONS) {
      it(`${q.name} (${scheme}) fits with its question, its answers and the card's glance in view, and passes axe`, async () => {
        const popup = await glance(lens, q.path, 'match', scheme);
        await checkQuestion(popup, q.picks, `popup-${q.name}-${scheme}`);
        expect(await axeViolations(popup)).toEqual([]);
        await popup.close();
      });
    }
  }
});

// A reader who raised Chrome's font size (chrome://settings/fonts) to 20 px: the popup's rem
// width grows with it (475 px), its 600 px cap does not. Found in a review (2026-12-07): the match
// on another outlet's page was 652 px, "Is it this story?" 610 px, "On the same subject" 666 px.
describe('the popup at a 20 px default font', () => {
  let large: Lens;
  beforeAll(async () => {
    large = await launch({ defaultFontSize: 20 });
  });
  afterAll(async () => {
    await large?.close();
  });

  for (const s of STATES) {
    it(`${s.name} fits 600 px with no scrollbar and what it says at a glance in view, and passes axe`, async () => {
      const popup = await glance(large, s.path, s.state);
      expect(await popup.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
      const size = await measure(popup);
      console.log(`popup ${s.name} at 20 px: ${size.width} × ${size.height} px`);
      await screenshot(popup, `popup-${s.name}-20px`);
      expect(size.height).toBeLessThanOrEqual(CAP);
      expect(size.scrollsX || size.scrollsY).toBe(false);
      for (const selector of KEY_PARTS[s.name]) expect(await offScreen(popup, selector)).toEqual([]);
      expect(await axeViolations(popup)).toEqual([]);
      expect(await firstFocus(popup)).toMatch(startsWith(s.first));
      await popup.close();
    });
  }

  for (const q of QUESTIONS) {
    it(`${q.name} opened fits 600 px with its question, its answers and the card's glance in view`, async () => {
      const popup = await glance(large, q.path, 'match');
      await checkQuestion(popup, q.picks, `popup-${q.name}-20px`);
      await popup.close();
    });
  }

  // Found in a review (2026-12-08): two alerts took the popup to 659 px, "See all 3 updates" and
  // the footer below the fold.
  it('lists one alert on a page with no story, "See all" and the footer in view; only it counts as read', async () => {
    await large.worker.evaluate((list) => chrome.storage.local.set({ alertList: list }), unreadAlerts(Date.now()));
    const popup = await glance(large, '/local-sports.html', 'no-match');
    await popup.locator('.alert-list').waitFor();
    const size = await measure(popup);
    console.log(`popup no-match with alerts at 20 px: ${size.width} × ${size.height} px`);
    await screenshot(popup, 'popup-no-match-alerts-20px');
    expect(size.height).toBeLessThanOrEqual(CAP);
    expect(size.scrollsX || size.scrollsY).toBe(false);
    expect(await popup.locator('.alert-list li').count()).toBe(1);
    expect(await offScreen(popup, '.popup__all-alerts')).toEqual([]);
    expect(await offScreen(popup, '.popup__footer')).toEqual([]);
    const flags = () =>
      large.worker.evaluate(async () =>
        ((await chrome.storage.local.get('alertList')).alertList as { read: boolean }[]).map((a) => a.read),
      );
    await expect.poll(flags).toEqual([true, false, false]);
    await popup.close();
    await large.worker.evaluate(() => chrome.storage.local.remove('alertList'));
  });

  it('scrolls runner-ups that do not fit inside their list, the question and its other answer in view', async () => {
    const popup = await glance(large, '/healthtech-mayo-microsoft.html', 'match');
    await openQuestion(popup);
    // Three more runner-ups of 100-character titles (the matcher names three at most): copies of the one there.
    await popup.evaluate(() => {
      const list = document.querySelector('.not-this-story__list')!;
      for (const n of [1, 2, 3]) {
        const copy = list.firstElementChild!.cloneNode(true) as HTMLElement;
        copy.querySelector('.not-this-story__title')!.textContent =
          `Harlow County board weighs a second vote on the Brandt Reservoir expansion after ranchers sue, part ${n}`;
        list.append(copy);
      }
    });
    const size = await measure(popup);
    expect(size.height).toBeLessThanOrEqual(CAP);
    expect(size.scrollsY).toBe(false);
    const list = await popup
      .locator('.not-this-story__list')
      .evaluate((el) => ({ scrolls: el.scrollHeight > el.clientHeight, height: el.clientHeight }));
    expect(list.scrolls).toBe(true);
    for (const selector of ['.not-this-story__panel .section-heading', '.not-this-story__none', '.not-this-story__note', ...MATCHED]) {
      expect(await offScreen(popup, selector)).toEqual([]);
    }
    // The keyboard reaches the last runner-up: the list scrolls it into view.
    await popup.locator('.not-this-story__pick').last().focus();
    expect(await offScreen(popup, '.not-this-story__pick:focus')).toEqual([]);
    await popup.close();
  });
});

// A headline as long as an alert keeps (150 characters): the popup's list must still fit.
const LONG =
  'Hospitals across the valley adopt a new emergency triage model after a year of trials, as nurses and patient groups ask who decides';

/** Three unread alerts, newest first, as a sync leaves them: two updates to followed stories and a new story. */
const unreadAlerts = (now: number) =>
  [0, 1, 2].map((i) => ({
    alert:
      i < 2
        ? {
            kind: 'story-update',
            storyId: `followed-${i}`,
            topic: 'ai',
            title: `${LONG}, part ${i + 1}`,
            newViewpoints: ['Rural Healthcare Providers', 'Insurers and Payers'],
            nowRepresented: ['Patient Advocacy Groups', 'Nurses and Allied Health Staff', 'Hospital Administrators'],
            moreRepresented: 2,
            newOutlets: 4,
          }
        : { kind: 'new-story', storyId: `followed-${i}`, topic: 'ai', title: LONG, outlets: 5, viewpoints: 3 },
    at: now - i * 60_000,
    read: false,
  }));

const readFlags = () =>
  lens.worker.evaluate(async () => ((await chrome.storage.local.get('alertList')).alertList as { read: boolean }[]).map((a) => a.read));

/** A popup for `path` at 380 × 600, once its state and the store's summary are shown. */
const popupAt = (path: string, state: string) => glance(lens, path, state);

describe('the popup with unread alerts', () => {
  beforeAll(async () => {
    await lens.worker.evaluate((list) => chrome.storage.local.set({ alertList: list }), unreadAlerts(Date.now()));
  });
  afterAll(async () => {
    await lens.worker.evaluate(() => chrome.storage.local.remove('alertList'));
  });

  it('a matched page keeps its one screen: the alerts are a link beside the primary action', async () => {
    const popup = await popupAt('/fortune-morgan-stanley.html', 'match');
    const link = popup.getByRole('button', { name: '3 updates on what you follow' });
    await link.waitFor();
    const size = await measure(popup);
    expect(size.height).toBeLessThanOrEqual(CAP);
    // One row with "Open viewpoints", not a row of its own.
    const [open, more] = await Promise.all([popup.getByRole('button', { name: 'Open viewpoints' }).boundingBox(), link.boundingBox()]);
    expect(Math.abs(open!.y + open!.height / 2 - (more!.y + more!.height / 2))).toBeLessThan(4);
    expect(await readFlags()).toEqual([false, false, false]);
    await popup.close();
  });

  it('a question about a story does not list the alerts, nor count them read', async () => {
    // Found in a review (2026-12-07): the list sat below the fold and was marked read on opening.
    const popup = await popupAt('/riverton-brt-routes.html', 'no-match');
    await popup.getByRole('button', { name: '3 updates on what you follow' }).waitFor();
    expect(await popup.locator('.alert-list').count()).toBe(0);
    expect((await measure(popup)).height).toBeLessThanOrEqual(CAP);
    // A frame after everything is shown, nothing was marked read.
    await popup.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    expect(await readFlags()).toEqual([false, false, false]);
    await popup.close();
  });

  it('a page with no story lists the newest alerts; only those on screen count as read', async () => {
    const popup = await popupAt('/local-sports.html', 'no-match');
    await popup.locator('.alert-list').waitFor();
    await expect.poll(readFlags).toEqual([true, true, false]);
    // It fits, and says what it says: no internal key drawn above each alert (found in a review,
    // 2026-12-07: the viewpoint key's `[data-key]::before` drew the alerts' keys too).
    expect((await measure(popup)).height).toBeLessThanOrEqual(CAP);
    const shown = await popup
      .locator('.alert-list')
      .evaluate((el) =>
        [...el.querySelectorAll('*')].map((e) => getComputedStyle(e, '::before').content).filter((c) => c !== 'none' && c !== 'normal'),
      );
    expect(shown).toEqual([]);
    await expect.poll(() => lens.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    expect(await popup.getByRole('button', { name: 'See all 3 updates in the side panel' }).count()).toBe(1);
    await popup.close();
  });
});

describe('the popup when something goes wrong', () => {
  it('says so in plain words, folds the details away, and still offers the stories', async () => {
    // A tab that does not exist: the background cannot read it.
    const popup = await lens.context.newPage();
    await popup.setViewportSize({ width: WIDTH, height: CAP });
    await popup.goto(`chrome-extension://${lens.extensionId}/popup.html?tabId=987654321`);
    await popup.locator('main[data-state="error"]').waitFor();
    await popup.locator('.store-line').waitFor();
    const main = popup.locator('main');
    expect(await main.innerText()).toContain("Factlen Lens couldn't read this page. Reload the page, then try again.");
    expect(await popup.locator('details').getAttribute('open')).toBeNull();
    await popup.getByRole('button', { name: 'Try again' }).waitFor();
    await popup.getByLabel('Search Factlen stories').fill('Mayo');
    await popup.locator('.story-search__result').first().waitFor();
    const size = await measure(popup);
    expect(size.height).toBeLessThanOrEqual(CAP);
    expect(await axeViolations(popup)).toEqual([]);
    await screenshot(popup, 'popup-error');
    await popup.close();
  });
});

describe('the popup search', () => {
  it('brings what the reader typed for into view, below a question that fills the screen', async () => {
    const popup = await popupAt('/riverton-brt-routes.html', 'no-match');
    await popup.getByLabel('Search Factlen stories').fill('a');
    const results = popup.locator('.story-search__result');
    await results.first().waitFor();
    await expect
      .poll(() =>
        results.last().evaluate((el) => {
          const box = el.getBoundingClientRect();
          // Laid out in fractions of a pixel.
          return box.top >= 0 && box.bottom <= window.innerHeight + 1;
        }),
      )
      .toBe(true);
    await popup.close();
  });
});

describe('the popup with stories at the edges of what the door accepts', () => {
  // Found in a review (2026-12-07): a word wider than the popup widened the whole card (1,096 px,
  // clipped), "Open viewpoints" centred out of sight; 300-character names pushed it below 600 px;
  // the reader's viewpoint at 1 % was a 4 px sliver of the bar.
  const edgePopup = (name: EdgeName) => popupAt(`/edge/edge-${name}.html`, 'match');
  /** The popup as a reader's default font of `size` lays it out: its rem width grows too (475 px at 20 px). */
  const atFont = async (popup: Page, size: string) => {
    await popup.evaluate((s) => (document.documentElement.style.fontSize = s), size);
    const width = await popup.evaluate(() => document.documentElement.getBoundingClientRect().width);
    await popup.setViewportSize({ width: Math.ceil(width), height: CAP });
  };
  /** How far below the popup's top `selector` ends. */
  const bottomOf = (popup: Page, selector: string) => popup.locator(selector).evaluate((el) => el.getBoundingClientRect().bottom);

  beforeAll(async () => {
    const built = await buildStore(
      EDGE_NAMES.map((name) => edgeStory(name, (id) => server.url(`/edge/${id}.html`))),
      { now: new Date(Date.now() - 60_000) },
    );
    store.publish(built);
    const options = await lens.useStore(server.url('/store/'), built.manifest.version);
    await options.close();
  });

  // Found in a review (2026-12-07): with 17 px to spare, one viewpoint name of some 40 characters
  // made the matched popup scroll (ten viewpoints 712 px, three 120-character names 655 px, the
  // Arabic story 601 px, names at the door's limits 764 px, unbroken words 933 px).
  for (const name of EDGE_NAMES) {
    it(`fits ${name} in one screen with no scrollbar, and passes axe`, async () => {
      const popup = await edgePopup(name);
      const size = await measure(popup);
      console.log(`popup edge-${name}: ${size.width} × ${size.height} px`);
      await screenshot(popup, `popup-edge-${name}`);
      expect(size.height).toBeLessThanOrEqual(CAP);
      expect(size.scrollsX || size.scrollsY).toBe(false);
      // What the popup is for is all there: the reader's place, the way on, the bar, the missing, the follows.
      for (const selector of [
        '.placement',
        '.story-card__actions',
        '.split-bar',
        '.split-legend__row[data-reader]',
        '.follow-buttons',
        '.not-this-story',
      ]) {
        expect(await popup.locator(selector).count(), selector).toBe(1);
      }
      if (name !== 'long-names') expect(await popup.locator('.missing-callout').count()).toBe(1);
      expect(await axeViolations(popup)).toEqual([]);
      // At a reader's 20 px default font too, everything in view to the footer. Found in a review
      // (2026-12-08): names at the door's limits took the popup to 621 px, unbroken words to 625.
      await atFont(popup, '125%');
      const large = await measure(popup);
      console.log(`popup edge-${name} at 20 px: ${large.width} × ${large.height} px`);
      expect(large.height, '20 px').toBeLessThanOrEqual(CAP);
      expect(large.scrollsX || large.scrollsY, '20 px').toBe(false);
      expect(await offScreen(popup, '.popup__footer'), '20 px').toEqual([]);
      await popup.close();
    });
  }

  it('lays an Arabic story out right to left inside a left-to-right popup', async () => {
    const popup = await edgePopup('arabic');
    const direction = (selector: string) => directionOf(popup, selector);
    expect(await popup.locator('h1').innerText()).toBe(ARABIC.title);
    // The story's words, each its own paragraph direction ...
    expect(await direction('.story-card__title')).toBe('rtl');
    expect(await direction('.story-card__category')).toBe('rtl');
    expect(await direction('.split-legend__name')).toBe('rtl');
    expect(await direction('.split-legend__meta .source-action bdi')).toBe('rtl');
    expect(await direction('.placement bdi')).toBe('rtl');
    expect(await direction('.missing-callout__list bdi')).toBe('rtl');
    // ... and the interface's beside them.
    expect(await direction('.story-card__figures')).toBe('ltr');
    expect(await direction('#split-heading')).toBe('ltr');
    expect(await direction('.missing-callout__heading')).toBe('ltr');
    expect(await direction('.placement strong')).toBe('ltr');
    // The title's first letter is at its right edge, the figures' at their left.
    const [title, figures] = await Promise.all(
      ['.story-card__title', '.story-card__figures'].map((s) =>
        popup.locator(s).evaluate((el) => {
          const range = document.createRange();
          range.setStart(el.firstChild!, 0);
          range.setEnd(el.firstChild!, 1);
          const letter = range.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          return { left: letter.left - box.left, right: box.right - letter.right };
        }),
      ),
    );
    expect(title!.right).toBeLessThan(1);
    expect(figures!.left).toBeLessThan(1);
    await popup.close();
  });

  it('breaks a word wider than the popup instead of widening it: nothing sideways, "Open viewpoints" in view', async () => {
    const popup = await edgePopup('unbroken');
    expect(await axeViolations(popup)).toEqual([]);
    for (const font of ['100%', '125%']) {
      await atFont(popup, font);
      // Measured against the popup's own width (a scrollbar, when it is taller than 600 px, narrows the view, not the page).
      const { scrollWidth, width } = await popup.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        width: Math.ceil(document.documentElement.getBoundingClientRect().width),
      }));
      expect(scrollWidth, font).toBeLessThanOrEqual(width);
      const open = (await popup.getByRole('button', { name: 'Open viewpoints' }).boundingBox())!;
      expect(open.x + open.width, font).toBeLessThanOrEqual(width);
    }
    await popup.close();
  });

  it("keeps the way to the viewpoints and the reader's own row above the fold with 300-character names", async () => {
    const popup = await edgePopup('door-max');
    expect(await axeViolations(popup)).toEqual([]);
    await screenshot(popup, 'popup-edge-door-max');
    for (const font of ['100%', '125%']) {
      await atFont(popup, font);
      expect(await bottomOf(popup, '.story-card__actions'), font).toBeLessThanOrEqual(CAP);
      expect(await bottomOf(popup, '.split-legend__row[data-reader]'), font).toBeLessThanOrEqual(CAP);
      // Each name keeps to its lines: the category one, the missing perspectives about three.
      const lines = (selector: string) =>
        popup
          .locator(selector)
          .evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
      expect(await lines('.story-card__category'), font).toBe(1);
      expect(await lines('.missing-callout__list'), font).toBeLessThanOrEqual(3);
      expect(await popup.locator('.missing-callout__note').innerText()).toMatch(/\+ 99 more in the full view$/);
    }
    await popup.close();
  });

  // Found in a review (2026-12-07): the ellipsis of a long outlet's "Read [2] …" cut off its ↗,
  // the one mark that says the link leaves the popup for the outlet's site.
  it("keeps a long outlet's ↗ in view, its name cut short before it", async () => {
    for (const name of ['door-max', 'unbroken'] as const) {
      const popup = await edgePopup(name);
      for (const font of ['100%', '125%']) {
        await atFont(popup, font);
        const links = await popup.locator('.split-legend__meta a.source-action').evaluateAll((els) =>
          els.map((a) => {
            const mark = [...a.children].find((el) => el.textContent === '↗')!;
            const link = a.getBoundingClientRect();
            const box = mark.getBoundingClientRect();
            const row = a.closest('.split-legend__row')!.getBoundingClientRect();
            const text = a.querySelector('.source-action__text');
            return {
              // Wholly inside the link, which clips what overflows it, and inside its row.
              markShown: box.width > 0 && box.left >= link.left - 0.5 && box.right <= Math.min(link.right, row.right) + 0.5,
              nameCut: !!text && text.scrollWidth > text.clientWidth,
            };
          }),
        );
        expect(links.length, `${name} ${font}`).toBeGreaterThan(0);
        expect(
          links.every((l) => l.markShown),
          `${name} ${font}: ${JSON.stringify(links)}`,
        ).toBe(true);
        // The stories' outlets are too long for one line: each is cut, by its ellipsis, before the mark.
        expect(
          links.every((l) => l.nameCut),
          `${name} ${font}: ${JSON.stringify(links)}`,
        ).toBe(true);
      }
      await popup.close();
    }
  });

  it('gives a long viewpoint name one line, the whole name still its text and its tooltip', async () => {
    const popup = await edgePopup('long-names');
    const rows = await popup.locator('.split-legend__name').evaluateAll((els) =>
      els.map((el) => ({
        text: el.textContent,
        title: el.getAttribute('title'),
        lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
      })),
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.text).toHaveLength(120);
      expect(row.title).toBe(row.text);
      expect(row.lines).toBe(1);
    }
    await popup.close();
  });

  // Found in a review (2026-12-07): "+ 7 more viewpoints in the full view" and "+ 8 more in the
  // full view" were plain text, a dead end beside the way to the full view they name.
  it('opens the side panel on the story from the viewpoints and the missing perspectives it only counts', async () => {
    // The real panel is browser UI: read through an extension page in a background tab.
    const probe = await lens.openPanelProbe();
    // The story each open side panel matches (null for a panel in another state).
    const panels = async () => (await probe.panels()).map((p) => (p.state === 'match' ? p.title : null));
    // The panel the popup opens is its tab's own: closed by that tab, so the next tests see none.
    const closePanel = (tabId: number) => lens.worker.evaluate((id) => chrome.sidePanel.close({ tabId: id }), tabId);
    const story = edgeStory('ten-viewpoints', () => '');
    for (const name of ['+ 7 more viewpoints in the full view', '+ 8 more in the full view']) {
      const popup = await edgePopup('ten-viewpoints');
      // Reached by keyboard and pressed as a reader would (a key press is a user gesture too).
      const tabId = Number(new URL(popup.url()).searchParams.get('tabId'));
      const more = popup.getByRole('button', { name, exact: true });
      // A tab's own panel shows while its tab is active, as the reader's is when they click.
      await lens.worker.evaluate((id) => chrome.tabs.update(id, { active: true }), tabId);
      await more.focus();
      expect(await offScreen(popup, ':focus')).toEqual([]);
      // The popup closes itself once the panel is open, as on "Open viewpoints": the key press may outlive it.
      const closed = popup.waitForEvent('close');
      await popup.keyboard.press('Enter').catch((err: Error) => expect(err.message).toMatch(/closed/));
      await closed;
      await expect.poll(panels).toEqual([story.title]);
      await closePanel(tabId);
      await expect.poll(panels).toEqual([]);
    }
    await probe.close();
  });

  it("draws the reader's viewpoint at 1 % wide enough for its letter", async () => {
    const popup = await edgePopup('long-names');
    const own = popup.locator('.split-bar__seg[data-reader]');
    expect(await own.getAttribute('data-key')).toBe('C');
    const [seg, letter] = await own.evaluate((el) => [
      el.getBoundingClientRect().width,
      parseFloat(getComputedStyle(el, '::before').width),
    ]);
    expect(seg).toBeGreaterThanOrEqual(letter!);
    await popup.close();
  });
});
