/** The headlines a page prints: its `<h1>`s and microdata headline, less those that are not the article's. */
import { namesSite, tidyTitle } from './title.ts';

// A microdata `headline` is the article's own headline element, whatever its tag (mercury-fixtures
// www.popsugar.com prints it as an <h2> under an <h1> it marks `alternativeHeadline`).
const HEADLINE = 'h1,h2,[itemprop~="headline" i]:not(meta)';
// Places a heading is not the article's: navigation, items of a list (mercury-fixtures
// www.spektrum.de names the page in an <h1> at its breadcrumb list's end), comments and
// related stories, and what a page hides from sight.
const ELSEWHERE = 'nav,aside,footer,[itemprop~="itemListElement" i],[itemprop~="alternativeHeadline" i],[class*="comment" i],[class*="related" i],[hidden],[aria-hidden="true" i],[class*="sr-only" i],[class*="visually-hidden" i],[class*="screen-reader" i]';
// The site's own header, outside the article: its <h1> is the site's or the section's name
// (mercury-fixtures www.jnsa.org "イベント・セミナー情報" in <div id="header">). Not any <header>:
// pages head their article with one (www.nbcnews.com, www.today.com).
const SITE_HEADER = '#header,#masthead,[role="banner" i],[class~="site-header" i]';
const CONTENT = 'article,main,[role="main" i]';
// A link to the site's front page: an <h1> around one is the logo (mercury-fixtures
// www.thepoliticalinsider.com, three of them).
const HOME = /^(?:https?:\/\/[^/]+\/?|\/)(?:index\.\w+)?$/i;

export interface Printed {
  /** The `<h1>`s and microdata headlines. */
  heads: Element[];
  /** The `<h2>`s: where a page that gives its `<h1>` to a section prints the headline (webmd). */
  subheads: Element[];
}

/**
 * The page's printed headlines in document order, as elements: every `<h1>`, `<h2>` and
 * microdata headline but those in navigation and other places (ELSEWHERE), in the site's header,
 * around a link to the front page, or naming the site (readability-test-pages v8-blog "V8").
 */
export function printedHeadlines(doc: Document, siteName: string | null, host: string): Printed {
  const found: Printed = { heads: [], subheads: [] };
  for (const el of Array.from(doc.querySelectorAll(HEADLINE))) {
    const text = tidyTitle(el.textContent ?? '');
    if (!text || text.length >= 300 || el.closest(ELSEWHERE) || /display\s*:\s*none/i.test(el.getAttribute('style') ?? '')) continue;
    if (el.closest(SITE_HEADER) && !el.closest(CONTENT)) continue;
    if (Array.from(el.getElementsByTagName('a')).some((a) => HOME.test(a.getAttribute('href')?.trim() ?? '-'))) continue;
    if (!namesSite(text, siteName, host)) (el.tagName === 'H2' && el.getAttribute('itemprop') === null ? found.subheads : found.heads).push(el);
  }
  return found;
}
