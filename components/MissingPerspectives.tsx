import { t } from '../platform/i18n.ts';
import { listKey } from './list-key.ts';

interface Props {
  missing: string[];
  headingLevel?: 2 | 3;
}

/** "What's not represented": the stakeholders the coverage leaves out. */
export function MissingPerspectives({ missing, headingLevel = 2 }: Props) {
  const H = `h${headingLevel}` as 'h2';
  return (
    <section class="missing" aria-labelledby="missing-heading">
      <H id="missing-heading" class="section-heading">
        {t('missingHeading')}
      </H>
      {missing.length ? (
        <ul class="missing__list">
          {missing.map((m, i) => (
            <li key={listKey(i, m)} dir="auto">
              {m}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('missingNone')}</p>
      )}
    </section>
  );
}
