/** The article's metadata from what the page declares: JSON-LD, Open Graph, meta tags, markup. */
import { findJsonLdArticle, ldAuthors, ldText, type JsonObject } from './jsonld.ts';
import { normalizeLang, normalizeTime } from './normalize.ts';

export interface PageMetadata {
  title: string | null;
  authors: string[];
  siteName: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  description: string | null;
  section: string | null;
  keywords: string[];
  canonicalUrl: string | null;
  /** What the page says about its full length, for spotting teasers and paywalls. */
  declaredWords: number | null;
  paywalled: boolean;
}

/** The content of the first `<meta>` whose property, name or itemprop is one of `keys`. */
function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}" i]`);
      const v = el?.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return null;
}

function metaAll(doc: Document, key: string): string[] {
  return Array.from(doc.querySelectorAll(`meta[property="${key}" i], meta[name="${key}" i]`))
    .map((el) => el.getAttribute('content')?.trim() ?? '')
    .filter(Boolean);
}

function resolve(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function splitKeywords(v: unknown): string[] {
  const raw = Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(',') : typeof v === 'string' ? v : '';
  return [...new Set(raw.split(/[,;]/).map((k) => k.trim()).filter((k) => k && k.length < 80))];
}

const first = <T>(...xs: (T | null | undefined)[]): T | null => xs.find((x) => x != null && x !== '') ?? null;

// Dates that sites put in meta tags under names other than Open Graph's.
const PUBLISHED_META = ['article:published_time', 'datePublished', 'og:published_time', 'published_time', 'pubdate',
  'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date',
  'parsely-pub-date', 'article.published', 'og:article:published_time', 'dateCreated'];
const MODIFIED_META = ['article:modified_time', 'dateModified', 'og:updated_time', 'last-modified', 'dcterms.modified'];

/** Reads every metadata source of `doc` and applies the precedence documented per field. */
export function readMetadata(doc: Document, pageUrl: string): PageMetadata {
  const ld: JsonObject = findJsonLdArticle(doc) ?? {};
  const publisher = ld.publisher as unknown;

  const ldAuthorNames = ldAuthors(ld.author ?? ld.creator);
  const metaAuthor = meta(doc, 'author', 'article:author', 'sailthru.author', 'parsely-author', 'dc.creator', 'byl');
  const relAuthors = Array.from(doc.querySelectorAll('a[rel~="author" i], [itemprop="author"] [itemprop="name"]'))
    .map((a) => a.textContent?.trim() ?? '')
    .filter((n) => n && n.length < 80);
  const authors = ldAuthorNames.length ? ldAuthorNames
    : metaAuthor && !/^https?:\/\//.test(metaAuthor) ? [metaAuthor]
    : [...new Set(relAuthors)];

  const timeEl = doc.querySelector('time[datetime][pubdate], article time[datetime], time[datetime]');
  const published = first(ldText(ld.datePublished), meta(doc, ...PUBLISHED_META), timeEl?.getAttribute('datetime'));
  const modified = first(ldText(ld.dateModified), meta(doc, ...MODIFIED_META));

  const httpLang = doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content');
  const lang = first(doc.documentElement?.getAttribute('lang'), ldText(ld.inLanguage), meta(doc, 'og:locale'), httpLang);

  const words = Number(ld.wordCount);
  const free = ld.isAccessibleForFree;

  return {
    title: first(ldText(ld.headline), meta(doc, 'og:title', 'twitter:title')),
    authors,
    siteName: first(meta(doc, 'og:site_name', 'application-name'), ldText(publisher)),
    publishedTime: normalizeTime(published),
    modifiedTime: normalizeTime(modified),
    lang: normalizeLang(lang),
    description: first(ldText(ld.description), meta(doc, 'og:description', 'description', 'twitter:description')),
    section: first(ldText(ld.articleSection), meta(doc, 'article:section', 'section')),
    keywords: splitKeywords(ld.keywords ?? (metaAll(doc, 'article:tag').join(',') || meta(doc, 'keywords', 'news_keywords'))),
    canonicalUrl: first(
      resolve(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), pageUrl),
      resolve(meta(doc, 'og:url'), pageUrl),
    ),
    declaredWords: Number.isFinite(words) && words > 0 ? words : null,
    paywalled: free === false || free === 'False' || free === 'false',
  };
}
