import { t, tn } from '../platform/i18n.ts';
import type { Placement } from '../lib/story/placement.ts';
import type { Story } from '../lib/story/story.ts';
import { Swatch } from './Swatch.tsx';

/**
 * Where the reader's page stands: "You're reading [2] Fortune — its viewpoint", or that its
 * outlet is (or is not) among the story's. A viewpoint is named only for a page the story cites.
 */
export function PlacementNote({ story, placement, outlets }: { story: Story; placement: Placement | null; outlets: number }) {
  if (!placement) return null;
  if (placement.kind === 'source') {
    const i = story.viewpoints.indexOf(placement.viewpoint);
    return (
      <p class="placement" data-kind="source" data-source={placement.source.n}>
        <Swatch index={i} />
        <span>
          <strong>{t('placeSource', [placement.source.n, placement.source.outlet])}</strong> — {placement.viewpoint.name}
        </span>
      </p>
    );
  }
  return (
    <p class="placement" data-kind={placement.kind}>
      <span>{tn(placement.kind === 'outlet' ? 'placeOutlet' : 'placeOutside', outlets, [placement.outlet])}</span>
    </p>
  );
}
