/**
 * The UI's words as the core sees them: handed in (platform/i18n.ts in the extension), or filled
 * from the English messages table where there is no browser (the CLI, tests).
 */
import { charactersOf, escapedCharacter, MAX_MARKS_IN_A_ROW } from './hidden-characters.ts';

export { MAX_MARKS_IN_A_ROW };

/** `t` and `tn` of platform/i18n.ts, for core code that words something without a browser. */
export interface Words {
  t(key: string, subs?: string | number | (string | number)[]): string;
  tn(key: string, n: number, extra?: (string | number)[]): string;
}

/** A `messages.json` message with `$1`… filled from `subs` and `$$` as `$`, as browsers fill them. */
export function fillMessage(message: string, subs: readonly string[] = []): string {
  return message.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '').replace(/\$\$/g, '$');
}

/**
 * `s` cut at the end of a word to at most `max` characters, with "…" when cut: a page title quoted
 * in a sentence of the popup, which has one screen for the whole state.
 */
export function clipAtWord(s: string, max: number): string {
  const text = s.trim();
  if (text.length <= max) return text;
  // Never half a character: a cut between the two halves of a surrogate pair (an emoji) left
  // text that is not well-formed (a review, 2026-12-07). Letters joined into one sign (a flag, a
  // family) may still be cut into fewer.
  let cut = text.slice(0, /[\ud800-\udbff]/.test(text[max - 1]!) ? max - 1 : max);
  // A word cut in two is left out whole, unless it is most of the title.
  if (/\S/u.test(text[max]!)) {
    const space = cut.search(/\s\S*$/u);
    if (space > max / 2) cut = cut.slice(0, space);
  }
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}

// Format characters (Unicode Cf) no reader sees: the soft hyphen, zero-width space, word joiner
// and invisible operators, direction controls, BOM, tag characters. ZWNJ/ZWJ and LRM/RLM/ALM
// stay: Persian, Indic and mixed-direction text need them, and they hide no words. So do the tag
// characters of a subdivision flag (🏴 then tags, Scotland's): dropped, it was a black flag.
/** A subdivision's flag: 🏴, tag letters, cancel tag (Scotland's, Wales's). Its tag characters are seen, as the flag. */
export const SUBDIVISION_FLAG = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const INVISIBLE = new RegExp(`${SUBDIVISION_FLAG.source}|(?![\\u200c-\\u200f\\u061c])\\p{Cf}`, 'gu');
const dropInvisible = (s: string) => s.replace(INVISIBLE, (m) => (m.startsWith('\u{1F3F4}') ? m : ''));

/**
 * Outside text (a store's name or title) as one line Lens can quote: every run of whitespace,
 * line and paragraph separators included, one space; invisible format characters dropped. A
 * notification shows the first few lines of its text, so a quoted name must not bring its own.
 */
export const oneLine = (s: string): string => dropInvisible(s).replace(/\s+/gu, ' ').trim();

// Variation selectors: after a letter they change nothing a reader sees ("Fortune\ufe00"), after
// an emoji or an ideograph only its style.
const VARIATION_SELECTORS = /[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;

/**
 * Two names are one for a reader when this is the same: compatibility forms folded (NFKC:
 * "Ｆｏｒｔｕｎｅ" is Fortune), variation selectors dropped, runs of whitespace one space, ends trimmed,
 * case folded. A story that cites "Fortune" and "Fortune\ufe00" cites one outlet: counted as two,
 * its badge said one more outlet than the popup could show apart (a security review, 2026-12-08).
 */
export const readerKey = (s: string): string =>
  s.normalize('NFKC').replace(VARIATION_SELECTORS, '').replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * `s` as one line (`oneLine`) of at most `max` characters, the "…" of a cut included (cut at a
 * word, `clipAtWord`): clipping it again changes nothing, so a stored value can be clipped on
 * every read.
 */
export function clipLine(s: string, max: number): string {
  const line = oneLine(s);
  return line.length <= max ? line : clipAtWord(line, max - 1);
}

/** Direction controls: embeddings, overrides and their end (U+202A–E), isolates and theirs (U+2066–9). */
const DIRECTION_CONTROLS = charactersOf(['directionControl']);

/**
 * `s` as a bidi isolate (U+2068 … U+2069, the text form of `<bdi>`), its own direction controls
 * dropped: a page's title quoted in the popup's sentence. A right-to-left title still reads right to
 * left, but a page cannot reverse the rest of the sentence with an override (U+202E) or end the
 * isolate early with one of its own. Combining marks past MAX_MARKS_IN_A_ROW on one letter are
 * dropped too: a title of "Zalgo" (30 marks a letter) stacked over Lens's lines above and below.
 */
export function isolated(s: string): string {
  return `\u2068${s.replace(DIRECTION_CONTROLS, '').replace(MARKS_PAST_LIMIT, '')}\u2069`;
}

/**
 * `s` with every direction control closed where its line ends, and a closer that closes nothing
 * dropped: an embedding or override (U+202A, B, D, E) gets its PDF (U+202C), an isolate (U+2066–8)
 * its PDI (U+2069), as the Unicode bidi algorithm pairs them. Text used as it should be (an
 * Arabic or Hebrew phrase in an isolate) is left as it is; an override left open can no longer
 * reverse what follows the text on its line: the label beside it, the next field, Lens's words.
 */
export function closeDirections(s: string): string {
  if (!/[\u202a-\u202e\u2066-\u2069]/.test(s)) return s;
  return s
    .split(/(\r\n|[\n\r\u2028\u2029])/)
    .map((line, i) => {
      if (i % 2) return line; // a line break, as it was
      const open: ('e' | 'i')[] = [];
      let out = '';
      for (const c of line) {
        if (c === '\u202c') {
          // A PDF closes the innermost embedding, never across an isolate.
          if (open.at(-1) !== 'e') continue;
          open.pop();
        } else if (c === '\u2069') {
          // A PDI closes its isolate and whatever was opened inside it.
          if (!open.includes('i')) continue;
          while (open.pop() !== 'i');
        } else if (/[\u202a\u202b\u202d\u202e]/.test(c)) open.push('e');
        else if (/[\u2066-\u2068]/.test(c)) open.push('i');
        out += c;
      }
      return (
        out +
        open
          .reverse()
          .map((o) => (o === 'e' ? '\u202c' : '\u2069'))
          .join('')
      );
    })
    .join('');
}

const MARK_RUN = new RegExp(`\\p{M}{${MAX_MARKS_IN_A_ROW + 1}}`, 'u');
const MARKS_PAST_LIMIT = charactersOf(['stackedMark']);

/** Whether `s` stacks more than MAX_MARKS_IN_A_ROW combining marks on one letter. */
export const stacksMarks = (s: string): boolean => MARK_RUN.test(s);

// What breaks one of Lens's lines on a page: a control or a line break (a line of its own), a
// direction control (the rest of the line turned around), a zero-width character or invisible
// operator (an id that is not what it shows). lens's terminal set is wider (`terminalSafe`,
// cli/io.ts): a terminal obeys more, and lens's JSON reads the escapes back.
const UNSEEN = charactersOf(['control', 'tab', 'lineFeed', 'separator', 'directionControl', 'zeroWidth', 'invisibleOperator']);

/**
 * Outside text quoted in one of Lens's lines (a rejected story's id, a store's bytes in a JSON
 * error) with its control, line-breaking, invisible and direction characters written out
 * (`\u202e`): a U+202E in it would turn the rest of the line around, a line feed start a line of its own.
 */
export const writtenOut = (s: string): string => s.replace(UNSEEN, escapedCharacter);
