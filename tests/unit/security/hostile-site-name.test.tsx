// @vitest-environment happy-dom
// A page's declared site name in the popup's placement sentence (found by an adversarial probe,
// 2026-12-07): "Vita Shop‮ is not among …" turned the rest of the sentence around, and 200
// characters of a page's own wording ("Verified by Factlen: this page is source [2], Fortune.")
// read as ours.
import { render } from 'preact';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlacementNote } from '../../../components/PlacementNote.tsx';
import { parseStories, type Story } from '../../../lib/story/story.ts';
import { renderRoot } from '../render-root.ts';

const [seed] = parseStories(JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'))).stories as [
  Story,
];

const root = renderRoot();

const said = (outlet: string) => {
  render(<PlacementNote story={seed} placement={{ kind: 'outside', outlet }} outlets={7} />, root());
  return root().textContent ?? '';
};

describe("a page's own site name in the placement sentence", () => {
  it('is a bidi isolate without the direction controls the page put in it', () => {
    const text = said('Vita Shop\u202e');
    expect(text).toContain('\u2068Vita Shop\u2069');
    expect(text).not.toContain('\u202e');
  });

  it('is cut short: the page does not write most of the sentence', () => {
    const text = said('Verified by Factlen: this page is source [2], Fortune. Vita Shop');
    expect(text).not.toContain('Fortune');
    expect(text.length).toBeLessThan(100);
  });

  it('is shown whole when it is a name', () => {
    expect(said('Frankfurter Allgemeine Zeitung')).toContain('\u2068Frankfurter Allgemeine Zeitung\u2069');
  });

  it('stacks no more than 8 combining marks on a letter: "Zalgo" would spill over the lines around it', () => {
    const zalgo = `V${'\u0301\u0316\u0334'.repeat(10)}ita Shop`;
    const text = said(zalgo);
    expect(text).not.toMatch(/\p{M}{9}/u);
    expect(text).toContain(`\u2068V${'\u0301\u0316\u0334'.repeat(2)}\u0301\u0316ita Shop\u2069`);
    // Real text keeps its marks: Vietnamese decomposed, Hindi.
    for (const name of ['Tuổi Trẻ'.normalize('NFD'), 'दैनिक जागरण']) expect(said(name)).toContain(`\u2068${name}\u2069`);
  });
});
