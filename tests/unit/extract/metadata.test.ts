// Each source of metadata, and which one wins when a page declares several.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/extract/index.ts';
import { readMetadata } from '../../../lib/extract/metadata.ts';
import { BODY_TEXT, ld, meta, page, parse } from './dom.ts';

const URL_ = 'https://countycourier.example/news/water-rates';
const read = (...args: Parameters<typeof page>) => readMetadata(page(...args), URL_);

describe('title', () => {
  it('takes the JSON-LD headline first', () => {
    const m = read({
      head: ld({ '@type': 'NewsArticle', headline: 'Water rates to rise six percent from July' }) + meta('og:title', 'Water rates rise'),
    });
    expect(m.title).toBe('Water rates to rise six percent from July');
  });

  it('takes og:title when there is no JSON-LD and no printed headline', () => {
    expect(read({ h1: '', head: meta('og:title', 'Water rates: six percent rise approved') }).title).toBe(
      'Water rates: six percent rise approved',
    );
  });

  it('takes the printed headline over a declared title that words it otherwise, and keeps the declared one apart', () => {
    const m = read({ head: meta('og:title', 'Water rates: six percent rise approved') });
    expect([m.title, m.declaredTitle]).toEqual(['Water rates to rise six percent', 'Water rates: six percent rise approved']);
    const ex = extractArticle(page({ head: meta('og:title', 'Water rates: six percent rise approved') }), URL_);
    expect(ex.kind === 'article' && [ex.article.title, ex.article.declaredTitle]).toEqual([
      'Water rates to rise six percent',
      'Water rates: six percent rise approved',
    ]);
    const same = extractArticle(page({ head: meta('og:title', 'Water rates to rise six percent | County Courier') }), URL_);
    expect(same.kind === 'article' && 'declaredTitle' in same.article).toBe(false);
  });

  it('takes the only printed headline no declaration resembles, when it reads as one', () => {
    // An og:title written for search over the headline the page prints (mercury-fixtures www.bustle.com).
    expect(
      read({ head: meta('og:title', '13 ways to save on your water bill this summer'), title: 'Save on water | County Courier' }).title,
    ).toBe('Water rates to rise six percent');
    // A label is no headline: the declared title stays.
    expect(read({ head: meta('og:title', 'Water rates to rise six percent from July'), h1: 'Local news' }).title).toBe(
      'Water rates to rise six percent from July',
    );
  });

  it('passes over <h1>s that are the site’s: a logo, the site’s name, its header', () => {
    const logo = '<h1 class="logo"><a href="/"><img src="/logo.svg" alt="">County Courier Online</a></h1>';
    const header = '<div id="header"><h1>Utilities and public works</h1></div>';
    const head = meta('og:site_name', 'County Courier') + meta('og:title', 'Water rates to rise six percent');
    for (const top of [logo, header, '<h1>County Courier</h1>', '<h1>countycourier.example</h1>']) {
      const body = `${top}<article><h2>Water rates to rise six percent</h2>${BODY_TEXT}</article>`;
      expect(read({ body, head, title: 'County Courier' }).title).toBe('Water rates to rise six percent');
    }
  });

  it('takes the declared title printed as an <h2> under an <h1> that names the section', () => {
    const body = `<div class="titlebar"><h1>Utilities Health Center</h1></div><div class="copy"><h2>Water rates to rise six percent</h2>${BODY_TEXT}</div>`;
    expect(read({ body, title: 'Water rates to rise six percent' }).title).toBe('Water rates to rise six percent');
  });

  it('takes the microdata headline over an <h1> marked as the alternative one', () => {
    const body = `<header><h1 itemprop="alternativeHeadline">Rates</h1><h2 itemprop="headline">Water rates to rise six percent from July</h2></header>${BODY_TEXT}`;
    expect(read({ body, head: meta('og:title', 'Water rates to rise six percent from July') }).title).toBe(
      'Water rates to rise six percent from July',
    );
  });

  it('decodes character references, twice over when the page encoded them twice', () => {
    expect(read({ h1: '', head: ld({ '@type': 'NewsArticle', headline: 'The Adult&#39;s Guide to Water Rates' }) }).title).toBe(
      "The Adult's Guide to Water Rates",
    );
    expect(read({ h1: '', head: meta('og:title', 'Rates rise &amp;#8217;six percent&amp;#8217; &amp;amp; more') }).title).toBe(
      'Rates rise ’six percent’ & more',
    );
    expect(read({ h1: '', title: 'Caf&amp;eacute; owners fear the water rates' }).title).toBe('Café owners fear the water rates');
  });

  it('drops a Markdown heading mark and a permalink sign', () => {
    expect(read({ h1: '## Hyper-local water news' }).title).toBe('Hyper-local water news');
    expect(read({ h1: 'Water rates to rise six percent¶' }).title).toBe('Water rates to rise six percent');
    expect(read({ h1: 'Water rates to rise six percent #' }).title).toBe('Water rates to rise six percent');
    expect(read({ h1: 'What C# developers should know' }).title).toBe('What C# developers should know');
  });

  it('takes the <h1> that <title> repeats when nothing is declared, without the site suffix', () => {
    expect(read({ title: 'Water rates to rise six percent | County Courier' }).title).toBe('Water rates to rise six percent');
  });

  it('falls back to <title> without the site name when there is no usable <h1>', () => {
    expect(read({ h1: '', title: 'Board raises water rates - County Courier', head: meta('og:site_name', 'County Courier') }).title).toBe(
      'Board raises water rates',
    );
  });

  it('prefers the JSON-LD name over the headline when only the name matches <title>', () => {
    const m = read({ head: ld({ '@type': 'Article', name: 'Water rates to rise six percent', headline: 'Utility news item' }) });
    expect(m.title).toBe('Water rates to rise six percent');
  });

  it.each([
    ['Opinion | Water rates to rise six percent'],
    ['Water rates to rise six percent (Published 2026)'],
    ['Water rates to rise six percent ｜ 県民新聞'],
    ['Water rates to rise six percent'],
  ])('takes the shown <h1> when the declared title is it decorated: %s', (declared) => {
    expect(read({ head: meta('og:title', declared), h1: 'Water rates to rise six percent' }).title).toBe('Water rates to rise six percent');
  });

  it('takes the <h1> when the declared title is it with words cut out of it', () => {
    // A social title shortened from the headline (mercury-fixtures www.sbnation.com, people.com).
    const head = meta('og:title', 'Board raises rates for old pipes');
    expect(read({ head, h1: 'Board raises water rates for the old cast-iron pipes: what it costs you' }).title).toBe(
      'Board raises water rates for the old cast-iron pipes: what it costs you',
    );
  });

  it('takes the <h1> when it adds words around the declared title: the page prints them', () => {
    expect(read({ head: meta('og:title', 'Water rates to rise'), h1: 'Live: Water rates to rise six percent' }).title).toBe(
      'Live: Water rates to rise six percent',
    );
  });

  it('keeps a declared title whose <h1> is only a part of it', () => {
    expect(
      read({ head: meta('og:title', 'Lust for Youth: Lust for Youth'), h1: 'Lust for Youth', title: 'Lust for Youth: Lust for Youth' })
        .title,
    ).toBe('Lust for Youth: Lust for Youth');
  });

  it('passes over a declared title that names neither the <h1> nor <title>', () => {
    // A generic og:title, or one an SPA left from the previous article.
    expect(read({ head: meta('og:title', 'County Courier - Latest News & Headlines') }).title).toBe('Water rates to rise six percent');
  });
});

