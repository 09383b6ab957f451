/** The article's metadata from what the page declares: JSON-LD, Open Graph, meta tags, markup. */
import { readAuthors } from './authors.ts';
import { cleanByline } from './byline.ts';
import { americanPage, findDateline } from './dateline.ts';
import { deref, ldAuthors, ldText, readJsonLd, type JsonObject } from './jsonld.ts';
import { CANONICAL, metaAll, metaFirst, readMetaTags } from './meta-tags.ts';
import { fold, normalizeLang, normalizeTime, squash } from './normalize.ts';
import { printedHeadlines } from './headline.ts';
import { chooseTitle, namesSite, tidyTitle, titleSimilarity } from './title.ts';

export interface PageMetadata {
  title: string;
  /** The first title the page declares (JSON-LD, `og:title`, …), without the site name; null when it declares none. */
  declaredTitle: string | null;
  /** Author names in precedence order of their source; empty when the page names none. */
  authors: string[];
  /** The page's JSON-LD names the article's authors (they come first in `authors`). */
  authorsInJsonLd: boolean;
  siteName: string;
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  description: string | null;
  section: string | null;
  keywords: string[];
  canonicalUrl: string | null;
  /** What the page says about its full length, for spotting teasers and paywalls. */
  declaredWords: number | null;
  /** The page declares the article locked; the selector of the locked part when it names one. */
  locked: boolean;
  lockedSelector: string | null;
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
  return [
    ...new Set(
      raw
        .split(/[,;]/)
        .map((k) => k.trim())
        .filter((k) => k && k.length < 80),
    ),
  ];
}

const first = <T>(...xs: (T | null | undefined)[]): T | null => xs.find((x) => x != null && x !== '') ?? null;
/**
 * The first time the sources give, each read only if the ones before it gave nothing: the later
 * ones query the whole page. A bare date gives way to a later source's time on that day
 * (mercury-fixtures www.npr.org: `<meta name=date>` has the day, the `<time>` the minute);
 * a day in any zone spans UTC midnight -14 h to +38 h.
 */
const firstTime = (...sources: (() => string | null | undefined)[]): string | null => {
  let day: string | null = null;
  for (const source of sources) {
    const t = normalizeTime(source());
    if (!t) continue;
    if (!day && t.length > 10) return t;
    day ??= t;
    const d = Date.parse(t) - Date.parse(day);
    if (t.length > 10 && d > -5e7 && d < 1.4e8) return t;
  }
  return day;
};
const text = (el: Element) => squash(el.textContent ?? '');

// Dates sites put in meta tags under names other than Open Graph's, most specific first.
// (A space-separated list: shorter in the injected script than an array of string literals.)
const PUBLISHED_META =
  'parsely-pub-date sailthru:date article:published publishdate publish-date pubdate published_time dc:date:issued dcterms:issued dcterms:created dc:date date datecreated'.split(
    ' ',
  );
