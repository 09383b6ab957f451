/** The article's headline: the one the page prints, chosen and filled in by the titles it declares, without the site name. */
import { decodeEntities } from './entities.ts';
import { CJK_RANGES, fold, squash, WORDS } from './normalize.ts';

// A site name may also come last in brackets, without a separator ("… [LWN.net]").
const SEPARATOR = /\s+([|\-–—·•»«/:]|::)\s+|\s+(?=\[[^\]]+\]$)/;

// Chinese sites title a page "标题_栏目_网站": short parts after unspaced underscores
// (mercury-fixtures www.qdaily.com "…找对象_智能_好奇心日报", readability-test-pages qq, gmw).
// Each part is "_", up to ten characters ending in one that is not a space, then spaces: one way to read a run of
// them (written "_[^_]{1,10}?\s*", a page's "中_ab _ab _ab …" had 2^n readings and 40 parts took a minute).
const CJK_TAIL = new RegExp(`(?<=[${CJK_RANGES}，。！？」』）])\\s*(?:_(?:[^_]{0,9}[^_\\s]\\s*|\\s+))+$`);
/** Past this, a declared title is no headline (the background keeps 1,000 characters): what is cleaned is cut to it first. */
const TITLE_READ = 1000;

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

/**
 * A title's text as a reader sees it: character references decoded (see decodeEntities), no
 * Markdown heading marks a CMS printed as text ("## Hyper-local news …"), no permalink sign after
 * it ("Evolve: Shared Mutable History¶" in readability-test-pages mercurial, "… #" on sites
 * that link each heading).
 */
