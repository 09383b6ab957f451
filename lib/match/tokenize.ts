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
  /**
   * The last token of the name this one follows across "of" (or "of the"): "secretary" for
   * "State Antony Blinken" in "Secretary of State Antony Blinken" (full-names.ts reads the office).
   */
  ofAfter?: string;
}

/**
 * Follows the words between two name runs, to tell when one run is joined to the one before it
 * by "of" or "of the" alone, and by no comma or sentence end.
 */
class OfLink {
  private last: string | null = null;
  private between = 0;
  /** A run ended with `token`. */
  ended(token: string | undefined) {
    this.last = token ?? null;
    this.between = 0;
  }
  /** A word that is no name came between: `text` from `start` to `end` (not sliced: most words are no names). */
  word(text: string, start: number, end: number) {
    if (this.between === 0 && end - start === 2) this.between = text.slice(start, end).toLowerCase() === 'of' ? 1 : 3;
    else if (this.between === 1 && end - start === 3) this.between = text.slice(start, end).toLowerCase() === 'the' ? 2 : 3;
    else this.between = 3;
  }
  broken() {
    this.last = null;
  }
  /** The token a run starting now follows across "of", if it does. */
  get(): string | undefined {
    return this.last !== null && (this.between === 1 || this.between === 2) ? this.last : undefined;
  }
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
  const link = new OfLink();
  let ofAfter: string | undefined;
  const flush = () => {
    if (!run.length) return;
    const tokens = runTokens.filter((t): t is string => t !== null);
    if (tokens.length) out.push({ text: run.join(' '), tokens, ofAfter });
    link.ended(tokens.at(-1));
    run = [];
    runTokens = [];
  };
  for (const w = new WordCursor(text, true); w.next();) {
    if (w.gap & GAP.nameBreak) (flush(), link.broken());
    const token = onToken ? w.token() : undefined;
    if (token) onToken!(token);
    if (w.name) {
      const word = text.slice(w.start, w.end);
      if (!run.length) ofAfter = link.get();
      run.push(word);
      runTokens.push(token === undefined ? clean(word) : token);
    } else (flush(), link.word(text, w.start, w.end));
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
    // Only a first piece that keeps the name's first word still follows the "of".
    let ofAfter = n.ofAfter;
    const push = () => {
      out.push({ text: run.join(' '), tokens: run, ofAfter });
      run = [];
    };
    for (const t of n.tokens) {
      if (named(t)) run.push(t);
      else {
        if (run.length) push();
        ofAfter = undefined;
      }
    }
    if (run.length) push();
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
  const link = new OfLink();
  let ofAfter: string | undefined;
  const flush = () => {
    if (!run.length) return;
    out.push({ text: run.join(' '), tokens: run, ofAfter });
    link.ended(run.at(-1));
    run = [];
  };
  for (const w = new WordCursor(title); w.next();) {
    if (w.gap & GAP.nameBreak) (flush(), link.broken());
    const t = w.token();
    const word = title.slice(w.start, w.end);
    if (t && CAPITAL.test(word) && named(t)) {
      if (!run.length) ofAfter = link.get();
      run.push(t);
    } else (flush(), link.word(title, w.start, w.end));
  }
  flush();
  return out;
}

const CAPITAL = /\p{Lu}/u;