describe('byline', () => {
  it('reads JSON-LD authors as objects, strings and @id references, joined readably', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'NewsArticle',
          headline: 'Water rates to rise six percent',
          author: [{ '@id': '#ann' }, 'Bo Chan', { '@type': 'Person', name: 'Cy Diaz' }],
        },
        { '@type': 'Person', '@id': '#ann', name: 'Ann Lee' },
      ],
    };
    expect(read({ head: ld(graph) + meta('author', 'Someone Else', 'name') }).authors).toEqual(['Ann Lee', 'Bo Chan', 'Cy Diaz']);
  });

  it('reads every meta author when JSON-LD names none, skipping profile URLs', () => {
    const head = meta('article:author', 'https://facebook.com/ann') + meta('author', 'Ann Lee', 'name') + meta('author', 'Bo Chan', 'name');
    expect(read({ head }).authors).toEqual(['Ann Lee', 'Bo Chan']);
  });

  it("reads a paper's citation_author tags, one per author", () => {
    const head =
      meta('citation_author', 'Havell Markus', 'name') +
      meta('citation_author_institution', 'TGen', 'name') +
      meta('citation_author', 'Jun Zhao', 'name');
    const body = `<article><h1>Water rates to rise six percent</h1><div class="authors"><span>Havell</span> <span>Markus</span></div>${page().body!.innerHTML}</article>`;
    expect(read({ head, body }).authors).toEqual(['Havell Markus', 'Jun Zhao']);
  });

  it('reads rel=author links near the headline, not those of other stories', () => {
    const body = `<aside><a rel="author" href="/a/zed">Zed Other</a></aside><article><header><h1>Water rates to rise six percent</h1>
      <p class="meta">By <a rel="author" href="/a/ann">Ann Lee</a> and <a rel="author" href="/a/bo">Bo Chan</a></p></header>${page().body!.innerHTML}</article>`;
    expect(read({ body }).authors).toEqual(['Ann Lee', 'Bo Chan']);
  });

  it('reads a printed byline and leaves its "By", date and handle behind', () => {
    const body = `<article><h1>Water rates to rise six percent</h1><div class="byline">By Ann Lee @annlee · March 3, 2026</div>${page().body!.innerHTML}</article>`;
    expect(read({ body }).authors).toEqual(['Ann Lee']);
  });

  it("passes over a figure's photo credit and a pull quote's speaker, however they are marked", () => {
    const figure = `<figure><img src="/dam.jpg" alt=""><figcaption>The dam in March. <small itemprop="author" class="credit">Photograph by Ann Lee, Courier Pictures</small></figcaption></figure>`;
    const quote = `<div class="pull-quote"><blockquote>We waited four years.</blockquote><span class="author">Bo Chan</span></div>`;
    const body = `<article><h1>Water rates to rise six percent</h1>${figure}${page().body!.innerHTML}${quote}</article>`;
    expect(read({ body }).authors).toEqual([]);
    // Readability's own byline search, the last source, takes the credit; it is no writer's name.
    const ex = extractArticle(page({ body }), URL_);
    expect(ex.kind === 'article' && ex.article.byline).toBeNull();
    // The writer's byline beside them is read.
    const byline = `<p class="byline">By <a href="/authors/cy-diaz">Cy Diaz</a></p>`;
    expect(read({ body: body.replace('</h1>', `</h1>${byline}`) }).authors).toEqual(['Cy Diaz']);
  });

  it('passes over elements whose class or id holds "author" only inside another word', () => {
    const navbox = `<div class="navbox authority-control"><a href="/wiki/Help:Authority_control">Authority control</a></div>`;
    const ref = `<p>Apps declare manifests [<a id="ref-AUTHORING" href="#authoring">AUTHORING</a>].</p>`;
    const body = `<article><h1>Water rates to rise six percent</h1>${page().body!.innerHTML}${ref}${navbox}</article>`;
    expect(read({ body }).authors).toEqual([]);
    // A byline class beside such a word still counts.
    const byline = `<div class="byline authority-note">Ann Lee</div>`;
    expect(read({ body: body.replace('</h1>', `</h1>${byline}`) }).authors).toEqual(['Ann Lee']);
  });

  it('reads every name of a "By … and …" line whose names are elements of their own, linked or not', () => {
    const byline = (line: string) =>
      `<article><h1>Water rates to rise six percent</h1><div class="byline">${line}</div>${page().body!.innerHTML}</article>`;
    expect(read({ body: byline('By <span>Ann Lee</span> and <span><a href="/authors/bo-chan">Bo Chan</a></span>') }).authors).toEqual([
      'Ann Lee',
      'Bo Chan',
    ]);
    expect(read({ body: byline('<b>Ann Lee</b>, <b>Cy Diaz</b> &amp; <a href="/authors/bo-chan">Bo Chan</a>') }).authors).toEqual([
      'Ann Lee',
      'Cy Diaz',
      'Bo Chan',
    ]);
    // A title beside the name is not a second name.
    expect(read({ body: byline('By <a href="/authors/ann-lee">Ann Lee</a> <span>Staff Writer</span>') }).authors).toEqual(['Ann Lee']);
  });

  it("reads a writer's link piece by piece when its markup glues a name and a title without a space", () => {
    const byline = (link: string) =>
      `<article><h1>Water rates to rise six percent</h1><div class="byline">${link}</div>${page().body!.innerHTML}</article>`;
    expect(read({ body: byline('<a href="/about/ann-lee"><span>Ann Lee</span><span>Managing Editor</span></a>') }).authors).toEqual([
      'Ann Lee',
    ]);
    // A name split in two elements with a space between is one name.
    expect(read({ body: byline('By <a href="/authors/bo-chan"><span>Bo</span> <span>Chan</span></a>') }).authors).toEqual(['Bo Chan']);
  });

  it('passes over meta tags that name only profile links, the site or its company, a login, or no name at all', () => {
    const head = (tags: string) => meta('og:site_name', 'County Courier') + tags;
    expect(read({ head: head(meta('parsely-author', 'annlee', 'name') + meta('sailthru.author', 'Ann Lee', 'name')) }).authors).toEqual([
      'Ann Lee',
    ]);
    expect(read({ head: head(meta('author', 'ann.lee_2', 'name')) }).authors).toEqual([]);
    expect(read({ head: head(meta('article:author', '/@annlee') + meta('sailthru.author', 'Ann Lee', 'name')) }).authors).toEqual([
      'Ann Lee',
    ]);
    expect(read({ head: head(meta('author', 'County Courier', 'name') + meta('byl', 'By Ann Lee', 'name')) }).authors).toEqual([
      'By Ann Lee',
    ]);
    expect(read({ head: head(meta('author', 'Courier Media Inc.', 'name') + meta('author', 'Ann Lee', 'name')) }).authors).toEqual([
      'Ann Lee',
    ]);
    const credits = meta('author', `Ann Lee,${'Photographer Name at Some Agency,'.repeat(4)}`, 'name');
    const body = `<article><h1>Water rates to rise six percent</h1><div class="byline"><a href="/a/ann">Ann Lee</a></div>${page().body!.innerHTML}</article>`;
    expect(read({ head: head(credits), body }).authors).toEqual(['Ann Lee']);
  });

  it('passes over a printed byline that is only the site name, however it is dressed', () => {
    const body = (line: string) => `<article><h1>Water rates to rise six percent</h1>${page().body!.innerHTML}${line}</article>`;
    const head = meta('og:site_name', 'County Courier');
    expect(read({ head, body: body('<span class="writer">《County Courier》</span>') }).authors).toEqual([]);
    expect(read({ head, body: body('<span class="writer">Ann Lee, County Courier</span>') }).authors).toEqual(['Ann Lee, County Courier']);
  });

  it("passes over a one-word author that is a label of the site's address, not a writer's own site", () => {
    const body = `<article><h1>Water rates to rise six percent</h1><p class="author"><a>文● オカモト／編集部</a></p>${page().body!.innerHTML}</article>`;
    const head = meta('og:site_name', '郡報') + meta('author', 'COUNTYCOURIER', 'name');
    expect(read({ head, body }).authors).toEqual(['文● オカモト／編集部']);
    expect(readMetadata(page({ head: meta('author', 'Ann Lee', 'name') }), 'https://annlee.example/2026/notes').authors).toEqual([
      'Ann Lee',
    ]);
  });

  it('reads article:author before author, which often names the publisher', () => {
    expect(read({ head: meta('author', 'Courier Group', 'name') + meta('article:author', 'Ann Lee') }).authors).toEqual(['Ann Lee']);
  });

  it('reads a line starting with "By" just after the headline, whatever its class names', () => {
    const body = (line: string) =>
      `<article><h1>Water rates to rise six percent</h1>${line}${page().body!.innerHTML.repeat(4)}<p class="x1">By Zed Other</p></article>`;
    expect(read({ body: body('<div class="a9f"><span>By</span><div><a href="/a/ann">Ann Lee</a></div></div>') }).authors).toEqual([
      'Ann Lee',
    ]);
    expect(read({ body: body('<p class="q7">By Ann Lee<span>Staff Writer</span></p>') }).authors).toEqual(['Ann Lee']);
    // Far below the headline, a "By" line belongs to something else.
    expect(read({ body: body('') }).authors).toEqual([]);
  });

  it.each([
    // A meta column in an <aside> beside the headline, names in rel=author links (as theguardian.com).
    [
      'rel=author links in an <aside> beside the headline',
      '<aside class="meta"><address><div><a rel="author" href="//countycourier.example/profile/ann-lee">Ann Lee</a> and <a rel="author" href="//countycourier.example/profile/bo-chan">Bo Chan</a></div></address></aside>',
      ['Ann Lee', 'Bo Chan'],
    ],
    // A bare link to the writer's page after the dek, a handle and an age beside it (as engadget.com).
    [
      'a link to a writer page after the dek',
      '<div class="k3">No rise for pensioners.</div><section><div><a href="https://countycourier.example/about/editors/ann-lee/"><img alt=""></a></div><div class="m1"><a href="https://countycourier.example/about/editors/ann-lee/">Ann Lee</a><span>, <a href="https://twitter.com/annlee">@annlee</a></span><div>1h ago</div></div></section>',
      ['Ann Lee'],
    ],
    // "/people/" pages are as often the article's subjects (as tmz.com's "/people/prince/").
    ['no byline from a link to a subject page', '<p class="t2">Filed under <a href="/people/ann-lee/">Ann Lee</a></p>', []],
  ])('reads %s', (_, line, authors) => {
    const body = `<article><div class="hd"><h1>Water rates to rise six percent</h1></div>${line}${BODY_TEXT}</article>`;
    expect(read({ body }).authors).toEqual(authors);
  });

  it('reads the byline after the <h1> when the declared title is another headline', () => {
    // An og:title written for search over a shorter <h1> (as bustle.com), a "By" in its own span.
    const body = `<article><h1>Rates rise for old pipes</h1><div class="Yc"><span>By </span><a href="/profile/ann-lee-1910837">Ann Lee</a></div>${BODY_TEXT}</article>`;
    expect(read({ head: meta('og:title', '13 Ways The County Water Board Will Spend Your Money'), body }).authors).toEqual(['Ann Lee']);
  });

  it.each([
    [
      'the "Written by" pair of a Twitter card',
      meta('twitter:label1', 'Written by', 'name') + meta('twitter:data1', 'Ann Lee', 'name'),
      '',
      ['Ann Lee'],
    ],
    [
      'it in either slot',
      meta('twitter:label1', 'Est. reading time', 'name') +
        meta('twitter:data1', '4 minutes', 'name') +
        meta('twitter:label2', 'Written by', 'name') +
        meta('twitter:data2', 'Ann Lee', 'name'),
      '',
      ['Ann Lee'],
    ],
    ['no name from another pair', meta('twitter:label1', 'Reading time', 'name') + meta('twitter:data1', '8 min read', 'name'), '', []],
    // The card names the account that posted; the page prints who wrote it.
    [
      'the printed byline over the pair',
      meta('twitter:label1', 'Written by', 'name') + meta('twitter:data1', 'Web Editor', 'name'),
      '<p class="x">By Ann Lee</p>',
      ['Ann Lee'],
    ],
  ])('reads %s', (_, head, line, authors) => {
    expect(read({ head, body: `<article><h1>Water rates to rise six percent</h1>${line}${BODY_TEXT}</article>` }).authors).toEqual(authors);
  });

  it.each([
    ['Gillman, Ann', '<p class="byline">By <a href="/author/ann-gillman">Ann Gillman</a></p>', ['Ann Gillman']],
    ['Gillman, Ann', '<p class="byline">By ANN GILLMAN</p>', ['Ann Gillman']],
    // Not printed so: the name is left as the page declares it.
    ['Gillman, Ann', '', ['Gillman, Ann']],
    ['Ann Goodman, MA', '<p class="byline">By Ann Goodman, MA</p>', ['Ann Goodman, MA']],
    ['Goodman, MA', '<p class="byline">By Goodman</p>', ['Goodman, MA']],
  ])('reads the declared author %j as the page prints it (%s)', (declared, line, authors) => {
    const body = `<article><h1>Water rates to rise six percent</h1>${line}${BODY_TEXT}</article>`;
    expect(read({ head: meta('dcterms.creator', declared, 'name'), body }).authors).toEqual(authors);
  });

  it('passes over JSON-LD authors that are a template placeholder, to the printed byline', () => {
    const body = `<article><h1>Water rates to rise six percent</h1><p class="byline">By Ann Lee, Utilities Reporter</p>${BODY_TEXT}</article>`;
    expect(
      read({ body, head: ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'page.head.extra.author' } }) }).authors,
    ).toEqual(['Ann Lee']);
  });

  it('ignores comment authors', () => {
    const body = `<article><h1>Water rates to rise six percent</h1>${page().body!.innerHTML}</article><section class="comments"><span class="comment-author">Troll</span></section>`;
    expect(read({ body }).authors).toEqual([]);
  });
});

