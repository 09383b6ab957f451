/** Turns alerts into the few notifications a sync may raise: never noisy. */
import type { Words } from '../words.ts';
import type { Alert } from './decide.ts';

export interface NotificationSpec {
  /** `story:<id>` for a story (a later alert on it replaces the earlier one), `summary` else. */
  id: string;
  title: string;
  message: string;
}

export const DEFAULT_MAX_NOTIFICATIONS = 3;

/** The words of one alert, as the notification and the alert list show them. */
export function describeAlert(alert: Alert, words: Words, topicName: (slug: string) => string): { title: string; message: string } {
  const { t, tn } = words;
  if (alert.kind === 'new-story') {
    return {
      title: t('alertNewStoryTitle', [topicName(alert.topic), alert.title]),
      message: `${tn('outlets', alert.outlets)} · ${tn('viewpoints', alert.viewpoints)}`,
    };
  }
  const parts = [
    ...alert.nowRepresented.map((m) => t('alertNowRepresented', m)),
    ...alert.newViewpoints.map((v) => t('alertNewViewpoint', v)),
    ...(alert.newOutlets ? [tn('alertNewOutlets', alert.newOutlets)] : []),
  ];
  return { title: alert.title, message: parts.join(' · ') };
}

/**
 * At most `max` notifications, updates to followed stories first, then one summary for the
 * rest ("5 more new stories in AI").
 */
export function planNotifications(
  alerts: Alert[],
  words: Words,
  topicName: (slug: string) => string,
  max = DEFAULT_MAX_NOTIFICATIONS,
): NotificationSpec[] {
  const { t, tn } = words;
  const ordered = [...alerts].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'story-update' ? -1 : 1));
  const shown = ordered.slice(0, max).map((a) => ({ id: `story:${a.storyId}`, ...describeAlert(a, words, topicName) }));
  const rest = ordered.slice(max);
  if (!rest.length) return shown;
  const topics = new Set(rest.map((a) => a.topic));
  const [topic] = topics;
  const message =
    topics.size === 1 && topic !== undefined && rest.every((a) => a.kind === 'new-story')
      ? tn('alertMoreNewStories', rest.length, [topicName(topic)])
      : tn('alertMoreUpdates', rest.length);
  return [...shown, { id: 'summary', title: t('extName'), message }];
}