export function tidyTitle(title: string): string {
  const t = squash(decodeEntities(title));
  return /[#¶]/.test(t) ? t.replace(/^#{1,6}\s+/, '').replace(/(?:\s*¶|\s+#+)$/, '') : t;
}

// Second-level labels under a country's domain ("bbc.co.uk", "asahi.ne.jp"): no site's name.
const SLD = new Set('co com net org ac gov edu ne or go'.split(' '));
// A domain name as a title part names the site ("GAME CHANGER | Newegg.com").
const DOMAIN = /^[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,6}$/i;

/**
 * True when `part` names the site: its `siteName` (or a part of it), its address, or one label of
 * its address ("Slashdot" on linux.slashdot.org, "V8" on v8.dev), or any domain name.
 */
export function namesSite(part: string, siteName: string | null, host: string): boolean {
  const f = fold(part);
  if (!f) return false;
  const name = host.replace(/^www\d*\./, '');
  const labels = name
    .split('.')
    .slice(0, -1)
    .filter((l) => !SLD.has(l))
    .map(fold);
  return (
    f === fold(name) ||
    labels.includes(f) ||
    f === labels.join('') ||
    (!!siteName && fold(siteName).includes(f)) ||
    (part.includes('.') && DOMAIN.test(part.trim()))
  );
}

/**
 * Drops a " | Site" / " - Site" / "Site | " part when it names the site (namesSite) or is the
 * short tail of a longer headline after a strong separator (readability-test-pages
 * title-en-dash: "Lorem ipsum dolor sit amet – My website").
 */
export function cleanTitle(title: string, siteName: string | null, host: string): string {
  let t = squash(title.length > TITLE_READ ? title.slice(0, TITLE_READ) : title).replace(CJK_TAIL, '');
  // The site's name after a separator without spaces ("…「Treeviz」:phpspot開発日誌" in mercury-fixtures phpspot.org).
  const glued =
    siteName && t.length > siteName.length + 2 && t.endsWith(siteName) && /[|:：｜–—·•»«/]$/.test(t.slice(0, -siteName.length).trim());
  if (glued) t = t.slice(0, -siteName.length).trim().slice(0, -1).trim();
  // Parts at even indices, the separators between them at odd ones (none before a bracket).
  const bits = t.split(SEPARATOR);
  const n = (bits.length + 1) / 2;
  if (n < 2) return t;
  const part = (i: number) => bits[2 * i]!;
  const join = (from: number, to: number) =>
    bits
      .slice(2 * from, 2 * to - 1)
      .filter((b) => b != null)
      .join(' ');
  const isSite = (p: string) => namesSite(p, siteName, host);
  let start = 0;
  let end = n;
  while (end - start > 1 && isSite(part(end - 1))) end--;
  while (end - start > 1 && isSite(part(start))) start++;
  // A short last part after a headline is a site or section name even when it does not name the
  // site ("… to Build a Model | Health News"; mercury-fixtures www.npr.org "… : The Two-Way : NPR").
  // Not after a plain " - ", which as often joins two halves of one headline
  // (readability-test-pages royal-road: "… wordchain? - Super Supportive").
  const words = (from: number, to: number) => join(from, to).split(' ').length;
  if (
    end - start > 1 &&
    bits[2 * end - 3] !== '-' &&
    words(end - 1, end) <= 4 &&
    words(start, end - 1) >= 3 &&
    words(start, end - 1) > words(end - 1, end)
  )
    end--;
  return join(start, end);
}

export interface TitleSources {
  /** Declared titles in precedence order: JSON-LD headline, Dublin Core, `og:title`, `twitter:title`, … */
  declared: (string | null)[];
  /** The texts of the headlines the page prints (printedHeadlines' heads), in document order. */
  printed: string[];
  /** The texts of its other `<h2>`s (printedHeadlines' subheads), asked for only when no printed headline will do. */
  subheads: () => string[];
  docTitle: string;
  siteName: string | null;
  host: string;
}

export interface ChosenTitle {
  title: string;
  /** The index in `printed` of the headline that is the title, or -1; a subhead's index + `printed.length`. */
  shown: number;
  /** The first declared title, tidied and without the site name: what matching may also compare. */
  declared: string | null;
}

// A printed headline no title the page declares resembles is still its headline when it reads as
// one: a few words (mercury-fixtures www.bustle.com prints "The Transformative Power Of Feminist
// Compliments" under an og:title written for search), not a label ("Weather", "Top stories").
const headlineLike = (h: string) => h.split(' ').length >= 3 || (h.match(new RegExp(`[${CJK_RANGES}]`, 'g'))?.length ?? 0) >= 10;

/**
 * The headline the page prints, when one is plausible: the printed headline that a declared
 * title or `<title>` resembles — however the declaration differs, as a social or search title
 * (mercury-fixtures www.si.com, www.wired.com, www.today.com: the truth, as the reader, has the
 * printed one), decorates it ("Opinion | …", "… (Published 2016)") or cuts it down
 * (www.sbnation.com) — else an <h2> the declared title resembles, else the only printed headline
 * that reads as one (headlineLike) when the declared title is printed nowhere. A printed
 * headline that is only a part of the declared title, beside words that are not decoration (an
 * album printed under its artist's name: mercury-fixtures pitchfork.com "Lust for Youth: Lust for
 * Youth"), leaves the declared title whole. Without a printed headline, the first declared
 * title; without one, `<title>`; each without the site name.
 */
export function chooseTitle(s: TitleSources): ChosenTitle {
  const doc = tidyTitle(s.docTitle);
  const printed = s.printed.map((h) => (h.length < 300 ? tidyTitle(h) : ''));
  const first = s.declared.find((d) => d && d.trim());
  const declared = first ? tidyTitle(first) : null;
  const clean = (t: string) => cleanTitle(t, s.siteName, s.host);
  const answer = (title: string, shown = -1): ChosenTitle => ({ title, shown, declared: declared && clean(declared) });
  // How well a printed headline answers to <title> — the one <title> starts with first
  // (readability-test-pages mercurial also prints its site name, which <title> holds at its end;
  // the <h1> <title> holds wins over one merely like it, mercury-fixtures fortune.com) — or to the
  // declared title.
  const key = fold(doc);
  const score = (h: string) => {
    const f = fold(h);
    if (!f) return 0;
    const byDoc = f.length >= key.length * 0.4 && key.includes(f) ? (key.startsWith(f) ? 3 : 2) + f.length / 1e4 : titleSimilarity(h, doc);
    return Math.max(byDoc, declared ? titleSimilarity(h, declared) : 0);
  };
  let shown = -1;
  let best = 0.5;
  printed.forEach((h, i) => {
    const x = score(h);
    if (x >= best && !(x === best && shown >= 0)) [shown, best] = [i, x];
  });
  // The declared title or <title> printed as an <h2>, under an <h1> the page gives to its section
  // (readability-test-pages webmd-1: "Allergies Health Center" over the headline).
  if (shown < 0) {
    const named = [declared, clean(doc)].filter((t): t is string => !!t);
    const subheads = s.subheads().map(tidyTitle);
    const sub = subheads.findIndex((h) => named.some((t) => titleSimilarity(h, t) >= 0.5 && !partOf(h, t)));
    if (sub >= 0) return answer(subheads[sub]!, printed.length + sub);
  }
  if (shown < 0) {
    const plausible = printed.flatMap((h, i) => (h && headlineLike(h) ? [i] : []));
    if (plausible.length === 1) shown = plausible[0]!;
  }
  if (shown >= 0) {
    const h = printed[shown]!;
    return declared && partOf(h, declared) && fold(clean(declared)) !== fold(h) ? answer(clean(declared)) : answer(h, shown);
  }
  if (declared) return answer(clean(declared));
  return answer(clean(doc));
}

/**
 * True when the printed headline `h` is a part of the declared title `d` beside other words that
 * are not a decoration: a site or section name, a note, after or before a separator or in
 * brackets (mercury-fixtures www.washingtonpost.com "Opinion | …", www.nytimes.com "… (Published
 * 2016)", www.yomiuri.co.jp "… : スポーツ"), or only other quotes.
 */
function partOf(h: string, d: string): boolean {
  [h, d] = [plain(h), plain(d)];
  if (fold(h) === fold(d) || !fold(d).includes(fold(h))) return false;
  return !((d.startsWith(h) && DECOR_AFTER.test(d.slice(h.length))) || (d.endsWith(h) && DECOR_BEFORE.test(d.slice(0, -h.length))));
}
