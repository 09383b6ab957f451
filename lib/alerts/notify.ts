/** Turns alerts into the few notifications a sync may raise: never noisy. */
import { clipLine, type Words } from '../words.ts';
import type { Alert } from './decide.ts';
import { ALERT_TITLE_CHARS, fewNames } from './state.ts';

export interface NotificationSpec {
  /** `story:<id>` for a story (a later alert on it replaces the earlier one), `summary` or `quiet-hours` else. */
  id: string;
  title: string;
  message: string;
}

export const DEFAULT_MAX_NOTIFICATIONS = 3;

const STORY_ID = 'story:';

/** The story a notification's id names (an alert on that story), or null (the summary of the rest). */
export const notifiedStory = (notificationId: string): string | null =>
  notificationId.startsWith(STORY_ID) ? notificationId.slice(STORY_ID.length) : null;

/** A topic's name quoted in a notification is at most this many characters. */
export const TOPIC_NAME_CHARS = 40;

const named = ({ names, more }: { names: string[]; more: number }, words: Words, story: (text: string) => string) =>
  names.map(story).join(', ') + (more ? ` ${words.tn('alertMoreNames', more)}` : '');

/**
 * The words of one alert, as the notification and the alert list show them. Lens's own words
 * come first, and the store's text after them as one line, clipped (`clipLine`), whatever an
 * alert stored by an earlier version carries: a store's name cannot push Lens's words out of
 * the few lines a notification shows, nor write lines of its own under Lens's name. `story`
 * wraps each piece of store text (the alert list sets each apart, `withIsolates`, so an Arabic
 * title reads right to left inside Lens's English sentence); a notification keeps it plain.
 */
export function describeAlert(
  alert: Alert,
  words: Words,
  topicName: (slug: string) => string,
  story: (text: string) => string = (text) => text,
): { title: string; message: string } {
  const { t, tn } = words;
  const title = story(clipLine(alert.title, ALERT_TITLE_CHARS));
  if (alert.kind === 'new-story') {
    return {
      title: t('alertNewStoryTitle', [story(clipLine(topicName(alert.topic), TOPIC_NAME_CHARS)), title]),
      message: `${tn('outlets', alert.outlets)} · ${tn('viewpoints', alert.viewpoints)}`,
    };
  }
  const viewpoints = fewNames(alert.newViewpoints, alert.moreViewpoints);
  const represented = fewNames(alert.nowRepresented, alert.moreRepresented);
  const parts = [
    ...(alert.newOutlets ? [tn('alertNewOutlets', alert.newOutlets)] : []),
    ...(viewpoints.names.length
      ? [tn('alertNewViewpoints', viewpoints.names.length + viewpoints.more, [named(viewpoints, words, story)])]
      : []),
    ...(represented.names.length ? [t('alertNowRepresented', named(represented, words, story))] : []),
  ];
  return { title: t('alertUpdateTitle', title), message: parts.join(' · ') };
}

/**
 * `alerts` in the order the reader is told of them: updates to followed stories first, the rest
 * as they came. The alert list keeps them in this order too, so a list too short for a sync's
 * alerts still holds every one a notification named.
 */
export const byImportance = (alerts: readonly Alert[]): Alert[] =>
  [...alerts].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'story-update' ? -1 : 1));

/**
 * At most `max` notifications of `alerts` (in `byImportance` order), then one summary for the
 * rest ("5 more new stories in AI"). `listed` is how many of `alerts` the alert list kept: when
 * it could not keep them all, the summary, which opens the list, says how many of the rest it has.
 */
export function planNotifications(
  alerts: Alert[],
  words: Words,
  topicName: (slug: string) => string,
  max = DEFAULT_MAX_NOTIFICATIONS,
  listed = alerts.length,
): NotificationSpec[] {
  const { t, tn } = words;
  const ordered = byImportance(alerts);
  const shown = ordered.slice(0, max).map((a) => ({ id: STORY_ID + a.storyId, ...describeAlert(a, words, topicName) }));
  const rest = ordered.slice(max);
  if (!rest.length) return shown;
  const topics = new Set(rest.map((a) => a.topic));
  const [topic] = topics;
  const more =
    topics.size === 1 && topic !== undefined && rest.every((a) => a.kind === 'new-story')
      ? tn('alertMoreNewStories', rest.length, [clipLine(topicName(topic), TOPIC_NAME_CHARS)])
      : tn('alertMoreUpdates', rest.length);
  const inList = Math.max(0, Math.min(listed, alerts.length) - shown.length);
  const message = inList < rest.length ? `${more}. ${tn('alertListKeeps', inList)}` : more;
  return [...shown, { id: 'summary', title: t('extName'), message }];
}

/**
 * The one notification when quiet hours end: how many alerts they held back that the reader has
 * not read yet (`held`), or null for none. Like the summary, a click opens the alert list; its
 * own id keeps a sync's summary from replacing it.
 */
export function planQuietSummary(held: number, words: Words): NotificationSpec | null {
  return held > 0 ? { id: 'quiet-hours', title: words.t('extName'), message: words.tn('alertQuietSummary', held) } : null;
}
