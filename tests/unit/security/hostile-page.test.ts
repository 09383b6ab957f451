// Attacks a hostile page can make on the extension (issue 21 findings 2 and 3): claiming to be a
// story's source from another site, and handing over fields big enough to fill session storage
// or keep the matcher busy.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { DOMParser } from 'linkedom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article } from '../../../lib/article.ts';
import { gate, MAX_DEPTH } from '../../../lib/extract/gate.ts';
import { extractArticle } from '../../../lib/extract/index.ts';
import { dropRepeatedCaptions } from '../../../lib/extract/repeats.ts';
import { limitArticle, PAGE_LIMITS } from '../../../lib/extract/limits.ts';
import { correctionKey } from '../../../lib/match/corrections.ts';
import { getCorrection } from '../../../platform/storage.ts';
import { buildIndex, matchArticle } from '../../../lib/match/index.ts';
import type { Story } from '../../../lib/story/story.ts';
import { ownCanonical } from '../../../lib/url.ts';

const seed: Story = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));
const fortune = seed.sources.find((s) => s.outlet === 'Fortune')!;
const FORTUNE_URL = 'https://fortune.com/2026/03/14/morgan-stanley-warns-ai-breakthrough-2026-world-not-ready/';

const article = (patch: Partial<Article>): Article => ({
  url: 'https://spoof.example/a',
  canonicalUrl: 'https://spoof.example/a',
  title: 'A page',
  byline: null,
  siteName: null,
  publishedTime: null,
  modifiedTime: null,
  lang: 'en',
  excerpt: null,
  section: null,
  keywords: [],
  text: 'Gardening club meets on Thursday to plan the spring plant sale at the library.',
  wordCount: 14,
  partial: false,
  ...patch,
});

let tab: typeof import('../../../entrypoints/background/match-tab.ts');
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  tab = await import('../../../entrypoints/background/match-tab.ts');
});

describe('finding 3: a page on another site declaring a source as its canonical URL', () => {
  const spoof = article({ canonicalUrl: FORTUNE_URL, title: fortune.title });

  it('is not "source [2], Fortune" by outlet and headline', async () => {
    const report = await tab.matchExtraction({ kind: 'article', article: spoof }, { incognito: false });
    expect(report.state === 'match' && report.confidence).not.toBe(1);
    expect(JSON.stringify(report)).not.toContain('source [2]');
  });

  it('is not proof by URL', () => {
    const index = buildIndex([{ ...seed, sources: seed.sources.map((s) => (s.n === 2 ? { ...s, url: FORTUNE_URL } : s)) }]);
    // The door (match-tab.ts, cli/match.ts) hands the matcher the page's own URL instead.
    const { match } = matchArticle({ ...spoof, canonicalUrl: ownCanonical(spoof) }, index);
    expect(match?.reasons[0]?.kind).not.toBe('url');
  });

  it("files the reader's correction under its own address, not the source's", async () => {
    await tab.matchExtraction(
      { kind: 'article', article: spoof },
      { incognito: false },
      { choice: { kind: 'story', storyId: seed.id }, pageUrl: spoof.url },
    );
    const saved = (await fakeBrowser.storage.local.get('matchCorrections')).matchCorrections as Record<string, unknown>;
    expect(Object.keys(saved)).toEqual(['spoof.example/a']);
    expect(await getCorrection({ url: FORTUNE_URL, canonicalUrl: FORTUNE_URL })).toBeNull();
  });

  it("still counts a canonical URL on the page's own site, across www., m., mobile. and amp. editions", () => {
    expect(ownCanonical({ url: 'https://amp.fortune.com/x/amp', canonicalUrl: FORTUNE_URL })).toBe(FORTUNE_URL);
    expect(ownCanonical({ url: 'https://m.fortune.com/x', canonicalUrl: FORTUNE_URL })).toBe(FORTUNE_URL);
    expect(ownCanonical({ url: 'https://fortune.com.spoof.example/x', canonicalUrl: FORTUNE_URL })).toBe(
      'https://fortune.com.spoof.example/x',
    );
    expect(ownCanonical({ url: 'https://news.fortune.com/x', canonicalUrl: FORTUNE_URL })).toBe('https://news.fortune.com/x');
    expect(correctionKey({ url: 'https://spoof.example/a', canonicalUrl: FORTUNE_URL })).toBe('spoof.example/a');
  });
});

