import { t, tn } from '../platform/i18n.ts';
import type { Placement } from '../lib/story/placement.ts';
import type { Story } from '../lib/story/story.ts';
import { clipAtWord, isolated } from '../lib/words.ts';
import { withIsolates } from './Isolates.tsx';
import { Swatch } from './Swatch.tsx';

/** A page's own site name is shown up to this many characters ("Frankfurter Allgemeine Zeitung" has 30). */
const OUTLET_SHOWN = 40;
/**
 * The reader's viewpoint is named up to this many characters: with the outlet, three lines. A
 * story's 300-character outlet and viewpoint names made the note 17 lines and pushed "Open
 * viewpoints" below Chrome's 600 px; the whole names are on the viewpoint's row and in the side panel.
 */
const VIEWPOINT_SHOWN = 80;

/**
 * Where the reader's page stands: "You're reading [2] Fortune — its viewpoint", or that its
 * outlet is (or is not) among the story's. A viewpoint is named only for a page the story cites.
 */
export function PlacementNote({
  story,
  placement,
  outlets,
  viewpointNamed = true,
}: {
  story: Story;
  placement: Placement | null;
  outlets: number;
  /** False where the viewpoint's own row is beside the note, marked "You are here" (the popup). */
  viewpointNamed?: boolean;
}) {
  if (!placement) return null;
  if (placement.kind === 'source') {
    const i = story.viewpoints.indexOf(placement.viewpoint);
    return (
      <p class="placement" data-kind="source" data-source={placement.source.n}>
        <Swatch index={i} />
        <span>
          <strong>
            {withIsolates((story) => t('placeSource', [placement.source.n, story(clipAtWord(placement.source.outlet, OUTLET_SHOWN))]))}
          </strong>
          {viewpointNamed && (
            <>
              {' '}
              — <bdi>{clipAtWord(placement.viewpoint.name, VIEWPOINT_SHOWN)}</bdi>
            </>
          )}
        </span>
      </p>
    );
  }
  // An outlet the story cites is the story's own name for it, isolated as story text is; any other
  // is what the page says it is, shown as a short isolate with its own direction controls dropped:
  // a page's name cannot turn the sentence around or write most of it.
  const key = placement.kind === 'outlet' ? 'placeOutlet' : 'placeOutside';
  return (
    <p class="placement" data-kind={placement.kind} data-source={placement.kind === 'outlet' ? placement.source.n : undefined}>
      {/* The outlet's cited article's viewpoint, by its key: the row that offers "Read [2] Fortune". */}
      {placement.kind === 'outlet' && <Swatch index={story.viewpoints.indexOf(placement.viewpoint)} />}
      <span>
        {placement.kind === 'outlet'
          ? withIsolates((story) => tn(key, outlets, [story(placement.outlet)]))
          : tn(key, outlets, [isolated(clipAtWord(placement.outlet, OUTLET_SHOWN))])}
      </span>
    </p>
  );
}
