/** The headlines a page prints: its `<h1>`s and microdata headline, less those that are not the article's. */
import { namesSite, tidyTitle } from './title.ts';

// A microdata `headline` is the article's own headline element, even as an <h2> (mercury-fixtures
// www.popsugar.com prints it under an <h1> it marks `alternativeHeadline`).
const MICRODATA_HEADLINE = /(?:^|\s)headline(?:\s|$)/i;
// Places a heading is not the article's: navigation, items of a list (mercury-fixtures
// www.spektrum.de names the page in an <h1> at its breadcrumb list's end), comments and
// related stories, and what a page hides from sight.
const ELSEWHERE =
  'nav,aside,footer,[itemprop~="itemListElement" i],[itemprop~="alternativeHeadline" i],[class*="comment" i],[class*="related" i],[hidden],[aria-hidden="true" i],[class*="sr-only" i],[class*="visually-hidden" i],[class*="screen-reader" i]';
// The site's own header, outside the article: its <h1> is the site's or the section's name
// (mercury-fixtures www.jnsa.org "イベント・セミナー情報" in <div id="header">). Not any <header>:
// pages head their article with one (www.nbcnews.com, www.today.com).
const SITE_HEADER = '#header,#masthead,[role="banner" i],[class~="site-header" i]';
const CONTENT = 'article,main,[role="main" i]';
// A link to the site's front page: an <h1> around one is the logo (mercury-fixtures
// www.thepoliticalinsider.com, three of them).
const HOME = /^(?:https?:\/\/[^/]+\/?|\/)(?:index\.\w+)?$/i;

export interface Printed {
  /** The `<h1>`s, and the `<h2>`s marked as the microdata headline. */
  heads: Element[];
  /**
   * The other `<h2>`s: where a page that gives its `<h1>` to a section prints the headline
   * (readability-test-pages webmd-1). Asked only when no head will do: pages have dozens.
   */
  subheads: () => Element[];
}

/** True when `el` may be the article's headline: not elsewhere (ELSEWHERE), not the site's header, logo or name. */
function isHeadline(el: Element, siteName: string | null, host: string): boolean {
  const text = tidyTitle(el.textContent ?? '');
  const style = el.getAttribute('style');
  if (!text || text.length >= 300 || el.closest(ELSEWHERE) || (style && /display\s*:\s*none/i.test(style))) return false;
  if (el.closest(SITE_HEADER) && !el.closest(CONTENT)) return false;
  for (const a of Array.from(el.getElementsByTagName('a'))) if (HOME.test(a.getAttribute('href')?.trim() ?? '-')) return false;
  return !namesSite(text, siteName, host);
}

/**
 * The page's printed headlines in document order, as elements: its `<h1>`s and microdata
 * headlines, and on demand its other `<h2>`s, but those in navigation and other places
 * (ELSEWHERE), in the site's header, around a link to the front page, or naming the site
 * (readability-test-pages v8-blog "V8"). Tag collections, not a selector query: this runs on a
 * reader's first click, where each query over the page costs.
 */
export function printedHeadlines(doc: Document, siteName: string | null, host: string): Printed {
  const h2s = Array.from(doc.getElementsByTagName('h2'));
  const marked = (el: Element) => MICRODATA_HEADLINE.test(el.getAttribute('itemprop') ?? '');
  return {
    heads: [...Array.from(doc.getElementsByTagName('h1')), ...h2s.filter(marked)]
      .sort((a, b) => (a.compareDocumentPosition(b) & 2) - (b.compareDocumentPosition(a) & 2))
      .filter((el) => isHeadline(el, siteName, host)),
    subheads: () => h2s.filter((el) => !marked(el) && isHeadline(el, siteName, host)),
  };
}
