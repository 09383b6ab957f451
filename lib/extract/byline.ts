/** Author names out of the many ways pages print a byline: cleaned, joined, and found near the headline. */
import { MON as MONTH } from './dateline.ts';
import { decodeEntities } from './entities.ts';
import { SEP, squash } from './normalize.ts';

// Where a printed byline stops being names: a date, an "Updated"/"Published" stamp, a handle, a
// separator (mercury-fixtures people.com "Emily Kirkpatrick Updated on December 12, 2016",
// money.cnn.com "Julia Horowitz @juliakhorowitz November 29, 2016", wikia "James Akinaka • 8h");
// a weekday, whole or cut short before a date (readability-test-pages guardian-1's dateline
// element "Thu 3 Jan 2019", which left "Thu" as a name).
const TAIL = new RegExp(
  `\\s*(?:[|•·]|\\s[—–]\\s|\\b(?:last updated|last modified|updated|modified|published|posted|on)\\b\\s*(?:on\\b|at\\b|:|\\d|${MONTH})|@\\w|\\((?=[^)]*[\\s,])[^)]*\\)?$|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{4}-\\d\\d-\\d\\d|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}\\.?\\s+${MONTH}\\s+\\d{4}|\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b|\\b(?:mon|tue|wed|thu|fri|sat|sun)\\.?,?\\s+(?=\\d|${MONTH})|\\d{4}年).*$`,
  'i',
);
// What every branch of TAIL needs one of: most names have none, and a reader's first click then
// never compiles TAIL, about a millisecond in Chromium against nothing for this.
const MAY_TAIL = /[|•·@(\d]|\s[—–]\s|day\b|\b(?:updated|modified|published|posted|on)\b/i;
// (Capitals and small letters of the Latin alphabets, as ranges: see SEP.)
const NAME = '[A-Z\\u00c0-\\u00de][a-z\\u00df-\\u00ff]';
const SECTION = new RegExp(`^[^\\s|•·]+\\s*[|•·]\\s*(?=${NAME}+\\s+${NAME}+(?:\\s|,|$)(?!.*\\d))`);
const GLUED_BY = new RegExp(`^By(?=${NAME}|by\\s)`);
const LETTER = new RegExp(`[^\\d${SEP}]`);
// "著者"/"作者" (author) and "文" (text) label a name in Japanese and Chinese, after a colon or a
// bar (readability-test-pages gmw prints "作者︱春春", and an empty "作者：" for a search engine).
const LEAD =
  /^(?:(?:written|posted|words|reporting|story|text)\s+by|by|par|von|por|door|author|autor)\b\s*[:：]?\s*|^(?:by|著者|作者|文)[:：●︱|｜]\s*/i;

// Links and buttons that sit in bylines beside the names (mercury-fixtures www.npr.org "Twitter",
// www.washingtonpost.com "Bio", www.cnbc.com "WATCH LIVE", www.rollingstone.com "View All",
// readability-test-pages royal-road "Follow Author"): a line whose first word is one of these
// is not a name. (Word sets, not expressions: each expression the first click runs compiles.)
const NOT_A_NAME = new Set(
  'twitter facebook instagram linkedin email e-mail bio profile follow view see read more watch contact rss share subscribe sign log login print comment comments about'.split(
    ' ',
  ),
);
// Values no writer bears: a CMS's unfilled template field ("page.head.extra.author",
// "{{author}}", "%author%") or a default account.
const PLACEHOLDER = new Set('author admin administrator unknown anonymous null undefined none n/a na guest user'.split(' '));
const TEMPLATE = /[{}%$<>]|^[a-z_]\w*(?:\.[a-z_]\w*){2,}$/i;
// A picture's credit names who took or drew it, not who wrote the article ("Photograph by …",
// "Foto: …"): Readability's own byline search takes one from a caption when the page names no
// writer (mercury-fixtures news.nationalgeographic.com, an `itemprop=author` on a photo credit).
// (A word set first: most names start with none, and then the expression is never compiled.)
const CREDIT = new Set(
  'photo photos photograph photographs photography picture pictures image images illustration illustrations foto fotos bild bilder'.split(
    ' ',
  ),
);
const CREDIT_LINE = /^\S+\s*(?:by\b|:)/i;
// A count is no name ("1,677 new writers this month" beside a community's byline).
const COUNTER = /\d{2,}|\d[,.]\d/;
// "…, Sports Reporter", "…, Head of Marketing": the writer's role after the name
// (tests/fixtures/pages/local-sports.html). After the last comma only: "Goodman, MA" keeps its degree,
// "Wiseman, The Associated Press" its agency, "Ann Lee, Bo Chan" both names.
const ROLE =
  /,\s*[^,]*\b(?:writer|reporter|editor|correspondent|contributor|columnist|journalist|producer|photographer|analyst|critic|director|head of|manager|officer|intern|founder|ceo|president|staff|bureau chief)\b[^,]*$/i;
// Phrasing around the name: "This post was written by Ann Lee", "Ann Lee is a staff writer".
const WRITTEN_BY = /^.*?\b(?:written|posted|reported|compiled)\s+by\s+/i;
const IS_A = /\s+(?:is|was)\s+(?:a|an|the|our)\s.*$/i;
// Small words names keep in lower case (von, de, van der, bin, and between two names).
const PARTICLE = new Set('de da di do dos das du del della van von der den ter la le bin ibn al el y e and und et of'.split(' '));

/** True when `s` reads as a sentence: three or more lower-case words that no name carries. */
const isSentence = (s: string) => s.split(' ').filter((w) => w[0]! >= 'a' && w[0]! <= 'z' && !PARTICLE.has(w)).length >= 3;
/** The first word of `s`, lower case, for the word sets. */
const firstWord = (s: string) => s.toLowerCase().split(/[\s:]/, 1)[0]!;

// The names cleaned so far: extraction asks about one name several times (JSON-LD's authors are
// checked, chosen, then joined), and each expression below that runs a second time is compiled
// again, to machine code, on the reader's click. Bounded, for a process reading many pages; a
// text far longer than any name (a page may put anything in a tag) is cleaned without keeping it.
const cleaned = new Map<string, string | null>();

/**
 * One printed byline reduced to the names: no "By" or "written by" phrasing, no role, date or
 * handle after them; null when nothing is left or what is left is no name: a placeholder, a
 * fragment of a line (", USA TODAY"), a count, a sentence or a button.
 */
export function cleanByline(raw: string | null | undefined): string | null {
  const key = raw ?? '';
  if (key.length > 1000) return clean(key);
  let name = cleaned.get(key);
  if (name === undefined) {
    if (cleaned.size >= 500) cleaned.clear();
    cleaned.set(key, (name = clean(key)));
  }
  return name;
}

/**
 * Past this, a byline is no list of names (a name longer than 100 characters is refused below):
 * what is cleaned is cut to it first, so the expressions' work stays bounded whatever a tag holds.
 */
const BYLINE_READ = 1000;

function clean(raw: string): string | null {
  let s = squash(decodeEntities(raw.length > BYLINE_READ ? raw.slice(0, BYLINE_READ) : raw));
  // The expressions below run only on a name that holds what each looks for: most hold none.
  if (/^[,;:&|)\]]/.test(s) || PLACEHOLDER.has(s.toLowerCase()) || (/[{}%$<>.]/.test(s) && TEMPLATE.test(s))) return null;
  if (CREDIT.has(firstWord(s)) && CREDIT_LINE.test(s)) return null;
  if (/ by /i.test(s)) s = s.replace(WRITTEN_BY, '');
  // "By" glued to the name by markup without a space (mercury-fixtures 247sports.com "ByTravis
  // Haney") or to a second "by" (abcnews.go.com "Byby JOSH HASKELL").
  s = s.replace(GLUED_BY, '');
  for (let i = 0; i < 2 && LEAD.test(s); i++) s = s.replace(LEAD, '');
  // A section's one-word label before the names, where a separator usually ends them
  // (mercury-fixtures epaper.zeit.de "Politik · Jochen Bittner, Tina Hildebrandt").
  s = s.replace(SECTION, '');
  if (MAY_TAIL.test(s)) s = s.replace(TAIL, '');
  if (s.includes(',')) s = s.replace(ROLE, '');
  if (/ (?:is|was) /.test(s)) s = s.replace(IS_A, '');
  s = s.replace(/[\s,;:–—，、-]+$/, '').trim();
  if (
    !s ||
    s.length > 100 ||
    !LETTER.test(s) ||
    /^https?:|^\/\//.test(s) ||
    NOT_A_NAME.has(firstWord(s)) ||
    COUNTER.test(s) ||
    isSentence(s)
  )
    return null;
  return s;
}

