/** The date a page prints beside its headline, for pages that declare none in their markup. */
import { isoDay, squash } from './normalize.ts';

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
// A month's name, captured (byline.ts cuts at it too). No \\b before it: textContent joins
// elements ("… six percentMarch 2, 2026").
export const MON =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';
// "Dec. 15, 2016", "1 June 2019", "2019年3月15日", "2019.04.19", "2019/3/5", "19.07.2022",
// "11/28/2016" (after a word too: textContent glues "Hintergrund19.07.2022" in mercury-fixtures
// www.spektrum.de); then an optional time ("at 6:47 p.m.", "09:43", "12時00分") then a zone
// name (see ZONE).
const DATE = new RegExp(
  `(?:${MON}\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})\\.?\\s+${MON},?\\s+(\\d{4})|(\\d{4})\\s*[年/.-]\\s*(\\d{1,2})\\s*[月/.-]\\s*(\\d{1,2})日?|(?<![\\d./])(\\d{1,2})([/.])(\\d{1,2})\\11(\\d{4}))` +
    '(?:[,\\s]*(?:at\\s*)?(\\d{1,2})\\s*[:時]\\s*(\\d\\d)分?(?::\\d\\d)?\\s*(?:([ap])\\.?m\\.?)?)?',
  'gi',
);
// Zone names datelines print, as minutes east of UTC, in capitals and read where the next word
// may follow without a space (textContent joins elements: "11:05 ISTShare"). CST and the other
// American names are the US zones, IST India's (mercury-fixtures timesofindia.indiatimes.com);
// "ET" and "PT" name a US zone whichever time it keeps (www.tmz.com "11/28/2016 11:00 AM PT").
const ZONE = /\s*(UTC|GMT|[ECMP][SD]?T|BST|CES?T|IST|JST)/y;
const ZONES: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  ET: -300,
  CT: -360,
  MT: -420,
  PT: -480,
  BST: 60,
  CET: 60,
  CEST: 120,
  IST: 330,
  JST: 540,
};
// A language spoken where one zone without daylight saving holds tells the zone of a time
// printed without one: Japanese pages print Japan's time (mercury-fixtures www.ossnews.jp
// "2019年3月15日 09:43"), Chinese ones UTC+8, which mainland China, Taiwan, Hong Kong, Macau and
// Singapore all keep (www.qdaily.com "2017-03-01 14:27:02"). English, Spanish, French, … name no
// zone: their times stay unread.
const LANG_ZONES: Record<string, number> = { ja: 540, zh: 480, ko: 540 };
// A page that declares no language but prints its headline in Japanese (kana) or Chinese (Han
// characters alone) or Korean (Hangul) still prints that language's time (mercury-fixtures
// www.qdaily.com: no lang anywhere, "2017-03-01 14:27:02").
const scriptLang = (text: string) =>
  /[\u3040-\u30ff]/.test(text) ? 'ja' : /[\uac00-\ud7af]/.test(text) ? 'ko' : /[\u4e00-\u9fff]/.test(text) ? 'zh' : null;

/**
 * True when a page in English, American or unmarked (or one declaring no language), is served from a host outside the
 * other countries' domains: there, a dateline in the American form with a 12-hour clock and no
 * zone ("December 16, 2016, 4:19 PM") is read as US Eastern time, the zone most American news
 * prints in (mercury-fixtures abcnews.go.com, www.aol.com, www.miamiherald.com, www.slate.com).
 * A Central or Pacific newsroom comes out an hour or three early (www.dmagazine.com, Dallas):
 * still the right day, where the bare date was the only alternative.
 */
export const americanPage = (lang: string | null, host: string): boolean =>
  /^\s*en(?:[-_]us)?\s*$/i.test(lang ?? 'en') && !/\.(?!us$)[a-z]{2}$/i.test(host);

/** The `n`th Sunday of a month, as its day of the month. */
const sunday = (year: number, month: number, n: number) => 7 * n - 6 + ((7 - new Date(Date.UTC(year, month)).getUTCDay()) % 7);
// US daylight saving as it has been since 2007: from March's second Sunday to November's first
// (the hour of the change aside: a dateline rarely falls between 2 and 3 a.m. on those days).
const usSummer = (year: number, month: number, day: number) =>
  (month > 2 && month < 10) || (month === 2 && day >= sunday(year, 2, 2)) || (month === 10 && day < sunday(year, 10, 1));

