/**
 * HTML character references left in text the page declares. JSON-LD is raw script text, so its
 * `"The Adult&#39;s Guide"` was never decoded; a meta tag or `<title>` encoded twice by its CMS
 * (`&amp;#8217;`) still reads `&#8217;` after the parser's one decoding (tests/fixtures/pages
 * deals-list.html). Without the DOM: no page markup is ever parsed into elements for this.
 */

// The HTML 4 Latin-1 names, U+00A0 to U+00FF in order, then the punctuation CMSs write.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' ',
  );
const OTHER: Record<string, number> = {
  amp: 38,
  lt: 60,
  gt: 62,
  quot: 34,
  apos: 39,
  ndash: 0x2013,
  mdash: 0x2014,
  lsquo: 0x2018,
  rsquo: 0x2019,
  sbquo: 0x201a,
  ldquo: 0x201c,
  rdquo: 0x201d,
  bdquo: 0x201e,
  hellip: 0x2026,
  bull: 0x2022,
  prime: 0x2032,
  euro: 0x20ac,
  trade: 0x2122,
  thinsp: 0x2009,
  ensp: 0x2002,
  emsp: 0x2003,
  lsaquo: 0x2039,
  rsaquo: 0x203a,
  dagger: 0x2020,
  OElig: 0x152,
  oelig: 0x153,
  Scaron: 0x160,
  scaron: 0x161,
};
const REF = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,7}));/g;

function codeOf(dec: string | undefined, hex: string | undefined, name: string | undefined): number | undefined {
  if (dec || hex) return parseInt((dec ?? hex)!, dec ? 10 : 16);
  const i = LATIN1.indexOf(name!);
  return i >= 0 ? 0xa0 + i : Object.hasOwn(OTHER, name!) ? OTHER[name!] : undefined;
}

/** `s` with its character references decoded, twice over when it was encoded twice; unknown names stay as written. */
export function decodeEntities(s: string): string {
  for (let i = 0; i < 2 && s.includes('&'); i++) {
    s = s.replace(REF, (ref, dec?: string, hex?: string, name?: string) => {
      const code = codeOf(dec, hex, name);
      return code && code < 0x110000 && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ref;
    });
  }
  return s;
}
