// The newest copy of the story the panel shows. The tab's report keeps the story as it was when
// the tab was read, and a story opened from search is fetched once: after a sync changes the
// stories in use, it is asked again of the background, so an open panel never shows an older
// story than the popup does.
import { useEffect, useState } from 'preact/hooks';
import type { Story } from '../../lib/story/story.ts';
import { sendMessage } from '../../platform/messaging.ts';
import { watchStoreVersion } from '../../platform/storage.ts';

export function useFreshStory(story: Story | null): Story | null {
  const [fresh, setFresh] = useState<Story | null>(null);
  useEffect(() => {
    setFresh(null);
    if (!story) return;
    let live = true;
    // A story the new store no longer carries stays as it was.
    const ask = () =>
      void sendMessage('getStory', { id: story.id }).then(
        (s) => live && s && setFresh(s),
        () => {},
      );
    const unwatch = watchStoreVersion(ask);
    return () => {
      live = false;
      unwatch();
    };
  }, [story]);
  return fresh && fresh.id === story?.id ? fresh : story;
}
