import { t, tn } from '../platform/i18n.ts';
import { clipAtWord } from '../lib/words.ts';
import { listKey } from './list-key.ts';

// The popup names at most this many; the side panel lists them all.
const LISTED = 4;
// ... and at most this many characters of them: with the heading, three lines of the callout
// whatever the font size (the popup's width is in rem): four names of 60 to 90 characters took 11 lines, and
// pushed the follow buttons and the footer below Chrome's 600 px. The first is always named,
// clipped at a word when it alone is longer; the rest are counted, as the names past four are.
const NAMES_SHOWN = 80;

/** The names the popup shows: in order, while they fit the budget. */
function shownNames(missing: string[]): string[] {
  const shown: string[] = [];
  let used = 0;
  for (const name of missing.slice(0, LISTED)) {
    if (shown.length && used + name.length > NAMES_SHOWN) break;
    shown.push(shown.length ? name : clipAtWord(name, NAMES_SHOWN));
    used += name.length;
  }
  return shown;
}

/** The stakeholders the coverage leaves out, as a callout: named, and said to have no voice among the outlets. */
export function MissingCallout({
  missing,
  outlets,
  onOpenFull,
}: {
  missing: string[];
  outlets: number;
  /** Opens the full view (the side panel), where every name is listed. */
  onOpenFull?: () => void;
}) {
  if (!missing.length) return null;
  const shown = shownNames(missing);
  return (
    <section class="missing-callout" aria-labelledby="missing-heading">
      <div class="missing-callout__names">
        <h2 id="missing-heading" class="missing-callout__heading">
          <span class="missing-callout__icon" aria-hidden="true">
            !
          </span>{' '}
          {t('missingHeading')}
          <span aria-hidden="true">:</span>
        </h2>{' '}
        <ul class="missing-callout__list">
          {shown.map((m, i) => (
            <li key={listKey(i, m)}>
              <bdi>{m}</bdi>
              {i < shown.length - 1 && <span aria-hidden="true"> · </span>}
            </li>
          ))}
        </ul>
      </div>
      {/* "None of the 7 covering outlets speaks for them." is for screen readers: the figures over
          the title count the outlets, and a reader's 20 px default font needs its line. */}
      {missing.length > shown.length ? (
        <p class="missing-callout__note">
          <span class="visually-hidden">{tn('missingCallout', outlets)}</span>{' '}
          {onOpenFull ? (
            <button type="button" class="link-button missing-callout__more" onClick={onOpenFull}>
              {t('missingMore', missing.length - shown.length)}
            </button>
          ) : (
            t('missingMore', missing.length - shown.length)
          )}
        </p>
      ) : (
        <p class="visually-hidden">{tn('missingCallout', outlets)}</p>
      )}
    </section>
  );
}
