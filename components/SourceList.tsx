import { formatDate, t } from '../platform/i18n.ts';
import type { Source, Viewpoint } from '../lib/story/story.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { safeHref } from '../lib/story/links.ts';
import { FindArticle } from './SourceAction.tsx';
import { Swatch } from './Swatch.tsx';

interface Props {
  sources: Source[];
  viewpoints: Viewpoint[];
  headingLevel?: 2 | 3;
  /** The source the reader's page is: marked in words, not only in colour. */
  readerSource?: number | null;
}

/** Every source in citation order: number, outlet and date, the viewpoint it surfaces (keyed like the bar), headline, link. */
export function SourceList({ sources, viewpoints, headingLevel = 2, readerSource }: Props) {
  const H = `h${headingLevel}` as 'h2';
  const index = new Map(viewpoints.map((v, i) => [v.id, i]));
  const sorted = [...sources].sort((a, b) => a.n - b.n);
  return (
    <section class="sources" aria-labelledby="sources-heading">
      <H id="sources-heading" class="section-heading">
        {t('sourcesHeading')}
      </H>
      <ol class="sources__list">
        {sorted.map((s) => {
          const i = index.get(s.viewpointId) ?? 0;
          // An address Lens will not link to (one on the reader's own network) is searched for instead.
          const href = safeHref(s.url);
          return (
            <li key={s.n} id={`source-${s.n}`} class="source" data-reader={s.n === readerSource || undefined}>
              <span class="source__n">[{s.n}]</span>
              <span class="source__outlet">
                <bdi>{s.outlet}</bdi>
                {s.publishedAt && (
                  <span class="source__date">
                    <span aria-hidden="true"> · </span>
                    <time dateTime={s.publishedAt}>{formatDate(s.publishedAt, false)}</time>
                  </span>
                )}
                {s.n === readerSource && (
                  <>
                    {' '}
                    <strong class="you-mark">{t('readerSourceMark')}</strong>
                  </>
                )}
              </span>
              <span class="source__viewpoint">
                <Swatch index={i} /> <bdi>{viewpoints[i]?.name}</bdi>
              </span>
              <span class="source__title">
                <ExternalLink href={href}>
                  <bdi>{s.title}</bdi>
                </ExternalLink>
                {!href && (
                  <>
                    {' '}
                    <FindArticle source={s} />
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
