/** URL normalisation: the many addresses of one article reduced to one key. */

// Parameters that track the visit, not the page.
const TRACKING = /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|ref_url|referrer|cmpid|cmp|smid|smtyp|ito|icid|ncid|sr_share|partner|taid|guccounter|guce_referrer\w*|_ga|_gl|yclid|ocid|outputtype|amp|__twitter_impression|s_cid|rss|at_medium|at_campaign|intcmp)$/i;
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
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  let host = u.hostname.toLowerCase().replace(/\.$/, '');
  while (EDITION_HOST.test(host) && host.split('.').length > 2) host = host.replace(EDITION_HOST, '');
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';

  let path = decodeSafe(u.pathname)
    .replace(/\/(?:index|default)\.(?:html?|php|aspx?)$/i, '/')
    .replace(/(?:\/amp|\.amp)(?=\/?$)/i, '')
    .replace(/^\/amp\//i, '/')
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');

  const params = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${path}${query}`;
}

function decodeSafe(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** The registrable-ish host of a URL without edition prefixes (`www.`, `m.`), or null. */
export function hostOf(input: string | null | undefined): string | null {
  const key = normalizeUrl(input);
  return key ? key.split(/[/:?]/)[0]! : null;
}
