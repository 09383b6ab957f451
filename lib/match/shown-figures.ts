/**
 * Figures as a reader would write them in a reason ("Same figures: 6.4 magnitude, May 25"): the
 * matcher reads them as `value key` (facts.ts), without thousands separators, a date as
 * "may-25 date" or "25 may".
 */
import { keyOf, MONTHS } from './facts.ts';

// Money counted by a span of time is a rate: "$48 million a year" is read as "$48m year".
const PER = new Set(['year', 'month', 'week', 'day', 'hour']);

// A weekday is written with its capital, though the matcher reads it as no name: "Thursday 27-24".
const WEEKDAY = /^(mon|tues|wednes|thurs|fri|satur|sun)day$/;
const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);

const MONTH_NAMES = 'January February March April May June July August September October November December'.split(' ');
/** "may-25" (a `date` figure's value), or 25 with the key "may" or "january": the date as written, "May 25"; else null. */
function shownDate(value: string, key: string): string | null {
  const [month, day] = key === 'date' ? value.split('-') : [key, value];
  const name = MONTH_NAMES[MONTHS.indexOf(month!.slice(0, 3))];
  return name && name.toLowerCase().startsWith(month!) && /^\d{1,2}$/.test(day!) ? `${name} ${day}` : null;
}

/**
 * Figures (`value key`) as a reader would write them, each once: "6.4 magnitude", "2:09", "12%",
 * "$48m a year", "May 25" (read as "25 may" and "may-25 date"), and those of `keyFirst`
 * (`Facts.keyFirst`: the text writes the key before them) in that order, "magnitude 6.4"; each
 * key as `shown` gives it (reasons.ts: a name with its capitals, "Trump 232"), a weekday capitalised.
 */
export function showFigures(
  figures: readonly string[],
  keyFirst: ReadonlySet<string> = new Set(),
  shown: (key: string) => string = (key) => key,
): string[] {
  const written = (key: string) => (WEEKDAY.test(key) ? capitalised(key) : shown(key));
  const seen = new Set<string>();
  return figures.flatMap((f) => {
    // Read without its thousands separators ("800,000" is "800000"), shown with them.
    const value = f.slice(0, f.indexOf(' ')).replace(/\d{4,}/, (d) => d.replace(/\B(?=(\d{3})+$)/g, ','));
    const key = keyOf(f);
    const date = shownDate(value, key);
    if (seen.has(date ?? value)) return [];
    seen.add(date ?? value);
    if (date) return [date];
    if (key === 'time') return [value];
    if (key === 'percent') return [`${value}%`];
    if (keyFirst.has(f)) return [`${written(key)} ${value}`];
    return [/^[$€£]/.test(value) && PER.has(key) ? `${value} a ${key}` : `${value} ${written(key)}`];
  });
}
