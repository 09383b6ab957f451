/**
 * The specific facts a news text states, which tell two events of the same kind apart when
 * their words do not: figures with what they count ("magnitude 4.6", "$160m contract",
 * "33 year"), dates ("March 14") and the weekdays it names. Two articles about one quake give the same magnitude
 * and the same day; an article about another quake on the same fault gives another. Figures are
 * read with the word on each side as their key, so "4.4-magnitude" and "a magnitude of 4.6" are
 * both about "magnitude" and disagree.
 */
import { termHash } from './term-table.ts';

/** Figures as `value key` (e.g. "4.6 magnitude"), with how often each is stated, and the weekdays named. */
export interface Facts {
  figures: Map<string, number>;
  /** Bit d (0 = Sunday) set when the text names that weekday. */
  days: number;
  /**
   * The figures read only from dates of the past the text recalls (`recalls`): "the Jan. 6
   * attack" in a July article, which every story of its aftermath recalls too. They agree with
   * nothing; they may still disagree.
   */
  background: ReadonlySet<string>;
  /**
   * The figures read only from the day of a date, with the word next to it: "6 insurrection" of
   * "the Jan. 6 insurrection", "25 protests" of "May 25 protests". They are compared as figures
   * (held out, reading them as the date alone cost a point: they weigh an agreeing date twice),
   * but a reason never shows them: the date is shown.
   */
  ofDates: ReadonlySet<string>;
  /**
   * The figures a reason may not show: `ofDates`, and those keyed only by a word read across a
   * comma or a conjunction ("Trump's 232, because" is read as "232 because", "5 dead and 249
   * injured" as "249 dead"). Matching keeps them (held out, keys
   * that stop at a comma cost 3 to 5 points of correct answers: "5 killed, 12 injured" keys
   * well), but "Same figures: 232 because" reads as nonsense.
   */
  unshown: ReadonlySet<string>;
  /**
   * The figures keyed only by the word before them ("magnitude 6.4", "around 92"): a reason
   * shows them in that order, as written, not "92 around".
   */
  keyFirst: ReadonlySet<string>;
}

// A figure: an optional currency sign, digits with thousands separators, a decimal or clock
// part, and a percent sign. Years (1900–2099 alone) are left out: background years ("since
// 2002") are everywhere and said nothing held out (scripts/fit-match.ts).
const FIGURE = /([$€£]?)(\d{1,3}(?:,\d{3})+|\d+)(?:([.:])(\d+))?(%?)/g;
const SCALE: Record<string, string> = { thousand: 'k', million: 'm', billion: 'bn', trillion: 'tn' };
// Words that say nothing about what a figure counts: the key is the next word that does.
const FILLER = new Set(
  (
    'a an the of to in on at for and or but by with from as is was were be been are has have had that this ' +
    'it its he she they his her their said says will would about some nearly almost more than over under up only just least ' +
    'per each who which were another other all when then while since after before where'
  ).split(' '),
);
const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$/i;
export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * A date the text recalls rather than its event's: its last occurrence this many days or more
 * before the text's own day (news dates its event within days), and its next further ahead than
 * PLANNED_DAYS (a scheduled event is announced weeks or months ahead: "a visit on July 13", said
 * in April).
 */
const RECALLED_DAYS = 60;
const PLANNED_DAYS = 120;
const DAY_MS = 86_400_000;

/** Whether `month`/`date` (no year) is a date of the past that a text of `day` (days since 1970) recalls. */
function recalls(day: number, month: number, date: number): boolean {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  let before = Infinity;
  let after = Infinity;
  for (const y of [year - 1, year, year + 1]) {
    const d = Date.UTC(y, month, date) / DAY_MS - day;
    if (d <= 0) before = Math.min(before, -d);
    else after = Math.min(after, d);
  }
  return before >= RECALLED_DAYS && after > PLANNED_DAYS;
}

