/** The page's `<meta>` tags, read in one pass so each lookup is a map hit, not a DOM query. */

/**
 * `<meta>` contents by lower-case key, with `.` read as `:` (`DC.creator` is `dc:creator`).
 * A key may repeat (several `article:author` tags); `property` tags come before `name` ones.
 */
export type MetaTags = Map<string, string[]>;

/** The page's canonical link. */
export const CANONICAL = 'link[rel~="canonical" i]';

/**
 * Indexes every `<meta>` by its `property`, then its `name`, `itemprop` and `http-equiv`. A
 * `property` may hold several space-separated keys (readability-test-pages
 * 004-metadata-space-separated-properties); a tag without content says nothing. When one key is
 * given both as `property` and as `name` (003-metadata-preferred), the `property` ones are used.
 */
export function readMetaTags(doc: Document): MetaTags {
  const byProperty: MetaTags = new Map();
  const byName: MetaTags = new Map();
  const add = (map: MetaTags, keys: string, content: string) => {
    for (const key of keys.toLowerCase().replace(/\./g, ':').split(/\s+/)) {
      if (key) map.get(key)?.push(content) ?? map.set(key, [content]);
    }
  };
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    // Pages saved by some archiving tools carry `value` where the page had `content`
    // (mercury-fixtures: 130 of 141 pages), and a few CMSs write `value` themselves.
    const content = (el.getAttribute('content') ?? el.getAttribute('value'))?.trim();
    if (!content) continue;
    add(byProperty, el.getAttribute('property') ?? '', content);
    add(byName, `${el.getAttribute('name') ?? ''} ${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('http-equiv') ?? ''}`, content);
  }
  for (const [key, list] of byName) if (!byProperty.has(key)) byProperty.set(key, list);
  return byProperty;
}

/** The first content under the first of `keys` the page declares. */
export function metaFirst(tags: MetaTags, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = tags.get(key)?.[0];
    if (v) return v;
  }
  return null;
}

/** Every content under the first of `keys` the page declares (several authors, several tags). */
export function metaAll(tags: MetaTags, ...keys: string[]): string[] {
  for (const key of keys) {
    const v = tags.get(key);
    if (v?.length) return v;
  }
  return [];
}
