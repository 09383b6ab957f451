import { browser } from 'wxt/browser';
import { locale, t, tn } from '../../platform/i18n.ts';
import type { StoreSummary } from '../../lib/messages.ts';
import { relativeAge } from '../../lib/store/age.ts';

/**
 * "Lens knows 3 stories, updated 2 hours ago.": what a "no story" answer was measured against.
 * When syncs have been failing and the stories are over a day old, it says that instead, with
 * the way to why: "no story" measured against stories Lens cannot update is not the answer a
 * reader takes it for. (The settings page has said it all along; the popup is what is read.)
 */
export function StoreLine({ summary }: { summary: StoreSummary | null }) {
  if (!summary) return null;
  const { stories, updatedAt, syncFailing } = summary;
  const age = updatedAt === null ? null : (relativeAge(updatedAt, Date.now(), locale()) ?? t('storeSummaryNow'));
  if (syncFailing) {
    return (
      <p class="store-line store-line--failing">
        {age === null ? tn('storeFailingUndated', stories) : tn('storeFailing', stories, [age])}{' '}
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
          {t('storeFailingWhy')}
        </button>
      </p>
    );
  }
  const text = age === null ? tn('storeSummaryUndated', stories) : tn('storeSummary', stories, [age]);
  return <p class="store-line muted">{text}</p>;
}
