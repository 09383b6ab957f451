import { t, tn } from '../lib/i18n.ts';
import type { ViewpointSources } from '../lib/story-figures.ts';
import { ExternalLink } from './ExternalLink.tsx';

interface Props {
  groups: ViewpointSources[];
  headingLevel?: 2 | 3;
  /** The source the reader's page is: marked in words, not only in colour. */
  readerSource?: number | null;
}

/** The coverage, grouped by the viewpoint each source surfaces: outlet, headline, link. */
export function SourceList({ groups, headingLevel = 2, readerSource }: Props) {
  const H = `h${headingLevel}` as 'h2';
  const G = `h${headingLevel + 1}` as 'h3';
  return (
    <section class="sources" aria-labelledby="sources-heading">
      <H id="sources-heading" class="section-heading">{t('sourcesHeading')}</H>
      {groups.map(({ viewpoint, sources }) => (
        <div key={viewpoint.id} class="sources__group">
          <G class="sources__viewpoint">
            {viewpoint.name} <span class="muted">· {tn('sourcesCount', sources.length)}</span>
          </G>
          <ol class="sources__list">
            {sources.map((s) => (
              <li key={s.n} id={`source-${s.n}`} class="source" data-reader={s.n === readerSource || undefined}>
                <span class="source__n">[{s.n}]</span>
                <span class="source__outlet">
                  {s.outlet}
                  {s.n === readerSource && <> <strong class="you-mark">{t('readerSourceMark')}</strong></>}
                </span>
                <ExternalLink class="source__title" href={s.url}>{s.title}</ExternalLink>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
