/**
 * Text the page's reader cannot see. Readability drops what the markup hides (`hidden`,
 * `aria-hidden`, an inline `display: none`), not what a stylesheet hides: a shop's sale page that
 * carried the seed story's lede off the page (`left: -99999px`) was matched to it at 0.99 (an
 * adversarial probe, 2026-12-07). Asking the page what its reader sees costs a first click 2 to 9 %
 * (bench/first-run-ab.ts, docs/security.md), so the page is asked only when what was read names a
 * story: the background runs `unseenLines` in the tab, then matches again without those lines.
 */

/**
 * The lines of `text` (an article's text as extraction gives it) that the page does not show.
 * Runs in the reader's tab as a `scripting.executeScript` function: it uses nothing outside itself.
 * Each line's text is found again among the page's text, in order; a line is unseen when most of
 * its characters are in elements a style hides (display, visibility, opacity, content-visibility,
 * a closed `<details>`), placed left of or above the page, or shrunk to a pixel (a font of no size
 * leaves no height). A page hidden as a whole (an A/B test's anti-flicker style hides its body for
 * a second or two) hides nothing from the reader that the reader will not see: none is unseen.
 */
export function unseenLines(text: string): number[] {
  const lines = text.split(/\n+/);
  const body = document.body as HTMLElement | null;
  if (!body || typeof body.checkVisibility !== 'function') return [];
  // Both spellings of the options: Chromium and Firefox took the first names, then the second.
  const styles = { opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true };
  const verdicts = new Map<Element, boolean>();
  const seen = (el: Element): boolean => {
    let v = verdicts.get(el);
    if (v === undefined) {
      const box = el.getBoundingClientRect();
      v =
        el.checkVisibility(styles) && box.right + window.scrollX > 0 && box.bottom + window.scrollY > 0 && box.width > 1 && box.height > 1;
      verdicts.set(el, v);
    }
    return v;
  };
  if (!body.checkVisibility(styles)) return [];
  const hidden = lines.map(() => 0);
  // Where the next piece of text is looked for: line `at`, from character `from`.
  let at = 0;
  let from = 0;
  const walk = document.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walk.nextNode(); n && at < lines.length; n = walk.nextNode()) {
    const piece = n.nodeValue!.replace(/[ \t\f\v\u00a0\r\n]+/g, ' ').trim();
    if (!piece) continue;
    while (lines[at]![from] === ' ') from++;
    let line = at;
    if (!lines[at]!.startsWith(piece, from)) {
      // Not the line's next text (a menu, what extraction left out), unless a later line starts with it.
      line = -1;
      for (let k = at + 1; k < Math.min(lines.length, at + 6) && line < 0; k++) if (lines[k]!.startsWith(piece)) line = k;
      if (line < 0) continue;
      at = line;
      from = 0;
    }
    if (!n.parentElement || !seen(n.parentElement)) hidden[line] = hidden[line]! + piece.length;
    from += piece.length;
    if (from >= lines[at]!.length) {
      at++;
      from = 0;
    }
  }
  return hidden.flatMap((chars, i) => (chars * 2 > lines[i]!.length ? [i] : []));
}

/** `text` without its lines at `unseen` (see `unseenLines`). */
export function withoutLines(text: string, unseen: readonly number[]): string {
  const drop = new Set(unseen);
  // Lines at even places, the breaks between them at odd ones.
  return text
    .split(/(\n+)/)
    .map((part, i) => (i % 2 === 0 && drop.has(i / 2) ? '' : part))
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
