/**
 * Article extraction: a fast gate, then the page's own metadata, read from the page, and
 * Readability on a clone of it. Takes a Document so it runs the same in a tab and in Node (linkedom).
 */
import { Readability } from '@mozilla/readability';
import type { Article, Extraction } from '../article.ts';
import { cleanByline, joinAuthors } from './byline.ts';
import { dropHeadMetadata, isHeadStale } from './freshness.ts';
import { gate, isDense, MAX_ELEMENTS } from './gate.ts';
import { tooMuchText } from './limits.ts';
import { ldRoots } from './jsonld.ts';
import { readMetadata, type PageMetadata } from './metadata.ts';
import { dropFurniture } from './furniture.ts';
import { dropRepeatedCaptions } from './repeats.ts';
import { dropSlideshowControls } from './slideshow.ts';
import { fold, normalizeLang } from './normalize.ts';
import { blockText, countWords, MIN_ARTICLE_WORDS } from './text.ts';
import { withLedeBox } from './lede-box.ts';

export { gate, MAX_ELEMENTS };
export { joinAuthors };

export interface ExtractOptions {
  maxElements?: number;
  /**
   * The URL the document was loaded from, when the page may have moved since (`history.pushState`);
   * a function is asked only past the gate, which answers without it.
   */
  loadedUrl?: string | null | (() => string | null | undefined);
}

// A teaser shows well under the length the page declares for its article.
const TEASER_SHARE = 0.6;
// A locked article without a declared length: this little text is the teaser, not the article.
const TEASER_WORDS = 250;

/** True when what was extracted is a teaser of a longer or locked article the page declares. */
function isPartial(meta: PageMetadata, doc: Document, words: number): boolean {
  if (meta.declaredWords !== null && words < meta.declaredWords * TEASER_SHARE) return true;
  if (!meta.locked) return false;
  // A subscriber's page keeps the locked part in the document: then the article is all there.
  const lockedPart = meta.lockedSelector ? safeQuery(doc, meta.lockedSelector) : null;
  if (lockedPart) return countWords(lockedPart.map((e) => e.textContent ?? '').join(' ')) < TEASER_WORDS / 2;
  return words < TEASER_WORDS;
}

/** The elements of a selector the page wrote itself, or null when it is not valid CSS. */
function safeQuery(doc: Document, selector: string): Element[] | null {
  try {
    return Array.from(doc.querySelectorAll(selector));
  } catch {
    return null;
  }
}

// Readability retries its search, and at last keeps the longest text it found, while the article
// it settled on is under 500 characters: a measure for alphabets. Chinese, Japanese and Korean say
// as much in well under half the characters, so a short news item lost to the site's footer
// (mercury-fixtures japan.zdnet.com: a 290-character article, 460 characters of English licence).
const DENSE_CHAR_THRESHOLD = 200;

/** Readability's options with those the build adds (build/mangle-readability.ts). */
type ReadabilityOptions = ConstructorParameters<typeof Readability<Node>>[1] & { textOnly: boolean; freshCopy: () => Document };

/**
 * A copy of the page, for Readability to take apart: without its head's metadata when that
 * describes an earlier page, and without its root's class and id. Readability removes any element
 * whose class or id reads as a header, menu or footer, the root too (`<html class="header-spacing">`,
 * article-extraction-benchmark www.chron.com), and then reads the whole body, navigation and all.
 */
function copyOf(doc: Document, stale: boolean): Document {
  const copy = doc.cloneNode(true) as Document;
  if (stale) dropHeadMetadata(copy);
  copy.documentElement.removeAttribute('class');
  copy.documentElement.removeAttribute('id');
  return copy;
}

/** `copy` with a tag naming the authors JSON-LD names, when it names them (`authors` not null). */
function withAuthors(copy: Document, authors: string | null): Document {
  if (authors !== null) {
    const tag = copy.createElement('meta');
    tag.setAttribute('name', 'author');
    tag.setAttribute('content', authors);
    (copy.head ?? copy.documentElement).append(tag);
  }
  return copy;
}

/** Extracts the article of `doc` (never modifying it) or says why the page is not one. */
export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): Extraction {
  const title = (doc.title ?? '').trim();
  // The page's JSON-LD, parsed once for the gate and the metadata (the clone's is the same text).
  let roots: unknown[] | undefined;
  const ld = () => (roots ??= ldRoots(doc));
  const reason = gate(doc, url, options.maxElements, ld) ?? (tooMuchText(doc) ? 'too-large' : null);
  if (reason) return { kind: 'not-article', reason, url, title };

  const { loadedUrl } = options;
  const stale = isHeadStale(doc, url, typeof loadedUrl === 'function' ? loadedUrl() : loadedUrl);
  // The metadata is read from the page itself, which it only reads, unless its head must go: the
  // page's tree is the one the reader's browser has already walked, the copy a new document
  // every query starts cold on (on a first click, measured: docs/extraction.md).
  const staleCopy = stale ? copyOf(doc, true) : null;
  const meta = staleCopy ? readMetadata(staleCopy, url, []) : readMetadata(doc, url, ld());
  // Readability is not given the page's JSON-LD: it is read once, above. When JSON-LD names
  // the authors, Readability reading it would know its byline and not hunt the page for one, a
  // hunt that reads the text of every element it passes and cuts the line it settles on from
  // the article. A tag tells it the names instead, as bare Readability has them.
  const authors = meta.authorsInJsonLd ? meta.authors.join(', ') : null;
  const copy = () => withAuthors(copyOf(doc, stale), authors);
  const readability: ReadabilityOptions = {
    serializer: (el) => el,
    disableJSONLD: true,
    ...(isDense(doc) ? { charThreshold: DENSE_CHAR_THRESHOLD } : {}),
    // Only the article's text is read (blockText): the classes Readability would strip from it
    // change none of it, and stripping them is a walk over the article on the reader's click;
    // the same for the rest of its markup-only steps (build/mangle-readability.ts textOnly).
    keepClasses: true,
    textOnly: true,
    // Asked again only if a pass is retried, so the page is not copied twice up front.
    freshCopy: copy,
  };
  const parsed = new Readability<Node>(staleCopy ? withAuthors(staleCopy, authors) : copy(), readability).parse();
  if (parsed?.content) {
    dropFurniture(parsed.content as Element, url);
    dropRepeatedCaptions(parsed.content as Element);
    dropSlideshowControls(parsed.content as Element);
  }
  const text = parsed?.content ? withLedeBox(parsed.content as Element, doc, blockText(parsed.content)) : '';
  const wordCount = countWords(text);
  if (!parsed || wordCount < MIN_ARTICLE_WORDS) return { kind: 'not-article', reason: 'no-content', url, title };

  const article: Article = {
    url,
    canonicalUrl: meta.canonicalUrl ?? url,
    title: meta.title || parsed.title?.trim() || title,
    ...(meta.declaredTitle && fold(meta.declaredTitle) !== fold(meta.title) ? { declaredTitle: meta.declaredTitle } : {}),
    byline: joinAuthors(meta.authors.length ? meta.authors : [cleanByline(parsed.byline)]),
    siteName: meta.siteName,
    publishedTime: meta.publishedTime,
    modifiedTime: meta.modifiedTime,
    lang: meta.lang ?? normalizeLang(parsed.lang),
    excerpt: meta.description ?? parsed.excerpt?.trim() ?? null,
    section: meta.section,
    keywords: meta.keywords,
    text,
    wordCount,
    // The locked part is looked up in the page itself: Readability has taken the clone apart.
    partial: isPartial(meta, doc, wordCount),
  };
  return { kind: 'article', article };
}
