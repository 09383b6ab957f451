/**
 * Single-page sites: after `history.pushState` the body shows the new article, but many leave
 * the first article's `<head>` (canonical, `og:*`, JSON-LD) in place. Reading it would give the
 * old title, byline, date and — worst — a canonical URL that proves a match to the wrong story.
 */
import { LD_SCRIPT } from './jsonld.ts';
import { CANONICAL } from './meta-tags.ts';
import { titleSimilarity } from './title.ts';

/**
 * One page's address, for comparing: no scheme, `www.`, fragment, trailing slash or tracking
 * parameters. (lib/url.ts does this thoroughly for matching; this is the few hundred bytes the
 * injected script can afford.)
 */
function pageKey(href: string | null | undefined, base?: string): string | null {
  try {
    const u = new URL(href ?? '', base);
    for (const k of [...u.searchParams.keys()]) if (/^(?:utm_|fbclid$|gclid$|ref$)/.test(k)) u.searchParams.delete(k);
    u.searchParams.sort();
    return href ? u.host.replace(/^www\./, '') + u.pathname.replace(/\/$/, '') + u.search : null;
  } catch {
    return null;
  }
}

/**
 * True when the page moved from `loadedUrl` to `url` without loading a document and its head
 * still describes another page: a declared URL (canonical, `og:url`) that is not the current
 * one, or, when none is declared, an `og:title` that names neither a visible `<h1>` nor `<title>`.
 */
export function isHeadStale(doc: Document, url: string, loadedUrl: string | null | undefined): boolean {
  // Most pages are where they were loaded: no addresses to take apart.
  if (!loadedUrl || loadedUrl === url || !doc.head) return false;
  const here = pageKey(url);
  if (!here || pageKey(loadedUrl) === here) return false;
  const declared = [
    doc.head.querySelector(CANONICAL)?.getAttribute('href'),
    doc.head.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  ]
    .map((u) => pageKey(u, url))
    .filter(Boolean);
  if (declared.length) return declared.some((u) => u !== here);
  const ogTitle = doc.head.querySelector('meta[property="og:title" i]')?.getAttribute('content');
  if (!ogTitle) return false;
  const shown = [doc.title, ...Array.from(doc.getElementsByTagName('h1'), (h) => h.textContent ?? '')];
  return !shown.some((t) => titleSimilarity(t, ogTitle) >= 0.5);
}

/** Removes what a stale head declares (meta tags, canonical, JSON-LD), leaving `<title>` and the body. */
export function dropHeadMetadata(doc: Document): void {
  for (const el of Array.from(doc.head?.querySelectorAll(`meta[property],meta[name],meta[itemprop],${CANONICAL},${LD_SCRIPT}`) ?? [])) {
    el.remove();
  }
}
