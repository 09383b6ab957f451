import { useEffect, useState } from 'preact/hooks';
import { useFollows } from '../../components/use-follows.ts';
import { DEFAULT_ALERT_PREFS, type AlertPrefs } from '../../lib/alerts/prefs.ts';
import { getAlertPrefs, writeAlertPrefs } from '../../platform/settings.ts';
import { alertPrefsItem } from '../../platform/storage.ts';
import { t, tn } from '../../platform/i18n.ts';
import type { TopicSummary } from '../../lib/messages.ts';
import { topicLabel } from '../../lib/story/topics.ts';
import { sendMessage } from '../../platform/messaging.ts';
import { FollowedStories } from './FollowedStories.tsx';

/** Topics to follow (every topic of the store), and when alerts may interrupt. */
export function AlertsSection({ storeVersion = null }: { storeVersion?: number | null }) {
  const [follows, toggle] = useFollows();
  const [topics, setTopics] = useState<TopicSummary[] | null>(null);
  const [prefs, setPrefs] = useState<AlertPrefs>(DEFAULT_ALERT_PREFS);
  // A sync that brings a new store version may bring new topics and the store's names for them.
  useEffect(() => {
    void sendMessage('listTopics', {}).then(
      (list) => setTopics(Array.isArray(list) ? list : []),
      () => setTopics([]),
    );
  }, [storeVersion]);
  useEffect(() => {
    const load = () => void getAlertPrefs().then(setPrefs);
    load();
    return alertPrefsItem.watch(load);
  }, []);
  const save = (next: AlertPrefs) => {
    setPrefs(next);
    void writeAlertPrefs(next);
  };
  // A followed topic the store has no story in now (removed, or renamed) is listed too: it can be unfollowed.
  const listed = topics &&
    follows && [
      ...topics,
      ...follows.topics.filter((id) => !topics.some((topic) => topic.id === id)).map((id) => ({ id, name: topicLabel(id), stories: 0 })),
    ];
  // Equal times make an empty window (lib/alerts/prefs.ts `inQuietHours`): say so rather than let the reader believe nights are quiet.
  const sameTimes = prefs.quietHours.enabled && prefs.quietHours.start === prefs.quietHours.end;
  return (
    <section aria-labelledby="alerts-settings-heading">
      <h2 id="alerts-settings-heading">{t('optionsAlertsHeading')}</h2>
      <fieldset class="topics">
        <legend>{t('optionsTopicsLegend')}</legend>
        <p class="hint">{t('optionsTopicsHint')}</p>
        {!listed || !follows ? null : listed.length === 0 ? (
          <p class="muted">{t('optionsNoTopics')}</p>
        ) : (
          <ul class="topics__list">
            {listed.map((topic) => (
              <li key={topic.id}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={follows.topics.includes(topic.id)}
                    onChange={(e) => toggle('topics', topic.id, (e.currentTarget as HTMLInputElement).checked)}
                  />
                  <span>{topic.name}</span> <span class="muted">({topic.stories ? tn('storyCount', topic.stories) : t('topicGone')})</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {follows && <FollowedStories ids={follows.stories} storeVersion={storeVersion} onUnfollow={(id) => toggle('stories', id, false)} />}
      </fieldset>
      <fieldset>
        <legend>{t('optionsNotificationsLegend')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={prefs.paused}
            onChange={(e) => save({ ...prefs, paused: (e.currentTarget as HTMLInputElement).checked })}
          />
          <span>{t('optionsPause')}</span>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={prefs.quietHours.enabled}
            onChange={(e) =>
              save({ ...prefs, quietHours: { ...prefs.quietHours, enabled: (e.currentTarget as HTMLInputElement).checked } })
            }
          />
          <span>{t('optionsQuietHours')}</span>
        </label>
        <div class="inline-fields">
          <div class="field">
            <label for="quiet-start">{t('optionsQuietFrom')}</label>
            <input
              id="quiet-start"
              type="time"
              aria-invalid={sameTimes || undefined}
              aria-describedby={sameTimes ? 'quiet-same' : undefined}
              value={prefs.quietHours.start}
              disabled={!prefs.quietHours.enabled}
              onChange={(e) => save({ ...prefs, quietHours: { ...prefs.quietHours, start: (e.currentTarget as HTMLInputElement).value } })}
            />
          </div>
          <div class="field">
            <label for="quiet-end">{t('optionsQuietTo')}</label>
            <input
              id="quiet-end"
              type="time"
              aria-invalid={sameTimes || undefined}
              aria-describedby={sameTimes ? 'quiet-same' : undefined}
              value={prefs.quietHours.end}
              disabled={!prefs.quietHours.enabled}
              onChange={(e) => save({ ...prefs, quietHours: { ...prefs.quietHours, end: (e.currentTarget as HTMLInputElement).value } })}
            />
          </div>
        </div>
        {sameTimes ? (
          <p id="quiet-same" class="notice" data-kind="error" role="alert">
            {t('optionsQuietSame')}
          </p>
        ) : (
          prefs.quietHours.enabled && <p class="notice muted">{t('optionsQuietAfter')}</p>
        )}
        <div class="field">
          <label for="max-per-sync">{t('optionsMaxPerSync')}</label>
          <select
            id="max-per-sync"
            value={String(prefs.maxPerSync)}
            onChange={(e) => save({ ...prefs, maxPerSync: Number((e.currentTarget as HTMLSelectElement).value) })}
          >
            {[1, 2, 3, 5, 10].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
          <p class="hint">{t('optionsMaxPerSyncHint')}</p>
        </div>
      </fieldset>
    </section>
  );
}
