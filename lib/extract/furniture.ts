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
 * hosted.ap.org: related stories between paragraphs); three such headlines in a row printed
 * otherwise, as paragraphs or lines, and their label; and every `<article>` but the first that
 * links to another page of the site, when two or more do (held-out mensagensreflexao.com.br,
 * digg.com: the related posts after the post, each an `<article>`, as HTML marks related content).
 */
export function dropFurniture(content: Element, url: string): void {
  const { host, pathname } = new URL(url);
  // Whether `a` links to another page of the site.
  const toSite = (a: Element | null) => {
    try {
      const to = new URL(a!.getAttribute('href')!, url);
      return to.host === host && to.pathname !== pathname;
    } catch {
      return false; // No link, or not one to follow.
    }
  };
  // The text of the links in `el` to another page of the site.
  const linked = (el: Element) =>
    squash(
      [...el.querySelectorAll('a[href]')]
        .filter(toSite)
        .map((a) => ` ${a.textContent}`)
        .join(''),
    );
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
  // The elements around what matches `selector` and passes `test`, up to `content`: where a
  // headline or a card can be is found from the links and the pictures, not by testing every
  // element of the article on the reader's click.
  const around = (selector: string, test: (e: Element) => unknown) => {
    const found = new Set<Element>();
    for (const e of content.querySelectorAll(selector))
      if (test(e)) for (let up = e.parentElement; up && up !== content; up = up.parentElement) found.add(up);
    return found;
  };
  // Headlines of other pages of the site printed as paragraphs, lines of one paragraph or lists of
  // one item, not as one list (held-out cleveland.com "You may also like…", express.co.uk "DON'T
  // MISS", aljazeera.com "More:"): three such lines in a row, each a headline of five words or
  // more that is (almost) all link, the words around it a label ("[VIDEO]"); a line of the
  // article that links a headline stands alone. Counted in words: a label is one or two.
  const headlines = (el: Element) => {
    let count = 0;
    let text = '';
    let link = '';
    // Ends a line: false if it has words and is neither a headline nor a label ("DON'T MISS":
    // fewer words, no link).
    const end = () => {
      const words = countWords(text);
      const linkWords = countWords(link);
      text = link = '';
      return (!linkWords && words < 5) || (linkWords > 4 && linkWords >= words * 0.8 && ++count);
    };
    // 5: NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT.
    const walk = el.ownerDocument.createTreeWalker(el, 5);
    for (let n = walk.nextNode(); n; n = walk.nextNode())
      if (n.nodeType === 3) {
        text += n.nodeValue;
        if (toSite(n.parentElement!.closest('a[href]'))) link += n.nodeValue;
      } else if (/^(?:BR|LI)$/.test((n as Element).tagName) && !end()) return 0;
    return end() && count;
  };
  // The element before `el`, past empty ones (an advertisement's box).
  const before = (el: Element | undefined) => {
    let prev = el?.previousElementSibling;
    while (prev && !squash(prev.textContent!)) prev = prev.previousElementSibling;
    return prev;
  };
  let run: Element[] = [];
  let inRun = 0;
  // The run of headlines, if three or more, and the label before it.
  const drop = () => {
    const label = before(run[0]);
    if (inRun > 2)
      for (const el of [...run, ...(label && countWords(label.textContent!) < 5 && !linked(label) ? [label] : [])]) el.remove();
  };
  const linking = around('a[href]', (a) => countWords(a.textContent!) > 4 && toSite(a));
  for (const el of content.querySelectorAll('p,ul,ol,h2,h3,h4,h5,h6')) {
    const n = linking.has(el) && !run.some((r) => r.contains(el)) && headlines(el);
    if (!n) continue;
    if (before(el) !== run.at(-1)) {
      drop();
      run = [];
      inRun = 0;
    }
    run.push(el);
    inRun += n;
  }
  drop();
  // A row of three cards or more, alike (tag and class), each a picture and a few words linking
  // to another page of the site, no two the same (held-out thesun.co.uk: "Most read" between the
  // paragraphs, each headline beside its link, an empty box laid over the card).
  for (const box of around('img,picture', Boolean)) {
    const cards = [...box.children];
    if (!cards[2]) continue;
    const pages = new Set<string>();
    // Cheapest tests first: most boxes have children unlike each other.
    for (const c of cards) {
      const a =
        c.tagName === cards[0]!.tagName &&
        c.className === cards[0]!.className &&
        c.querySelector('img,picture') &&
        [...c.querySelectorAll('a[href]')].find(toSite);
      if (!a || countWords(c.textContent!) > 40) break;
      pages.add(new URL(a.getAttribute('href')!, url).pathname);
    }
    // Text between the cards would be the article's (a paragraph of three linked pictures).
    const between = [...box.childNodes].some((n) => n.nodeType === 3 && n.nodeValue!.trim());
    if (pages.size === cards.length && !between) box.remove();
  }
  const total = content.textContent!.length;
  const others = [...content.querySelectorAll('article')].slice(1).filter((a) => a.textContent!.length * 2 < total && linked(a));
  if (others[1]) for (const a of others) a.remove();
}
