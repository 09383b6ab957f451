/**
 * An article the page prints in two boxes of one kind, an advertisement's row between them:
 * Readability keeps the box with the most text, and its neighbours only when they share its
 * parent, so a lede printed in a box of its own was lost (mercury-fixtures www.politico.com: the
 * first three paragraphs in a `div.story-text` of one section, the rest in another's).
 */
import { squash } from './normalize.ts';
import { blockText } from './text.ts';

// A paragraph of an article, not a caption or a label.
const MIN_PARAGRAPH = 80;
// The share of what was read that the article's box must hold: on a front page it is one teaser's.
const BOX_SHARE = 0.5;

const kindOf = (e: Element) => `${e.tagName} ${e.getAttribute('class')?.trim() ?? ''}`;

/**
 * `text` (Readability's article `content` as text) with the paragraphs the page prints before it
 * in a twin of its box. Paragraphs of the tag and class of the article's first are looked for in
 * the page up to that one: all in one box other than the article's (not a front page's teasers
 * or a thread's comments, each in its own), of the article's box's tag and class, none read.
 */
export function withLedeBox(content: Element, doc: Document, text: string): string {
  const first = Array.from(content.getElementsByTagName('p')).find((p) => squash(p.textContent ?? '').length >= MIN_PARAGRAPH);
  if (!first) return text;
  const kind = first.getAttribute('class')?.trim() ?? '';
  const read = squash(text);
  const ps = kind ? doc.getElementsByClassName(kind.split(/\s+/)[0]!) : doc.getElementsByTagName('p');
  const earlier: string[] = [];
  let lede: Element | null = null;
  for (const p of Array.from(ps)) {
    if (p.tagName !== 'P' || (p.getAttribute('class')?.trim() ?? '') !== kind) continue;
    const t = squash(blockText(p));
    if (!t) continue;
    if (read.includes(t)) {
      const box = p.parentElement;
      if (!lede || !box || t.length < MIN_PARAGRAPH || !earlier.some((e) => e.length >= MIN_PARAGRAPH)) return text;
      const twin =
        lede !== box && kindOf(lede) === kindOf(box) && !!lede.getAttribute('class')?.trim() && !lede.contains(box) && !box.contains(lede);
      const own = squash(box.textContent ?? '').length >= read.length * BOX_SHARE;
      return twin && own ? [...earlier, text].join('\n\n') : text;
    }
    if (lede && p.parentElement !== lede) return text;
    lede = p.parentElement;
    earlier.push(t);
  }
  return text;
}