/** "Ann Lee", "Ann Lee and Bo Chan", "Ann Lee, Bo Chan and Cy Diaz"; null for no names. */
export function joinAuthors(names: (string | null | undefined)[]): string | null {
  const unique: string[] = [];
  for (const n of names) {
    const c = cleanByline(n);
    if (c && !unique.some((u) => u.toLowerCase() === c.toLowerCase())) unique.push(c);
  }
  if (unique.length <= 1) return unique[0] ?? null;
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

const BYLINE =
  '[class*="writer" i],[rel~="author" i],[itemprop~="author" i],[class*="byline" i],[class*="author" i],[class*="dateline" i],[id*="byline" i],[id*="author" i]';
// Author names in comments, related stories, menus and sidebars are not the article's byline
// (mercury-fixtures blisterreview.com lists every commenter under `.comment-author`), nor are a
// figure's (its caption credits the picture) or a quotation's (it names who is quoted):
// mercury-fixtures news.nationalgeographic.com marks a photo credit `itemprop=author` and a
// pull quote's speaker `.author`, and names no writer.
const ELSEWHERE =
  '[class*="comment" i],[id*="comment" i],[class*="related" i],[class*="recirc" i],nav,aside,figure,blockquote,[class*="quote" i]';
// Writers' pages, by their address (mercury-fixtures www.engadget.com "/about/editors/jon-fingas/").
// Not "/people/": sites file the people an article is about there (www.tmz.com "/people/prince/").
const AUTHOR_LINK = /\/(?:authors?|profiles?|staff|by|contributors?|reporters?|journalists?|writers?|editors?)(?:\/|$|-)/i;
const isAuthorLink = (a: Element | null | undefined) =>
  !!a && (/\bauthor\b/i.test(a.getAttribute('rel') ?? '') || AUTHOR_LINK.test(a.getAttribute('href') ?? ''));
const CONNECTIVE = /^[\s,&;|·•]*(?:(?:(?:written|posted)\s+by|by|and|und|et|y|e|von|par|por)\b[\s,&:;|·•]*)*$/i;

/**
 * A link's text, or its first piece that is a name when the markup glues pieces without a space
 * (mercury-fixtures postlight.com: `<a><span>Gina Trapani</span><span>CEO</span></a>`, whose
 * text is "Gina TrapaniCEO"; style sets them apart on screen). Pieces with a space between
 * ("<span>Ann</span> <span>Lee</span>") are one name.
 */
function linkName(a: Element): string {
  // Pieces are split at element boundaries: two in a row, neither with a space at the boundary, are glued.
  const raw = pieces(a, [''], false).filter((p) => p);
  const glued = raw.some((p, i) => i > 0 && p.trimStart() === p && raw[i - 1]!.trimEnd() === raw[i - 1]);
  return (glued && raw.find((p) => cleanByline(p))?.trim()) || a.textContent!;
}

/** The names in one byline element: its `itemprop=name` parts, its author links, or its cleaned text. */
function namesIn(found: Element): string[] {
  // An author link is read with its line, which may hold more of them ("Von <a rel=author>…</a>
  // und <a rel=author>…</a>": tests/fixtures/pages/rel-author.html).
  const el = found.tagName === 'A' && found.parentElement ? found.parentElement : found;
  const named = Array.from(el.querySelectorAll('[itemprop~="name" i]')).map((n) => n.getAttribute('content') ?? n.textContent ?? '');
  if (named.some((n) => n.trim())) return named;
  const links = Array.from(el.querySelectorAll('a')).filter((a) => a.textContent?.trim());
  let rest = el.textContent ?? '';
  for (const a of links) rest = rest.replace(a.textContent ?? '', ' ');
  // "By <a>Ann Lee</a> and <a>Bo Chan</a>": the links are the names.
  if (links.length && CONNECTIVE.test(rest)) return links.map(linkName);
  const joined = joinedNames(el);
  if (joined) return joined;
  const authorLinks = links.filter(isAuthorLink);
  if (authorLinks.length) return authorLinks.map(linkName);
  // Otherwise the first piece of text that is a name once "By" and any date are cut off
  // ("Howard Blume<span>Staff Writer</span>" in mercury-fixtures www.latimes.com).
  for (const piece of pieces(el)) {
    const name = cleanByline(piece);
    if (name && !CONNECTIVE.test(name)) return [name];
  }
  return [];
}

// What joins two names in a byline: a comma, "&", or "and" in the languages bylines print it in.
const JOIN = /^(?:,|&|,?\s*(?:and|und|et|y|e))$/i;

/**
 * "By <span>Ann Lee</span> and <a href="/authors/bo">Bo Chan</a>": names in elements of their
 * own, joined by "and" or commas, linked or not (readability-test-pages
 * schema-org-context-object links only the second writer, who was read alone). Null unless the
 * whole line is an optional "By" then names and joins in turn, two names or more.
 */
function joinedNames(el: Element): string[] | null {
  const ps = pieces(el).map(squash);
  const names: string[] = [];
  for (let i = ps[0] && LEAD.test(ps[0]) && !cleanByline(ps[0]) ? 1 : 0; i < ps.length; i += 2) {
    const name = cleanByline(ps[i]);
    if (!name || name !== ps[i] || (i + 1 < ps.length && !JOIN.test(ps[i + 1]!))) return null;
    names.push(name);
  }
  return names.length > 1 ? names : null;
}

/** The texts between `el`'s element boundaries; adjacent text nodes are one piece (linkedom splits entities). */
function pieces(el: Node, out: string[] = [''], top = true): string[] {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) out[out.length - 1] += c.nodeValue ?? '';
    else if (c.nodeType === 1) {
      out.push('');
      pieces(c, out, false);
      out.push('');
    }
  }
  return top ? out.filter((p) => p.trim()) : out;
}