describe('a page at an address dressed as an AMP viewer of a source', () => {
  // Any site can have a host starting "google." and a path "/amp/s/fortune.com/…" (found by an adversarial probe, 2026-12-07).
  const AT = `https://google.shop.example/amp/s/${FORTUNE_URL.slice('https://'.length)}`;
  const dressed = article({ url: AT, canonicalUrl: AT, title: fortune.title });

  it('is not proof by URL, nor the outlet with its headline, nor the key of its corrections', () => {
    const index = buildIndex([{ ...seed, sources: seed.sources.map((s) => (s.n === 2 ? { ...s, url: FORTUNE_URL } : s)) }]);
    const { match } = matchArticle({ ...dressed, canonicalUrl: ownCanonical(dressed) }, index);
    expect(match?.confidence ?? 0).toBeLessThan(1);
    expect(JSON.stringify(match?.reasons ?? [])).not.toContain('source [2]');
    expect(correctionKey(dressed)).not.toBe(correctionKey({ url: FORTUNE_URL, canonicalUrl: FORTUNE_URL }));
    expect(ownCanonical({ url: AT, canonicalUrl: FORTUNE_URL })).toBe(AT);
  });

  it("still reads Google's own AMP viewer as the publisher's page", () => {
    const viewer = `https://www.google.com/amp/s/${FORTUNE_URL.slice('https://'.length)}`;
    expect(correctionKey({ url: viewer, canonicalUrl: viewer })).toBe(correctionKey({ url: FORTUNE_URL, canonicalUrl: FORTUNE_URL }));
  });
});

describe('finding 2: a page handing over huge fields', () => {
  const huge = 'T'.repeat(10_470_000);

  it('cannot fill session storage with a 10 MB <title>: the kept report is cut to size', async () => {
    const report = await tab.matchExtraction(
      { kind: 'not-article', reason: 'not-readerable', url: 'https://spoof.example/t', title: huge },
      { incognito: false },
    );
    expect(report.state === 'not-article' && report.page.title.length).toBe(PAGE_LIMITS.title);
    const { saveReport, loadReport } = await import('../../../entrypoints/background/reports.ts');
    await saveReport(3, { state: 'no-match', page: { url: 'https://spoof.example/t', title: huge, siteName: huge } });
    const kept = await loadReport(3);
    expect(kept && 'page' in kept && [kept.page.title.length, kept.page.siteName?.length]).toEqual([
      PAGE_LIMITS.title,
      PAGE_LIMITS.siteName,
    ]);
  });

  it('still answers the reader when the report cannot be kept', async () => {
    fakeBrowser.tabs.sendMessage = (async () => undefined) as never;
    const set = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('Session storage quota bytes exceeded'));
    const report = await tab.reportExtraction(
      5,
      { kind: 'not-article', reason: 'not-readerable', url: 'https://spoof.example/t', title: 'x' },
      { incognito: false },
    );
    expect(report).toMatchObject({ state: 'not-article', reason: 'not-readerable' });
    expect(set).toHaveBeenCalled();
    set.mockRestore();
  });

  it('cuts every field of an article, and the text the matcher reads', () => {
    const cut = limitArticle(
      article({
        title: huge,
        byline: huge,
        siteName: huge,
        excerpt: huge,
        text: huge,
        keywords: Array(1000).fill(huge),
        canonicalUrl: `https://spoof.example/${huge}`,
      }),
    );
    expect(JSON.stringify(cut).length).toBeLessThan(PAGE_LIMITS.text + 20_000);
    expect(cut.canonicalUrl).toBe(cut.url);
  });

  // Found by an adversarial probe (2026-12-07): each took from 5 s to a minute and more in the
  // reader's tab. Bounded by the test's time-out: a return to the old expressions fails it.
  it.each([
    ['an og:title of CJK underscore parts', `<meta property="og:title" content="中${'_ab '.repeat(40)}_aaaaaaaaaaaa">`],
    ['an author tag of open brackets', `<meta name="author" content="${'( '.repeat(3000)})x">`],
    ['an author tag of dashes', `<meta name="author" content="Ab${'-'.repeat(150_000)}!">`],
    ['an og:title of bracket openings', `<meta property="og:title" content="${'a ['.repeat(85_000)}">`],
    ['a publication time of zone brackets', `<meta property="article:published_time" content="${'2020 GMT ('.repeat(100_000)}">`],
  ])('reads a page whose head holds %s in linear time', (_, head) => {
    const html = `<html><head><title>Council votes on bike lanes</title>${head}</head><body><article><h1>Council votes on bike lanes</h1>${'<p>The city council voted on Tuesday to add protected bike lanes along Main Street next spring.</p>'.repeat(8)}</article></body></html>`;
    const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    expect(extractArticle(doc, 'https://spoof.example/head').kind).toBe('article');
  });

  it('reads past a slideshow of 4,000 captions sharing their first 200 words in linear time', () => {
    // Each caption was compared with every block read before it: 11 s here (a review,
    // 2026-12-07). A caption that repeats one of them is still left out.
    const words = 'one two three four five six seven eight nine ten '.repeat(20);
    const captions = Array.from({ length: 4000 }, (_, i) => `<figure><figcaption>${words}${i}</figcaption></figure>`).join('');
    const again = `<figure><figcaption>${words}0</figcaption></figure>`;
    const doc = new DOMParser().parseFromString(`<html><body><div id="a">${captions}${again}</div></body></html>`, 'text/html');
    const box = doc.getElementById('a') as unknown as Element;
    dropRepeatedCaptions(box);
    expect(box.querySelectorAll('figcaption').length).toBe(4000);
  });

  it('does not run Readability over a page holding 4 MB of hidden text', () => {
    const html = `<html><head><title>Hidden</title></head><body><article><h1>Hidden</h1>${'<p>A real paragraph of an article, long enough to count for something in the reader check.</p>'.repeat(20)}<div hidden>${'x'.repeat(4_000_000)}</div></article></body></html>`;
    const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    expect(extractArticle(doc, 'https://spoof.example/hidden')).toMatchObject({ kind: 'not-article', reason: 'too-large' });
  });
});

