/**
 * The stories the extension uses: the bundled ones, and the remote store's on top. A remote story
 * replaces the bundled one with its id when it is newer. The set is swapped whole (a reader holds
 * the old view or the new, never a mix), and each swap says which ids were added, replaced or
 * removed so the match index can update only those.
 */
import type { Story } from '../story.ts';
import { fnv1a } from './bytes.ts';
import type { RemoteSnapshot, RemoteState } from './db.ts';
import { remoteStories } from './remote.ts';

/** One consistent state of the story set. */
export interface StorySetView {
  /** Changes whenever the stories do: `<bundled tag>.<remote version>-<tag>`; keys a persisted index. */
  version: string;
  stories: ReadonlyMap<string, Story>;
  counts: { bundled: number; remote: number; total: number };
  remote: RemoteSnapshot | null;
}

/** Which story ids a swap added, replaced (new content) or removed. */
export interface StoryChange {
  added: string[];
  replaced: string[];
  removed: string[];
}

export interface StorySet {
  current(): StorySetView;
  /** The remote state in use, as the sync needs it to compare and to reuse shards. */
  remote(): RemoteState | null;
  /** Swaps in a new remote state (null: none) and tells the listeners what changed. */
  setRemote(next: RemoteState | null): StoryChange;
  onChange(listener: (view: StorySetView, change: StoryChange) => void): () => void;
}

const stamp = (s: Story) => Date.parse(s.updatedAt ?? s.publishedAt);

/** Bundled stories with the remote ones on top: same id → the remote one only when newer. */
export function mergeStories(bundled: readonly Story[], remote: readonly Story[]): Map<string, Story> {
  const merged = new Map(bundled.map((s) => [s.id, s]));
  for (const story of remote) {
    const mine = merged.get(story.id);
    if (!mine || stamp(story) > stamp(mine)) merged.set(story.id, story);
  }
  return merged;
}

/** What changed between two story maps; a story counts as replaced only if its content differs. */
export function diffStories(before: ReadonlyMap<string, Story>, after: ReadonlyMap<string, Story>): StoryChange {
  const change: StoryChange = { added: [], replaced: [], removed: [] };
  for (const [id, story] of after) {
    const old = before.get(id);
    if (!old) change.added.push(id);
    else if (old !== story && JSON.stringify(old) !== JSON.stringify(story)) change.replaced.push(id);
  }
  for (const id of before.keys()) if (!after.has(id)) change.removed.push(id);
  return change;
}

/** A tag for the remote state: its version and the exact shards and kept stories it is made of. */
function remoteTag(state: RemoteState | null): string {
  if (!state) return 'none';
  const { version, shards, carried } = state.snapshot;
  return `${version}-${fnv1a(shards.map((s) => s.sha256).join() + '|' + carried.map((s) => `${s.id}@${s.updatedAt ?? s.publishedAt}`).join())}`;
}

/** Creates the live story set over `bundled` (tagged `bundledTag`), with no remote store yet. */
export function createStorySet(bundled: readonly Story[], bundledTag: string): StorySet {
  let state: RemoteState | null = null;
  const listeners = new Set<(view: StorySetView, change: StoryChange) => void>();
  const build = (): StorySetView => {
    const remote = state ? remoteStories(state).stories : [];
    const stories = mergeStories(bundled, remote);
    return {
      version: `${bundledTag}.${remoteTag(state)}`,
      stories,
      counts: { bundled: bundled.length, remote: remote.length, total: stories.size },
      remote: state?.snapshot ?? null,
    };
  };
  let view = build();
  return {
    current: () => view,
    remote: () => state,
    setRemote(next) {
      const before = view;
      state = next;
      view = build();
      const change = diffStories(before.stories, view.stories);
      if (view.version !== before.version) {
        for (const listener of listeners) {
          // A listener's failure (an index that would not build) must not undo the swap.
          try {
            listener(view, change);
          } catch (err) {
            console.error('[factlen] story-set listener failed', err);
          }
        }
      }
      return change;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
