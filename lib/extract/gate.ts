/** The cheap checks that answer "not an article" before any real work is done. */
import { isProbablyReaderable } from '@mozilla/readability';
import type { NotArticleReason } from '../article.ts';
import { ldRoots, pageTypes } from './jsonld.ts';
import { CJK_RANGES } from './normalize.ts';

/**
 * Past this many elements a page is not read. Readability's cost grows with the tree it walks:
 * `npm run bench:extract` measured ~0.36 s for a generated 28.5k-element article on the 2-core
 * CI machine, against 3 ms for the gate to turn a 120k-element page away. Every page of the
 * 271 in ../shared/corpus has under 11.6k elements, so 30k leaves real articles 2.6× headroom.
 * Structure matters as much as size (the corpus's reddit.com page, 11.5k elements, takes
 * Readability ~0.4 s in Chromium, three passes over a deep tree): the cap bounds the common
 * worst case, not every one.
 */
export const MAX_ELEMENTS = 30_000;

/**
 * Past this many levels of elements a page is not read. Readability's cost grows with the depth
 * of a tree too (it asks each element about all it holds), and some of it recurses: in Chromium
 * 156, a page whose script wrapped a figure in 2,000 nested elements took 21 s and ended in "took
 * too long", one of 4,000 threw and was said to be a browser page (an adversarial probe,
 * 2026-12-08). The HTML parser stops nesting at 512, a script does not. The deepest of the 289
 * pages of ../shared/corpus and tests/fixtures/pages is 39 levels: 400 is ten times that.
 */