const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];
/** How many words either side may be skipped as filler to find a figure's key. */
const REACH = 3;

const LETTER = /\p{L}/u;

/** Whether the character at `i` is a letter (ASCII by code: this runs for every character around every figure). */
function isLetter(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(text[i]!);
}

// What a key may be looked for across: spaces, hyphens, commas, quotes and brackets, but not a
// sentence end, a line break or another figure.
const GAP = new Set([...' \t-,\'"“”‘’()\u00a0'].map((c) => c.charCodeAt(0)));

const COMMA = 44;
// Filler that joins clauses or list items: "5 dead and 249 injured" is not "249 dead".
const JOINS = new Set(['and', 'or', 'but']);
/**
 * Whether the last key `keyWord` returned was read across a comma or a conjunction, so that it
 * may belong to another figure (a variable, not an object per call: this runs twice per figure).
 */
let acrossComma = false;

/** The next (dir 1) or previous (dir -1) word from `i` that is not filler, within the sentence. */
function keyWord(text: string, i: number, dir: 1 | -1): string | null {
  let j = i;
  acrossComma = false;
  for (let skipped = 0; skipped <= REACH; skipped++) {
    for (; j >= 0 && j < text.length && GAP.has(text.charCodeAt(j)); j += dir) if (text.charCodeAt(j) === COMMA) acrossComma = true;
    if (j < 0 || j >= text.length || !isLetter(text, j)) return null;
    let k = j;
    while (k >= 0 && k < text.length && isLetter(text, k)) k += dir;
    const word = (dir === 1 ? text.slice(j, k) : text.slice(k + 1, j + 1)).toLowerCase();
    if (word.length > 1 && !FILLER.has(word)) return word;
    if (JOINS.has(word)) acrossComma = true;
    j = k;
  }
  return null;
}

/** Whether the character at `i` continues a word or a figure (so a figure next to it is not one). */
function joins(text: string, i: number, dot: boolean): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (dot && c === 46) || isLetter(text, i);
}

/**
 * Whether the word ending at `i` is capitalised: before a hyphen, it makes the number after it
 * part of a name ("COVID-19", "Covid-19", "AK-47", "I-90"), not a count, while a lower-case word
 * keeps its figure ("a magnitude-6.1 quake", "6-foot-9").
 */
function namesCode(text: string, i: number): boolean {
  if (!isLetter(text, i)) return false;
  while (isLetter(text, i - 1)) i--;
  const c = text[i]!;
  return c !== c.toLowerCase();
}

/**
 * Where a tally or range that starts at `start` with a number ending at `end` ends ("6-3", "28–24",
 * "10-15"), or 0: a hyphen or an en dash and one to three digits, neither part of a longer chain
 * ("2020-05-25").
 */
