import { useEffect, useState } from 'preact/hooks';
import { locale, t } from '../../platform/i18n.ts';
import { dataAge, dataTime } from '../../lib/store/age.ts';
import { readDataDates } from '../../platform/storage.ts';
import { BUILT_AT } from '../../lib/store/build-config.ts';

/** "Story data from 3 days ago" once the stories are over a day old; matching works offline regardless. */
export function DataAge() {
  const [age, setAge] = useState<string | null>(null);
  useEffect(() => {
    void readDataDates().then(
      (status) => setAge(dataAge(dataTime(status, BUILT_AT), Date.now(), locale())),
      () => {},
    );
  }, []);
  if (!age) return null;
  return <span class="popup__age">{t('storyDataAge', age)}</span>;
}
