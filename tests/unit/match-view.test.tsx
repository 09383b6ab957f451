// @vitest-environment happy-dom
// The popup's matched story: what it only counts ("+ 7 more viewpoints in the full view") leads to
// the full view, the side panel, as "Open viewpoints" does.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeMatch } from '../../entrypoints/background/badge.ts';
import { MatchView } from '../../entrypoints/popup/MatchView.tsx';
import { StoryView } from '../../components/story/StoryView.tsx';
import { storyFigures } from '../../lib/story/figures.ts';
import type { TabReport } from '../../lib/messages.ts';
import { parseStories } from '../../lib/story/story.ts';
import { edgeStory } from '../fixtures/edge-stories.ts';
import { renderRoot } from './render-root.ts';

const root = renderRoot();
type Match = Extract<TabReport, { state: 'match' }>;

/** The matched popup for a page of `story` (its source [2] unless `page` says otherwise), and what it asked the side panel for. */
function shown(story: Match['story'], page: Match['page'] = { url: story.sources[1]!.url!, title: story.sources[1]!.title }) {
  const onOpenPanel = vi.fn();
  const view: Match = {
    state: 'match',
    page,
    story,
    confidence: 0.9,
    reasons: [],
    alternatives: [],
  };
  render(<MatchView view={view} busy={false} onOpenPanel={onOpenPanel} onChoose={() => {}} />, root());
  const button = (text: string) => [...root().querySelectorAll('button')].find((b) => b.textContent === text);
  return { onOpenPanel, button };
}

describe('the matched popup', () => {
  // Found in a review (2026-12-07): "+ 7 more viewpoints in the full view" and "+ 8 more in the
  // full view" were plain text; the full view they name was one click away, on another button.
  it('opens the full view from the viewpoints and the missing perspectives it only counts', () => {
    const { onOpenPanel, button } = shown(edgeStory('ten-viewpoints', (id) => `https://reader.example/${id}`));
    for (const text of ['+ 7 more viewpoints in the full view', '+ 8 more in the full view']) {
      const more = button(text);
      expect(more, text).toBeDefined();
      onOpenPanel.mockClear();
      more!.click();
      // The panel on the tab's own story, as "Open viewpoints" opens it: no other request.
      expect(onOpenPanel).toHaveBeenCalledExactlyOnceWith();
    }
  });

  it('offers no such button when it lists every viewpoint and missing perspective', () => {
    const { button } = shown(edgeStory('arabic', (id) => `https://reader.example/${id}`));
    expect(root().querySelector('.split__more, .missing-callout__more')).toBeNull();
    expect(button('Open viewpoints')).toBeDefined();
  });
});

describe('the figures of a story that lacks no perspective', () => {
  const [seed] = parseStories(JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'))).stories;
  const complete = { ...seed!, missingPerspectives: [] };

  // "7 outlets · 3 viewpoints · 0 missing" read as a count of something there is none of; the
  // popup has no callout to say more, so the line says it in words.
  it('say "none missing" in the popup and "no missing perspectives" in the panel and the badge', async () => {
    shown(complete);
    expect(root().querySelector('.story-card__figures')!.textContent).toBe('7 outlets · 3 viewpoints · none missing');
    render(<StoryView story={complete} topicNames={{}} />, root());
    expect(root().querySelector('.coverage__figures')!.textContent).toBe('7 outlets · 3 viewpoints surfaced · no missing perspectives');
    await badgeMatch(7, storyFigures(complete));
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Factlen: 7 outlets · 3 viewpoints · no missing perspectives');
  });

  it('still count them where there are some', () => {
    shown(seed!);
    expect(root().querySelector('.story-card__figures')!.textContent).toBe('7 outlets · 3 viewpoints · 2 missing');
  });
});

describe('the matched popup on an uncited page of a cited outlet', () => {
  const [seed] = parseStories(JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'))).stories;
  const story = { ...seed!, sources: seed!.sources.map((s) => ({ ...s, url: `https://${s.outletDomain}/story-${s.n}` })) };

  // Found in a review (2026-12-07): "Stanford HAI is one of this story's 7 outlets" said nothing of
  // where its coverage stands, and its viewpoint's row offered Microsoft's article instead.
  it("keys the note to the viewpoint of the outlet's cited article, whose row offers that article", () => {
    shown(story, { url: 'https://hai.stanford.edu/news/another-article', title: 'Another article', siteName: 'Stanford HAI' });
    const note = root().querySelector('.placement')!;
    expect(note.getAttribute('data-kind')).toBe('outlet');
    expect(note.textContent).toBe("Stanford HAI is one of this story's 7 outlets, but this page is not among its sources.");
    expect(note.querySelector('.swatch-key')?.getAttribute('data-key')).toBe('B');
    const row = root().querySelector('.split-legend__row[data-viewpoint="technology-developers"]')!;
    expect(row.querySelector('.swatch-key')?.getAttribute('data-key')).toBe('B');
    expect(row.querySelector('a.source-action')?.getAttribute('href')).toBe('https://hai.stanford.edu/story-4');
    // Never "You are here": the page is not the article the story cites.
    expect(root().querySelector('.split-legend__row[data-reader], .split-bar__seg[data-reader]')).toBeNull();
  });
});