const FALSE = new Set([false, 'false', 'False']);
// A date as a path segment or the start of one: "/2015/03/18/", "/2016-12-07/", "/20190302-slug".
const URL_DATE = /\/((?:19|20)\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/;

const UTC_LABEL = /(?:Z|[+-]00:?00)$/;

/**
 * True when the text around `heading` (its box, a few levels up) prints the local clock reading
 * of the ISO time `value` ("2022-10-11T15:11:05-04:00" → "15:11", or "3:11 pm").
 */
function printsClock(heading: Element, value: string): boolean {
  const m = /T(\d\d):(\d\d)/.exec(value ?? '');
  if (!m) return false;
  let box: Element = heading;
  for (let i = 0; i < 4 && box.parentElement; i++) box = box.parentElement;
  // No look-behind for digits: textContent glues elements ("October 11, 202215:11").
  return new RegExp(`(?<!:)${m[1]}:${m[2]}(?!\\d)|(?<!\\d)${Number(m[1]) % 12 || 12}:${m[2]}\\s*[ap]\\.?m`, 'i').test(
    box.textContent ?? '',
  );
}

/** The first element of `selector` after `anchor` in document order, else the first on the page. */
function firstAfter(doc: Document, selector: string, anchor: Element | null): Element | null {
  let seen = !anchor;
  let head: Element | null = null;
  for (const el of Array.from(doc.querySelectorAll(`h1,${selector}`))) {
    if (el === anchor) seen = true;
    if (!el.matches(selector)) continue;
    if (seen) return el;
    head ??= el;
  }
  return head;
}

// What a site adds to its name in og:site_name: a tagline after a separator, a company's legal
// form, its domain ("Spiceworks Inc", "Libération.fr", "Aktuálně.cz - Víte, co se právě děje").
const NAME_SEPARATOR = /\s+(?:[|\-–—·•:]|::)\s+/;
const NAME_TAIL = /^(?:\s+(?:[|\-–—·•:]|::)\s.*|,?\s+(?:inc|llc|ltd|gmbh|plc|corp)\.?|\.[a-z]{2,6})$/i;

/**
 * The outlet's name as a reader names it, from `og:site_name`: the JSON-LD publisher's name
 * when og:site_name is it plus a tagline, legal form or domain (readability-test-pages aktualne,
 * spiceworks, videos-2: the name Readability gives); else, of a name and a tagline, the part
 * that names the site's address, else the first ("Raw Story - Celebrating 18 Years of
 * Independent Journalism", "電子書籍 | BOOK☆WALKER" on bookwalker.jp in mercury-fixtures).
 */
function outletName(og: string, publisher: string | null, host: string): string {
  if (publisher && og.startsWith(publisher) && NAME_TAIL.test(og.slice(publisher.length))) return publisher;
  const parts = og.split(NAME_SEPARATOR);
  return parts.find((p) => namesSite(p, null, host)) ?? parts[0]!;
}

/** The first `<h3>`–`<h6>` whose text is `title`, or null. */
function lowerHeading(doc: Document, title: string): Element | null {
  const key = fold(title);
  return key ? (Array.from(doc.querySelectorAll('h3,h4,h5,h6')).find((el) => fold(tidyTitle(el.textContent ?? '')) === key) ?? null) : null;
}

/**
 * Reads every metadata source of `doc` and applies the precedence documented per field; `roots`
 * are the page's parsed JSON-LD scripts when the caller has read them already (ldRoots).
 */
export function readMetadata(doc: Document, pageUrl: string, roots?: unknown[]): PageMetadata {
  const tags = readMetaTags(doc);
  const jsonLd = readJsonLd(doc, pageUrl, roots);
  const ld: JsonObject = jsonLd.article ?? {};
  const host = (() => {
    try {
      return new URL(pageUrl).hostname;
    } catch {
      return '';
    }
  })();
  const ogSite = metaFirst(tags, 'og:site_name');
  const publisher = ldText(deref(jsonLd, ld.publisher));
  // The name as declared, tagline and all, for telling the site's name apart in titles and bylines.
  const siteName = first(ogSite, publisher) ?? host.replace(/^www\./, '');
  const docTitle = doc.title ?? '';

  // JSON-LD `name` and `headline` usually agree; when they don't, the one that matches <title>
  // is the headline (readability-test-pages wikipedia-4: headline "Wikimedia list article").
  const [headline, name] = [ldText(ld.headline), ldText(ld.name)];
  const ldTitle = headline && name && titleSimilarity(name, docTitle) > titleSimilarity(headline, docTitle) ? name : (headline ?? name);
  const printed = printedHeadlines(doc, siteName, host);
  let subheads: Element[] | undefined;
  const chosen = chooseTitle({
    // Dublin Core before Open Graph, as Readability reads it (readability-test-pages 003-metadata-preferred).
    declared: [
      ldTitle,
      metaFirst(tags, 'dc:title', 'dcterm:title', 'dcterms:title', 'og:title', 'twitter:title', 'parsely-title', 'title'),
    ],
    printed: printed.heads.map(text),
    subheads: () => (subheads ??= printed.subheads()).map(text),
    docTitle,
    siteName,
    host,
  });
  const { title } = chosen;
  // Where the printed byline and dateline are looked for: the printed headline that is the title,
  // else the first <h1> (mercury-fixtures www.bustle.com: an og:title written for search).
  const n = printed.heads.length;
  const mainH1 = (chosen.shown < n ? printed.heads[chosen.shown] : subheads?.[chosen.shown - n]) ?? null;
  const firstH1 = doc.getElementsByTagName('h1')[0] ?? null;
  // A title no <h1> or <h2> prints may be printed by a lower heading: blog templates give the
  // <h1> to the blog's name and an entry's title an <h3>, its date and author beside it
  // (mercury-fixtures phpspot.org; Movable Type's and Blogger's classic templates). Only one
  // whose text is the title itself, looked for only when no printed headline is.
  const heading = mainH1 ?? lowerHeading(doc, title) ?? firstH1;

  // JSON-LD `creator` is not read: sites put the uploader there (readability-test-pages wikia).
  const ldNames = ldAuthors(jsonLd, ld.author).filter((a) => cleanByline(a));
  const authors = readAuthors(doc, tags, ldNames, siteName, host, heading);

  // XHTML pages say it in `xml:lang` (mercury-fixtures www.msn.com).
  const root = doc.documentElement;
  const declaredLang = first(
    root?.getAttribute('lang'),
    root?.getAttribute('xml:lang'),
    ldText(ld.inLanguage),
    metaFirst(tags, 'og:locale', 'content-language', 'language', 'dc:language'),
  );
  const language = normalizeLang(declaredLang);
  const canonical = doc.querySelector(CANONICAL)?.getAttribute('href');
  const canonicalUrl = first(resolve(canonical, pageUrl), resolve(metaFirst(tags, 'og:url'), pageUrl));
  const itemDate = (prop: string) => {
    const el = doc.querySelector(`[itemprop~="${prop}" i]:not(meta)`);
    return el?.getAttribute('datetime') ?? el?.getAttribute('content') ?? null;
  };
  const itemPublished = metaFirst(tags, 'datepublished') ?? itemDate('datePublished');
  const declared = firstTime(
    () => ldText(ld.datePublished),
    () => {
      // Some CMSs write local time and call it UTC (mercury-fixtures www.gizmodo.jp:
      // "2019-04-19T20:00:00.000Z", its <time> "2019-04-19T20:00:00+09:00"): the same clock
      // reading after the headline with its own offset tells the instant.
      const v = metaFirst(tags, 'article:published_time', 'og:article:published_time', 'og:published_time');
      const stamp = v && UTC_LABEL.test(v) ? firstAfter(doc, '[datetime]', mainH1)?.getAttribute('datetime') : null;
      return stamp && !UTC_LABEL.test(stamp) && /[+-]\d\d:?\d\d$/.test(stamp) && stamp.slice(0, 16) === v!.slice(0, 16) ? stamp : v;
    },
    // schema.org microdata, a <meta> first: its content is the machine's value, where an
    // element's may be a later update (mercury-fixtures www.msnbc.com).
    () => itemPublished,
    () => metaFirst(tags, ...PUBLISHED_META),
    // The article's own stamp follows its headline; earlier ones belong to navigation or
    // tickers. Any element may carry `datetime` (GitHub's <relative-time>); a <time> may keep
    // its value in `data-published` instead (mercury-fixtures 247sports.com).
    () => {
      const stamp = firstAfter(doc, '[datetime],time[data-published]', mainH1);
      return stamp?.getAttribute('datetime') ?? stamp?.getAttribute('data-published');
    },
    // Near the headline, else near the first <h1> when the headline is an <h2> (mercury-fixtures
    // jvndb.jvn.jp prints the date by its <h1>, the vulnerability's name, and the id as an <h2>).
    () => {
      const american = americanPage(declaredLang, host);
      return (
        findDateline(heading, language, american) ?? (firstH1 && firstH1 !== heading ? findDateline(firstH1, language, american) : null)
      );
    },
    // Last, the day many sites file an article under in its address ("/2015/03/18/",
    // "/20190302-"): readability-test-pages wapo-2 states its date nowhere else.
    () => {
      const m = [canonicalUrl, pageUrl].map((u) => URL_DATE.exec((u ?? '').replace(/[?#].*/, ''))).find((x) => x);
      return m && `${m[1]}-${m[3]}-${m[4]}`;
    },
  );
  // Two declarations of one article's time that disagree: the one whose clock reading the page
  // prints by its headline is right (mercury-fixtures www.investmentexecutive.com: og 19:11-04:00,
  // microdata 15:11-04:00, and the page prints "15:11"; the og value is UTC labelled local).
  const other = normalizeTime(itemPublished);
  // Only between two values with one offset: a UTC value's clock is not the one a page prints.
  const said = ldText(ld.datePublished) ?? metaFirst(tags, 'article:published_time') ?? '';
  const offset = (v: string) => /(?:Z|[+-]\d\d:?\d\d)$/.exec(v)?.[0];
  const published =
    other &&
    declared &&
    declared.length > 10 &&
    other.length > 10 &&
    other !== declared &&
    heading &&
    offset(said) &&
    offset(said) === offset(itemPublished!) &&
    printsClock(heading, itemPublished!) &&
    !printsClock(heading, said)
      ? other
      : declared;
  const modified = firstTime(
    () => ldText(ld.dateModified),
    () => metaFirst(tags, 'article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms:modified'),
    () => itemDate('dateModified'),
  );

  const words = Number(ld.wordCount);
  const part = deref(jsonLd, ld.hasPart) as JsonObject | JsonObject[] | undefined;
  const parts = (Array.isArray(part) ? part : part ? [part] : []).filter((p) => p && FALSE.has(p.isAccessibleForFree as string));

  return {
    title,
    declaredTitle: chosen.declared,
    authors,
    authorsInJsonLd: ldNames.length > 0,
    siteName: ogSite ? outletName(ogSite, publisher, host) : siteName,
    publishedTime: published,
    modifiedTime: modified,
    lang: language,
    description: first(ldText(ld.description), metaFirst(tags, 'og:description', 'description', 'dc:description', 'twitter:description')),
    section: first(ldText(ld.articleSection), metaFirst(tags, 'article:section', 'section', 'parsely-section')),
    keywords: splitKeywords(ld.keywords ?? (metaAll(tags, 'article:tag').join(',') || metaFirst(tags, 'news_keywords', 'keywords'))),
    canonicalUrl,
    declaredWords: Number.isFinite(words) && words > 0 ? words : null,
    locked: FALSE.has(ld.isAccessibleForFree as string) || parts.length > 0 || metaFirst(tags, 'article:content_tier') === 'locked',
    lockedSelector: ldText(parts[0]?.cssSelector),
  };
}