function isTallyAt(text: string, start: number, end: number): number {
  const dash = text.charCodeAt(end);
  if (dash !== 45 && dash !== 0x2013) return 0;
  if (text.charCodeAt(start - 1) === 45 || text.charCodeAt(start - 1) === 0x2013) return 0;
  let k = end + 1;
  while (k < text.length && k - end <= 4 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  if (k === end + 1 || k - end > 4) return 0;
  // Not followed by more of a figure or a word: "5-4.5", "9-11th", "3-2-1".
  const next = text.charCodeAt(k);
  if (joins(text, k, false) || next === 45 || next === 0x2013 || ((next === 46 || next === 44) && /\d/.test(text[k + 1] ?? ''))) return 0;
  return k;
}

/** The weekdays `text` names, as a bit mask (found by their "day", far cheaper than a pattern with seven choices). */
function weekdays(text: string): number {
  let days = 0;
  for (let i = text.indexOf('day'); i >= 0; i = text.indexOf('day', i + 3)) {
    if (isLetter(text, i + 3)) continue;
    const before = text.slice(Math.max(0, i - 6), i).toLowerCase();
    WEEKDAYS.forEach((d, bit) => {
      if (before.endsWith(d) && !isLetter(text, i - d.length - 1)) days |= 1 << bit;
    });
  }
  return days;
}

/**
 * The figures and weekdays of `text`, written on `day` (days since 1970; null when unknown).
 * With `shown`, also how each figure's key was read, for the reasons (`unshown`, `keyFirst`):
 * an article's once per match, not every story's (three more sets per figure).
 */
export function factsOf(text: string, day: number | null = null, shown = false): Facts {
  const figures = new Map<string, number>();
  const recalled = new Set<string>();
  const stated = new Set<string>();
  const ofDates = new Set<string>();
  const apart = new Set<string>();
  // How each figure's key was read, for the reasons: after it, before it, across a comma.
  const keyedAfter = new Set<string>();
  const keyedBefore = new Set<string>();
  const keyedAcross = new Set<string>();
  let past = false;
  let dated = false;
  const add = (f: string, keyed: Set<string> = keyedAfter) => {
    figures.set(f, (figures.get(f) ?? 0) + 1);
    // Only an article's day tells recalled dates (a story's figures are read without one).
    if (day !== null) (past ? recalled : stated).add(f);
    (dated ? ofDates : apart).add(f);
    if (shown) keyed.add(f);
  };
  // An exec loop, not matchAll, which copies the pattern for every text.
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const [all, sign, whole, sep, part, pct] = m;
    const start = m.index;
    const end = start + all.length;
    // Inside a word or a longer figure ("A380", "1.2.3"): not a stated figure.
    if (joins(text, start - 1, true) || joins(text, end, false)) continue;
    if (text.charCodeAt(start - 1) === 45 && namesCode(text, start - 2)) continue;
    const n = whole!.includes(',') ? whole!.replace(/,/g, '') : whole!;
    if (!sign && !sep && !pct && n.length === 4 && (n.startsWith('19') || n.startsWith('20'))) continue;
    let value = sign + n + (sep ? sep + part : '');
    let after = end;
    const scale = GAP.has(text.charCodeAt(end)) ? /^[\s-]*(thousand|million|billion|trillion)\b/i.exec(text.slice(end, end + 12)) : null;
    if (scale) ((value += SCALE[scale[1]!.toLowerCase()]), (after = end + scale[0].length));
    // A day of a month is a date, whichever month: "Feb. 1" and "March 14" disagree.
    const month = !sep && !sign && Number(n) <= 31 ? MONTH.exec(text.slice(Math.max(0, start - 12), start)) : null;
    // A tally or a range is one figure: "a 6-3 decision" is not "3 decision", nor "9-0" "0".
    const tally = !month && !sign && !sep && !pct && !scale && isTallyAt(text, start, after);
    if (tally) {
      value += '-' + text.slice(after + 1, tally);
      after = tally;
      FIGURE.lastIndex = tally;
    }
    past = month !== null && day !== null && recalls(day, MONTHS.indexOf(month[1]!.toLowerCase()), Number(n));
    dated = month !== null;
    // A clock time is a time whatever the words around it; "12%" counts percent like "12 percent".
    // Each key once, in this order (no Set per figure: a match reads five stories' facts).
    const k0 = sep === ':' ? 'time' : null;
    const k1 = pct ? 'percent' : null;
    const k2 = keyWord(text, after, 1);
    const across2 = acrossComma;
    const k3 = keyWord(text, start - 1, -1);
    const across3 = acrossComma;
    if (k0) add(`${value} ${k0}`);
    if (k1) add(`${value} ${k1}`);
    if (k2 && k2 !== k0 && k2 !== k1) add(`${value} ${k2}`, across2 ? keyedAcross : keyedAfter);
    if (k3 && k3 !== k0 && k3 !== k1 && k3 !== k2) add(`${value} ${k3}`, across3 ? keyedAcross : keyedBefore);
    if (month) ((dated = false), add(`${month[1]!.toLowerCase()}-${n} date`));
  }
  // A figure the text also states apart from a recalled date ("6 people", "June 6") is its own.
  for (const f of stated) recalled.delete(f);
  for (const f of apart) ofDates.delete(f);
  // Written well once is enough to show a figure, and after it ("306 electoral votes") is the usual order.
  for (const f of keyedBefore) if (keyedAfter.has(f)) keyedBefore.delete(f);
  let unshown: Set<string> = ofDates;
  for (const f of keyedAcross) {
    if (keyedAfter.has(f) || keyedBefore.has(f)) continue;
    if (unshown === ofDates) unshown = new Set(ofDates);
    unshown.add(f);
  }
  return { figures, days: weekdays(text), background: recalled, ofDates, unshown, keyFirst: keyedBefore };
}

