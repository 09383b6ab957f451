/** URL normalisation: the many addresses of one article reduced to one key. */

// Parameters that track the visit, not the page.
const TRACKING = new RegExp(
  `^(?:${[
    ...['utm_\\w+', 'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'yclid', 'ocid'],
    ...['ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'cmp', 'smid', 'smtyp', 'ito', 'icid', 'ncid', 'sr_share', 'partner'],
    ...['taid', 'guccounter', 'guce_referrer\\w*', '_ga', '_gl', 'outputtype', 'output', 'amp', '__twitter_impression', 's_cid'],
    ...['rss', 'at_\\w+', 'intcmp', 'fb_action_ids', 'fb_action_types', 'fb_ref', 'fb_source', '_hsenc', '_hsmi', 'mkt_tok'],
    ...['oly_anon_id', 'oly_enc_id', 'vero_id', 'wt\\.mc_id', 'ns_\\w+', 'xtor', 'pk_\\w+', 'mtm_\\w+', 'ftag', 'emc', 'share'],
  ].join('|')})$`,
  'i',
);
// Host prefixes that serve the same article on another front: mobile and AMP editions.
const EDITION_HOST = /^(?:www\d?|m|mobile|amp|amp-\w+)\./i;

/**
 * A comparison key for an article URL: no scheme, `www.`/`m.`/`mobile.`/`amp.` hosts folded,
 * AMP paths (`/amp`, `/amp/`, `.amp`, `?outputType=amp`) folded, `index.html`, fragment,
 * tracking parameters and trailing slash dropped, remaining parameters sorted.
 * Returns null for anything that is not an http(s) URL.
 */
export function normalizeUrl(input: string | null | undefined): string | null {
  if (!input) return null;
  const url = unwrapAmpCache(input.trim());
  // Most addresses (every source of a store, when its index is built) are plain: a lower-case
  // host and a path of ordinary segments. The URL parser would change nothing in them, and
  // parsing 80k of them was a tenth of a 10k-story build. A unit test holds both roads to the
  // same keys.
  const plain = PLAIN.exec(url);
  return plain ? foldHost(plain[1]!) + foldPath(plain[2] || '/') : parsedKey(url);
}

/** `normalizeUrl` through the URL parser, for any address (exported for the test that holds the shortcut to it). */
export function parsedKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = foldHost(u.hostname.toLowerCase().replace(/\.$/, ''));
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  const path = foldPath(decodeSafe(u.pathname));
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${path}${query}`;
}

/**
 * An http(s) URL the parser leaves as it is: a lower-case host whose last label starts with a
 * letter (not an IP address), and a path of segments made of letters, digits, `-`, `_`, `~`
 * and inner dots (no `.`/`..` segment, no `//`, no escapes), with no port, query or fragment.
 * Punycode hosts (`xn--`) take the parser's road, which checks them.
 */