describe('a page that sends its tab elsewhere (an adversarial audit, 2026-12-07)', () => {
  // An article the seed story covers, matched by its words.
  const HEALTHTECH = 'https://healthtech.example/mayo-microsoft';
  const read = extractArticle(
    new DOMParser().parseFromString(
      readFileSync('tests/fixtures/pages/healthtech-mayo-microsoft.html', 'utf8'),
      'text/html',
    ) as unknown as Document,
    HEALTHTECH,
  );
  const source = read.kind === 'article' ? { ...read.article, canonicalUrl: HEALTHTECH } : article({});
  // The page shows every line it has (lib/extract/unseen.ts asks it, in a real tab).
  beforeEach(() => void Object.assign(fakeBrowser.scripting, { executeScript: async () => [{ result: [] }] }));

  it("does not file the reader's word under the page the tab moved on to", async () => {
    // The popup showed spoof.example/a; the page then sent the tab to Fortune's article.
    const report = await tab.matchExtraction(
      { kind: 'article', article: source },
      { incognito: false },
      { choice: { kind: 'none' }, pageUrl: 'https://spoof.example/a' },
    );
    expect(await getCorrection(source)).toBeNull();
    expect(report).toMatchObject({ state: 'match', story: { id: seed.id } });
    expect(report.state === 'match' && report.chosenByReader).toBeFalsy();
  });

  it("does not take the reader's word on one file page, or page without an address, for another", async () => {
    const at = (url: string) => ({ ...source, url, canonicalUrl: url });
    const not = { choice: { kind: 'none' }, pageUrl: 'file:///home/r/a.html' } as const;
    const other = await tab.matchExtraction({ kind: 'article', article: at('file:///home/r/b.html') }, { incognito: false }, not);
    expect(other).toMatchObject({ state: 'match', story: { id: seed.id } });
    const none = await tab.matchExtraction({ kind: 'article', article: at('') }, { incognito: false }, { ...not, pageUrl: '' });
    expect(none).toMatchObject({ state: 'match', story: { id: seed.id } });
    // The page the popup showed: the reader's word applies (to this view; a file page has no key to keep it under).
    const same = await tab.matchExtraction({ kind: 'article', article: at('file:///home/r/a.html') }, { incognito: false }, not);
    expect(same.state).toBe('no-match');
  });

  it("is not matched as another site's article because its script names that address", async () => {
    await expect(
      tab.reportExtraction(7, { kind: 'article', article: source }, { incognito: false, url: 'https://evil.example/x' }),
    ).rejects.toThrow(/changed while it was read/);
  });

  it('leaves no badge and no report on its tab once the tab shows another page', async () => {
    const { id } = await fakeBrowser.tabs.create({ url: 'https://next.example/' });
    const report = await tab.reportExtraction(id!, { kind: 'article', article: source }, { incognito: false, url: source.url });
    expect(report.state).toBe('match');
    expect(await fakeBrowser.action.getBadgeText({ tabId: id })).toBe('');
    const { loadReport } = await import('../../../entrypoints/background/reports.ts');
    expect(await loadReport(id!)).toBeNull();
    // Still on the page: badged and kept.
    await fakeBrowser.tabs.update(id!, { url: `${source.url}#comments` });
    await tab.reportExtraction(id!, { kind: 'article', article: source }, { incognito: false, url: source.url });
    expect(await fakeBrowser.action.getBadgeText({ tabId: id })).toBe('7');
    expect(await loadReport(id!)).toMatchObject({ state: 'match' });
    // Nor does a page that drops its tracking parameters as it loads lose them (a review, 2026-12-07).
    const { id: other } = await fakeBrowser.tabs.create({ url: source.url });
    const tagged = { ...source, url: `${source.url}?utm_source=newsletter`, canonicalUrl: `${source.url}?utm_source=newsletter` };
    await tab.reportExtraction(other!, { kind: 'article', article: tagged }, { incognito: false, url: tagged.url });
    expect(await fakeBrowser.action.getBadgeText({ tabId: other })).toBe('7');
  });
});

