import { formatPercent, t } from '../platform/i18n.ts';
import type { Viewpoint } from '../lib/story/story.ts';
import { keyClass, Swatch } from './Swatch.tsx';

interface Props {
  viewpoints: Viewpoint[];
}

/**
 * Each viewpoint's share as a labelled bar. The percentage is visible text beside the name, so
 * the bar reads without colour and to a screen reader; the bar itself is decoration.
 */
export function ViewpointBar({ viewpoints }: Props) {
  return (
    <ul class="viewpoint-bars">
      {viewpoints.map((v, i) => (
        <li key={v.id} class="viewpoint-bar">
          <span class="viewpoint-bar__label">
            <span class="viewpoint-bar__name">
              <Swatch index={i} /> <bdi>{v.name}</bdi>
            </span>
            <span class="viewpoint-bar__share" aria-label={t('shareLabel', [v.name, formatPercent(v.share)])}>
              {formatPercent(v.share)}
            </span>
          </span>
          <span class="viewpoint-bar__track" aria-hidden="true">
            <span class={`viewpoint-bar__fill ${keyClass(i)}`} style={{ width: `${Math.round(v.share * 1000) / 10}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
