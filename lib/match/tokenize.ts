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
 * The names of a headline. In title case ("Pipe Bomb Suspect Arrested in Southern Florida") every
 * word is capitalised and capitals say nothing, so a headline's runs of capitalised words are cut
 * to the tokens that `named` says the running text names too ("Cesar Sayoc", "Florida"); a
 * sentence-case headline's names are named there as well, so both read alike.
 */
export function headlineNames(title: string, named: (token: string) => boolean): Name[] {
  const out: Name[] = [];
  for (const n of names(title)) {
    let run: string[] = [];
    for (const t of [...n.tokens, '']) {
      if (t && named(t)) run.push(t);
      else if (run.length) (out.push({ text: run.join(' '), tokens: run }), (run = []));
    }
  }
  return out;
}
