import { describeAlert } from '../lib/alerts/notify.ts';
import type { ListedAlert } from '../lib/alerts/state.ts';
import { formatDate, t, tn } from '../platform/i18n.ts';
import { topicLabel } from '../lib/story/topics.ts';

interface Props {
  alerts: ListedAlert[];
  onOpen: (storyId: string) => void;
  headingLevel?: 1 | 2;
  topicNames?: Record<string, string>;
}

/** Recent alerts, newest first; unread ones say so in words. Each opens its story. */
export function AlertList({ alerts, onOpen, headingLevel = 2, topicNames }: Props) {
  const H = `h${headingLevel}` as 'h2';
  return (
    <section class="alert-list" aria-labelledby="alerts-heading">
      <H id="alerts-heading" class="section-heading">
        {t('alertsHeading')}
      </H>
      {alerts.length === 0 ? (
        <p class="muted">{t('alertsEmpty')}</p>
      ) : (
        <ul class="alert-list__items">
          {alerts.map(({ alert, at, read }) => {
            const { title, message } = describeAlert(alert, { t, tn }, (slug) => topicLabel(slug, topicNames));
            return (
              <li key={`${alert.storyId}-${at}`}>
                <button type="button" class="alert-item" onClick={() => onOpen(alert.storyId)}>
                  <span class="alert-item__title">
                    {!read && <span class="alert-item__new">{t('alertUnread')}</span>} {title}
                  </span>
                  <span class="alert-item__message">{message}</span>
                  <span class="muted alert-item__time">{formatDate(new Date(at).toISOString())}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
