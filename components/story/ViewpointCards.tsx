import { formatPercent, t } from '../../platform/i18n.ts';
import type { StoryFigures } from '../../lib/story/figures.ts';
import type { Story } from '../../lib/story/story.ts';
import { Disclosure } from '../Disclosure.tsx';
import { withIsolates } from '../Isolates.tsx';
import { SourceAction } from '../SourceAction.tsx';
import { Swatch } from '../Swatch.tsx';

interface Props {
  story: Story;
  figures: StoryFigures;
  /** The source the reader's page is, when the story cites it: its viewpoint is where they are. */
  readerSource?: number | null;
}

/**
 * Each viewpoint's card: its key, name and share as text, summary, the way to read each of its
 * sources (its address, or "Find this article"), and its "in depth" section, open. The reader's own
 * viewpoint says so, and their own source is not offered to them again.
 */
export function ViewpointCards({ story, figures, readerSource }: Props) {
  const sourcesOf = (id: string) => figures.byViewpoint.find((g) => g.viewpoint.id === id)?.sources ?? [];
  return (
    <ul class="viewpoint-cards">
      {story.viewpoints.map((v, i) => {
        const sources = sourcesOf(v.id);
        const mine = sources.some((s) => s.n === readerSource);
        return (
          <li key={v.id} class="viewpoint-card" data-viewpoint={v.id} data-reader={mine || undefined}>
            <h3 class="viewpoint-card__name">
              <Swatch index={i} />
              <span dir="auto">{v.name}</span>
              <span class="viewpoint-card__share">{formatPercent(v.share)}</span>
            </h3>
            {mine && <p class="you-mark">{t('youAreHere')}</p>}
            <p dir="auto">{v.summary}</p>
            {sources.length ? (
              <ul class="viewpoint-card__sources">
                {sources.map((s) => (
                  <li key={s.n}>
                    {s.n === readerSource ? (
                      <span class="muted">
                        [{s.n}] <bdi>{s.outlet}</bdi> · {t('readerSourceMark')}
                      </span>
                    ) : (
                      <SourceAction source={s} />
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted viewpoint-card__sources">{t('noSourcesForViewpoint')}</p>
            )}
            {v.inDepth && (
              // Open: the reader opened the panel to read the viewpoints in depth ("Open
              // viewpoints"), and a closed section hid them behind a click each.
              <Disclosure open summary={withIsolates((s) => t('inDepth', s(v.inDepth!.headline)))}>
                <p class="viewpoint-card__lead" dir="auto">
                  {v.inDepth.lead}
                </p>
                <p dir="auto">{v.inDepth.body}</p>
              </Disclosure>
            )}
          </li>
        );
      })}
    </ul>
  );
}
