/** Tokenising for matching: Unicode letters and numbers, so any language tokenises. */

// Function words that say nothing about which event an article covers.
const STOP = new Set(('a an and are as at be been but by for from had has have he her his i if in into is it its ' +
  'may more most new no not of on or our out over said says she so than that the their them then there these ' +
  'they this those to up was we were what when which while who will with would you your also after about ' +
  'against all any because before being between both can could did do does during each few how just like ' +
  'mr mrs ms much must now only other own same should some such through under until very where why').split(' '));

/** Lower-cased word tokens (letters/digits in any script), stop words and 1-letter tokens dropped. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu)) {
    const t = m[0].replace(/['’]s$/, '');
    if (t.length > 1 && !STOP.has(t)) out.push(t);
  }
  return out;
}
