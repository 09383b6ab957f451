/** The headline without the site name that `<title>` and `og:title` often carry. */

const SEPARATOR = /\s+[|\-–—·•:»«/]\s+/;

const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Drops a " | Site" / " - Site" / "Site: " part when it names the site (compared with
 * `siteName` and the host) or is clearly the short tail of a long headline.
 */
export function cleanTitle(title: string, siteName: string | null, host: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const parts = t.split(SEPARATOR);
  if (parts.length < 2) return t;
  const site = siteName ? fold(siteName) : '';
  const hostKey = fold(host.replace(/^www\./, '').replace(/\.[a-z]+$/, ''));
  const isSite = (p: string) => {
    const f = fold(p);
    return !!f && (f === site || f === hostKey || (!!site && (site.includes(f) || f.includes(site))) || f === fold(host));
  };
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && isSite(parts[end - 1]!)) end--;
  while (end - start > 1 && isSite(parts[start]!)) start++;
  if (start > 0 || end < parts.length) return rejoin(t, parts, start, end);
  // No part names the site: a short last part after a long headline is still a site suffix
  // ("… to Build a Model | Health News").
  const last = parts[parts.length - 1]!;
  const head = parts.slice(0, -1).join(' ');
  if (/\s\|\s/.test(t) && last.split(' ').length <= 4 && head.split(' ').length >= 4) return rejoin(t, parts, 0, parts.length - 1);
  return t;
}

/** Joins parts[start..end) back with the separators that stood between them in `t`. */
function rejoin(t: string, parts: string[], start: number, end: number): string {
  let offset = 0;
  const spans = parts.map((p) => {
    const at = t.indexOf(p, offset);
    offset = at + p.length;
    return [at, offset] as const;
  });
  return t.slice(spans[start]![0], spans[end - 1]![1]).trim();
}
