/** The figures FORMAT.md derives from a story and never stores. */
import { readerKey } from '../words.ts';
import type { Source, Story, Viewpoint } from './story.ts';

export interface ViewpointSources {
  viewpoint: Viewpoint;
  sources: Source[];
}

export interface StoryFigures {
  /** Distinct outlets among the sources ("7 outlets"). */
  outlets: number;
  /** Distinct viewpoints among the sources ("3 viewpoints surfaced"). */
  viewpointsSurfaced: number;
  missing: number;
  /** The sources grouped by viewpoint, in the story's viewpoint order; empty groups left out. */
  byViewpoint: ViewpointSources[];
}

// "Fortune" and "fortune " are one outlet: the count is what a reader would count.
const outletKey = (s: Source) => readerKey(s.outlet);

/** Computes outlets, viewpoints surfaced and the sources per viewpoint of a story. */
export function storyFigures(story: Story): StoryFigures {
  const outlets = new Set(story.sources.map(outletKey));
  const surfaced = new Set(story.sources.map((s) => s.viewpointId));
  const byViewpoint = story.viewpoints
    .map((viewpoint) => ({ viewpoint, sources: story.sources.filter((s) => s.viewpointId === viewpoint.id) }))
    .filter((group) => group.sources.length > 0);
  return { outlets: outlets.size, viewpointsSurfaced: surfaced.size, missing: story.missingPerspectives.length, byViewpoint };
}
