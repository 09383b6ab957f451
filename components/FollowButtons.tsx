import { t } from '../platform/i18n.ts';
import type { Story } from '../lib/story/story.ts';
import { topicLabel } from '../lib/story/topics.ts';
import { clipAtWord } from '../lib/words.ts';
import { withIsolates } from './Isolates.tsx';
import { useFollows } from './use-follows.ts';

/**
 * Follow the story's topic and the story itself. Toggle buttons (`aria-pressed`) whose words
 * change with their state, so the state never rests on colour. A story the store has withdrawn
 * cannot change again, so it is not offered to follow: only to unfollow, when it is followed.
 */
export function FollowButtons({
  story,
  topicNames,
  withdrawn = false,
}: {
  story: Story;
  topicNames?: Record<string, string>;
  withdrawn?: boolean;
}) {
  const [follows, toggle] = useFollows();
  if (!follows) return null;
  // As alerts name topics (TOPIC_NAME_CHARS): a 120-character slug made the button several lines.
  const topic = clipAtWord(topicLabel(story.topic, topicNames), 40);
  const topicOn = follows.topics.includes(story.topic);
  const storyOn = follows.stories.includes(story.id);
  return (
    <div class="follow-buttons" role="group" aria-label={t('followGroupLabel')}>
      <button type="button" class="toggle" aria-pressed={topicOn} onClick={() => toggle('topics', story.topic, !topicOn)}>
        {withIsolates((story) => t(topicOn ? 'followingTopic' : 'followTopic', story(topic)))}
      </button>
      {(storyOn || !withdrawn) && (
        <button type="button" class="toggle" aria-pressed={storyOn} onClick={() => toggle('stories', story.id, !storyOn)}>
          {storyOn ? t('followingStory') : t('followStory')}
        </button>
      )}
    </div>
  );
}
