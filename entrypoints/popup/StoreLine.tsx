import { locale, t, tn } from '../../platform/i18n.ts';
import type { StoreSummary } from '../../lib/messages.ts';
import { relativeAge } from '../../lib/store/age.ts';

/** "Lens knows 3 stories, updated 2 hours ago.": what a "no story" answer was measured against. */
export function StoreLine({ summary }: { summary: StoreSummary | null }) {
  if (!summary) return null;
  const { stories, updatedAt } = summary;
  const text =
    updatedAt === null
      ? tn('storeSummaryUndated', stories)
      : tn('storeSummary', stories, [relativeAge(updatedAt, Date.now(), locale()) ?? t('storeSummaryNow')]);
  return <p class="store-line muted">{text}</p>;
}
