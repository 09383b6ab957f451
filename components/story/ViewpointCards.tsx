import { formatPercent, t, tn } from '../../platform/i18n.ts';
import type { StoryFigures } from '../../lib/story/figures.ts';
import type { Story } from '../../lib/story/story.ts';
import { Disclosure } from '../Disclosure.tsx';

/** Each viewpoint's card: name, share as text, summary, source count and its "in depth" section. */
export function ViewpointCards({ story, figures }: { story: Story; figures: StoryFigures }) {
  const count = (id: string) => figures.byViewpoint.find((g) => g.viewpoint.id === id)?.sources.length ?? 0;
  return (
    <ul class="viewpoint-cards">
      {story.viewpoints.map((v, i) => (
        <li key={v.id} class="viewpoint-card">
          <h3 class="viewpoint-card__name">
            <span class={`swatch tone-${i % 6}`} aria-hidden="true" />
            {v.name} <span class="viewpoint-card__share">{formatPercent(v.share)}</span>
          </h3>
          <p>{v.summary}</p>
          <p class="muted viewpoint-card__sources">{count(v.id) ? tn('sourcesCount', count(v.id)) : t('noSourcesForViewpoint')}</p>
          {v.inDepth && (
            <Disclosure summary={t('inDepth', v.inDepth.headline)}>
              <p class="viewpoint-card__lead">{v.inDepth.lead}</p>
              <p>{v.inDepth.body}</p>
            </Disclosure>
          )}
        </li>
      ))}
    </ul>
  );
}
