import { splitCitations } from '../../lib/story/citations.ts';
import { t } from '../../platform/i18n.ts';
import type { Story } from '../../lib/story/story.ts';

/** The story's paragraphs, each `[n]` a link to source n in the list below; captions set apart. */
export function StoryBody({ story }: { story: Story }) {
  const outlet = new Map(story.sources.map((s) => [s.n, s.outlet]));
  return (
    <div class="story-body">
      {(story.body ?? []).map((item, i) =>
        typeof item === 'string' ? (
          <p key={i} dir="auto">
            {splitCitations(item).map((part, j) =>
              typeof part === 'string' ? (
                part
              ) : outlet.has(part.n) ? (
                <a key={j} class="cite" href={`#source-${part.n}`} aria-label={t('citationLabel', [part.n, outlet.get(part.n)!])}>
                  [{part.n}]
                </a>
              ) : (
                `[${part.n}]`
              ),
            )}
          </p>
        ) : (
          <p key={i} class="story-body__caption" dir="auto">
            <span class="visually-hidden">{t('captionLabel')} </span>
            {item.caption}
          </p>
        ),
      )}
    </div>
  );
}
