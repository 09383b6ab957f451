/**
 * Names of more than one word, which tell two events of one kind apart: a single word ("Saints",
 * "Turkmenistan", "T-Mobile") is shared by every event of its kind, a full name tells one
 * player, ship or phone from another.
 */
import type { Name } from './tokenize.ts';
import { clean } from './word-cursor.ts';

/** Names of two words or more ("Pierre Thomas", "INS Sukanya"), as their tokens joined by a space. */
export interface FullNames {
  title: string[];
  lede: string[];
  all: Set<string>;
}

/**
 * Words of office and party that lead a person's name in running text ("President Barack Obama",
 * "House Majority Whip Steve Scalise", "Special Agent Crystal Griner"): one article writes the
 * office and another does not, so a full name is read from after the last of them (English;
 * other languages' names are read as written).
 */
const ROLES = new Set(
  (
    'president vice senator representative congressman congresswoman governor mayor speaker house senate majority ' +
    'minority leader whip attorney general deputy assistant secretary judge justice chief prime minister chancellor ' +
    'ceo chairman chairwoman director coach manager commissioner sheriff officer detective agent agents special ' +
    'sergeant captain lieutenant colonel former acting spokesman spokeswoman democratic republican democrat counsel executive'
  ).split(' '),
);

/** Where a name of `words` starts after its words of office: after the last of them, when two words or more follow it. */
function afterOffice(words: readonly (string | null)[]): number {
  // "White House Press Secretary Sarah Sanders"; a name that is mostly office stays whole ("General Electric").
  for (let i = words.length - 3; i >= 0; i--) if (words[i] && ROLES.has(words[i]!)) return i + 1;
  return 0;
}

/**
 * Stop words that open names as often as sentences: "New York", "New Zealand", "Will Smith". The
 * matcher reads such a name without them ("York"), but a reader looks for the whole of it.
 */
const NAME_OPENERS = new Set(['new', 'will']);

/**
 * A name as a reader would look for it on the page: without the words of office or the stop words
 * before it ("Mr", "The", a sentence's "As") or a possessive after it ("President Joe Biden's" is
 * "Joe Biden"; "Mr Trump", "Trump"; "Trump Organization's", "Trump Organization"), but with the
 * stop words that open names ("New York", not "York").
 */
export function shownName(text: string): string {
  const words = text.split(' ');
  const tokens = words.map(clean);
  let from = afterOffice(tokens);
  while (from < words.length - 1 && tokens[from] === null && !NAME_OPENERS.has(words[from]!.toLowerCase())) from++;
  return words
    .slice(from)
    .join(' ')
    .replace(/['’]s?$/u, '');
}

/** The names of more than one word in `found`, each once, without the words of office that lead them. */
export function fullNames(found: Name[]): string[] {
  const out = new Set<string>();
  for (const n of found) {
    const from = afterOffice(n.tokens);
    if (n.tokens.length > 1) out.add(from ? n.tokens.slice(from).join(' ') : n.tokens.join(' '));
  }
  return [...out];
}
