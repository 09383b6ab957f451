/** Plain text out of Readability's article element, keeping paragraph breaks. */
import { CJK_RANGES, SEP } from './normalize.ts';

// Word lists, split once: shorter in the injected script than arrays of string literals.
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN OL P PRE SECTION TABLE TR UL'.split(
    ' ',
  ),
);
const SKIP = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE SVG BUTTON'.split(' '));

/**
 * Walks `root` and returns its text with one blank line between block elements and a newline
 * for `<br>`, whitespace inside a paragraph folded — the shape a reader sees.
 */
export function blockText(root: Node): string {
  let out = '';
  let line = '';
  // The strongest break asked for since the last emitted text: '' < '\n' (br) < '\n\n' (block).
  let pending = '';
  const flush = (brk: '\n' | '\n\n') => {
    const t = line.replace(/[ \t\f\v\u00a0\r\n]+/g, ' ').trim();
    line = '';
    if (t) {
      out += (out ? pending || ' ' : '') + t;
      pending = '';
    }
    if (brk.length > pending.length) pending = brk;
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      line += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') return flush('\n');
    const block = BLOCK.has(tag);
    if (block) flush('\n\n');
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush('\n\n');
    else if (tag === 'TD' || tag === 'TH') line += ' ';
  };
  walk(root);
  flush('\n\n');
  return out;
}

// Chinese and Japanese run words together: each character counts as one word, which is also
// how sites in those languages count their `wordCount`.
const CJK = new RegExp(`[${CJK_RANGES}]`, 'g');

const WORD = new RegExp(`[^${SEP}]+(?:['’][^${SEP}]+)*`, 'g');

/** Fewer words than this, once read, is no article (the background holds what it reads again to it too). */
export const MIN_ARTICLE_WORDS = 30;

/** Counts words the way readers do: runs of letters or digits ("don't" is one), and each CJK character. */
export function countWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return ((cjk ? text.replace(CJK, ' ') : text).match(WORD)?.length ?? 0) + cjk;
}
