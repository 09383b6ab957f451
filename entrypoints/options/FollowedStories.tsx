import { useEffect, useState } from 'preact/hooks';
import { clipAtWord } from '../../lib/words.ts';
import { t, tn } from '../../platform/i18n.ts';
import { sendMessage } from '../../platform/messaging.ts';

/** A followed story's title, null while it is asked for, or '' when the store no longer has it. */
type Titles = Map<string, string>;

/**
 * The stories the reader follows, each with an Unfollow button: a story the store has since
 * withdrawn (or moved to another id) says so, and can still be unfollowed.
 */
export function FollowedStories({
  ids,
  storeVersion,
  onUnfollow,
}: {
  ids: string[];
  storeVersion: number | null;
  onUnfollow: (id: string) => void;
}) {
  const [titles, setTitles] = useState<Titles | null>(null);
  const key = ids.join('\n');
  useEffect(() => {
    let live = true;
    void Promise.all(ids.map(async (id) => [id, (await sendMessage('getStory', { id }).catch(() => null))?.title ?? ''] as const)).then(
      (pairs) => live && setTitles(new Map(pairs)),
    );
    return () => {
      live = false;
    };
  }, [key, storeVersion]);
  if (!ids.length) return null;
  return (
    <div class="followed-stories">
      <p class="hint">{tn('optionsFollowedStories', ids.length)}</p>
      {titles && (
        <ul class="followed-stories__list">
          {ids.map((id) => {
            const title = titles.get(id);
            return (
              <li key={id}>
                {title ? (
                  <span dir="auto">{clipAtWord(title, 150)}</span>
                ) : (
                  <span>
                    {t('followedStoryGone')} <span class="muted">({clipAtWord(id, 80)})</span>
                  </span>
                )}{' '}
                <button type="button" class="secondary" onClick={() => onUnfollow(id)}>
                  {t('unfollow')}
                  <span class="visually-hidden"> {title ? clipAtWord(title, 150) : clipAtWord(id, 80)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