/**
 * The first date in `text` as ISO 8601: a date and time in UTC when the text names its zone or
 * `lang` implies one, else the bare date (a local time in an unknown zone is no instant). A bare
 * date gives way to a time printed later on the same day (mercury-fixtures
 * timesofindia.indiatimes.com: "This story is from October 9, 2019 … Updated: Oct 9, 2019, 11:05 IST").
 * Numbers with dots are day first ("19.07.2022"); with slashes, "11/28/2016" is American and
 * "28/11/2016" not, and "5/3/2016" could be either unless an American zone follows it.
 */
export function parseDateline(text: string, lang: string | null, american = false): string | null {
  // Every form DATE reads ends its date with a four-digit year: text without one holds no date,
  // and a reader's first click on such a page then never compiles DATE, the largest expression
  // extraction has (the profiler's hottest line on small pages' first runs).
  if (!/\d{4}/.test(text)) return null;
  let date: string | null = null;
  for (const m of text.matchAll(DATE)) {
    const name = m[1] ?? m[5];
    let month = name ? MONTHS.indexOf(name.slice(0, 3).toLowerCase()) / 3 : Number(m[8] ?? m[12]) - 1;
    let day = Number(m[2] ?? m[4] ?? m[9] ?? m[10]);
    const year = Number(m[3] ?? m[6] ?? m[7] ?? m[13]);
    ZONE.lastIndex = m.index + m[0].length;
    // The American form (month name first, "4:19 PM") on an American page, no zone printed: ET.
    const zone = ZONE.exec(text)?.[1] ?? (american && m[1] && m[16] ? 'ET' : '');
    if (m[11] === '/' && day < 13) {
      if (month < 12 && !/^[ECMP][SD]?T$/.test(zone)) continue;
      [month, day] = [day - 1, month + 1];
    }
    if (month < 0 || month > 11 || day < 1 || day > 31 || year < 1990) continue;
    const ymd = isoDay(year, month, day);
    if (date && date !== ymd) break;
    date = ymd;
    let offset = ZONES[zone] ?? LANG_ZONES[lang ?? ''];
    if (!m[14] || offset === undefined) continue;
    if (zone.length === 2 && usSummer(year, month, day)) offset += 60;
    const hour = m[16] ? (Number(m[14]) % 12) + (/p/i.test(m[16]) ? 12 : 0) : Number(m[14]);
    return new Date(Date.UTC(year, month, day, hour, Number(m[15])) - offset * 6e4).toISOString();
  }
  return date;
}

/**
 * The date printed nearest `headline`: in the text of its smallest enclosing box that has one,
 * a little before the headline (kickers) to a few lines after it (byline, dateline). Dates
 * further away belong to other stories, captions or archives.
 */
export function findDateline(headline: Element | null, lang: string | null, american = false): string | null {
  const head = headline?.textContent ?? '';
  const title = squash(head);
  lang ??= scriptLang(title);
  // Eight boxes up: a headline in a breadcrumb shares only its fifth with its dateline
  // (mercury-fixtures www.spektrum.de), and only the text near the headline is read in any box.
  for (let box = headline?.parentElement, depth = 0; title && box && depth < 8; box = box.parentElement, depth++) {
    const raw = box.textContent!;
    // A box this large is the page, not the headline's: its dates are other stories'. Not much
    // smaller: the text is only read near the headline, and a page's scripts fill its boxes (mercury-fixtures
    // www.infoq.com: 7.6k characters around its dateline as saved, 29.8k in Chromium, where 20k
    // lost the date; bench:extract compares the two).
    if (raw.length > 100_000) break;
    // Spaces are folded only around the headline, whose text the box's holds as it is: a few
    // thousand characters of source hold the hundreds read (folding whole boxes cost more).
    const from = raw.indexOf(head);
    const text = raw.slice(Math.max(0, from - 2000), from + head.length + 6000).replace(/\s+/g, ' ');
    const at = text.indexOf(title);
    const found = parseDateline(text.slice(Math.max(0, at - 100), at + title.length + 300), lang, american);
    if (found) return found;
  }
  return null;
}