export const MAX_DEPTH = 400;

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
// What a page may say it is, in JSON-LD or Open Graph: an article (schema.org's Article family,
// blog and live-blog posts, reports) or a shop's product.
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;
// A site's root, as an address: no path but "/" (or an index file), no query, no route in the fragment.
const FRONT_PAGE = /^[a-z]+:\/\/[^/?#]+\/?(?:index\.\w+)?(?:#[^/]*)?$/i;
const PRODUCT_TYPE = /^(?:Product|ProductGroup|IndividualProduct|ProductModel)$/;
// A page of other pages: a section front, a tag or author archive, search results.
const LISTING_TYPE = /^(?:CollectionPage|SearchResultsPage)$/;
// Where a printed headline says the page is its article: an <article>, or a schema.org microdata
// item of the Article family ("https://schema.org/NewsArticle") for sites that declare it only so.
const ARTICLE_BOX = 'article,[itemtype$="Article" i],[itemtype$="BlogPosting" i],[itemtype$="Report" i]';
// Kana, Han and Hangul as code point ranges: a Unicode property class costs the first page a
// reader checks most of a millisecond to compile.
const DENSE_SCRIPT = new RegExp(`[${CJK_RANGES}\\uac00-\\ud7af]`);

/**
 * True when the page is written in Chinese, Japanese or Korean, which say in a character what
 * alphabets say in two or three: by its `lang`, else by its title's script.
 */
export const isDense = (doc: Document): boolean =>
  /^(?:zh|ja|ko)\b/i.test(doc.documentElement.getAttribute('lang') ?? '') || DENSE_SCRIPT.test(doc.title ?? '');

/**
 * What the page declares itself to be. An article: a JSON-LD article as what the page is (not
 * one it lists), `og:type=article` or an `article:published_time`, or a headline inside an
 * `<article>` element or an Article microdata item. Else a product:
 * a JSON-LD Product as what the page is, or `og:type=product` — a shop's page, whatever prose
 * its reviews add. A listing: a JSON-LD CollectionPage or SearchResultsPage as what the page
 * is, which outranks an `og:type` of article. Article signals come first: a deals article
 * declares itself an article and lists Products (tests/fixtures/pages/deals-list.html), and a
 * shop page rarely calls itself an article. Saved and some live pages write `og:type` as a
 * `name` with a `value` (mercury-fixtures phpspot.org).
 */
function declared(doc: Document, ld: unknown[]): 'article' | 'product' | 'listing' | null {
  const types = pageTypes(ld);
  if (types.some((t) => ARTICLE_TYPE.test(t))) return 'article';
  // Some sites say og:type=article on every page; a JSON-LD CollectionPage is more precise
  // (readability-test-pages nytimes-5, a section front of teasers that pass Readability's check).
  if (types.some((t) => LISTING_TYPE.test(t))) return 'listing';
  // Looked for in the whole page: an element of the body written in the head ends the head, and
  // the browser parses the tags after it into the body (article-extraction-benchmark
  // www.jpost.com: an <article> of microdata first, og:type=Article after it).
  const og = doc.querySelector('meta[property="og:type" i],meta[name="og:type" i]');
  const ogType = og?.getAttribute('content') ?? og?.getAttribute('value') ?? '';
  // Open Graph's article namespace is written for articles only, even beside og:type=website.
  if (/^article\b/i.test(ogType) || doc.querySelector('meta[property="article:published_time" i]')) return 'article';
  if (types.some((t) => PRODUCT_TYPE.test(t)) || /^(?:og:)?product\b/i.test(ogType)) return 'product';
  for (const h1 of Array.from(doc.getElementsByTagName('h1'))) if (h1.closest(ARTICLE_BOX) && h1.textContent?.trim()) return 'article';
  return null;
}

/**
 * Why `doc` is not an article, or null when it may be one: not a web page (a PDF in the
 * viewer, an image, plain text), not a web address, too large, a shop's product page, a
 * listing of other pages, or a page that neither declares itself an article nor has an
 * article's worth of paragraphs by Readability's own check. A page that declares itself an article is read however short it is
 * (a breaking-news item of two paragraphs: tests/fixtures/pages/breaking-short.html), or however
 * its text is laid out (a list article: deals-list.html, whose paragraphs in list items
 * Readability's check skips); what Readability then finds decides (extractArticle).
 * `ld` gives the page's parsed JSON-LD, asked only past the cheap checks.
 */
export function gate(
  doc: Document,
  url: string,
  maxElements = MAX_ELEMENTS,
  ld: () => unknown[] = () => ldRoots(doc),
): NotArticleReason | null {
  if (!/^(?:https?|file):/i.test(url)) return 'browser-page';
  const type = doc.contentType;
  if (type && !HTML_TYPES.has(type)) return 'not-html';
  // The cap first: every later check queries the whole page, which past the cap is too long.
  // A browser's live collection walks only as far as the index asked for (counting all of a
  // 120k-element page would itself take milliseconds); linkedom's `*` collection is empty: it counts.
  const all = doc.getElementsByTagName('*');
  // Past the count or the depth. The depth is asked only of a page within the count, by one
  // query, `*>*>…>*` of MAX_DEPTH + 1 steps: the selector engine matches it from each element up
  // through its parents, a child step having one candidate (no recursion, no backtracking), and
  // stops at MAX_DEPTH + 1. Inline: the injected script has a byte budget (npm run check:bundle).
  if ((all[0] ? all[maxElements] : doc.querySelectorAll('*').length > maxElements) || doc.querySelector('*' + '>*'.repeat(MAX_DEPTH)))
    return 'too-large';
  // Chromium's PDF viewer wraps the file in a page of a few elements with one <embed>: asked of
  // small pages only, as on an article the query would walk the whole page for nothing.
  if (
    !all[40] &&
    doc.querySelector('embed[type="application/pdf"],embed[type="application/x-google-chrome-pdf"]') &&
    !doc.querySelector('p')
  )
    return 'not-html';
  if (!doc.body) return 'not-readerable';
  const kind = declared(doc, ld());
  if (kind) return kind === 'article' ? null : 'not-readerable';
  // A site's root address is its front page: teasers in <article>s pass Readability's check
  // (tests/fixtures/pages/front-page.html). An article there has a query ("/?p=123") or says so.
  if (FRONT_PAGE.test(url)) return 'not-readerable';
  if (isProbablyReaderable(doc)) return null;
  // Readability wants paragraphs of 140 characters. Chinese, Japanese and Korean say as much in
  // fewer characters (mercury-fixtures www.asahi.com, www.ossnews.jp, www.qdaily.com); 60 still
  // turns away menus and link lists.
  if (isDense(doc) && isProbablyReaderable(doc, { minContentLength: 60 })) return null;
  return 'not-readerable';
}
