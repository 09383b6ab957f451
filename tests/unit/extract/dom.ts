// Documents for the extraction tests, parsed by linkedom as the CLI parses them.
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function parseFixture(name: string): Document {
  return parse(readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url), 'utf8'));
}

/** Four paragraphs of plain reporting: enough for Readability to call a page an article. */
export const BODY_TEXT = [
  'The county water board voted on Tuesday to raise rates by six percent from July, the first increase in four years, after a review found that a third of the district’s mains are more than sixty years old and losing water through leaks.',
  'Board members said the extra money would go to replacing eleven miles of pipe over the next three years, starting with the oldest cast-iron mains under the river district, where most of last winter’s breaks occurred.',
  'Residents who spoke at the meeting were divided. Several asked the board to phase in the increase more slowly for households on fixed incomes, while others said they would rather pay now than face emergency repairs later.',
  'The board agreed to extend its assistance programme, which caps bills for low-income households, and to publish a map of planned works so that residents and businesses can see when their streets will be dug up.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

/** A page around `body` (default: a headline and BODY_TEXT) with `head` markup added. */
export function page(opts: { head?: string; body?: string; lang?: string; title?: string; h1?: string } = {}): Document {
  const h1 = opts.h1 === undefined ? 'Water rates to rise six percent' : opts.h1;
  const body = opts.body ?? `<article>${h1 ? `<h1>${h1}</h1>` : ''}\n${BODY_TEXT}</article>`;
  return parse(
    `<!doctype html><html${opts.lang ? ` lang="${opts.lang}"` : ''}><head><meta charset="utf-8"><title>${opts.title ?? 'Water rates to rise six percent | County Courier'}</title>${opts.head ?? ''}</head><body>${body}</body></html>`,
  );
}

export const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
export const meta = (key: string, content: string, attr = 'property') => `<meta ${attr}="${key}" content="${content}">`;
