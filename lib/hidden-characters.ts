/**
 * The characters outside text can use to hide, reorder or command what a reader sees, sorted
 * into kinds. Each place that quotes outside text picks its kinds by name (`writtenOut` for
 * Lens's lines, lens's `terminalSafe`, the story door's hidden characters): one table, so that a
 * character added for one cannot be forgotten by another unless it says so.
 */

/**
 * How many combining marks (Unicode M) a letter may carry in a row. Real text needs a few: Vietnamese
 * two (ệ decomposed), Devanagari and Thai three, pointed and cantillated Hebrew, Tibetan and Myanmar
 * stacks up to five or six. "Zalgo" text carries dozens, which stack above and below the line and
 * over the lines around it in the popup.
 */
export const MAX_MARKS_IN_A_ROW = 8;

/** Each kind as a regular-expression alternative (a character class, or a mark past the limit). */
export const CHARACTER_KINDS = {
  /** C0 controls but tab and line feed, DEL, C1: commands to a terminal (ESC [2J), a carriage return overwrites its line. */
  control: String.raw`[\u0000-\u0008\u000b-\u001f\u007f-\u009f]`,
  tab: String.raw`\u0009`,
  /** Starts a line of its own in a line Lens writes. */
  lineFeed: String.raw`\u000a`,
  /** Line and paragraph separators. */
  separator: String.raw`[\u2028\u2029]`,
  /** Embeddings, overrides, their PDF, isolates and their PDI: they reorder what follows. */
  directionControl: String.raw`[\u202a-\u202e\u2066-\u2069]`,
  /** LRM, RLM, ALM: invisible, and they set the direction of neutrals and numbers around them. */
  directionMark: String.raw`[\u200e\u200f\u061c]`,
  /** Zero-width space, word joiner, BOM. */
  zeroWidth: String.raw`[\u200b\u2060\ufeff]`,
  /** Invisible times, separator, plus and function application. */
  invisibleOperator: String.raw`[\u2061-\u2064]`,
  softHyphen: String.raw`\u00ad`,
  /**
   * Characters that show nothing or hide what is between them: Hangul fillers (blanks that are
   * letters), the Mongolian vowel separator, deprecated format controls, interlinear annotations,
   * shorthand and musical format controls, tag characters (an invisible copy of any ASCII).
   */
  invisible: String.raw`[\u115f\u1160\u180e\u206a-\u206f\u3164\uffa0\ufff9-\ufffb\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]`,
  /** A combining mark past MAX_MARKS_IN_A_ROW on one letter ("Zalgo"). */
  stackedMark: String.raw`(?<=\p{M}{${MAX_MARKS_IN_A_ROW}})\p{M}`,
} as const;

export type CharacterKind = keyof typeof CHARACTER_KINDS;

/** A regular expression matching one character of any of `kinds`: global (for `replace`) unless `flags` says otherwise. */
export const charactersOf = (kinds: readonly CharacterKind[], flags = 'gu'): RegExp =>
  new RegExp(kinds.map((k) => CHARACTER_KINDS[k]).join('|'), flags);

/** `c` as JSON writes it escaped: `\u001b`, an astral character as its two halves (`\udb40\udc41`). */
export const escapedCharacter = (c: string): string =>
  [...Array(c.length).keys()].map((i) => '\\u' + c.charCodeAt(i).toString(16).padStart(4, '0')).join('');
