// The newest copy of the story the panel shows. The tab's report keeps the story as it was when
// the tab was read, and a story opened from search is fetched once: after a sync changes the
// stories in use, it is asked again of the background, so an open panel never shows an older
// story than the popup does.
import { useEffect, useState } from 'preact/hooks';
import type { Story } from '../../lib/story/story.ts';
import { sendMessage } from '../../platform/messaging.ts';
import { watchStoreVersion } from '../../platform/storage.ts';

/** The story to show, and whether a sync since it was opened took it out of the store. */
export interface FreshStory {
  story: Story | null;
  withdrawn: boolean;
}

export function useFreshStory(story: Story | null): FreshStory {
  // What the background answered for the story's id after the last sync: null when it is gone.
  const [fresh, setFresh] = useState<{ id: string; story: Story | null } | null>(null);
  useEffect(() => {
    setFresh(null);
    if (!story) return;
    let live = true;
    const ask = () =>
      void sendMessage('getStory', { id: story.id }).then(
        (s) => live && setFresh({ id: story.id, story: s }),
        () => {},
      );
    const unwatch = watchStoreVersion(ask);
    return () => {
      live = false;
      unwatch();
    };
  }, [story]);
  if (!story || fresh?.id !== story.id) return { story, withdrawn: false };
  // A story the new store no longer carries stays readable as it was, said to be withdrawn: the
  // reader may be halfway through it (and a later sync that brings it back lifts the notice).
  return fresh.story ? { story: fresh.story, withdrawn: false } : { story, withdrawn: true };
}
