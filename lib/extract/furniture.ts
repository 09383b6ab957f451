/**
 * What the page itself marks as not the article, left in the box Readability keeps: its
 * navigation, and teasers of its other pages (docs/extraction.md, held-out pages).
 */
import { squash } from './normalize.ts';
import { countWords } from './text.ts';

/**
 * Removes from `content` (Readability's article, a copy of the page at `url`): a `<nav>`, which
 * Readability keeps when its class reads as nothing (held-out www.linknaija.com: breadcrumbs in
 * the article); a list of three items or more, two thirds of them a headline of five words or
 * more linking to another page of the site (held-out news.sky.com, space.com, zdnet.com,
 * hosted.ap.org: related stories between paragraphs); and every `<article>` but the first that
 * links to another page of the site, when two or more do (held-out mensagensreflexao.com.br,
 * digg.com: the related posts after the post, each an `<article>`, as HTML marks related content).
 */
export function dropFurniture(content: Element, url: string): void {
  const { host, pathname } = new URL(url);
  // The text of the links in `el` to another page of the site.
  const linked = (el: Element) => {
    let text = '';
    for (const a of el.querySelectorAll('a[href]'))
      try {
        const to = new URL(a.getAttribute('href')!, url);
        if (to.host === host && to.pathname !== pathname) text += ` ${a.textContent}`;
      } catch {
        // Not a link to follow.
      }
    return squash(text);
  };
  for (const nav of content.querySelectorAll('nav')) nav.remove();
  for (const list of content.querySelectorAll('ul,ol')) {
    const items = [...list.children];
    const teasers = items.filter((li) => {
      const t = linked(li);
      // A headline of five words or more (a "See also" list names pages in two to four:
      // readability-test-pages wikipedia, wikipedia-3), and the item (almost) all link.
      return countWords(t) > 4 && t.length >= squash(li.textContent!).length * 0.8;
    });
    if (items.length > 2 && teasers.length * 3 >= items.length * 2) list.remove();
  }
  const total = content.textContent!.length;
  const others = [...content.querySelectorAll('article')].slice(1).filter((a) => a.textContent!.length * 2 < total && linked(a));
  if (others[1]) for (const a of others) a.remove();
}
