/**
 * Names of more than one word, which tell two events of one kind apart: a single word ("Saints",
 * "Turkmenistan", "T-Mobile") is shared by every event of its kind, a full name tells one
 * player, ship or phone from another.
 */
import type { Name } from './tokenize.ts';
import { zipfOf } from './rarity.ts';
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

/** Words of office that name a person's post, not an institution ("Senate", "House" are names). */
const PERSON_TITLES = new Set(
  (
    'president vice senator representative congressman congresswoman governor mayor speaker secretary judge justice ' +
    'chief minister chancellor ceo chairman chairwoman director coach manager commissioner sheriff officer detective ' +
    'sergeant captain lieutenant colonel spokesman spokeswoman counsel'
  ).split(' '),
);

/** Whether a name is a title alone ("the President said"): a post, no name for a reader to look for. */
export const isTitleAlone = (tokens: readonly string[]): boolean => tokens.length === 1 && PERSON_TITLES.has(tokens[0]!);

/**
 * Where a name of `words` starts after its words of office: after the last of them, when two words
 * or more follow it. An office "of" something is one office ("Secretary of State Antony Blinken",
 * as a reason shows it; the matcher's name runs break at the "of", and `fullNames` reads the
 * office from `Name.ofAfter`).
 */
function afterOffice(words: readonly (string | null)[]): number {
  // "White House Press Secretary Sarah Sanders"; a name that is mostly office stays whole ("General Electric").
  for (let i = words.length - 3; i >= 0; i--) {
    if (!words[i] || !ROLES.has(words[i]!)) continue;
    // "Secretary of State …": the office takes its "of"; without a full name after it, whole.
    if (words[i + 1] === null && words[i + 2]) return i + 5 <= words.length ? i + 3 : 0;
    return i + 1;
  }
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
    const { tokens } = personOf(n);
    const from = afterOffice(tokens);
    if (tokens.length > 1) out.add(from ? tokens.slice(from).join(' ') : tokens.join(' '));
  }
  return [...out];
}

/**
 * `n` without the word of an office "of" something before it: "Secretary of State Antony Blinken"
 * is read as "Secretary" and "State Antony Blinken", and the office takes its one word after "of"
 * when a full name follows it (as `afterOffice` shows it).
 */
export function personOf(n: Name): Name {
  if (!n.ofAfter || !ROLES.has(n.ofAfter) || n.tokens.length < 3) return n;
  return { text: n.text.slice(n.text.indexOf(' ') + 1), tokens: n.tokens.slice(1), ofAfter: undefined };
}

/**
 * The runs of `found` (in text order) that are an office "of" something, not a name: "White House
 * Chief" of "White House Chief of Staff Mick Mulvaney", whose person is the next run.
 */
export function officesOf(found: readonly Name[]): Set<Name> {
  const offices = new Set<Name>();
  for (let i = 0; i + 1 < found.length; i++) {
    const last = found[i]!.tokens.at(-1);
    if (last && ROLES.has(last) && found[i + 1]!.ofAfter === last) offices.add(found[i]!);
  }
  return offices;
}

/**
 * Lower-case words that join the parts of one name: "Bank of America", "Centers for Disease
 * Control", "Banco de España". The matcher reads the parts apart ("Bank", "America"); a reader
 * looks for the whole. "and" only between common words (AND_ZIPF): "Pfizer and Moderna" are two
 * names.
 */
const JOINERS = new Set(['of', 'for', 'de', 'del', 'della', 'des', 'du', 'di', 'da', 'dos', 'van', 'von', 'der']);
/** An article after a joiner: "Museum of the City", "Universidad de la República". */
const JOINED_ARTICLES = new Set(['the', 'la', 'le', 'los', 'las']);
/** How far around a name its whole is looked for, in characters and in words a side. */
const WHOLE_WINDOW = 200;
const WHOLE_WORDS = 10;

const isNamePart = (w: string) => /^\p{Lu}/u.test(w) && (clean(w) !== null || NAME_OPENERS.has(w.toLowerCase()));
/** A word followed by punctuation ends a name, unless it is an initial ("Donald J. Trump"). */
const endsPhrase = (w: string) => /[^\p{L}\p{N}'’]$/u.test(w) && !/^\p{Lu}\.$/u.test(w);

/** Where `name` first occurs in `text` as whole words, or -1. */
export function wordAt(text: string, name: string): number {
  const edge = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}]/u.test(c);
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1))
    if (edge(text[at - 1]) && edge(text[at + name.length])) return at;
  return -1;
}

/** How many words before `end` in `words` join a name: "of" (1), "of the" (2), or none (0). */
function joinerBefore(words: readonly string[], end: number): number {
  if (JOINERS.has(words[end - 1] ?? '')) return 1;
  return JOINED_ARTICLES.has(words[end - 1] ?? '') && JOINERS.has(words[end - 2] ?? '') ? 2 : 0;
}

/** How many words from `from` in `words` join a name: "of" (1), "of the" (2), or none (0). */
function joinerFrom(words: readonly string[], from: number): number {
  if (!JOINERS.has(words[from] ?? '')) return 0;
  return JOINED_ARTICLES.has(words[from + 1] ?? '') ? 2 : 1;
}

