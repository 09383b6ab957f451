// The build's renaming of Readability's internals must leave what it does unchanged.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  bylineTestFirst,
  emptyTestStopsAtText,
  mangleReadability,
  privatePatternNames,
  snapshotByCopy,
  styleReadOnlyWhenSet,
  textOnly,
  textOnlyBuild,
  withoutJsonLd,
  withoutUnused,
} from '../../../build/mangle-readability.ts';
import { blockText } from '../../../lib/extract/text.ts';
import { BODY_TEXT, parse, parseFixture } from './dom.ts';

const require = createRequire(import.meta.url);
const id = require.resolve('@mozilla/readability/Readability.js');
interface Options {
  disableJSONLD?: boolean;
  keepClasses?: boolean;
  serializer?: (el: Element) => unknown;
  textOnly?: boolean;
  freshCopy?: () => Document;
}
type ReadabilityClass = new (doc: Document, options?: Options) => { parse(): unknown };

async function mangled(options?: { textOnlyBuild: boolean }): Promise<{ code: string; Readability: ReadabilityClass }> {
  const hook = mangleReadability(options).transform as (code: string, id: string) => Promise<{ code: string }>;
  const { code } = await hook(readFileSync(id, 'utf8'), id);
  const module = { exports: {} as unknown };
  new Function('module', 'exports', code)(module, module.exports);
  return { code, Readability: module.exports as ReadabilityClass };
}