const PLAIN = /^https?:\/\/(?!.*xn--)((?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*)((?:\/[A-Za-z0-9_~-]+(?:\.[A-Za-z0-9_~-]+)*)*\/?)$/;

/** The host without its edition prefixes (`www.`, `m.`, `amp.`). */
export function foldHost(host: string): string {
  // (Only while the host keeps two labels after it: `www.com` stays.)
  while (EDITION_HOST.test(host) && host.indexOf('.') !== host.lastIndexOf('.')) host = host.replace(EDITION_HOST, '');
  return host;
}

/** The path without `index.html`, session ids, AMP variants, doubled and trailing slashes. */
function foldPath(path: string): string {
  return path
    .replace(/\/(?:index|default)\.(?:html?|php|aspx?)$/i, '/')
    .replace(/;jsessionid=[^/]*$/i, '')
    .replace(/\.amp(?=\.html?$)/i, '')
    .replace(/(?:\/amp|\.amp)(?=\/?$)/i, '')
    .replace(/^\/amp\//i, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
}

/** The AMP cache: its subdomain spells the publisher's host ("www-example-com"), then `/c/`, `/v/`, `/i/`… and `s/` for https. */
const AMP_CACHE = /^https?:\/\/([a-z0-9-]+)\.cdn\.ampproject\.org\/(?:[a-z]\/)+(s\/)?(([^/?#]+)(?:[/?#].*)?)$/i;
/** Google's AMP viewer, on Google's own hosts only: google.com, google.de, google.co.uk, google.com.au. */
const GOOGLE_AMP = /^https?:\/\/(?:www\.)?google\.(?:com|co\.[a-z]{2}|com\.[a-z]{2}|[a-z]{2})\/amp\/(s\/)?(.+)$/i;

/** The cache's subdomain for a host: each "-" doubled, each "." a "-" (an IDN or a host too long for one label is not unwrapped). */
const cacheLabel = (host: string) => host.toLowerCase().replace(/-/g, '--').replace(/\./g, '-');

/**
 * The publisher's URL inside an AMP cache or viewer address:
 * `https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a` and
 * `https://www.google.com/amp/s/www.example.com/a` both stand for `https://www.example.com/a`.
 * Only Google's own hosts, and a cache subdomain that spells the host it names: a page at
 * `google.shop.example/amp/s/fortune.com/…` is the shop's, not "source [2], Fortune".
 */
function unwrapAmpCache(url: string): string {
  const viewer = GOOGLE_AMP.exec(url);
  if (viewer) return `${viewer[1] ? 'https' : 'http'}://${viewer[2]}`;
  const cache = AMP_CACHE.exec(url);
  return cache && cacheLabel(cache[4]!) === cache[1]!.toLowerCase() ? `${cache[2] ? 'https' : 'http'}://${cache[3]}` : url;
}

function decodeSafe(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * Whether two addresses are the same page: for http(s), the same once normalised (`normalizeUrl`:
 * fragment, tracking parameters, `www.`/`m.` and AMP editions aside); for any other address
 * (`file:`, `about:`…), the same address but for its fragment. An address that is missing or
 * does not parse is no page, the same as none: two `file:` pages both normalised to null, and
 * the reader's word on one was taken for the other.
 */
export function samePage(a: string | null | undefined, b: string | null | undefined): boolean {
  const keyA = normalizeUrl(a);
  const keyB = normalizeUrl(b);
  if (keyA !== null || keyB !== null) return keyA === keyB;
  return onlyFragmentDiffers(a, b);
}

/**
 * Whether two addresses are one, but for their fragment: a jump within a page (an in-page link,
 * `#comments`), which is no other page. Null, missing or unparsable addresses are none.
 */
export function onlyFragmentDiffers(a: string | null | undefined, b: string | null | undefined): boolean {
  const rawA = withoutFragment(a);
  return rawA !== null && rawA === withoutFragment(b);
}

function withoutFragment(input: string | null | undefined): string | null {
  if (!input?.trim()) return null;
  try {
    const url = new URL(input.trim());
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** The registrable-ish host of a URL without edition prefixes (`www.`, `m.`), or null. */
export function hostOf(input: string | null | undefined): string | null {
  const key = normalizeUrl(input);
  return key ? key.split(/[/:?]/)[0]! : null;
}

/**
 * The address a page may be known by: its canonical URL when that is on the page's own site
 * (the same host once `www.`/`m.`/`mobile.`/`amp.` are folded), else the page's own URL. A page
 * names its canonical URL itself, so any site could claim to be any article: an unrelated page
 * declaring Fortune's article as canonical would be "source [2], Fortune" at full confidence, and
 * the reader's corrections would be kept under Fortune's address. A syndicated copy on another
 * site is matched by its text instead.
 */
export function ownCanonical(page: { url?: string | null; canonicalUrl?: string | null }): string | null {
  const own = page.url ?? null;
  const site = hostOf(own);
  return site && page.canonicalUrl && hostOf(page.canonicalUrl) === site ? page.canonicalUrl : own;
}
