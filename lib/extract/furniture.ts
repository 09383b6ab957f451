/**
 * What the page itself marks as not the article, left in the box Readability keeps. Readability
 * already drops `<aside>`, `<footer>`, hidden elements and the navigation and complementary roles
 * there, but not a `<nav>` whose class does not read as one: held-out www.linknaija.com printed its
 * breadcrumbs, headline and all, in a `<nav id="breadcrumb">` inside the article (docs/extraction.md).
 */

/** Removes from `content` (Readability's article, a copy of the page) the page's navigation. */
export function dropFurniture(content: Element): void {
  for (const el of Array.from(content.getElementsByTagName('nav'))) el.remove();
}
