import { formatPercent, t, tn } from '../platform/i18n.ts';
import { nextReads, type Placement } from '../lib/story/placement.ts';
import type { Story } from '../lib/story/story.ts';
import { SourceAction } from './SourceAction.tsx';
import { Swatch, keyClass, keyLetter } from './Swatch.tsx';

// The popup lists this many viewpoints (the reader's always among them); the rest are counted
// and wait in the side panel. Three rows keep the seed story's popup under 600 px.
const LISTED = 3;
// A segment narrower than this shows no letter (it would not fit); its legend row still does.
// The reader's own segment always does: it is drawn wide enough for its letter (popup.css).
const LETTER_MIN_SHARE = 0.06;
// An outlet is named up to this many characters on its viewpoint's row ("Frankfurter Allgemeine
// Zeitung" has 30): a 300-character outlet made "Read [1] …" several lines of one row.
const OUTLET_SHOWN = 40;

/**
 * One split bar of the coverage, keyed by pattern and letter, and a legend whose rows say what
 * each share is ("35% of coverage") and how to read that viewpoint: the reader's own source is
 * marked, every other viewpoint offers one source.
 */
export function CoverageSplit({
  story,
  placement,
  onOpenFull,
}: {
  story: Story;
  placement: Placement | null;
  /** Opens the full view (the side panel), where the viewpoints the popup only counts are listed. */
  onOpenFull?: () => void;
}) {
  const mine = placement?.kind === 'source' ? placement : null;
  const next = new Map(nextReads(story, placement).map((r) => [r.viewpoint.id, r.source]));
  const order = story.viewpoints.map((v, i) => ({ v, i }));
  const listed = order.slice(0, LISTED);
  // The reader's viewpoint, or their outlet's (the row the placement note keys), is always listed.
  const keyed = placement?.kind === 'source' || placement?.kind === 'outlet' ? placement.viewpoint.id : null;
  const own = order.find(({ v }) => v.id === keyed);
  if (own && !listed.includes(own)) listed[LISTED - 1] = own;
  const rest = order.length - listed.length;
  return (
    <section class="split" aria-labelledby="split-heading">
      <h2 id="split-heading" class="section-heading">
        {t('splitHeading')}
      </h2>
      <div class="split-bar" aria-hidden="true">
        {order.map(({ v, i }) => (
          <span
            key={v.id}
            class={`split-bar__seg ${keyClass(i)}`}
            data-key={v.share >= LETTER_MIN_SHARE || mine?.viewpoint.id === v.id ? keyLetter(i) : undefined}
            data-reader={mine?.viewpoint.id === v.id || undefined}
            style={{ flexGrow: v.share, flexBasis: 0 }}
          />
        ))}
      </div>
      <ul class="split-legend">
        {listed.map(({ v, i }) => {
          const reader = mine?.viewpoint.id === v.id;
          const source = next.get(v.id);
          return (
            <li key={v.id} class="split-legend__row" data-viewpoint={v.id} data-reader={reader || undefined}>
              <Swatch index={i} />
              {/* One line: the whole name is in the text a screen reader reads, on hover, and in the side panel. */}
              <span class="split-legend__name" title={v.name} dir="auto">
                {v.name}
              </span>
              <span class="split-legend__meta">
                <span class="split-legend__share">{t('shareOfCoverage', formatPercent(v.share))}</span>
                <span aria-hidden="true"> · </span>
                {reader ? (
                  <strong class="you-mark">{t('youAreHere')}</strong>
                ) : source ? (
                  <SourceAction source={source} outletShown={OUTLET_SHOWN} />
                ) : (
                  <span>{t('noSourcesForViewpoint')}</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {/* "+ 7 more viewpoints in the full view" is the way there, not a dead end beside it. */}
      {rest > 0 &&
        (onOpenFull ? (
          <button type="button" class="link-button split__more" onClick={onOpenFull}>
            {tn('viewpointsMore', rest)}
          </button>
        ) : (
          <p class="muted split__more">{tn('viewpointsMore', rest)}</p>
        ))}
    </section>
  );
}