describe('the Readability build step', () => {
  it.each([
    ['private methods', '_grabArticle'],
    ['private fields', '_flags'],
    ['constants', 'REGEXPS'],
    ['flags', 'FLAG_STRIP_UNLIKELYS'],
    ['tag lists', 'DEFAULT_TAGS_TO_SCORE'],
    ['patterns', 'okMaybeItsACandidate'],
    ['patterns', 'whitespace'],
  ])('renames its %s (%s)', async (_, name) => {
    expect((await mangled()).code).not.toMatch(new RegExp(`\\.${name}\\b`));
  });

  it('stops the build if Readability reads its patterns other than by name', () => {
    const block = '\n  REGEXPS: {\n    positive: /a/,\n  },\n';
    expect(privatePatternNames(`({${block}  f() { return this.REGEXPS.positive; } })`)).toContain('this.REGEXPS._positive');
    expect(() => privatePatternNames(`({${block}  f() { return Object.keys(this.REGEXPS); } })`)).toThrow(/cannot rename its patterns/);
  });

  it('keeps the node type names a DOM node also has', async () => {
    expect((await mangled()).code).toMatch(/\bTEXT_NODE\b[^]*\bELEMENT_NODE\b|\bELEMENT_NODE\b[^]*\bTEXT_NODE\b/);
  });

  it('cuts its JSON-LD reader, which lib/extract disables and replaces, and stops the build if it moved', async () => {
    expect((await mangled()).code).not.toMatch(/schema\.org|NewsArticle/);
    expect(() => withoutJsonLd('class R { _getJSONLD(doc) {\n    return {};\n  }\n}')).toThrow(/cannot cut its JSON-LD reader/);
  });

  it('cuts what no caller of this build runs (JSDOMParser’s branches, debug, unread patterns), and stops the build if that moved', async () => {
    const { code } = await mangled();
    const original = readFileSync(id, 'utf8');
    // Each of these is in the original and is gone from the build: the fixtures below parse as the original does.
    for (const gone of [
      '__JSDOMParser__',
      'Do not pass live node lists',
      '[].concat.apply',
      'options.debug',
      'weiter',
      'utility/i',
      'font[^>]*>',
      'earl|old',
    ]) {
      expect(original).toContain(gone);
      expect(code).not.toContain(gone);
    }
    expect(() => withoutUnused('function Readability(doc) {}')).toThrow(/cannot cut what this build never runs/);
    const reads = original.replace('this._attempts = [];', 'this._attempts = [this.REGEXPS.nextLink];');
    expect(() => withoutUnused(reads)).toThrow(/cannot cut what this build never runs/);
  });

  it('reads an element’s text for the byline test only when its markup names a byline, and stops the build if that moved', async () => {
    const { Readability } = await mangled();
    const marked = {
      getAttribute: (a: string) => (a === 'rel' ? 'author' : null),
      get textContent() {
        return ' Ann Lee ';
      },
    };
    let reads = 0;
    const plain = {
      getAttribute: () => null,
      get textContent() {
        reads++;
        return 'x'.repeat(5000);
      },
    };
    const r = new Readability(parseFixture('jsonld-graph.html')) as unknown as Record<string, (n: unknown, m: string) => boolean>;
    const test = Object.values(Object.getPrototypeOf(r)).find((f) => typeof f === 'function' && /bylineLength/.test(String(f))) as (
      n: unknown,
      m: string,
    ) => boolean;
    expect(test.call(r, marked, '')).toBe(true);
    expect(test.call(r, plain, 'story body')).toBe(false);
    expect(reads).toBe(0);
    expect(() => bylineTestFirst('_isValidByline(node) { return true; }')).toThrow(/cannot reorder its byline test/);
  });

  /** Readability's method whose source matches `pattern`, from the original and from the build. */
  async function both(pattern: RegExp): Promise<[(n: Element) => boolean, (n: Element) => boolean]> {
    const Original = require(id) as ReadabilityClass;
    const { Readability } = await mangled();
    const doc = parseFixture('jsonld-graph.html');
    return [new Original(doc), new Readability(doc)].map((r) => {
      const f = Object.values(Object.getPrototypeOf(r)).find((v) => typeof v === 'function' && pattern.test(String(v))) as (
        n: Element,
      ) => boolean;
      return (n: Element) => f.call(r, n);
    }) as [(n: Element) => boolean, (n: Element) => boolean];
  }

  it('tells an empty element from its first non-blank text, not its whole text, as the original does, and stops the build if that moved', async () => {
    const [original, built] = await both(/getElementsByTagName\("br"\)/);
    const doc = parse(`<body>
      <div id="blank"> \u00a0\u3000\n <!-- a comment is not text --> </div>
      <div id="blank-span"> <span> </span></div>
      <div id="breaks"><br> <br><hr></div>
      <div id="nested-break"><span><br></span><br></div>
      <div id="none"></div>
      <div id="image"> <img src="a.png"></div>
      <div id="deep"><div><div><b> </b></div><i>deep</i></div></div>
      <h2 id="heading">Heading</h2>
      <section id="text-first">Lead <div>${'<p>more</p>'.repeat(50)}</div></section>
    </body>`);
    const els = [...doc.querySelectorAll('[id]')];
    expect(els.map(built)).toEqual(els.map(original));
    expect(els.filter(built).map((e) => e.id)).toEqual(['blank', 'breaks', 'nested-break', 'none']);
    const long = doc.getElementById('text-first')!;
    let reads = 0;
    Object.defineProperty(long, 'textContent', { get: () => (reads++, 'x') });
    expect(built(long)).toBe(false);
    expect(reads).toBe(0);
    expect(() => emptyTestStopsAtText('_isElementWithoutContent(node) { return false; }')).toThrow(/cannot reorder its empty-element test/);
  });

  it('reads an element’s inline style for the visibility test only when it has a style attribute, as the original answers, and stops the build if that moved', async () => {
    const [original, built] = await both(/aria-hidden/);
    const doc = parse(`<body>
      <p id="plain">a</p><p id="display" style="display: none">b</p><p id="visibility" style="visibility:hidden">c</p>
      <p id="colour" style="color: red">d</p><p id="hidden" hidden>e</p><p id="aria" aria-hidden="true">f</p>
      <svg id="svg"><rect id="rect" style="display:none"/></svg>
    </body>`);
    const els = [...doc.querySelectorAll('[id]')];
    expect(els.map(built)).toEqual(els.map(original));
    expect(els.filter((e) => !built(e)).map((e) => e.id)).toEqual(['display', 'visibility', 'hidden', 'aria', 'rect']);
    const plain = doc.getElementById('plain')!;
    let reads = 0;
    Object.defineProperty(plain, 'style', { get: () => (reads++, { display: '', visibility: '' }) });
    expect(built(plain)).toBe(true);
    expect(reads).toBe(0);
    expect(() => styleReadOnlyWhenSet('_isProbablyVisible(node) { return true; }')).toThrow(/cannot reorder its visibility test/);
  });

  it('keeps the page for a retried pass as a copy, or asks for the document again, writes it out as HTML only to retry, and stops the build if that moved', async () => {
    const Original = require(id) as ReadabilityClass;
    const { Readability } = await mangled();
    /** Parses `html` with Readability `R`, counting reads and writes of the body's HTML and copies of its tree. */
    const run = (R: ReadabilityClass, html: string, options: Options = {}) => {
      const doc = parse(html);
      const body = doc.body;
      let proto: object | null = body;
      let html_: PropertyDescriptor | undefined;
      while (proto && !(html_ = Object.getOwnPropertyDescriptor(proto, 'innerHTML'))) proto = Object.getPrototypeOf(proto);
      const count = { reads: 0, writes: 0, copies: 0 };
      Object.defineProperty(body, 'innerHTML', {
        get: () => (count.reads++, html_!.get!.call(body)),
        set: (v: string) => (count.writes++, html_!.set!.call(body, v)),
      });
      const cloneNode = body.cloneNode.bind(body);
      body.cloneNode = (deep?: boolean) => (count.copies++, cloneNode(deep));
      return { result: new R(doc, { disableJSONLD: true, ...options }).parse(), ...count };
    };
    // Found on the first pass, and with too little text, so that every pass is retried. The
    // short page's scripts, styles, line breaks and noscript images are prepared before the
    // first pass: a copy asked for again must be prepared the same way.
    const article = `<html><body><article><h1>Water rates to rise</h1>${BODY_TEXT}</article></body></html>`;
    const short = `<html><head><style>p{}</style></head><body><div class="sidebar"><p>Sign in to read on.</p></div>
      <p>Short note.<br><br>Second line<font>in a font</font>.</p><img class="lazy" data-src="a.jpg"><noscript><img src="a.jpg"></noscript>
      <script>document.title = 'x'</script></body></html>`;
    for (const html of [article, short]) {
      const original = run(Original, html);
      const built = run(Readability, html);
      const again = run(Readability, html, { freshCopy: () => parse(html) });
      expect(built.result).toEqual(original.result);
      expect(again.result).toEqual(original.result);
      expect(original.reads).toBe(1);
      expect([built.reads, again.reads]).toEqual([0, 0]);
      expect([built.writes, again.writes]).toEqual([original.writes, original.writes]);
      expect([built.copies, again.copies]).toEqual([1, 0]);
    }
    expect(run(Original, short).writes).toBeGreaterThan(0);
    expect(() => snapshotByCopy('var pageCacheHtml = page.innerHTML;')).toThrow(/cannot change how it keeps the page/);
  });

  /** Readability's answer on `doc`, with its article as the text lib/extract reads of it. */
  const asText = (R: ReadabilityClass, doc: Document, options: Options = {}) => {
    const result = new R(doc, { disableJSONLD: true, serializer: (el) => el, ...options }).parse() as { content: Element } | null;
    return result && { ...result, content: blockText(result.content), textContent: undefined, length: undefined };
  };

  it('gives the same article text with its markup-only steps skipped (textOnly), and stops the build if they moved', async () => {
    const Original = require(id) as ReadabilityClass;
    const { Readability } = await mangled();
    // What Readability reads after it cleans the markup: a figure's attributes (the lazy image it
    // names), an embed's (a video it keeps). Left uncleaned, the figure would get an image and
    // the iframe would be kept as a video; cleaned as the original cleans them, neither. Inside
    // an <svg> the original cleans nothing, so there the figure gets its image.
    const html = `<html><body><article><h1>Water rates to rise</h1>${BODY_TEXT}
      <figure style="background:url(map.jpg)"><figcaption>The works</figcaption></figure>
      <iframe style="https://www.youtube.com/embed/x" src="about:blank"></iframe>
      <p style="color: red" align="center">Board members <a href="/minutes">published the minutes</a>. <a href="javascript:void(0)">Share</a></p>
      <p>The plan: <img class="lazy" data-src="plan.jpg"></p>
      <svg><foreignObject><figure style="drawing.png"><figcaption>Drawn</figcaption></figure></foreignObject></svg></article></body></html>`;
    const original = new Original(parse(html), { disableJSONLD: true, serializer: (el) => el }).parse() as { content: Element };
    const built = new Readability(parse(html), { disableJSONLD: true, serializer: (el) => el, textOnly: true }).parse() as {
      content: Element;
      textContent: unknown;
    };
    // The same elements in the same places: only attributes may differ, and links (the original
    // turns a "javascript:" link into its text, inline either way).
    const shape = (el: Element): string =>
      `${el.tagName}(${[...el.children]
        .filter((c) => c.tagName !== 'A')
        .map(shape)
        .join(',')})`;
    expect(shape(built.content)).toBe(shape(original.content));
    expect(built.content.querySelectorAll('figure img')).toHaveLength(1);
    expect(built.content.querySelector('svg figure img')).not.toBeNull();
    expect(built.content.querySelector('iframe')).toBeNull();
    expect(blockText(built.content)).toBe(blockText(original.content));
    expect(built.textContent).toBeNull();
    expect(asText(Readability, parse(html), { textOnly: true })).toEqual(asText(Original, parse(html)));
    expect(() => textOnly('_postProcessContent(articleContent) {}')).toThrow(/cannot skip its markup-only steps/);
  });

  const pages = readdirSync(new URL('../../fixtures/pages/', import.meta.url)).filter((f) => f.endsWith('.html'));
  it.each(pages)('parses %s exactly as the original without JSON-LD, and to the same text as lib/extract asks', async (page) => {
    const Original = require(id) as ReadabilityClass;
    const { Readability } = await mangled();
    expect(new Readability(parseFixture(page)).parse()).toEqual(new Original(parseFixture(page), { disableJSONLD: true }).parse());
    const asked = { textOnly: true, freshCopy: () => parseFixture(page) };
    expect(asText(Readability, parseFixture(page), asked)).toEqual(asText(Original, parseFixture(page)));
  });

  it('cuts the markup-only steps from the extension’s build, which gives every fixture the same text and throws unless asked for text only', async () => {
    const { Readability: Full } = await mangled();
    const { code, Readability: Cut } = await mangled({ textOnlyBuild: true });
    // What survives the renaming of those steps: the link scheme they drop, the option they read.
    expect((await mangled()).code).toMatch(/javascript:[^]*classesToPreserve|classesToPreserve[^]*javascript:/);
    expect(code).not.toMatch(/javascript:|classesToPreserve|base64/);
    const asked = { textOnly: true, keepClasses: true };
    for (const page of pages) {
      const again = { ...asked, freshCopy: () => parseFixture(page) };
      expect(asText(Cut, parseFixture(page), again), page).toEqual(asText(Full, parseFixture(page), again));
    }
    // A page too short for the first pass, so that every pass is retried on a fresh copy.
    const short = '<html><body><div class="sidebar"><p>Sign in.</p></div><p>Short note.<br><br>Second line.</p></body></html>';
    const retried = { ...asked, freshCopy: () => parse(short) };
    expect(asText(Cut, parse(short), retried)).toEqual(asText(Full, parse(short), retried));
    // Lazy figures and images as the textOnly test reads them: the figure still gets its image.
    const html = `<html><body><article><h1>Water rates to rise</h1>${BODY_TEXT}
      <figure class="lazy" data-src="map.jpg"><figcaption>The works</figcaption></figure>
      <p>The plan: <img class="lazy" src="data:image/png;base64,AAAA" data-src="plan.jpg"></p></article></body></html>`;
    const cut = new Cut(parse(html), { ...asked, serializer: (el) => el }).parse() as { content: Element };
    const full = new Full(parse(html), { ...asked, serializer: (el) => el }).parse() as { content: Element };
    expect(cut.content.innerHTML).toBe(full.content.innerHTML);
    expect(cut.content.querySelector('figure img')?.getAttribute('src')).toBe('map.jpg');
    expect(() => new Cut(parse(html), { textOnly: true })).toThrow(/needs textOnly and keepClasses/);
    expect(() => new Cut(parse(html), { keepClasses: true })).toThrow(/needs textOnly and keepClasses/);
    expect(() => textOnlyBuild('_fixRelativeUris(articleContent) {}')).toThrow(/cannot cut its markup-only steps/);
  });
});
