/** The cheap checks that answer "not an article" before any real work is done. */
import { isProbablyReaderable } from '@mozilla/readability';
import type { NotArticleReason } from '../article.ts';
import { LD_SCRIPT } from './jsonld.ts';
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

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
// A page that calls itself an article (Open Graph or JSON-LD) gets the lower paragraph
// threshold below; found by a text test so the gate parses nothing.
const DECLARES_ARTICLE = /"@type"\s*:\s*\[?\s*"(?:https?:\/\/schema\.org\/)?(?:\w*Article|BlogPosting|Report)"/;
// Kana, Han and Hangul as code point ranges: a Unicode property class costs the first page a
// reader checks most of a millisecond to compile.
const DENSE_SCRIPT = new RegExp(`[${CJK_RANGES}\\uac00-\\ud7af]`);

function declaresArticle(doc: Document): boolean {
  if (/^article\b/i.test(doc.querySelector('meta[property="og:type" i]')?.getAttribute('content') ?? '')) return true;
  return Array.from(doc.querySelectorAll(LD_SCRIPT)).some((s) => DECLARES_ARTICLE.test(s.textContent ?? ''));
}

/**
 * Why `doc` is not an article, or null when it may be one: not a web page (a PDF in the
 * viewer, an image, plain text), not a web address, too large, or without an article's worth
 * of paragraphs by Readability's own check.
 */
export function gate(doc: Document, url: string, maxElements = MAX_ELEMENTS): NotArticleReason | null {
  if (!/^(?:https?|file):/i.test(url)) return 'browser-page';
  const type = doc.contentType;
  if (type && !HTML_TYPES.has(type)) return 'not-html';
  // The cap first: every later check queries the whole page, which past the cap is too long.
  // A browser's live collection walks only as far as the index asked for (counting all of a
  // 120k-element page would itself take milliseconds); linkedom's `*` collection is empty: it counts.
  const all = doc.getElementsByTagName('*');
  if (all[0] ? all[maxElements] : doc.querySelectorAll('*').length > maxElements) return 'too-large';
  // Chromium's PDF viewer wraps the file in a page of a few elements with one <embed>: asked of
  // small pages only, as on an article the query would walk the whole page for nothing.
  if (!all[40] && doc.querySelector('embed[type="application/pdf"],embed[type="application/x-google-chrome-pdf"]') && !doc.querySelector('p')) return 'not-html';
  if (!doc.body) return 'not-readerable';
  if (isProbablyReaderable(doc)) return null;
  // Readability wants paragraphs of 140 characters. Chinese, Japanese and Korean say as much in
  // fewer characters (mercury-fixtures www.asahi.com, www.ossnews.jp, www.qdaily.com), and a page that
  // declares itself an article deserves the benefit of the doubt (hellogiggles.com); 60 still
  // turns away menus and link lists (readability-test-pages mozilla-2, remove-aria-hidden keep
  // their own Readability verdict because they declare nothing and are in English).
  const dense = /^(?:zh|ja|ko)\b/i.test(doc.documentElement.getAttribute('lang') ?? '') || DENSE_SCRIPT.test(doc.title ?? '');
  if ((dense || declaresArticle(doc)) && isProbablyReaderable(doc, { minContentLength: 60 })) return null;
  return 'not-readerable';
}