describe('site name', () => {
  it('takes og:site_name, then the JSON-LD publisher, then the domain', () => {
    expect(
      read({ head: meta('og:site_name', 'County Courier') + ld({ '@type': 'NewsArticle', publisher: { name: 'Courier Group' } }) })
        .siteName,
    ).toBe('County Courier');
    expect(read({ head: ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Courier Group' } }) }).siteName).toBe(
      'Courier Group',
    );
    expect(read().siteName).toBe('countycourier.example');
  });

  it('gives the outlet’s name without the tagline, legal form or domain og:site_name adds to it', () => {
    const name = (og: string, extra = '', url = URL_) => readMetadata(page({ head: meta('og:site_name', og) + extra }), url).siteName;
    // A tagline after a separator: the part that names the address, else the first.
    expect(name('County Courier - News you can use since 1871')).toBe('County Courier');
    expect(name('Local news, sport and weather | Countycourier')).toBe('Countycourier');
    // The JSON-LD publisher's name, when og:site_name is it with a legal form, a domain or a tagline.
    const publisher = (n: string) => ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: n } });
    expect(name('County Courier Inc', publisher('County Courier'))).toBe('County Courier');
    expect(name('CountyCourier.com', publisher('CountyCourier'))).toBe('CountyCourier');
    // Not a different name, nor a shorter one that drops words of the name.
    expect(name('County Courier', publisher('Courier Group'))).toBe('County Courier');
    expect(name('County Courier Weekend', publisher('County Courier'))).toBe('County Courier Weekend');
    // Nor a name with a hyphen in a word.
    expect(name('Courier-Herald')).toBe('Courier-Herald');
  });
});

