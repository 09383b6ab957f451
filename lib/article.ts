/** What extraction gives the rest of the extension: plain data, safe to post between contexts. */

export interface Article {
  /** The page's own URL (after any pushState). */
  url: string;
  /** `link[rel=canonical]`, then `og:url`, resolved against `url`; `url` otherwise. */
  canonicalUrl: string;
  /** The headline as the page prints it (else as it declares it), without the site name. */
  title: string;
  /**
   * The headline the page declares (JSON-LD, `og:title`, …) when it differs from `title`: a
   * social or search title, which the outlet may also have used elsewhere.
   */
  declaredTitle?: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 in UTC, or a bare `YYYY-MM-DD` when the page gives only a date. */
  publishedTime: string | null;
  modifiedTime: string | null;
  /** Primary language subtag, lower case (`en`), or null when the page does not say. */
  lang: string | null;
  excerpt: string | null;
  section: string | null;
  keywords: string[];
  /** The article's text, paragraphs separated by a blank line. */
  text: string;
  wordCount: number;
  /** True when the page itself declares a much longer (or paywalled) article than it shows. */
  partial: boolean;
}

export type NotArticleReason = 'not-html' | 'too-large' | 'not-readerable' | 'no-content' | 'browser-page' | 'never-site';

/** The answer of one extraction: an article, or a plain reason why the page is not one. */
export type Extraction =
  { kind: 'article'; article: Article } | { kind: 'not-article'; reason: NotArticleReason; url: string; title: string };
