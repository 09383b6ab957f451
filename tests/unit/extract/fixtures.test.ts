// Each committed page with an `.expected.json` beside it extracts to that metadata.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/extract/index.ts';
import { parseFixture } from './dom.ts';

interface Spec {
  url: string;
  loadedUrl?: string;
  /** For the single-page-site fixture: the route its own router would render after pushState. */
  navigate?: string;
  expect: { kind: string } & Record<string, unknown>;
}

const DIR = new URL('../../fixtures/pages/', import.meta.url);
const specs = readdirSync(DIR).filter((f) => f.endsWith('.expected.json'));

/** What the fixture's router does on a click: the route's template becomes the page, and <title> follows. */
function navigate(doc: Document, route: string): void {
  const template = doc.getElementById(`route-${route}`)!;
  const app = doc.getElementById('app')!;
  app.innerHTML = template.innerHTML;
  doc.title = `${app.querySelector('h1')!.textContent} | Fortune`;
}

describe('committed fixture pages', () => {
  it('has an expectation for every page it ships', () => {
    expect(specs.length).toBeGreaterThanOrEqual(9);
  });

  for (const file of specs) {
    const name = file.replace('.expected.json', '');
    it(`extracts ${name} as its expectation says`, () => {
      const spec = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Spec;
      const doc = parseFixture(`${name}.html`);
      if (spec.navigate) navigate(doc, spec.navigate);
      const ex = extractArticle(doc, spec.url, { loadedUrl: spec.loadedUrl });
      const { kind, ...fields } = spec.expect;
      expect(ex.kind).toBe(kind);
      const got = (ex.kind === 'article' ? ex.article : ex) as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(fields)) expect({ [key]: got[key] }).toEqual({ [key]: value });
    });
  }
});
