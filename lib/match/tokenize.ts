/** The article side of reading words: tokens and proper names as strings, sliced from `WordCursor`'s spans (word-cursor.ts). */
import { clean, GAP, WordCursor } from './word-cursor.ts';

/** Lower-cased word tokens (letters/digits in any script), stop words and 1-letter tokens dropped. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const w = new WordCursor(text); w.next();) {
    const t = w.token();
    if (t) out.push(t);
  }
  return out;
}

/** One proper name as written ("Mayo Clinic") and its tokens. */
export interface Name {
  text: string;
  tokens: string[];
}

/**
 * Proper names in running text: runs of the words `WordCursor` reads as names, broken by
 * sentence ends, commas, brackets and quotes. Headlines in title case would make every word a
 * name, so callers pass sentence-case text (body, dek), not titles. `onToken` receives every
 * token of the text on the way, as `tokenize` gives them, so one pass serves both.
 */
export function names(text: string, onToken?: (token: string) => void): Name[] {
  const out: Name[] = [];
  let run: string[] = [];
  // The run's words cleaned (null where `clean` drops one), each cleaned once.
  let runTokens: (string | null)[] = [];
  const flush = () => {
    if (!run.length) return;
    const tokens = runTokens.filter((t): t is string => t !== null);
    if (tokens.length) out.push({ text: run.join(' '), tokens });
    run = [];
    runTokens = [];
  };
  for (const w = new WordCursor(text, true); w.next();) {
    if (w.gap & GAP.nameBreak) flush();
    const token = onToken ? w.token() : undefined;
    if (token) onToken!(token);
    if (w.name) {
      const word = text.slice(w.start, w.end);
      run.push(word);
      runTokens.push(token === undefined ? clean(word) : token);
    } else flush();
  }
  flush();
  return out;
}

/**
 * Whether running text reads a word as a name, from how often it does (`asName`) of all the times
 * it has the word (`all`): at least a third (a name also starts sentences). A word a page
 * capitalises in a heading or two ("Took Down") and writes in lower case otherwise is no name.
 */
export const readAsName = (asName: number, all: number): boolean => asName > 0 && asName * 3 >= all;

/** `found`'s names cut to the tokens `named` says are names (a run split where one is not). */
export function keepNamed(found: Name[], named: (token: string) => boolean): Name[] {
  const out: Name[] = [];
  for (const n of found) {
    let run: string[] = [];
    for (const t of n.tokens) {
      if (named(t)) run.push(t);
      else if (run.length) (out.push({ text: run.join(' '), tokens: run }), (run = []));
    }
    if (run.length) out.push({ text: run.join(' '), tokens: run });
  }
  return out;
}

/**
 * The names of a headline. In title case ("Pipe Bomb Suspect Arrested in Southern Florida") every
 * word is capitalised and capitals say nothing, so a headline's names are its runs of capitalised
 * words that `named` says the running text reads as names ("Cesar Sayoc", "Florida";
 * `readAsName`), its first word included ("Trump Declares National Emergency", "COVID-19: Trump
 * Talks"): a sentence-case headline reads alike.
 */
export function headlineNames(title: string, named: (token: string) => boolean): Name[] {
  const out: Name[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) out.push({ text: run.join(' '), tokens: run });
    run = [];
  };
  for (const w = new WordCursor(title); w.next();) {
    if (w.gap & GAP.nameBreak) flush();
    const t = w.token();
    if (t && CAPITAL.test(title.slice(w.start, w.end)) && named(t)) run.push(t);
    else flush();
  }
  flush();
  return out;
}

const CAPITAL = /\p{Lu}/u;