// An adversarial audit (2026-12-07): the readers of JSON-LD followed lists in lists without end. A
// page's JSON-LD nested a million lists deep overflowed the stack in the reader's tab, and the
// popup said Lens "couldn't read this page" (Chromium 156).
describe('a page whose JSON-LD nests lists a million deep', () => {
  const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
  it.each([
    ['as a whole script', deep],
    ...['author', 'headline', 'publisher', 'datePublished', 'articleSection', 'hasPart', 'inLanguage'].map((field) => [
      `in its "${field}"`,
      `{"@type": "NewsArticle", "headline": "Council votes on bike lanes", "${field}": ${deep}}`,
    ]),
  ])('is still read, %s', (_, ld) => {
    const html = `<html><head><title>Council votes on bike lanes</title><script type="application/ld+json">${ld}</script></head><body><article><h1>Council votes on bike lanes</h1>${'<p>The city council voted on Tuesday to add protected bike lanes along Main Street next spring.</p>'.repeat(8)}</article></body></html>`;
    const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    expect(extractArticle(doc, 'https://spoof.example/ld').kind).toBe('article');
  });
});

describe('a page whose elements nest thousands deep (an adversarial probe, 2026-12-08)', () => {
  // The HTML parser stops nesting at 512 in Chromium; a page's script does not. Readability asks
  // each element about all it holds, and recurses: 9,000 nested spans overflowed lens's stack, and
  // in Chromium a figure 2,000 deep took 21 s (tests/e2e/hostile-page.test.ts).
  const PARAS = '<p>The city council voted on Tuesday to add protected bike lanes along Main Street next spring.</p>'.repeat(8);
  const parse = (body: string) =>
    new DOMParser().parseFromString(
      `<html><head><title>Bike lanes</title></head><body>${body}</body></html>`,
      'text/html',
    ) as unknown as Document;

  it('is not read, and said to be too large, instead of overflowing the stack', () => {
    const doc = parse(`<article><h1>Bike lanes</h1>${PARAS}<p>${'<span>'.repeat(9000)}deep${'</span>'.repeat(9000)}</p></article>`);
    expect(extractArticle(doc, 'https://spoof.example/deep')).toMatchObject({ kind: 'not-article', reason: 'too-large' });
  });

  it(`is counted to the level: ${MAX_DEPTH} levels are read, one more is not`, () => {
    const nested = (levels: number) => parse(`${'<div>'.repeat(levels)}x${'</div>'.repeat(levels)}`);
    // <html> and <body> are two levels.
    expect(gate(nested(MAX_DEPTH - 2), 'https://spoof.example/deep')).not.toBe('too-large');
    expect(gate(nested(MAX_DEPTH - 1), 'https://spoof.example/deep')).toBe('too-large');
    expect(gate(nested(20_000), 'https://spoof.example/deep')).toBe('too-large');
  });

  it('leaves every page fixture far below the limit', () => {
    for (const name of readdirSync('tests/fixtures/pages').filter((f) => f.endsWith('.html'))) {
      const doc = new DOMParser().parseFromString(readFileSync(`tests/fixtures/pages/${name}`, 'utf8'), 'text/html') as unknown as Document;
      let deepest = 0;
      const walk = (el: Element, depth: number): void => {
        deepest = Math.max(deepest, depth);
        for (const child of Array.from(el.children)) walk(child, depth + 1);
      };
      walk(doc.documentElement, 1);
      expect(deepest, name).toBeLessThan(MAX_DEPTH / 4);
    }
  });
});
