/**
 * The specific facts a news text states, which tell two events of the same kind apart when
 * their words do not: figures with what they count ("magnitude 4.6", "$160m contract",
 * "33 year") and the weekdays it names. Two articles about one quake give the same magnitude
 * and the same day; an article about another quake on the same fault gives another. Figures are
 * read with the word on each side as their key, so "4.4-magnitude" and "a magnitude of 4.6" are
 * both about "magnitude" and disagree.
 */

/** Figures as `value key` (e.g. "4.6 magnitude"), with how often each is stated, and the weekdays named. */
export interface Facts {
  figures: Map<string, number>;
  /** Bit d (0 = Sunday) set when the text names that weekday. */
  days: number;
}

// A figure: an optional currency sign, digits with thousands separators, a decimal or clock
// part, and a percent sign. Years (1900–2099 alone) are left out: background years ("since
// 2002") are everywhere and said nothing held out (scripts/fit-match.ts).
const FIGURE = /([$€£]?)(\d{1,3}(?:,\d{3})+|\d+)(?:([.:])(\d+))?(%?)/g;
const SCALE: Record<string, string> = { thousand: 'k', million: 'm', billion: 'bn', trillion: 'tn' };
// Words that say nothing about what a figure counts: the key is the next word that does.
const FILLER = new Set(('a an the of to in on at for and or but by with from as is was were be been are has have had that this ' +
  'it its he she they his her their said says will would about some nearly almost more than over under up only just least ' +
  'per each who which were another other all').split(' '));
const DAYS = /\b(sun|mon|tues|wednes|thurs|fri|satur)day\b/gi;
const DAY_BIT: Record<string, number> = { sun: 0, mon: 1, tues: 2, wednes: 3, thurs: 4, fri: 5, satur: 6 };
/** How many words either side may be skipped as filler to find a figure's key. */
const REACH = 3;

/** The next (dir 1) or previous (dir -1) word from `i` that is not filler, within the sentence. */
function keyWord(text: string, i: number, dir: 1 | -1): string | null {
  let skipped = 0;
  let j = i;
  while (skipped <= REACH) {
    // Step over spaces, hyphens and commas, but not over a sentence end or another figure.
    while (j >= 0 && j < text.length && /[\s\-,'"“”‘’()]/.test(text[j]!)) j += dir;
    if (j < 0 || j >= text.length || !/\p{L}/u.test(text[j]!)) return null;
    let k = j;
    while (k >= 0 && k < text.length && /\p{L}/u.test(text[k]!)) k += dir;
    const word = (dir === 1 ? text.slice(j, k) : text.slice(k + 1, j + 1)).toLowerCase();
    if (!FILLER.has(word) && word.length > 1) return word;
    skipped++;
    j = k;
  }
  return null;
}

/** The figures and weekdays of `text`. */
export function factsOf(text: string): Facts {
  const figures = new Map<string, number>();
  const add = (f: string) => figures.set(f, (figures.get(f) ?? 0) + 1);
  for (const m of text.matchAll(FIGURE)) {
    const [all, sign, whole, sep, part, pct] = m;
    const start = m.index;
    const end = start + all.length;
    // Inside a word or a longer figure ("A380", "1.2.3"): not a stated figure.
    if ((start > 0 && /[\p{L}\d.]/u.test(text[start - 1]!)) || (end < text.length && /[\p{L}\d]/u.test(text[end]!))) continue;
    const n = whole!.replace(/,/g, '');
    if (!sign && !sep && !pct && /^(19|20)\d\d$/.test(n)) continue;
    let value = sign + n + (sep ? sep + part : '');
    let after = end;
    const scale = /^[\s-]*(thousand|million|billion|trillion)\b/i.exec(text.slice(end, end + 12));
    if (scale) (value += SCALE[scale[1]!.toLowerCase()]), (after = end + scale[0].length);
    // A clock time is a time whatever the words around it; "12%" counts percent like "12 percent".
    const keys = new Set([sep === ':' ? 'time' : null, pct ? 'percent' : null, keyWord(text, after, 1), keyWord(text, start - 1, -1)]);
    for (const k of keys) if (k) add(`${value} ${k}`);
  }
  let days = 0;
  for (const m of text.matchAll(DAYS)) days |= 1 << DAY_BIT[m[1]!.toLowerCase()]!;
  return { figures, days };
}

/** The key of a figure (`value key` → `key`). */
const keyOf = (figure: string) => figure.slice(figure.indexOf(' ') + 1);

/**
 * How the article's figures fare against the story's: for each figure of the article whose key
 * the story also gives a value for, the share of the story's values for that key that are the
 * same (agree) and the rest (disagree), summed over the article's figures.
 */
export function compareFigures(article: Map<string, number>, story: ReadonlyMap<string, number>): { agree: number; disagree: number } {
  const byKey = new Map<string, number>();
  for (const [f, c] of story) byKey.set(keyOf(f), (byKey.get(keyOf(f)) ?? 0) + c);
  let agree = 0;
  let disagree = 0;
  for (const f of article.keys()) {
    const total = byKey.get(keyOf(f));
    if (!total) continue;
    const share = (story.get(f) ?? 0) / total;
    agree += share;
    disagree += 1 - share;
  }
  return { agree, disagree };
}

/** Whether the article and story name weekdays and none of them the same (-1), share one (1), or say nothing (0). */
export function compareDays(article: number, story: number): -1 | 0 | 1 {
  if (!article || !story) return 0;
  return article & story ? 1 : -1;
}
