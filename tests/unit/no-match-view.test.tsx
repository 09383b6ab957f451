// @vitest-environment happy-dom
// The popup's "no story" answers, as they name the page they compared.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { NoMatchView } from '../../entrypoints/popup/NoMatchView.tsx';
import type { TabReport } from '../../lib/messages.ts';
import { renderRoot } from './render-root.ts';

const root = renderRoot();
type NoMatch = Extract<TabReport, { state: 'no-match' }>;

const shown = (view: Omit<NoMatch, 'state' | 'page'>, title: string) => {
  const report: NoMatch = { state: 'no-match', page: { url: 'https://countycourier.example/news/water', title }, ...view };
  render(
    <NoMatchView view={report} summary={null} busy={false} onOpenStory={() => {}} onOpenAlerts={() => {}} onChoose={() => {}} />,
    root(),
  );
  return root().querySelector('.popup__empty > p')!.textContent!;
};

const suggestion = { storyId: 's', title: 'Water board raises rates', confidence: 0.6, reasons: [] };
const sameSubject = {
  stories: [{ storyId: 's', title: 'Water board raises rates', confidence: 0.4, publishedAt: '2026-10-07' }],
  reasons: [],
};

describe('the popup with no story for the page', () => {
  it('quotes the title of the page it compared', () => {
    expect(shown({}, 'Water rates to rise six percent')).toContain(
      'compared “\u2068Water rates to rise six percent\u2069” with every story',
    );
  });

  // Found walking the corpus (2026-12-07): a page with no title, no headline and no declared
  // title (readability-test-pages reordering-paragraphs) read "compared “” with every story".
  it.each([
    ['no match', {}],
    ['a question', { suggestion }],
    ['the same subject', { sameSubject }],
  ])('says "this page" for a page without a title (%s), never empty quotes', (_, view) => {
    for (const title of ['', '   ']) {
      const text = shown(view, title);
      expect(text).toMatch(/compared this page with/);
      expect(text).not.toMatch(/[“”\u2068\u2069]/);
    }
  });
});
