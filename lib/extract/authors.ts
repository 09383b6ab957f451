/** Who wrote the article, from every source a page names its authors in, in precedence order. */
import { cleanByline, findPrintedByline } from './byline.ts';
import { metaAll, metaFirst, type MetaTags } from './meta-tags.ts';
import { fold, squash } from './normalize.ts';

// (A space-separated list: shorter in the injected script than an array of string literals.)
// `citation_author` is Google Scholar's: every preprint server and journal writes one per author
// (mercury-fixtures biorxiv.org, whose printed byline splits each name into two spans).
const AUTHOR_META =
  'dc:creator dcterm:creator dcterms:creator article:author author parsely-author sailthru:author byl citation_author'.split(' ');
const COMPANY = /\b(?:inc|ltd|llc|corp|gmbh)\b\.?$|株式会社/i;
// Profile links, absolute or site-relative (mercury-fixtures medium.com "/@timoreilly").
const isUrl = (s: string) => /^(?:https?:|\/)/.test(s);

/**
 * The author names: JSON-LD's (`ldNames`, read once by readMetadata), then meta tags (several
 * tags are several authors), then the printed byline — a "By" line or writer link after
 * `heading`, `rel=author`, `itemprop=author` or a byline class nearest it (see
 * findPrintedByline) — then a Twitter card's "Written by".
 */
export function readAuthors(
  doc: Document,
  tags: MetaTags,
  ldNames: string[],
  siteName: string,
  host: string,
  heading: Element | null,
): string[] {
  // `ldNames` holds only what cleans to a name (readMetadata drops placeholders and buttons):
  // when JSON-LD names no one, the next source speaks.
  let authors = ldNames;
  // A tag holding only profile URLs (`article:author`) or the site or its company
  // (mercury-fixtures abcnews.go.com `author` "ABC News", www.gizmodo.jp "mediagene Inc.") or a
  // login (www.al.com `sailthru.author` "mikecason") names no author: the next tag is read
  // (observer.com: `sailthru:author`).
  // The site's name, however it is dressed, is no writer's: a printed "《ScanNetSecurity》" neither
  // (mercury-fixtures scan.netsecurity.ne.jp).
  // A one-word author that is a label of the site's address is the brand too (weekly.ascii.jp's
  // `author` "ASCII"); not a two-word one, which on a personal site is the writer (Paul Graham).
  const site = fold(siteName);
  const labels = host.split('.').slice(0, -1);
  const isSite = (a: string) => fold(a) === site || (!/\s/.test(a.trim()) && labels.includes(fold(a)));
  if (!authors.length) {
    authors =
      AUTHOR_META.map((key) =>
        (tags.get(key) ?? []).filter((a) => !isUrl(a) && !isSite(a) && !COMPANY.test(a) && !/^[a-z\d_.]+$/.test(a) && cleanByline(a)),
      ).find((names) => names.length) ?? [];
  }
  if (!authors.length) authors = findPrintedByline(doc, heading).filter((a) => !isSite(a));
  // Last, a Twitter card's "Written by" pair as WordPress's Yoast SEO writes it (mercury-fixtures
  // www.linkedin.com). It names the account that posted, which on a magazine may be an editor
  // and not the printed author (www.prospectmagazine.co.uk), hence after the printed byline.
  if (!authors.length)
    authors = metaAll(tags, `twitter:data${[1, 2].find((i) => /^written by$/i.test(metaFirst(tags, `twitter:label${i}`) ?? ''))}`);
  // One name written "Last, First", as Dublin Core files creators (mercury-fixtures
  // www.thepennyhoarder.com: `dcterms.creator` "Gillman, Steve"), is said "First Last" — if the
  // page prints it so: "Goodman, MA" or "Lee, AP" are a name and a degree or an agency.
  const [one, more] = authors;
  const turned = !more && one?.replace(/^([^,]+), ([^,]+)$/, '$2 $1');
  if (turned && turned !== one && findPrintedByline(doc, heading).some((n) => squash(n).toLowerCase() === turned.toLowerCase()))
    authors = [turned];
  return authors;
}
