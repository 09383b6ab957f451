/**
 * How much a page may hand the extension: every page-derived field is cut to a length no real
 * article needs, so a page cannot fill session storage (one 10 MB `<title>` broke every other
 * tab's popup) or make the matcher read 50 MB. Applied where the background (match-tab.ts) and
 * the CLI take an extraction in, and to a report's page before it is kept; `tooMuchText` bounds
 * the work in the page itself (extract.js stays under its size cap without the rest). The
 * numbers and what they protect are in docs/security.md.
 */
import type { Article, Extraction } from '../article.ts';

/**
 * Past this much text in the whole page, it is not read at all (`too-large`): see `tooMuchText`.
 * A constant of its own, not only a field of PAGE_LIMITS: the injected scripts read this one
 * number, and a field would ship the whole table in them (about 110 bytes).
 */
const PAGE_TEXT = 3_000_000;

export const PAGE_LIMITS = {
  url: 2048,
  title: 1000,
  byline: 300,
  siteName: 200,
  excerpt: 1000,
  section: 200,
  lang: 35,
  time: 64,
  keywords: 50,
  keyword: 100,
  /** The article's text as matched: ten times the longest article of the corpus (~50k characters). */
  text: 500_000,
  pageText: PAGE_TEXT,
} as const;

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);
const cutOrNull = (s: string | null, max: number) => (s === null ? null : cut(s, max));

/** The page part of a report (what session storage keeps of a page), cut to the limits. */
export function limitPage<T extends { url: string; title: string; siteName?: string | null }>(page: T): T {
  const out = { ...page, url: cut(page.url, PAGE_LIMITS.url), title: cut(page.title, PAGE_LIMITS.title) };
  if (typeof page.siteName === 'string') out.siteName = cut(page.siteName, PAGE_LIMITS.siteName);
  return out;
}

/** `article` with every field cut to PAGE_LIMITS; a canonical URL too long to be one is dropped. */
export function limitArticle(a: Article): Article {
  const url = cut(a.url, PAGE_LIMITS.url);
  return {
    ...a,
    url,
    canonicalUrl: a.canonicalUrl.length > PAGE_LIMITS.url ? url : a.canonicalUrl,
    title: cut(a.title, PAGE_LIMITS.title),
    byline: cutOrNull(a.byline, PAGE_LIMITS.byline),
    siteName: cutOrNull(a.siteName, PAGE_LIMITS.siteName),
    publishedTime: cutOrNull(a.publishedTime, PAGE_LIMITS.time),
    modifiedTime: cutOrNull(a.modifiedTime, PAGE_LIMITS.time),
    lang: cutOrNull(a.lang, PAGE_LIMITS.lang),
    excerpt: cutOrNull(a.excerpt, PAGE_LIMITS.excerpt),
    section: cutOrNull(a.section, PAGE_LIMITS.section),
    keywords: a.keywords.slice(0, PAGE_LIMITS.keywords).map((k) => cut(k, PAGE_LIMITS.keyword)),
    text: cut(a.text, PAGE_LIMITS.text),
  };
}

/** An extraction with its fields cut to PAGE_LIMITS. */
export function limitExtraction(ex: Extraction): Extraction {
  return ex.kind === 'article' ? { kind: 'article', article: limitArticle(ex.article) } : limitPage(ex);
}

/**
 * True when the page holds more text than PAGE_LIMITS.pageText: a page with a 50 MB hidden text
 * node took Readability 22 s. Counts text node lengths and stops at the limit, so the check
 * costs a pass over the text nodes, never a copy of the text.
 */
export function tooMuchText(doc: Document): boolean {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    total += (node as CharacterData).length ?? 0;
    if (total > PAGE_TEXT) return true;
  }
  return false;
}