describe('published and modified time', () => {
  const article = (extra: string) => `<article><h1>Water rates to rise six percent</h1>${extra}${page().body!.innerHTML}</article>`;

  it('takes JSON-LD first and normalises it to UTC', () => {
    const head =
      ld({ '@type': 'NewsArticle', datePublished: '2026-03-03T09:00:00+01:00', dateModified: '2026-03-04T10:00:00+01:00' }) +
      meta('article:published_time', '2026-01-01T00:00:00Z');
    const m = read({ head });
    expect([m.publishedTime, m.modifiedTime]).toEqual(['2026-03-03T08:00:00.000Z', '2026-03-04T09:00:00.000Z']);
  });

  it('then article:published_time', () => {
    expect(read({ head: meta('article:published_time', '2026-03-03 09:00:00 -0500') }).publishedTime).toBe('2026-03-03T14:00:00.000Z');
  });

  it("reads article:published_time by the headline's <time> when it calls the same clock reading UTC", () => {
    const head = meta('article:published_time', '2026-03-03T20:00:00.000Z');
    expect(read({ head, body: article('<time datetime="2026-03-03T20:00:00+09:00">20:00</time>') }).publishedTime).toBe(
      '2026-03-03T11:00:00.000Z',
    );
    // Another reading, or a stamp in UTC too, is no evidence against the tag.
    expect(read({ head, body: article('<time datetime="2026-03-03T21:00:00+09:00">21:00</time>') }).publishedTime).toBe(
      '2026-03-03T20:00:00.000Z',
    );
    expect(read({ head, body: article('<time datetime="2026-03-03T20:00:00+00:00">20:00</time>') }).publishedTime).toBe(
      '2026-03-03T20:00:00.000Z',
    );
  });

  it('then an itemprop=datePublished element, then the <time> after the headline', () => {
    const ticker = '<div class="ticker"><time datetime="2020-01-01T00:00:00Z">old</time></div>';
    expect(
      read({
        body:
          ticker +
          article('<span itemprop="datePublished" content="2026-03-02T08:00:00Z">2 March</span><time datetime="2026-03-05">5 March</time>'),
      }).publishedTime,
    ).toBe('2026-03-02T08:00:00.000Z');
    expect(read({ body: ticker + article('<time datetime="2026-03-05">5 March</time>') }).publishedTime).toBe('2026-03-05');
  });

  it('takes schema.org microdata after Open Graph, a <meta itemprop> before an element', () => {
    const micro = '<meta itemprop="datePublished" content="2026-03-02T08:00:00Z">';
    expect(read({ head: micro + meta('article:published_time', '2026-03-01T08:00:00Z') }).publishedTime).toBe('2026-03-01T08:00:00.000Z');
    expect(
      read({ head: micro, body: article('<time itemprop="datePublished" datetime="2026-03-02T09:30:00Z">update</time>') }).publishedTime,
    ).toBe('2026-03-02T08:00:00.000Z');
    expect(read({ head: micro + meta('article:published', '2026-03-02T09:30:00Z', 'name') }).publishedTime).toBe(
      '2026-03-02T08:00:00.000Z',
    );
  });

  it('reads a <time> that keeps its value in data-published', () => {
    expect(read({ body: article('<time data-published="2026-06-21 16:32:00Z">June 21, 2026</time>') }).publishedTime).toBe(
      '2026-06-21T16:32:00.000Z',
    );
  });

  it('takes, of two declared times in one offset that disagree, the one the page prints', () => {
    // UTC written with a local offset in og; the microdata and the printed clock agree.
    const head =
      meta('article:published_time', '2026-10-11T19:11:05-04:00') + '<meta itemprop="datePublished" content="2026-10-11T15:11:05-04:00">';
    expect(read({ head, body: article('<p class="pub">October 11, 2026 · 15:11</p>') }).publishedTime).toBe('2026-10-11T19:11:05.000Z');
    expect(read({ head, body: article('<p class="pub">October 11, 2026 · 3:11 pm</p>') }).publishedTime).toBe('2026-10-11T19:11:05.000Z');
    // Nothing printed, or values in two offsets: the declared order stands.
    expect(read({ head, body: article('') }).publishedTime).toBe('2026-10-11T23:11:05.000Z');
    const utc =
      meta('article:published_time', '2026-10-11T23:11:05+00:00') + '<meta itemprop="datePublished" content="2026-10-11T18:11:05-04:00">';
    expect(read({ head: utc, body: article('<p class="pub">6:11 pm</p>') }).publishedTime).toBe('2026-10-11T23:11:05.000Z');
  });

  it('lets a bare date give way to a later source with the time on that day, not on another', () => {
    expect(
      read({ head: meta('date', '2026-03-02', 'name'), body: article('<time datetime="2026-03-02T15:33:00-05:00">2 March</time>') })
        .publishedTime,
    ).toBe('2026-03-02T20:33:00.000Z');
    expect(
      read({ head: meta('date', '2026-03-02', 'name'), body: article('<time datetime="2026-03-09T15:33:00Z">9 March</time>') })
        .publishedTime,
    ).toBe('2026-03-02');
  });

  it('reads `datetime` on any element after the headline', () => {
    expect(read({ body: article('<relative-time datetime="2026-03-02T12:10:51Z">on Mar 2</relative-time>') }).publishedTime).toBe(
      '2026-03-02T12:10:51.000Z',
    );
  });

  it('reads the printed dateline last: its zone, else the zone its language or American form implies, else the day', () => {
    expect(read({ body: article('<p>Updated: Mar 2, 2026 2:57 PM UTC</p>') }).publishedTime).toBe('2026-03-02T14:57:00.000Z');
    expect(read({ lang: 'ja', body: article('<p>2026年3月2日 09:43</p>') }).publishedTime).toBe('2026-03-02T00:43:00.000Z');
    expect(read({ lang: 'en-US', body: article('<p>March 2, 2026 9:43 AM</p>') }).publishedTime).toBe('2026-03-02T14:43:00.000Z');
    expect(read({ lang: 'en-GB', body: article('<p>March 2, 2026 9:43 AM</p>') }).publishedTime).toBe('2026-03-02');
    expect(
      readMetadata(page({ lang: 'en', body: article('<p>March 2, 2026 9:43 AM</p>') }), 'https://www.heraldsun.com.au/news/x')
        .publishedTime,
    ).toBe('2026-03-02');
    expect(
      read({ head: meta('article:published_time', '2026-03-01T08:00:00Z'), body: article('<p>Mar 2, 2026 2:57 PM UTC</p>') }).publishedTime,
    ).toBe('2026-03-01T08:00:00.000Z');
  });

  it('reads the dateline beside a title printed as a lower heading, under an <h1> that names the blog', () => {
    // A blog template: the blog's name as the <h1> and its description, then each entry's date,
    // and title as an <h3> (mercury-fixtures phpspot.org, Blogger's classic template).
    const about = 'Notes on water, pipes and the people who pay for them, '.repeat(8);
    const body = `<h1>Kyle’s Utility Notes</h1><p>${about}</p><div class="post"><h2 class="date-header">Tuesday, March 3, 2026</h2><h3 class="post-title">Water rates to rise six percent</h3>${BODY_TEXT}</div>`;
    const head = meta('og:site_name', 'Kyle’s Utility Notes');
    const m = read({ body, head, title: 'Water rates to rise six percent' });
    expect([m.title, m.publishedTime]).toEqual(['Water rates to rise six percent', '2026-03-03']);
    // Only a heading whose text is the title: another <h3> is no anchor.
    const other = body.replace('<h3 class="post-title">Water rates to rise six percent</h3>', '<h3>Water rates</h3>');
    expect(read({ body: other, head, title: 'Water rates to rise six percent' }).publishedTime).toBeNull();
  });

  it('then the other meta names sites use', () => {
    expect(read({ head: meta('parsely-pub-date', '2026-03-06T12:30:00Z', 'name') }).publishedTime).toBe('2026-03-06T12:30:00.000Z');
    expect(read({ head: meta('DC.date.issued', '2026-03-07', 'name') }).publishedTime).toBe('2026-03-07');
  });

  it('reads the day an article is filed under in its address, last of all', () => {
    const at = (url: string, head = '') => readMetadata(page({ head }), url).publishedTime;
    expect(at('https://www.example.com/world/2015/03/18/netanyahu-win/')).toBe('2015-03-18');
    expect(at('https://news.example.jp/news/20190302-reduced-tax/')).toBe('2019-03-02');
    expect(at('https://example.com/a', '<link rel="canonical" href="https://example.com/news/articles/2016-12-07/slug">')).toBe(
      '2016-12-07',
    );
    expect(at('https://example.com/2015/03/18/x', meta('article:published_time', '2015-03-17T23:00:00Z'))).toBe('2015-03-17T23:00:00.000Z');
    // A month without its day, an id that is no date, a date in the query: nothing.
    expect(at('https://example.com/2016/12/slug')).toBeNull();
    expect(at('https://example.com/story/20191399/')).toBeNull();
    expect(at('https://example.com/story?from=2016/12/07/')).toBeNull();
  });

  it('says null rather than guessing', () => {
    expect(read().publishedTime).toBeNull();
  });
});

