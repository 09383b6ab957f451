/**
 * A slideshow in the article's box prints each caption again and again (its thumbnails, its
 * overlay, a full and a cut copy, "… more": held-out www.chron.com and the other sites of its
 * CMS). A caption whose words, its links' aside, begin a caption or paragraph read before it
 * goes. Only a caption: a paragraph printed twice may be the article's own (a meal plan's days,
 * a refrain, a pull quote; readability-test-pages' synthetic pages repeat theirs), and a short
 * caption ("Photo: AP") may well be another picture's. A short block that the page marks as a
 * credit goes only when it is the very text of a block read before it (chron.com prints the
 * slide's "Photo: Hau Dinh, AP" again in its control bar and its overlay): a credit names who
 * took a picture, and naming them again tells the reader nothing.
 */
import { squash } from './normalize.ts';
import { countWords } from './text.ts';

// Fewer words than this repeat by accident.
const MIN_WORDS = 8;
// Readability makes a caption's <div> a <p> without its class: the box around it says caption.
const BLOCK = 'p,figcaption';
const CAPTION = 'figure,figcaption,[class*=caption],[id*=caption]';
/** An element the page marks as a picture's credit. */
export const CREDIT = '[class*=credit]';

// A caption is looked for among the blocks that open with its first characters, at most this
// many of them: scanning every block read before it, a hostile page of 4,000 captions sharing
// their first 200 words took 11 s. (A caption shorter than the opening, 8 to 15 CJK characters,
// is not looked for.)
const SAME_OPENING = 32;
const opening = (t: string) => t.slice(0, 16);

export function dropRepeatedCaptions(root: Element): void {
  const seen = new Map<string, string[]>();
  for (const e of root.querySelectorAll(BLOCK)) {
    // A box around blocks (Readability's <p> for a caption's <div>) is read as its blocks.
    if (e.querySelector(BLOCK)) continue;
    // A link in a caption is its "more" or "less", which the two copies do not share.
    const t = squash(Array.from(e.childNodes, (n) => (n.nodeName === 'A' || n.nodeType === 8 ? '' : n.textContent)).join(''));
    const key = opening(t);
    const same = seen.get(key) ?? [];
    // Most blocks open unlike any before them: they are looked at no further.
    if (
      same.length &&
      (countWords(t) < MIN_WORDS
        ? t && same.includes(t) && (e.closest(CREDIT) || e.querySelector(CREDIT))
        : e.closest(CAPTION) && same.some((s) => s.startsWith(t)))
    )
      e.remove();
    else if (same.length < SAME_OPENING) seen.set(key, [...same, t]);
  }
}
