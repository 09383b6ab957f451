/**
 * A slideshow in the article's box prints its counter ("Image 1 of 8", "1 of 6") and, beside it,
 * its controls ("Caption", "Close"): held-out www.chron.com and the other sites of its CMS,
 * space.com, therepublic.com. A block whose whole text is a counter, inside a box whose class
 * says slide, gallery or carousel, goes with the bar of controls around it: the boxes that add
 * at most three words to it, and no link, picture or credit.
 */
import { squash } from './normalize.ts';
import { CREDIT } from './repeats.ts';
import { countWords } from './text.ts';

// A label, a number, a small lower-case word (of, von, de, sur; "of /" on chron.com), a number
// of at most three digits: a dateline's year ("7 May 1856", "23 Nov 2017") is four. A bare
// "1 / 5" may be a score or a fraction, and stays (readability-test-pages yahoo-2 keeps one).
const COUNTER = /^(?:\p{L}+ )?(\d{1,3}) ?\p{Ll}{1,4}(?: ?\/)? ?(\d{1,3})$/u;
const SLIDESHOW = '[class*=slide],[class*=gallery],[class*=carousel]';
// Controls are a word or two each ("Caption", "Close", "Next"); more is a caption or a credit.
const CONTROL_WORDS = 3;

/** True when `box` holds, beside `bar`, controls only: no link, picture or credit, at most CONTROL_WORDS words. */
function controlsBeside(box: Element, bar: Element): boolean {
  if (box.querySelector(`a[href],img,picture,${CREDIT}`)) return false;
  let words = 0;
  // Each piece counted apart: a box's text runs its blocks together ("CaptionClose").
  for (const n of box.childNodes) if (n !== bar && n.nodeType !== 8) words += countWords(n.textContent ?? '');
  return words <= CONTROL_WORDS;
}

/** Takes a slideshow's counters, and the bars of controls around them, out of the article's box `root`. */
export function dropSlideshowControls(root: Element): void {
  for (const e of root.querySelectorAll('p')) {
    const raw = e.textContent ?? '';
    // A counter is a few characters in the page's whitespace: the rest is read no further.
    const m = raw.length < 200 && COUNTER.exec(squash(raw));
    if (!m || +m[1]! > +m[2]! || !e.closest(SLIDESHOW)) continue;
    let bar: Element = e;
    for (let up = e.parentElement; up && up !== root && controlsBeside(up, bar); up = up.parentElement) bar = up;
    bar.remove();
  }
}
