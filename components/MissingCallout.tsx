import { t, tn } from '../platform/i18n.ts';

// The popup names this many; the side panel lists them all.
const LISTED = 4;

/** The stakeholders the coverage leaves out, as a callout: named, and said to have no voice among the outlets. */
export function MissingCallout({ missing, outlets }: { missing: string[]; outlets: number }) {
  if (!missing.length) return null;
  const shown = missing.slice(0, LISTED);
  return (
    <section class="missing-callout" aria-labelledby="missing-heading">
      <h2 id="missing-heading" class="missing-callout__heading">
        <span class="missing-callout__icon" aria-hidden="true">
          !
        </span>{' '}
        {t('missingHeading')}
        <span aria-hidden="true">:</span>
      </h2>{' '}
      <ul class="missing-callout__list">
        {shown.map((m, i) => (
          <li key={m}>
            {m}
            {i < shown.length - 1 && <span aria-hidden="true"> · </span>}
          </li>
        ))}
      </ul>
      <p class="missing-callout__note">
        {tn('missingCallout', outlets)}
        {missing.length > shown.length && <> {t('missingMore', missing.length - shown.length)}</>}
      </p>
    </section>
  );
}
