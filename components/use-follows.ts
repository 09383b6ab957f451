// The reader's follows, live: every page showing follow buttons stays in step with the others.
import { useEffect, useState } from 'preact/hooks';
import type { Follows } from '../lib/alerts/decide.ts';
import { followsItem, getFollows, setFollow } from '../platform/storage.ts';

export function useFollows(): [Follows | null, (kind: 'topics' | 'stories', id: string, on: boolean) => void] {
  const [follows, setFollows] = useState<Follows | null>(null);
  useEffect(() => {
    void getFollows().then(setFollows);
    return followsItem.watch(() => void getFollows().then(setFollows));
  }, []);
  const toggle = (kind: 'topics' | 'stories', id: string, on: boolean) => void setFollow(kind, id, on).then(setFollows);
  return [follows, toggle];
}
