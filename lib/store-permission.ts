/**
 * Which host permission the options page gives back when the reader changes their store: the
 * old store's origin, once nothing needs it any more. Pure, so the decision is tested without a
 * browser; the page only asks `permissions.remove`.
 */
import { autoOrigins, type ReadingMode } from './reading-mode.ts';
import { effectiveStoreUrl, type StoreSettings } from './store/settings.ts';
import { checkStoreUrl } from './store/store-url.ts';

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)\/(.*)$/;

/**
 * Whether the match pattern `wide` grants at least what `narrow` does (both `scheme://host/path`
 * as host permissions are written, or `<all_urls>`): a `*` scheme covers http and https, a `*`
 * host every host, a `*.example.org` host example.org and its subdomains, a `*` path every path.
 */
export function covers(wide: string, narrow: string): boolean {
  if (wide === narrow || wide === '<all_urls>') return true;
  const w = PATTERN.exec(wide);
  const n = PATTERN.exec(narrow);
  if (!w || !n) return false;
  const [, ws, wh, wp] = w as unknown as [string, string, string, string];
  const [, ns, nh, np] = n as unknown as [string, string, string, string];
  const scheme = ws === ns || (ws === '*' && ns !== '*');
  const host = wh === '*' || wh === nh || (wh.startsWith('*.') && !nh.startsWith('*') && (nh === wh.slice(2) || nh.endsWith(wh.slice(1))));
  const path = wp === '*' || wp === np;
  return scheme && host && path;
}

/**
 * The origin pattern to give back when the reader's store moves from `before` to `after` (the
 * stores' addresses; null or empty for none), or null to give back nothing: no old store, or
 * the new one is on the same origin, or a pattern in `keep` still grants it. `keep` is what
 * the extension holds for other reasons: the manifest's own host permissions (the build's
 * store, which cannot be given back) and the sites automatic mode reads, which a store on one of
 * them must not take away with it.
 */
export function storePermissionToRelease(before: string | null, after: string | null, keep: readonly string[]): string | null {
  const old = before ? checkStoreUrl(before) : null;
  if (!old?.ok) return null;
  const next = after ? checkStoreUrl(after) : null;
  if (next?.ok && next.originPattern === old.originPattern) return null;
  return keep.some((pattern) => covers(pattern, old.originPattern)) ? null : old.originPattern;
}

/** The origin pattern of the store in use (the reader's, else the build's), as a list: none when there is no store. */
export function storeOrigins(settings: StoreSettings, buildUrl: string | null): string[] {
  const url = effectiveStoreUrl(settings, buildUrl);
  const checked = url ? checkStoreUrl(url) : null;
  return checked?.ok ? [checked.originPattern] : [];
}

/**
 * The host permissions the extension holds for something other than the reader's store, which
 * giving the store's back must leave alone: the manifest's own (the build's store; Firefox's
 * manifest version 2 lists them among `permissions`), and what automatic mode reads in `mode`.
 */
export function heldBesidesStore(manifest: { host_permissions?: string[]; permissions?: string[] }, mode: ReadingMode): string[] {
  return [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? []), ...(mode.mode === 'auto' ? autoOrigins(mode) : [])];
}
