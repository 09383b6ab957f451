/** Reads the article object a page declares in JSON-LD, however the site nests it. */

export type JsonObject = Record<string, unknown>;

/** What the page's JSON-LD says about its article, with `@id` references resolvable. */
export interface JsonLd {
  /** The most article-like object, or null when the page declares none. */
  article: JsonObject | null;
  /** Objects by `@id`, for following `{"@id": "#author"}` references inside `@graph`. */
  byId: Map<string, JsonObject>;
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|SocialMediaPosting|DiscussionForumPosting|APIReference)$/;

/**
 * How deep the readers of this file follow lists in lists and names of names: a real value is a list of
 * objects with a name. A page's `"author": [[[[…]]]]` a million deep overflowed the stack, and
 * Lens said it "couldn't read this page" (an adversarial audit, 2026-12-07).
 */
const MAX_VALUE_DEPTH = 8;

const isObject = (x: unknown): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Types without their vocabulary prefix: `http://schema.org/NewsArticle` → `NewsArticle`. */
function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, ''));
}

/** Every object in a JSON-LD value — arrays, `@graph`, `mainEntity`, `itemListElement` — depth-first. */
function collect(value: unknown, out: JsonObject[], depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
      if (typeof value[key] === 'object') collect(value[key], out, depth + 1);
    }
  }
}

/** The scripts that hold JSON-LD (one string for every module that looks for them: it ships in the injected script). */
export const LD_SCRIPT = 'script[type="application/ld+json" i]';

/**
 * Every JSON-LD script of `doc`, parsed; broken ones are skipped, never thrown. Parsed once per
 * extraction: the gate asks what the page declares, readJsonLd what its article says.
 */
export function ldRoots(doc: Document): unknown[] {
  const roots: unknown[] = [];
  for (const script of Array.from(doc.querySelectorAll(LD_SCRIPT))) {
    try {
      // Some CMSs wrap the JSON in CDATA or HTML comments (readability-test-pages theverge, videos-1).
      const src = (script.textContent ?? '').replace(/^\s*(?:<!--|(?:\/\/\s*)?<!\[CDATA\[)|(?:-->|(?:\/\/\s*)?\]\]>)\s*$/g, '');
      roots.push(JSON.parse(src));
    } catch {
      // Broken JSON-LD is common on real pages and says nothing about the article: ignore it.
    }
  }
  return roots;
}

/**
 * The types of what the page says it *is*: its top-level objects, those of a `@graph`, and the
 * `mainEntity` of a page — not the objects it lists (`itemListElement`) or mentions inside
 * another: a front page lists NewsArticles, a deals article its Products.
 */
export function pageTypes(roots: unknown[]): string[] {
  const types: string[] = [];
  // Lists count apart from objects (a script's list of a `@graph` list is one object deep), and
  // are bounded too (MAX_VALUE_DEPTH).
  const visit = (v: unknown, depth: number, lists: number): void => {
    if (Array.isArray(v)) {
      if (lists < MAX_VALUE_DEPTH) for (const x of v) visit(x, depth, lists + 1);
    } else if (isObject(v) && depth < 3) {
      types.push(...typesOf(v));
      visit(v['@graph'], depth + 1, lists);
      visit(v.mainEntity, depth + 1, lists);
    }
  };
  visit(roots, 0, 0);
  return types;
}

/**
 * The page's JSON-LD: a `NewsArticle`/`Article`/`BlogPosting`/… wins over a `WebPage` with a
 * headline; among several articles, the one whose `url` is `pageUrl`, else the first with a
 * headline. `roots` are the parsed scripts (ldRoots), when the caller has them already.
 */
export function readJsonLd(doc: Document, pageUrl = '', roots = ldRoots(doc)): JsonLd {
  const nodes: JsonObject[] = [];
  collect(roots, nodes, -1);
  const byId = new Map<string, JsonObject>();
  for (const n of nodes) if (typeof n['@id'] === 'string' && Object.keys(n).length > 1 && !byId.has(n['@id'])) byId.set(n['@id'], n);
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t)));
  const page = stripHash(pageUrl);
  const article =
    articles.find((n) => page && [n.url, ldId(n.mainEntityOfPage)].some((u) => typeof u === 'string' && stripHash(u) === page)) ??
    articles.find((n) => n.headline || n.name) ??
    articles[0] ??
    nodes.find((n) => typesOf(n).some((t) => /WebPage$/.test(t)) && n.headline) ??
    null;
  return { article, byId };
}

const stripHash = (u: string) => u.replace(/#.*$/, '').replace(/\/$/, '');
const ldId = (v: unknown) => (isObject(v) ? (v['@id'] ?? v.url) : v);

/** A reference (`{"@id": "…"}`) replaced by the object it names; anything else unchanged. */
export function deref(ld: JsonLd, value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return depth < MAX_VALUE_DEPTH ? value.map((v) => deref(ld, v, depth + 1)) : value;
  if (isObject(value) && typeof value['@id'] === 'string' && !value.name) return ld.byId.get(value['@id']) ?? value;
  return value;
}

/** A plain string out of a JSON-LD value that may be a string, an object with a name, or a list. */
export function ldText(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (depth >= MAX_VALUE_DEPTH) return null;
  if (Array.isArray(value)) return ldText(value[0], depth + 1);
  if (isObject(value)) return ldText(value.name ?? value['@value'], depth + 1);
  return null;
}

/** Author names from JSON-LD `author`: strings, `Person`/`Organization` objects, references or lists of them. */
export function ldAuthors(ld: JsonLd, value: unknown): string[] {
  const list = deref(ld, Array.isArray(value) ? value : [value]) as unknown[];
  const names: string[] = [];
  for (const item of list) {
    const name = typeof item === 'string' ? item : isObject(item) ? ldText(item.name) : null;
    if (name && !/^https?:\/\//.test(name)) names.push(name.trim());
  }
  return names;
}
