import { useEffect, useState } from 'preact/hooks';
import { locale, t } from '../../platform/i18n.ts';
import { dataAge, dataTime, syncFailing } from '../../lib/store/age.ts';
import { readDataDates } from '../../platform/storage.ts';
import { BUILT_AT } from '../../lib/store/build-config.ts';

/**
 * "Story data from 3 days ago" once the stories are over a day old; matching works offline
 * regardless. When syncs have been failing too, it says Lens could not update them, as the
 * store line does on a page with no story (`syncFailing`).
 */
export function DataAge() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    void readDataDates().then(
      (status) => {
        const time = dataTime(status, BUILT_AT);
        const age = dataAge(time, Date.now(), locale());
        if (syncFailing(status.lastFailed, time, Date.now())) setText(age ? t('storyDataAgeFailing', age) : t('storyDataFailing'));
        else setText(age && t('storyDataAge', age));
      },
      () => {},
    );
  }, []);
  if (!text) return null;
  return <span class="popup__age">{text}</span>;
}
