/**
 * Article extraction: a fast gate, then Readability on a clone of the document, then the
 * page's own metadata. Takes a Document so it runs the same in a tab and in Node (linkedom).
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { Article, Extraction } from '../article.ts';
import { readMetadata } from './metadata.ts';
import { normalizeLang, normalizeTime } from './normalize.ts';
import { blockText, countWords } from './text.ts';
import { cleanTitle } from './title.ts';

/**
 * Past this many elements a page is not read. Readability's scoring walks the tree several
 * times; real articles in ../shared/corpus stay far below this, and a page that size would
 * cost the reader a visible pause.
 */
export const MAX_ELEMENTS = 60_000;

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export interface ExtractOptions {
  maxElements?: number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The live collection is the cheapest count in browsers; linkedom's `*` collection is empty. */
function elementCount(doc: Document): number {
  return doc.getElementsByTagName('*').length || doc.querySelectorAll('*').length;
}

/** The cheap checks that answer "not an article" before any real work. */
export function gate(doc: Document, url: string, maxElements = MAX_ELEMENTS): Extraction | null {
  const title = (doc.title ?? '').trim();
  const no = (reason: Extract<Extraction, { kind: 'not-article' }>['reason']): Extraction => ({ kind: 'not-article', reason, url, title });
  const type = doc.contentType;
  if (type && !HTML_TYPES.has(type)) return no('not-html');
  // The built-in PDF viewer wraps the file in an HTML page with one <embed>.
  if (doc.querySelector('body > embed[type="application/pdf"], body > embed[type="application/x-google-chrome-pdf"]')) return no('not-html');
  if (elementCount(doc) > maxElements) return no('too-large');
  if (!doc.body || !isProbablyReaderable(doc)) return no('not-readerable');
  return null;
}

/** Extracts the article of `doc` (never modifying it) or says why the page is not one. */
export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): Extraction {
  const closed = gate(doc, url, options.maxElements);
  if (closed) return closed;

  const meta = readMetadata(doc, url);
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability<Node>(clone, { serializer: (el) => el }).parse();
  const text = parsed?.content ? blockText(parsed.content) : '';
  if (!parsed || countWords(text) < 30) return { kind: 'not-article', reason: 'no-content', url, title: (doc.title ?? '').trim() };

  const host = hostOf(url);
  const siteName = meta.siteName ?? parsed.siteName?.trim() ?? (host.replace(/^www\./, '') || null);
  const rawTitle = meta.title ?? parsed.title ?? doc.title ?? '';
  const authors = meta.authors.length ? meta.authors : parsed.byline ? [parsed.byline.trim()] : [];
  const wordCount = countWords(text);

  const article: Article = {
    url,
    canonicalUrl: meta.canonicalUrl ?? url,
    title: cleanTitle(rawTitle, siteName, host),
    byline: joinAuthors(authors),
    siteName,
    publishedTime: meta.publishedTime ?? normalizeTime(parsed.publishedTime),
    modifiedTime: meta.modifiedTime,
    lang: meta.lang ?? normalizeLang(parsed.lang),
    excerpt: meta.description ?? parsed.excerpt?.trim() ?? null,
    section: meta.section,
    keywords: meta.keywords,
    text,
    wordCount,
    // A teaser: the page says the article is much longer than what it shows, or locks it.
    partial: meta.paywalled || (meta.declaredWords !== null && wordCount < meta.declaredWords * 0.6),
  };
  return { kind: 'article', article };
}

/** "Ann Lee", "Ann Lee and Bo Chan", "Ann Lee, Bo Chan and Cy Diaz". */
export function joinAuthors(names: string[]): string | null {
  const unique = [...new Set(names.map((n) => n.replace(/^by\s+/i, '').replace(/\s+/g, ' ').trim()).filter(Boolean))];
  if (unique.length === 0) return null;
  if (unique.length === 1) return unique[0]!;
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}