// Words that hold "author" and name no writer: a class or id "authority-control" (every
// Wikipedia article's) or "ref-AUTHORING" (readability-test-pages ietf-1, an RFC's reference)
// matches the byline selectors, which look for "author" inside any word, as Readability does.
const NOT_AUTHOR = /author(?:it|i[sz]|ing)\w*/gi;
const BYLINE_WORD = /writer|byline|dateline|author/i;

/** True when `el` is among the byline elements only by a word such as "authority" in its class or id. */
function onlyByOtherWord(el: Element): boolean {
  const attrs = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  // (Most pages have no such word: then no expression runs.)
  if (!attrs.toLowerCase().includes('authori')) return false;
  return !BYLINE_WORD.test(attrs.replace(NOT_AUTHOR, ' ')) && !el.matches('[rel~="author" i],[itemprop~="author" i]');
}

/** The names of a usable byline element, outside comments and related stories; none when it is not one. */
function bylineNames(el: Element): string[] {
  const len = el.textContent?.trim().length ?? 0;
  return !len || len > 200 || el.closest(ELSEWHERE) || onlyByOtherWord(el) ? [] : namesIn(el).filter((n) => cleanByline(n));
}

/**
 * A line starting with "By", or a link to a writer's page, among the first text after `headline`
 * is its byline, whatever the markup's class names (mercury-fixtures qz.com, deadspin.com: hashed
 * classes; www.engadget.com: a bare profile link) or box (www.theguardian.com keeps its byline in
 * an <aside> beside the headline). A lone "By" is read with the element around it, which holds
 * the names ("<span>By</span><a>Name</a>"), and a link with its line ("<a>A</a> and <a>B</a>").
 * (The walk starts at the headline; linkedom's TreeWalker ignores `currentNode` and starts at
 * the top, to the same result.)
 */
