/**
 * Where a store may live: https anywhere, plain http only on this machine (a local test store).
 * The same rule serves the build (FACTLEN_STORE_URL), the options page and the sync.
 */

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);
/**
 * The longest store address, as entered and as its manifest's: the settings keep no longer one,
 * and a longer one was saved as "no choice", falling back to the build's store while the options
 * page said "Saved." (an adversarial audit, 2026-12-07).
 */
export const MAX_STORE_URL = 2000;

/** Host patterns a reader may grant at run time for a store they enter in the options page. */
// One pattern for every optional grant: a store the reader enters (https, or http on localhost)
// and the sites of automatic mode. Nothing of it is granted at install; each grant is asked for
// in a click, for exactly the origins needed.
export const OPTIONAL_HOST_PERMISSIONS = ['*://*/*'];

export type StoreUrlCheck =
  | { ok: true; manifestUrl: string; origin: string; originPattern: string }
  | { ok: false; reason: 'not-a-url' | 'not-https' | 'has-credentials' | 'has-query' | 'too-long' };

/**
 * Checks a store address and finds its manifest: an address ending in `.json` is the manifest
 * itself, any other is the store's folder (`…/store/` → `…/store/manifest.json`).
 */
export function checkStoreUrl(input: string): StoreUrlCheck {
  if (input.trim().length > MAX_STORE_URL) return { ok: false, reason: 'too-long' };
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'not-a-url' };
  }
  const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !local) return { ok: false, reason: 'not-https' };
  if (url.username || url.password) return { ok: false, reason: 'has-credentials' };
  // Every reader must fetch the same bytes: a query string could carry something per reader.
  if (url.search) return { ok: false, reason: 'has-query' };
  url.hash = '';
  if (!url.pathname.endsWith('.json')) url.pathname = url.pathname.replace(/\/?$/, '/') + 'manifest.json';
  if (url.href.length > MAX_STORE_URL) return { ok: false, reason: 'too-long' };
  // Chrome and Firefox match patterns leave the port out: `http://127.0.0.1/*` covers every port.
  return { ok: true, manifestUrl: url.href, origin: url.origin, originPattern: `${url.protocol}//${url.hostname}/*` };
}

/** The store's own address for a path inside it, or null when the path would leave the store. */
export function resolveInStore(manifestUrl: string, path: string): string | null {
  const base = new URL(manifestUrl);
  const url = new URL(path, base);
  const folder = base.href.slice(0, base.href.lastIndexOf('/') + 1);
  return url.origin === base.origin && url.href.startsWith(folder) && !url.search && !url.hash ? url.href : null;
}
