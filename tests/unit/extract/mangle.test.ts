// The build's renaming of Readability's internals must leave what it does unchanged.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bylineTestFirst, mangleReadability, withoutJsonLd } from '../../../build/mangle-readability.ts';
import { parseFixture } from './dom.ts';

const require = createRequire(import.meta.url);
const id = require.resolve('@mozilla/readability/Readability.js');
type ReadabilityClass = new (doc: Document, options?: { disableJSONLD?: boolean }) => { parse(): unknown };

async function mangled(): Promise<{ code: string; Readability: ReadabilityClass }> {
  const hook = mangleReadability().transform as (code: string, id: string) => Promise<{ code: string }>;
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
  ])('renames its %s (%s)', async (_, name) => {
    expect((await mangled()).code).not.toMatch(new RegExp(`\\.${name}\\b`));
  });

  it('keeps the node type names a DOM node also has', async () => {
    expect((await mangled()).code).toMatch(/\bTEXT_NODE\b[^]*\bELEMENT_NODE\b|\bELEMENT_NODE\b[^]*\bTEXT_NODE\b/);
  });

  it('cuts its JSON-LD reader, which lib/extract disables and replaces, and stops the build if it moved', async () => {
    expect((await mangled()).code).not.toMatch(/schema\.org|NewsArticle/);
    expect(() => withoutJsonLd('class R { _getJSONLD(doc) {\n    return {};\n  }\n}')).toThrow(/cannot cut its JSON-LD reader/);
  });

  it('reads an element’s text for the byline test only when its markup names a byline, and stops the build if that moved', async () => {
    const { Readability } = await mangled();
    const marked = { getAttribute: (a: string) => (a === 'rel' ? 'author' : null), get textContent() { return ' Ann Lee '; } };
    let reads = 0;
    const plain = { getAttribute: () => null, get textContent() { reads++; return 'x'.repeat(5000); } };
    const r = new Readability(parseFixture('jsonld-graph.html')) as unknown as Record<string, (n: unknown, m: string) => boolean>;
    const test = Object.values(Object.getPrototypeOf(r)).find((f) => typeof f === 'function' && /bylineLength/.test(String(f))) as (n: unknown, m: string) => boolean;
    expect(test.call(r, marked, '')).toBe(true);
    expect(test.call(r, plain, 'story body')).toBe(false);
    expect(reads).toBe(0);
    expect(() => bylineTestFirst('_isValidByline(node) { return true; }')).toThrow(/cannot reorder its byline test/);
  });

  const pages = readdirSync(new URL('../../fixtures/pages/', import.meta.url)).filter((f) => f.endsWith('.html'));
  it.each(pages)('parses %s exactly as the original without JSON-LD', async (page) => {
    const Original = require(id) as ReadabilityClass;
    const { Readability } = await mangled();
    expect(new Readability(parseFixture(page)).parse()).toEqual(new Original(parseFixture(page), { disableJSONLD: true }).parse());
  });
});