function byLineAfter(doc: Document, headline: Element): string[] | null {
  const walk = doc.createTreeWalker(doc.body ?? doc, 4);
  walk.currentNode = headline;
  let seen = -1;
  for (let n = walk.nextNode(); n && seen < 12; n = walk.nextNode()) {
    if (headline.contains(n)) seen = 0;
    else if (
      seen >= 0 &&
      n.nodeValue!.trim() &&
      seen++ >= 0 &&
      (/^\s*by\b/i.test(n.nodeValue!) || isAuthorLink(n.parentElement!.closest('a')))
    ) {
      let el = n.parentElement!;
      while (el.parentElement && el.textContent!.trim().length < 4) el = el.parentElement;
      const names = namesIn(el).filter((x) => cleanByline(x));
      return names.length ? names : null;
    }
  }
  return null;
}

/**
 * The byline the page prints: a "By" line just after the headline, else as Readability finds it
 * (`rel=author`, `itemprop=author`, `byline`/`author` classes) but in the live document and near
 * the headline: in the smallest box around `headline` that holds one, as other author names on
 * the page belong to other stories (readability-test-pages salon-1, wikia); else the first on
 * the page.
 */
export function findPrintedByline(doc: Document, headline: Element | null): string[] {
  const by = headline && byLineAfter(doc, headline);
  if (by) return by;
  // The boxes nest: one query in the largest, filtered per box (a query per box walked the page
  // up to six times), and each element read once, as it is in every box above its own. The whole
  // page is queried only when no box holds a byline: on most pages one does, nearer than <body>.
  const boxes: Element[] = [];
  for (let box = headline?.parentElement, depth = 0; box && depth < 5 && box !== doc.body; box = box.parentElement, depth++)
    boxes.push(box);
  const near = boxes.length ? Array.from(boxes.at(-1)!.querySelectorAll(BYLINE)) : [];
  const read = new Map<Element, string[]>();
  const first = (els: Element[]) => {
    for (const el of els) {
      if (!read.has(el)) read.set(el, bylineNames(el));
      if (read.get(el)!.length) return read.get(el)!;
    }
    return null;
  };
  for (const box of boxes) {
    const names = first(near.filter((el) => el !== box && box.contains(el)));
    if (names) return names;
  }
  return first(Array.from(doc.querySelectorAll(BYLINE))) ?? [];
}