describe('language', () => {
  it('takes html[lang], then og:locale, then content-language, reduced to the primary subtag', () => {
    expect(read({ lang: 'en-GB', head: meta('og:locale', 'fr_FR') }).lang).toBe('en');
    expect(read({ head: meta('og:locale', 'fr_FR') }).lang).toBe('fr');
    const xhtml = parse(
      `<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-US"><head><title>Sad films</title></head><body>${BODY_TEXT}</body></html>`,
    );
    expect(readMetadata(xhtml, URL_).lang).toBe('en');
    expect(read({ head: '<meta http-equiv="Content-Language" content="de-AT">' }).lang).toBe('de');
    expect(read().lang).toBeNull();
  });
});

describe('canonical URL', () => {
  it('takes link[rel=canonical], then og:url, resolved against the page', () => {
    expect(
      read({ head: '<link rel="canonical" href="/news/water-rates-rise">' + meta('og:url', 'https://elsewhere.example/') }).canonicalUrl,
    ).toBe('https://countycourier.example/news/water-rates-rise');
    expect(read({ head: meta('og:url', 'https://countycourier.example/n/123') }).canonicalUrl).toBe('https://countycourier.example/n/123');
    expect(read().canonicalUrl).toBeNull();
  });
});

describe('description, section and keywords', () => {
  it('reads them from JSON-LD first, then Open Graph and meta tags', () => {
    const fromLd = read({
      head: ld({ '@type': 'NewsArticle', description: 'Rates rise.', articleSection: 'Local', keywords: 'water, rates' }),
    });
    expect([fromLd.description, fromLd.section, fromLd.keywords]).toEqual(['Rates rise.', 'Local', ['water', 'rates']]);
    const fromMeta = read({
      head:
        meta('og:description', 'Six percent.') +
        meta('article:section', 'County') +
        meta('article:tag', 'water') +
        meta('article:tag', 'utilities'),
    });
    expect([fromMeta.description, fromMeta.section, fromMeta.keywords]).toEqual(['Six percent.', 'County', ['water', 'utilities']]);
    expect(read({ head: meta('news_keywords', 'pipes; budget', 'name') }).keywords).toEqual(['pipes', 'budget']);
  });
});

