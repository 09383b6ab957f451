// Readability is most of the injected extractor's weight, and a third of that is the names of
// its private methods (`this._getNextNode`, `_cleanConditionally`, …) and of the constants on its
// prototype (`this.REGEXPS`, `this.FLAG_CLEAN_CONDITIONALLY`, …), which no minifier may shorten
// on its own. They are private to Readability.js — set and read only inside that one file — so
// esbuild renames them there, consistently, before the bundle is minified (and the names of its
// patterns, once `privatePatternNames` marks them private). `TEXT_NODE` and `ELEMENT_NODE` keep
// their names: a DOM node has them too (`node.TEXT_NODE`).
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

const READABILITY = /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/;

/**
 * The vite plugin. `textOnlyBuild`: also cut what only a caller that wants markup needs (the
 * extension's build; tests compare the build without it to the original Readability).
 */
export function mangleReadability({ textOnlyBuild: textOnlyCut = false } = {}): Plugin {
  return {
    name: 'lens:mangle-readability',
    async transform(code, id) {
      if (!READABILITY.test(id)) return null;
      // Debug logging never runs here (no caller passes `debug`), but its ~1 kB of messages
      // would ship: each `this.log(…)` statement becomes `0&&this.log(…)`, and the debug
      // branches `if (false)`, which the minifier then drops.
      const quiet = code
        .replace(/^(\s*)this\.log\(/gm, (_, indent: string) => `${indent}0&&this.log(`)
        .replace(/\bthis\._debug\b(?!\s*=)/g, 'false');
      const edited = [
        withoutJsonLd,
        withoutUnused,
        bylineTestFirst,
        emptyTestStopsAtText,
        styleReadOnlyWhenSet,
        snapshotByCopy,
        textOnly,
        ...(textOnlyCut ? [textOnlyBuild] : []),
        privatePatternNames,
      ].reduce((c, edit) => edit(c), quiet);
      const out = await transform(edited, {
        mangleProps: /^(?:_|[A-Z][A-Z_]+$)/,
        reserveProps: /^(?:TEXT|ELEMENT)_NODE$/,
        sourcemap: true,
        sourcefile: id,
      });
      return { code: out.code, map: out.map };
    },
  };
}

/**
 * lib/extract reads JSON-LD itself (jsonld.ts) and passes Readability `disableJSONLD`, so
 * Readability's own reader (`_getJSONLD`, ~1.5 kB minified with its list of article types) never
 * runs: it is cut. Readability is pinned; should an upgrade move any of it, the build stops here.
 */
export function withoutJsonLd(code: string): string {
  const out = code
    .replace(/\n {2}_getJSONLD\(doc\) \{[\s\S]*?\n {2}\},\n/, '\n')
    .replace(/\n {4}\/\/ See: https:\/\/schema\.org\/Article\n {4}jsonLdArticleTypes:\n {6}\/.*\/,\n/, '\n')
    .replace('this._disableJSONLD ? {} : this._getJSONLD(this._doc)', '{}');
  if (/_getJSONLD|jsonLdArticleTypes/.test(out))
    throw new Error('lens:mangle-readability: Readability.js changed; cannot cut its JSON-LD reader');
  return out;
}

/**
 * What ships in Readability for no caller of this build (about 450 bytes of each injected
 * script): the branches for JSDOMParser, Readability's own test DOM, which neither a browser's
 * document nor linkedom's is (`firstChild.__JSDOMParser__` is undefined there, so they never
 * ran), with `_getAllNodesWithTag`'s fallback for a node without `querySelectorAll` (every
 * node it is handed is a document or an element); the debug switch, whose logging the quiet
 * step already made dead, and the JSON-LD switch, whose one reader withoutJsonLd cut; and four
 * patterns and a helper that Readability defines and never reads (`extraneous`,
 * `replaceFonts`, `nextLink`, `prevLink`, `_findNode`). What runs is unchanged. Should an
 * upgrade move any of it, the build stops here.
 */
export function withoutUnused(code: string): string {
  const what = 'cut what this build never runs';
  const live = (method: string) =>
    `    // Avoid ever operating on live node lists.\n    if (this._docJSDOMParser && nodeList._isLiveNodeList) {\n      throw new Error("Do not pass live node lists to ${method}");\n    }\n`;
  const steps: [string, string][] = [
    ['  this._docJSDOMParser = this._doc.firstChild.__JSDOMParser__;\n', ''],
    [live('_removeNodes'), ''],
    [live('_replaceNodeTags'), ''],
    [
      '    if (this._docJSDOMParser) {\n      node.localName = tag.toLowerCase();\n      node.tagName = tag.toUpperCase();\n      return node;\n    }\n',
      '',
    ],
    [
      '    if (node.querySelectorAll) {\n      return node.querySelectorAll(tagNames.join(","));\n    }\n    return [].concat.apply(\n      [],\n      tagNames.map(function (tag) {\n        var collection = node.getElementsByTagName(tag);\n        return Array.isArray(collection) ? collection : Array.from(collection);\n      })\n    );\n',
      '    return node.querySelectorAll(tagNames.join(","));\n',
    ],
    ['  this._debug = !!options.debug;\n', ''],
    ['    this.log = function () {};\n', ''],
    ['  this._disableJSONLD = !!options.disableJSONLD;\n', ''],
    ['    extraneous:\n      /print|archive|comment|discuss|e[\\-]?mail|share|reply|all|login|sign|single|utility/i,\n', ''],
    ['    replaceFonts: /<(\\/?)font[^>]*>/gi,\n', ''],
    ['    nextLink: /(next|weiter|continue|>([^\\|]|$)|»([^\\|]|$))/i,\n', ''],
    ['    prevLink: /(prev|earl|old|new|<|«)/i,\n', ''],
  ];
  const out = cutMethod(
    steps.reduce((c, [from, to]) => edit(c, from, to, what), code),
    '_findNode',
    what,
  );
  // Nothing left reads them: an upgrade that starts to stops the build.
  if (
    /_docJSDOMParser|_isLiveNodeList|_findNode|\b_debug\b|_disableJSONLD|REGEXPS\.(?:extraneous|replaceFonts|nextLink|prevLink)\b/.test(out)
  )
    throw new Error(`lens:mangle-readability: Readability.js changed; cannot ${what}`);
  return out;
}

/** `code` with `from` replaced by `to`; the build stops, saying it cannot `what`, when Readability no longer has `from`. */
function edit(code: string, from: string, to: string, what: string): string {
  if (!code.includes(from)) throw new Error(`lens:mangle-readability: Readability.js changed; cannot ${what}`);
  return code.replace(from, () => to);
}

const BYLINE_CHECK = `    var bylineLength = node.textContent.trim().length;

    return (
      (rel === "author" ||
        (itemprop && itemprop.includes("author")) ||
        this.REGEXPS.byline.test(matchString)) &&
      !!bylineLength &&
      bylineLength < 100
    );`;

/**
 * Until it knows a byline, Readability asks of every element it walks whether it is one, and
 * reads the element's whole text before looking at its class or `rel`: the text of <body>, of
 * each box in it, and so on down, a walk of the page per level (in Chromium, the largest single
 * cost of its first run on the corpus pages after `_grabArticle` itself). The same test with the
 * text read only for elements marked as a byline: the answer is the same, the text read has no
 * side effects. Should an upgrade move it, the build stops here.
 */
export function bylineTestFirst(code: string): string {
  return edit(
    code,
    BYLINE_CHECK,
    `    if (!(rel === "author" || (itemprop && itemprop.includes("author")) || this.REGEXPS.byline.test(matchString))) return false;
    var bylineLength = node.textContent.trim().length;
    return !!bylineLength && bylineLength < 100;`,
    'reorder its byline test',
  );
}

const EMPTY_CHECK = `      node.nodeType === this.ELEMENT_NODE &&
      !node.textContent.trim().length &&`;

/**
 * Readability asks of every <div>, <section>, <header> and heading it walks whether it is empty,
 * and answers by building the element's whole text: for a box that holds the page, the page's
 * text, again for each box inside it. On a deeply nested page that adds up (mercury-fixtures
 * www.reddit.com: a seventh of bare Readability's time in Chromium's profiler). The same
 * question answered by walking the element's text nodes and stopping at the first that is not
 * blank: `\S` is exactly what `trim()` strips, and the text of an element is that of its Text
 * and CDATA descendants, so the answer is the same. Should an upgrade move it, the build stops
 * here.
 */
export function emptyTestStopsAtText(code: string): string {
  return edit(
    code,
    EMPTY_CHECK,
    // 12: NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION.
    `      node.nodeType === this.ELEMENT_NODE &&
      !((walk) => {
        while (walk.nextNode()) if (/\\S/.test(walk.currentNode.data)) return true;
      })(this._doc.createTreeWalker(node, 12)) &&`,
    'reorder its empty-element test',
  );
}

const VISIBLE_CHECK = `      (!node.style || node.style.display != "none") &&
      (!node.style || node.style.visibility != "hidden") &&`;

/**
 * Readability asks of every element it walks whether it is hidden, reading its inline style
 * twice: each read makes Chromium build the element's style declaration, for the many elements
 * that have none. An element without a `style` attribute has an empty inline style (Readability
 * reads a clone of the document, where no script sets one without the attribute), so the
 * answer is the same when the style is read only where the attribute is set. Should an upgrade
 * move it, the build stops here.
 */
export function styleReadOnlyWhenSet(code: string): string {
  return edit(
    code,
    VISIBLE_CHECK,
    `      (!node.hasAttribute("style") || !node.style || (node.style.display != "none" && node.style.visibility != "hidden")) &&`,
    'reorder its visibility test',
  );
}

const SNAPSHOT = '    var pageCacheHtml = page.innerHTML;\n';
const RESTORE = '        page.innerHTML = pageCacheHtml;\n';
const PREP_DOCUMENT = '  _prepDocument() {\n';
const OPTIONS = '  this._keepClasses = !!options.keepClasses;\n';

/**
 * Before its first pass Readability keeps the page as HTML, to start again from it should a pass
 * find too little text — which most pages never need. Writing the page out as HTML costs
 * Chromium about twice what copying its tree does (1.1 against 0.7 ms a page, over a quarter
 * of the corpus), and copying it is still a pass over the page on the reader's click.
 *
 * So the build keeps nothing up front when the caller can hand it the document again
 * (`freshCopy`, a function returning a new copy of the document Readability was given, as
 * lib/extract does): only when a pass is first retried does it prepare that copy as it prepared
 * its own (noscript images, scripts, styles, line breaks, fonts — steps that depend on nothing
 * but the document) and write its body out as HTML. Without `freshCopy` it copies the body's
 * tree at the moment the original wrote it out, and writes the copy out on the first retry.
 * Either way each retry parses the HTML the page had when the first pass began. Should an
 * upgrade move any of it, the build stops here.
 */
export function snapshotByCopy(code: string): string {
  const what = 'change how it keeps the page between passes';
  const copied = edit(
    code,
    SNAPSHOT,
    '    var pageCacheCopy = this._freshCopy ? null : page.cloneNode(true), pageCacheHtml = null;\n',
    what,
  );
  const restored = edit(
    copied,
    RESTORE,
    '        page.innerHTML = pageCacheHtml ??= (pageCacheCopy ?? this._preparedCopy()).innerHTML;\n',
    what,
  );
  const prepared = edit(
    restored,
    PREP_DOCUMENT,
    `  _preparedCopy() {
    var copy = new Readability(this._freshCopy());
    copy._unwrapNoscriptImages(copy._doc);
    copy._removeScripts(copy._doc);
    copy._prepDocument();
    return copy._doc.body;
  },

${PREP_DOCUMENT}`,
    what,
  );
  return edit(prepared, OPTIONS, `${OPTIONS}  this._freshCopy = options.freshCopy || null;\n`, what);
}

/**
 * lib/extract reads only the article's text (text.ts's blockText), so with `textOnly` the build
 * skips what changes the article's markup and not its text: making links and images absolute,
 * filling in the address of lazy-loaded images and pictures, the whole text as one string
 * (`textContent` is then null), and the presentational attributes (`style`, `align`, …) of
 * elements whose attributes nothing reads after. Readability still gives a lazy figure without
 * an image the image it names (the images it counts decide what it keeps), and still reads every
 * attribute of figures and embeds (a video it keeps), so those are cleaned first, as the original
 * cleans them (not inside an <svg>, where it does not go). Each skipped step decides nothing
 * else, so the text is the same: checked on every page fixture (tests/unit/extract/mangle.test.ts).
 * Should an upgrade move any of it, the build stops here.
 */
export function textOnly(code: string): string {
  const what = 'skip its markup-only steps';
  const steps: [string, string][] = [
    [OPTIONS, `${OPTIONS}  this._textOnly = !!options.textOnly;\n`],
    ['    this._fixRelativeUris(articleContent);\n', '    if (!this._textOnly) this._fixRelativeUris(articleContent);\n'],
    [
      '    this._cleanStyles(articleContent);\n',
      `    if (!this._textOnly) this._cleanStyles(articleContent);
    else
      for (var readLater of this._getAllNodesWithTag(articleContent, ["figure", "object", "embed", "iframe"]))
        if (!readLater.closest("svg")) this._cleanStyles(readLater);\n`,
    ],
    [
      '      this._getAllNodesWithTag(root, ["img", "picture", "figure"]),\n',
      '      this._getAllNodesWithTag(root, this._textOnly ? ["figure"] : ["img", "picture", "figure"]),\n',
    ],
    ['    var textContent = articleContent.textContent;\n', '    var textContent = this._textOnly ? null : articleContent.textContent;\n'],
    ['      length: textContent.length,\n', '      length: textContent === null ? null : textContent.length,\n'],
  ];
  return steps.reduce((c, [from, to]) => edit(c, from, to, what), code);
}

/**
 * The names of Readability's patterns (`this.REGEXPS.unlikelyCandidates`, `.okMaybeItsACandidate`,
 * …) are private to it like its methods, but do not start with `_`, so the renaming above leaves
 * them: over 300 bytes. They get the `_` here, in the `REGEXPS` object and where it is read
 * (`REGEXPS.name`, the only way Readability reads it). Should an upgrade read it another way,
 * the build stops here.
 */
export function privatePatternNames(code: string): string {
  const block = /\n {2}REGEXPS: \{\n[\s\S]*?\n {2}\},\n/.exec(code);
  if (!block || /\bREGEXPS(?!\.[a-zA-Z])/.test(code.replace(block[0], '')))
    throw new Error('lens:mangle-readability: Readability.js changed; cannot rename its patterns');
  const renamed = block[0].replace(/^( {4})([a-zA-Z]\w*):/gm, '$1_$2:');
  return code.replace(block[0], renamed).replace(/\bREGEXPS\.([a-zA-Z]\w*)/g, 'REGEXPS._$1');
}

/** `code` with the method `name` and its doc comment cut out. */
function cutMethod(code: string, name: string, what: string): string {
  const method = new RegExp(`\\n(?: {2}/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\n)? {2}${name}\\([^)]*\\) \\{\\n[\\s\\S]*?\\n {2}\\},\\n`);
  if (!method.test(code)) throw new Error(`lens:mangle-readability: Readability.js changed; cannot ${what}`);
  return code.replace(method, '\n');
}

/**
 * The extension's Readability reads text only: lib/extract is its one caller and always passes
 * `textOnly` and `keepClasses`. With `textOnly` (above) the markup-only steps are skipped but
 * their code still ships, about 1.5 kB of the injected scripts' 55 kB cap: making links and
 * images absolute (`_fixRelativeUris` and its `srcset` pattern), removing classes
 * (`_cleanClasses`), the whole article's text and its length, and, of the lazy-image fix that
 * `textOnly` leaves to figures only, the parts that read an image's own `src` (a <figure> has
 * no `src`, so they never ran). This edit cuts that code; a caller that does not ask for text
 * only with the classes kept gets an error, not a different article. Applied on top of
 * `textOnly`; should an upgrade move any of it, the build stops here.
 */
export function textOnlyBuild(code: string): string {
  const what = 'cut its markup-only steps';
  let out = cutMethod(cutMethod(code, '_fixRelativeUris', what), '_cleanClasses', what);
  const steps: [string, string][] = [
    [
      '  options = options || {};\n',
      '  options = options || {};\n  if (!options.textOnly || !options.keepClasses) throw Error("Readability: this build needs textOnly and keepClasses");\n',
    ],
    ['  this._classesToPreserve = this.CLASSES_TO_PRESERVE.concat(\n    options.classesToPreserve || []\n  );\n', ''],
    ['  this._keepClasses = !!options.keepClasses;\n', ''],
    // The copy snapshotByCopy prepares for a retried pass is a Readability too.
    [
      '    var copy = new Readability(this._freshCopy());\n',
      '    var copy = new Readability(this._freshCopy(), { textOnly: true, keepClasses: true });\n',
    ],
    ['  this._textOnly = !!options.textOnly;\n', ''],
    ['  CLASSES_TO_PRESERVE: ["page"],\n', ''],
    ['    srcsetUrl: /(\\S+)(\\s+[\\d.]+[xw])?(\\s*(?:,|$))/g,\n', ''],
    ['    b64DataUrl: /^data:\\s*([^\\s;,]+)\\s*;\\s*base64\\s*,/i,\n', ''],
    ['    if (!this._textOnly) this._fixRelativeUris(articleContent);\n', ''],
    ['    if (!this._keepClasses) {\n      // Remove classes.\n      this._cleanClasses(articleContent);\n    }\n', ''],
    ['    if (!this._textOnly) this._cleanStyles(articleContent);\n    else\n      for', '    for'],
    ['this._textOnly ? ["figure"] : ["img", "picture", "figure"]', '["figure"]'],
    // The cut check above declared `attr`, which the copy loop still assigns.
    ['          attr = elem.attributes[j];\n', '          var attr = elem.attributes[j];\n'],
    ['    var textContent = this._textOnly ? null : articleContent.textContent;\n', ''],
    [
      '      textContent,\n      length: textContent === null ? null : textContent.length,\n',
      '      textContent: null,\n      length: null,\n',
    ],
    [
      '            if (elem.tagName === "IMG" || elem.tagName === "PICTURE") {\n              elem.setAttribute(copyTo, attr.value);\n            } else if (\n              elem.tagName === "FIGURE" &&\n              !this._getAllNodesWithTag',
      '            if (\n              !this._getAllNodesWithTag',
    ],
  ];
  out = steps.reduce((c, [from, to]) => edit(c, from, to, what), out);
  // A figure has no `src` or `srcset` property: the placeholder-image check and the early
  // return for an image that already has its address never ran on one.
  const b64 = /\n {8}\/\/ In some sites \(e\.g\. Kotaku\)[\s\S]*?\n {8}\/\/ also check for "null"[^\n]*\n {8}if \([\s\S]*?\n {8}\}\n/;
  if (!b64.test(out)) throw new Error(`lens:mangle-readability: Readability.js changed; cannot ${what}`);
  out = out.replace(b64, '\n');
  if (/_fixRelativeUris|_cleanClasses|_textOnly|_keepClasses|elem\.src\b/.test(out))
    throw new Error(`lens:mangle-readability: Readability.js changed; cannot ${what}`);
  return out;
}
