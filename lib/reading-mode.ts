/**
 * How the extension reads pages: on click (the default: only the tab the reader clicked, once)
 * or automatically on the sites the reader granted; and the sites it must never read.
 */
import { asFields, z } from './zod.ts';

const host = z.string().regex(/^[a-z0-9.-]+$/);

export const ReadingMode = z.object({
  mode: z.enum(['click', 'auto']).catch('click'),
  /** In automatic mode: every site, or only `sites`. */
  scope: z.enum(['all', 'listed']).catch('all'),
  sites: z.array(host).catch([]),
  /** Sites never read, in either mode. */
  never: z.array(host).catch([]),
});
export type ReadingMode = z.infer<typeof ReadingMode>;

export const DEFAULT_READING_MODE: ReadingMode = ReadingMode.parse({});

/** A stored reading mode (anything), repaired field by field. */
export const parseReadingMode = (raw: unknown): ReadingMode => ReadingMode.parse(asFields(raw));

/** The host of what a reader typed ("www.Example.com/news", "https://example.com") or null. */
export function hostFromInput(input: string): string | null {
  const s = input.trim().toLowerCase();
  if (!s) return null;
  try {
    const h = new URL(/^[a-z]+:\/\//.test(s) ? s : `https://${s}`).hostname.replace(/^www\./, '');
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(h) ? h : null;
  } catch {
    return null;
  }
}

/** The settings page's form as the reader left it: the sites one a line (or between commas). */
export interface ReadingModeForm {
  mode: ReadingMode['mode'];
  scope: ReadingMode['scope'];
  sites: string;
  never: string;
}

const entries = (text: string) =>
  text
    .split(/[\n,]+/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The reading mode the form asks for, or why it cannot be saved: entries that name no site
 * (`bad`, as typed, to be shown back), or automatic mode on listed sites with none listed.
 */
export function readingModeFromForm(
  form: ReadingModeForm,
): { mode: ReadingMode } | { error: 'bad-sites'; bad: string[] } | { error: 'no-sites' } {
  const sites = entries(form.sites);
  const never = entries(form.never);
  const bad = [...sites, ...never].filter((l) => !hostFromInput(l));
  if (bad.length) return { error: 'bad-sites', bad };
  const mode = ReadingMode.parse({ mode: form.mode, scope: form.scope, sites: sites.map(hostFromInput), never: never.map(hostFromInput) });
  if (mode.mode === 'auto' && mode.scope === 'listed' && !mode.sites.length) return { error: 'no-sites' };
  return { mode };
}

/**
 * The host permissions a change from `saved` to `next` must ask for (`wanted`: all that automatic
 * mode reads under `next`) and may give back (`dropped`: what `saved` read and `next` does not,
 * but what `keep` names: the store's origin, when the store is on a site automatic mode read).
 */
export function permissionChange(
  saved: ReadingMode,
  next: ReadingMode,
  keep: readonly string[] = [],
): { wanted: string[]; dropped: string[] } {
  const wanted = next.mode === 'auto' ? autoOrigins(next) : [];
  const dropped = saved.mode === 'auto' ? autoOrigins(saved).filter((o) => !wanted.includes(o) && !keep.includes(o)) : [];
  return { wanted, dropped };
}

// One pattern per scheme: browsers check that each requested pattern is inside one granted
// pattern, so `*://site/*` is not "granted" by separate http and https grants.
const SCHEMES = ['https', 'http'];

/** Match patterns for a site and its subdomains (an IP address has none), for http and https. */
export const sitePatterns = (site: string) =>
  SCHEMES.flatMap((scheme) => (/^[\d.]+$/.test(site) ? [`${scheme}://${site}/*`] : [`${scheme}://${site}/*`, `${scheme}://*.${site}/*`]));

/** The host permissions automatic mode asks for. */
export function autoOrigins(mode: ReadingMode): string[] {
  return mode.scope === 'all' ? SCHEMES.map((scheme) => `${scheme}://*/*`) : mode.sites.flatMap(sitePatterns);
}

/**
 * The host permission pattern automatic mode needs for `url` under `mode` (all sites, or the
 * listed site the URL is on, or a subdomain of it), or null when the reader chose no site of it.
 */
export function autoPatternFor(url: string | undefined, mode: ReadingMode): string | null {
  let u: URL;
  try {
    u = new URL(url ?? '');
  } catch {
    return null;
  }
  const scheme = u.protocol.slice(0, -1);
  if (!SCHEMES.includes(scheme)) return null;
  if (mode.scope === 'all') return `${scheme}://*/*`;
  const host = u.hostname.toLowerCase();
  const site = mode.sites.find((s) => host === s) ?? mode.sites.find((s) => host.endsWith(`.${s}`) && !/^[\d.]+$/.test(s));
  return site === undefined ? null : host === site ? `${scheme}://${site}/*` : `${scheme}://*.${site}/*`;
}

/** True when `url` is on a site the reader asked never to be read. */
export function isNeverSite(url: string | undefined, never: readonly string[]): boolean {
  let h: string;
  try {
    h = new URL(url ?? '').hostname.toLowerCase();
  } catch {
    return false;
  }
  return never.some((site) => h === site || h.endsWith(`.${site}`) || h === `www.${site}`);
}
