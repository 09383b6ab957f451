/** The article's headline: the title the page declares, checked against what it shows, without the site name. */
import { CJK_RANGES, fold, squash, WORDS } from './normalize.ts';

// A site name may also come last in brackets, without a separator ("… [LWN.net]").
const SEPARATOR = /\s+([|\-–—·•»«/:]|::)\s+|\s+(?=\[[^\]]+\]$)/;

// Chinese sites title a page "标题_栏目_网站": short parts after unspaced underscores
// (mercury-fixtures www.qdaily.com "…找对象_智能_好奇心日报", readability-test-pages qq, gmw).
const CJK_TAIL = new RegExp(`(?<=[${CJK_RANGES}，。！？」』）])\\s*(?:_[^_]{1,10}?\\s*)+$`);

// Separators that set a decoration apart: ASCII ones between spaces ("X: Y" is a subtitle,
// "X-Men" a word), full-width ones, underscores and brackets as they come.
const DECOR_AFTER = /^(?:[。.]?\s+[|\-–—·•»«:/]|[。.]?\s*[：｜_(（[])/;
const DECOR_BEFORE = /(?:\s[|\-–—·•»«:/]\s+|[：｜_)）\]]\s*)$/;
// Typography aside: a site may curl the quotes of its <h1> and not those of its meta tags.
const plain = (s: string) => s.replace(/\s+/g, ' ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"');

const words = (s: string) => s.toLowerCase().match(WORDS) ?? [];
const tokenSet = (s: string) => new Set(words(s));

/** Dice overlap of the two titles' words, 0..1. */
export function titleSimilarity(a: string, b: string): number {
  const x = tokenSet(a);
  const y = tokenSet(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return (2 * common) / (x.size + y.size);
}

/** True when `short` is `long` with words cut from inside it, not only a part added around it. */
function cutFrom(short: string, long: string): boolean {
  const a = words(short);
  const b = words(long);
  if (a.length < 3 || b.length <= a.length) return false;
  let j = 0;
  let gap = false;
  for (const w of b) {
    if (j === a.length) break;
    if (w === a[j]) j++;
    else if (j) gap = true;
  }
  return j === a.length && gap;
}

const similar = (a: string, b: string) => titleSimilarity(a, b) >= 0.5;

/**
 * Drops a " | Site" / " - Site" / "Site | " part when it names the site (compared with
 * `siteName` and the host) or is the short tail of a longer headline after a strong separator
 * (readability-test-pages title-en-dash: "Lorem ipsum dolor sit amet – My website").
 */
export function cleanTitle(title: string, siteName: string | null, host: string): string {
  const t = squash(title).replace(CJK_TAIL, '');
  // Parts at even indices, the separators between them at odd ones (none before a bracket).
  const bits = t.split(SEPARATOR);
  const n = (bits.length + 1) / 2;
  if (n < 2) return t;
  const part = (i: number) => bits[2 * i]!;
  const join = (from: number, to: number) => bits.slice(2 * from, 2 * to - 1).filter((b) => b != null).join(' ');
  const site = siteName ? fold(siteName) : '';
  const hostKey = fold(host.replace(/^www\./, '').replace(/\.[a-z]+$/, ''));
  const isSite = (p: string) => {
    const f = fold(p);
    return !!f && (f === hostKey || f === fold(host) || (!!site && site.includes(f)));
  };
  let start = 0;
  let end = n;
  while (end - start > 1 && isSite(part(end - 1))) end--;
  while (end - start > 1 && isSite(part(start))) start++;
  // A short last part after a headline is a site or section name even when it does not name the
  // site ("… to Build a Model | Health News"; mercury-fixtures www.npr.org "… : The Two-Way : NPR").
  // Not after a plain " - ", which as often joins two halves of one headline
  // (readability-test-pages royal-road: "… wordchain? - Super Supportive").
  const words = (from: number, to: number) => join(from, to).split(' ').length;
  if (end - start > 1 && bits[2 * end - 3] !== '-' && words(end - 1, end) <= 4 && words(start, end - 1) >= 3 && words(start, end - 1) > words(end - 1, end)) end--;
  return join(start, end);
}

export interface TitleSources {
  /** Declared titles in precedence order: JSON-LD headline, Dublin Core, `og:title`, `twitter:title`, … */
  declared: (string | null)[];
  /** The texts of the page's `<h1>`s, in document order. */
  h1s: string[];
  docTitle: string;
  siteName: string | null;
  host: string;
}

/**
 * The headline: the first declared title, unless it agrees with neither `<title>` nor any `<h1>`
 * while an `<h1>` agrees with `<title>` — then the declaration is stale (an SPA that kept the last
 * article's `og:title`) or generic (readability-test-pages yahoo-2's `og:title` is "Yahoo News -
 * Latest News & Headlines"), and the visible headline wins; and unless an `<h1>` is the declared
 * title with words put back inside it: the declaration is a social title cut down from that
 * headline (mercury-fixtures www.sbnation.com "…traded for Sale, and they're going to be loaded…"
 * over "…traded for Chris Sale, and they're going to be ridiculously loaded…"). Without a
 * declaration, the `<h1>` that matches `<title>` (it carries no site suffix), else the cleaned
 * `<title>`.
 */
export function chooseTitle(s: TitleSources): string {
  const doc = squash(s.docTitle);
  const h1s = s.h1s.map((h) => squash(h).replace(/\s*¶$/, '')).filter((h) => h && h.length < 300);
  // The visible headline: the <h1> that <title> repeats, site name aside — the one <title> starts
  // with first (readability-test-pages mercurial also has a site-name <h1> inside <title>) — else
  // the <h1> closest to <title> (mercury-fixtures fortune.com: an SEO <title> over the headline).
  // Logo and section <h1>s ("Salon", "V8") resemble neither.
  const key = fold(doc);
  const score = (h: string) => {
    const f = fold(h);
    return f.length >= key.length * 0.4 && key.includes(f) ? (key.startsWith(f) ? 3 : 2) + f.length / 1e4 : titleSimilarity(h, doc);
  };
  const best = h1s.map((h) => [score(h), h] as const).sort((a, b) => b[0] - a[0])[0];
  const shown = best && best[0] >= 0.5 ? best[1] : undefined;
  const declared = s.declared.find((d) => d && d.trim())?.trim();
  if (declared && (!shown || similar(declared, doc) || h1s.some((h) => similar(h, declared)))) {
    // A declared title that is a shown headline decorated — a site or section name, a note,
    // after or before a separator or in brackets (mercury-fixtures www.washingtonpost.com
    // "Opinion | …", www.nytimes.com "… (Published 2016)", www.yomiuri.co.jp "… : スポーツ") —
    // or spelt with other quotes, is that headline: the page shows it so.
    const d = plain(declared);
    const shownIn = (h: string) => fold(h) === fold(d) || (d.startsWith((h = plain(h))) && DECOR_AFTER.test(d.slice(h.length))) || (d.endsWith(h) && DECOR_BEFORE.test(d.slice(0, -h.length)));
    const fuller = h1s.find((h) => cutFrom(declared, h));
    if (fuller) return fuller;
    return h1s.find(shownIn) ?? cleanTitle(declared, s.siteName, s.host);
  }
  if (shown) return shown;
  return cleanTitle(doc, s.siteName, s.host) || (h1s.length === 1 ? h1s[0]! : '');
}
