import { useEffect, useRef } from 'preact/hooks';
import { describeAlert } from '../lib/alerts/notify.ts';
import { alertKey, MAX_LISTED, type ListedAlert } from '../lib/alerts/state.ts';
import { formatDate, formatNumber, t, tn } from '../platform/i18n.ts';
import { topicLabel } from '../lib/story/topics.ts';
import { withIsolates } from './Isolates.tsx';

/** How much of an alert must be on screen for the reader to have seen it. */
const SEEN_RATIO = 0.75;

interface Props {
  alerts: ListedAlert[];
  onOpen: (storyId: string) => void;
  headingLevel?: 1 | 2;
  topicNames?: Record<string, string>;
  /**
   * Told the keys (`alertKey`) of the alerts the reader has had on screen: an alert below the
   * fold of a popup is not read, and keeps the badge.
   */
  onSeen?: (keys: string[]) => void;
}

/** Recent alerts, newest first; unread ones say so in words. Each opens its story. */
export function AlertList({ alerts, onOpen, headingLevel = 2, topicNames, onSeen }: Props) {
  const H = `h${headingLevel}` as 'h2';
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const items = [...(list.current?.children ?? [])] as HTMLElement[];
    if (!onSeen || !items.length) return;
    if (typeof IntersectionObserver === 'undefined') {
      onSeen(items.map((i) => i.dataset.alert!));
      return;
    }
    const watch = new IntersectionObserver(
      (entries) => {
        const seen = entries.filter((e) => e.isIntersecting && e.intersectionRatio >= SEEN_RATIO).map((e) => e.target as HTMLElement);
        for (const el of seen) watch.unobserve(el);
        if (seen.length) onSeen(seen.map((el) => el.dataset.alert!));
      },
      { threshold: SEEN_RATIO },
    );
    for (const el of items) watch.observe(el);
    return () => watch.disconnect();
  }, [alerts, onSeen]);
  return (
    <section class="alert-list" aria-labelledby="alerts-heading">
      <H id="alerts-heading" class="section-heading">
        {t('alertsHeading')}
      </H>
      {alerts.length === 0 ? (
        <p class="muted">{t('alertsEmpty')}</p>
      ) : (
        <ul class="alert-list__items" ref={list}>
          {alerts.map((listed) => {
            const { alert, at, read } = listed;
            const describe = (story: (text: string) => string) =>
              describeAlert(alert, { t, tn }, (slug) => topicLabel(slug, topicNames), story);
            const title = withIsolates((story) => describe(story).title);
            const message = withIsolates((story) => describe(story).message);
            return (
              <li key={alertKey(listed)} data-alert={alertKey(listed)}>
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
      {/* A full list has dropped older alerts: said, so a count a notification gave is not a puzzle. */}
      {alerts.length >= MAX_LISTED && <p class="muted alert-list__kept">{t('alertsKept', formatNumber(MAX_LISTED))}</p>}
    </section>
  );
}