/**
 * How common a word after "and" must be for "and" to join it to a name: "Centers for Disease
 * Control and Prevention", "Health and Human Services" are one name, "Bank of America and Wells
 * Fargo" two (zipf: prevention 4.5, human 5.3; wells 4.3, harris 4.3, moderna 2.9).
 */
const AND_ZIPF = 4.5;
const isCommonPart = (w: string) => zipfOf(clean(w.replace(/[^\p{L}\p{N}'’]+$/u, '')) ?? '') >= AND_ZIPF;

/** Whether the story writes a phrase, case aside or (`cased`) as written. */
export type StoryWrites = (phrase: string, cased?: boolean) => boolean;

/**
 * `name` as the page writes it whole, with the parts the matcher read apart across joiners
 * ("America" of "Bank of America", "York" of a sentence's "New York"): the longest such whole
 * that `storyHas` says the story writes too, else `name`. Looks only at the words around its
 * first occurrence: linear, bounded.
 */
export function wholeName(text: string, name: string, storyHas: StoryWrites): string {
  const at = wordAt(text, name);
  if (at < 0) return name;
  // Only words written next to the name, a space apart, can be part of it.
  const before = text.slice(Math.max(0, at - WHOLE_WINDOW), at);
  const after = text.slice(at + name.length, at + name.length + WHOLE_WINDOW);
  const left = before.endsWith(' ') ? before.slice(0, -1).split(' ') : [];
  const right = after.startsWith(' ') ? after.slice(1).split(' ') : [];
  const parts = [name];
  const wholes: string[] = [];
  // Set once a sentence's first word is taken in: that whole must be one the story writes in capitals too.
  let cased = false;
  const casedAt = new Set<string>();
  const add = (whole: string) => {
    wholes.push(whole);
    if (cased) casedAt.add(whole);
  };
  const keep = () => add(shownName(parts.join(' ').replace(/[^\p{L}\p{N}'’]+$/u, '')));
  let end = left.length;
  // A stop word that opens names, capitalised just before it: a sentence's "New York". Or any
  // capitalised word that opens the sentence just before it: "Harlow" of "Harlow County
  // commissioners said", no name to the matcher, which reads a sentence's first word as none.
  const opensSentence = end === 1 ? at <= WHOLE_WINDOW : end > 1 && /[.!?]["'”’)]*$/u.test(left[end - 2]!);
  if (
    end &&
    /^\p{Lu}/u.test(left[end - 1]!) &&
    (NAME_OPENERS.has(left[end - 1]!.toLowerCase()) ||
      (opensSentence && isNamePart(left[end - 1]!) && !endsPhrase(left[end - 1]!) && !ROLES.has(left[end - 1]!.toLowerCase())))
  ) {
    cased = !NAME_OPENERS.has(left[end - 1]!.toLowerCase());
    parts.unshift(left[--end]!);
    keep();
  }
  // Leftwards: a joiner, then the capitalised words before it ("Bank" of "Bank of America"); or
  // "and", when the name so far is common words ("Drug Administration" of "Food and Drug
  // Administration", "Prevention"), not "Moderna" of "Pfizer and Moderna".
  while (parts.length < WHOLE_WORDS) {
    const and = left[end - 1] === 'and' && parts.every((p) => p.split(' ').every(isCommonPart));
    const j = and ? 1 : joinerBefore(left, end);
    let k = end - j;
    while (j && k > 0 && isNamePart(left[k - 1]!) && !endsPhrase(left[k - 1]!)) k--;
    if (!j || k === end - j) break;
    // Each start of the capitalised run is a whole of its own: "US Centers for …" or "Centers for …".
    for (let m = end - j - 1; m > k; m--) add(shownName([...left.slice(m, end), ...parts].join(' ')));
    parts.unshift(...left.slice(k, end));
    end = k;
    keep();
  }
  // Rightwards, from a one-word name only ("Department" of "Department of Justice"): what follows
  // a full name is more often who or where it is ("Joe Manchin of West Virginia"). A joiner, then
  // capitalised words; a word followed by punctuation ends the name. Once a name has been joined
  // so, "and" joins it to common words that end it ("… Control and Prevention").
  for (let from = 0; !name.includes(' ') && parts.length < WHOLE_WORDS && !endsPhrase(parts[parts.length - 1]!);) {
    const joined = parts.length > 1;
    const and = joined && right[from] === 'and';
    const j = and ? 1 : joinerFrom(right, from);
    let k = from + j;
    while (j && k < right.length && isNamePart(right[k]!) && !endsPhrase(right[k++]!));
    const taken = right.slice(from + j, k);
    if (!j || !taken.length) break;
    if (and && !taken.every(isCommonPart)) break;
    parts.push(...right.slice(from, k));
    from = k;
    keep();
  }
  const shown = shownName(name);
  for (let i = wholes.length - 1; i >= 0; i--) if (wholes[i] !== shown && storyHas(wholes[i]!, casedAt.has(wholes[i]!))) return wholes[i]!;
  return name;
}
