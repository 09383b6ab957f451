// @vitest-environment happy-dom
// The popup's matched story: what it only counts ("+ 7 more viewpoints in the full view") leads to
// the full view, the side panel, as "Open viewpoints" does.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { MatchView } from '../../entrypoints/popup/MatchView.tsx';
import type { TabReport } from '../../lib/messages.ts';
import { edgeStory } from '../fixtures/edge-stories.ts';
import { renderRoot } from './render-root.ts';

const root = renderRoot();
type Match = Extract<TabReport, { state: 'match' }>;

/** The matched popup for a page of `story`'s source [2], and what it asked the side panel for. */
function shown(story: Match['story']) {
  const onOpenPanel = vi.fn();
  const view: Match = {
    state: 'match',
    page: { url: story.sources[1]!.url!, title: story.sources[1]!.title },
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