describe('meta tags', () => {
  it('reads space-separated property lists and prefers property over name', () => {
    const head =
      '<meta property="og:title twitter:title" content="Water rates to rise six percent in July"><meta name="dc.creator" content="Name Spelling"><meta property="dc:creator" content="Property Spelling">';
    const m = read({ head });
    expect(m.title).toBe('Water rates to rise six percent in July');
    expect(m.authors).toEqual(['Property Spelling']);
  });

  it('reads `value` where a saved page has no `content`, and `content` first when it has both', () => {
    expect(read({ head: '<meta value="2026-03-03T09:00:00Z" name="article:published_time">' }).publishedTime).toBe(
      '2026-03-03T09:00:00.000Z',
    );
    expect(read({ head: '<meta content="Ann Lee" value="Bo Chan" name="author">' }).authors).toEqual(['Ann Lee']);
  });
});

describe('teasers and paywalls', () => {
  it('reports the declared length and a locked part', () => {
    const m = read({
      head: ld({
        '@type': 'NewsArticle',
        wordCount: '1200',
        isAccessibleForFree: 'False',
        hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.locked' },
      }),
    });
    expect([m.declaredWords, m.locked, m.lockedSelector]).toEqual([1200, true, '.locked']);
    expect(read().locked).toBe(false);
  });
});