/** The key of a figure (`value key` → `key`). */
export const keyOf = (figure: string) => figure.slice(figure.indexOf(' ') + 1);

/** `termHash` cut to 30 bits: a small integer in V8, and it fits an Int32Array. */
const smallHash = (s: string) => termHash(s) >>> 2;

/**
 * A story's figures as the index keeps them: the `keep` most often stated, each as three numbers
 * (hash of `value key`, hash of `key`, times stated), flat in an Int32Array. Hashes, not strings:
 * 10k stories' figures as strings doubled the index's heap; as plain arrays they took 2.4 times
 * the memory of typed ones.
 */
export function packFigures(figures: ReadonlyMap<string, number>, keep: number): Int32Array {
  // Most frequent first (ties in the order stated), written straight into the array: this runs
  // for each story a match weighs.
  const kept = [...figures.keys()].sort((a, b) => figures.get(b)! - figures.get(a)!);
  const out = new Int32Array(Math.min(kept.length, keep) * 3);
  for (let i = 0; i * 3 < out.length; i++) {
    const f = kept[i]!;
    out[i * 3] = smallHash(f);
    out[i * 3 + 1] = smallHash(keyOf(f));
    out[i * 3 + 2] = figures.get(f)!;
  }
  return out;
}

/**
 * How the article's figures fare against the story's (`packFigures`): for each figure of the
 * article whose key the story also gives a value for, the share of the story's values for that
 * key that are the same (agree) and the rest (disagree), summed over the article's figures; and
 * the article's figures the story states too. A `background` figure (a date the article recalls)
 * agrees with nothing: a story about another event of its aftermath recalls it too. A figure of
 * `unshown` (`Facts.unshown`: read from a date, or keyed across a comma) agrees, but is not listed in `same`.
 */
export function compareFigures(
  article: Iterable<string>,
  story: ArrayLike<number>,
  background: ReadonlySet<string> = new Set(),
  unshown: ReadonlySet<string> = new Set(),
): { agree: number; disagree: number; same: string[] } {
  const byKey = new Map<number, number>();
  for (let i = 0; i < story.length; i += 3) byKey.set(story[i + 1]!, (byKey.get(story[i + 1]!) ?? 0) + story[i + 2]!);
  let agree = 0;
  let disagree = 0;
  const same: string[] = [];
  for (const f of article) {
    const total = byKey.get(smallHash(keyOf(f)));
    if (!total) continue;
    const h = smallHash(f);
    let stated = 0;
    for (let i = 0; i < story.length; i += 3) if (story[i] === h) stated = story[i + 2]!;
    const share = stated / total;
    disagree += 1 - share;
    if (share > 0 && !background.has(f)) {
      agree += share;
      if (!unshown.has(f)) same.push(f);
    }
  }
  return { agree, disagree, same };
}

/** Whether the article and story name weekdays and none of them the same (-1), share one (1), or say nothing (0). */
export function compareDays(article: number, story: number): -1 | 0 | 1 {
  if (!article || !story) return 0;
  return article & story ? 1 : -1;
}
