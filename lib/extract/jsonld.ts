/** Reads the article object a page declares in JSON-LD, however the site nests it. */

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /(?:^|:|\/)(?:\w*Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting|WebPage)$/;

function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Every object in a JSON-LD value: arrays, `@graph` and nested objects, depth-first. */
function collect(value: unknown, out: JsonObject[], depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    if (value['@graph']) collect(value['@graph'], out, depth + 1);
    if (isObject(value.mainEntity)) collect(value.mainEntity, out, depth + 1);
  }
}

/**
 * The most article-like JSON-LD object of the document: a `NewsArticle`/`Article`/… wins over a
 * `WebPage`; broken scripts are skipped, never thrown.
 */
export function findJsonLdArticle(doc: Document): JsonObject | null {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      // Some CMSs wrap the JSON in CDATA or HTML comments.
      const src = (script.textContent ?? '').replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, '');
      collect(JSON.parse(src), nodes);
    } catch {
      // Broken JSON-LD is common on real pages and says nothing about the article: ignore it.
    }
  }
  let page: JsonObject | null = null;
  for (const node of nodes) {
    const types = typesOf(node);
    if (types.some((t) => ARTICLE_TYPE.test(t) && !/WebPage$/.test(t))) return node;
    if (!page && types.some((t) => /WebPage$/.test(t)) && node.headline) page = node;
  }
  return page;
}

/** A plain string out of a JSON-LD value that may be a string, an object with a name, or a list. */
export function ldText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return ldText(value[0]);
  if (isObject(value)) return ldText(value.name ?? value['@value'] ?? value.headline);
  return null;
}

/** Author names from JSON-LD `author`: strings, `Person` objects or lists of either. */
export function ldAuthors(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const name = typeof item === 'string' ? item : isObject(item) ? ldText(item.name) : null;
    if (name && !/^https?:\/\//.test(name)) names.push(name.trim());
  }
  return names;
}
