/**
 * The alert decision: a pure function of the previous store, the new store, what the reader
 * follows and what they were already told. No browser, no clock but the one passed in.
 */
import type { Story } from '../story/story.ts';
import { storyFigures } from '../story/figures.ts';

/** What the reader follows: topic slugs (the per-topic switch) and story ids. */
export interface Follows {
  topics: string[];
  stories: string[];
}

/** Everything the reader was told, persisted so no alert is ever raised twice. */
export interface Ledger {
  /** Keys of alerts already raised: `story:<id>`, `viewpoint:<id>:<vp>`, `represented:<id>:<name>`. */
  told: string[];
  /** Per followed story, the outlet count the reader last heard about. */
  outlets: Record<string, number>;
}

export const EMPTY_LEDGER: Ledger = { told: [], outlets: {} };

export type Alert =
  | { kind: 'new-story'; storyId: string; topic: string; title: string; outlets: number; viewpoints: number }
  | {
      kind: 'story-update';
      storyId: string;
      topic: string;
      title: string;
      newViewpoints: string[];
      nowRepresented: string[];
      newOutlets: number;
    };

export interface Decision {
  alerts: Alert[];
  ledger: Ledger;
}

/** Growth worth telling: this many outlets more than the reader last heard of. */
export const GROWTH_OUTLETS = 3;
/** A story first seen in the store is news only if it is this recent (a backfill is not news). */
export const NEW_STORY_MAX_AGE_MS = 7 * 24 * 3600_000;

const MAX_TOLD = 5000;

const surfaced = (s: Story) => new Set(s.sources.map((x) => x.viewpointId));
const fold = (s: string) => s.trim().toLowerCase();
const lastChange = (s: Story) => Date.parse(s.updatedAt ?? s.publishedAt);

/**
 * The store before the change, as much as the decision needs: which stories it had, and the
 * followed ones in full. (A store of thousands of stories is not read whole to raise alerts.)
 */
export interface PreviousStore {
  ids: ReadonlySet<string>;
  stories: ReadonlyMap<string, Story>;
}

/** A PreviousStore of a list of stories (all of them in full). */
export const previousOf = (stories: readonly Story[]): PreviousStore => ({
  ids: new Set(stories.map((s) => s.id)),
  stories: new Map(stories.map((s) => [s.id, s])),
});

/**
 * Decides which alerts to raise when the store changes from `prev` to `next`. `prev === null`
 * (the first load, bundled or synced) only records a baseline: it raises nothing. `next` needs
 * only the stories new since `prev` and the followed ones; others are ignored.
 */
export function decideAlerts(prev: PreviousStore | null, next: readonly Story[], follows: Follows, ledger: Ledger, now: number): Decision {
  const told = new Set(ledger.told);
  // A Map, not an object: story ids such as `constructor` or `__proto__` are valid slugs.
  const outlets = new Map(Object.entries(ledger.outlets ?? {}));
  const alerts: Alert[] = [];
  const topics = new Set(follows.topics);
  const followed = new Set(follows.stories);

  for (const story of next) {
    const figures = storyFigures(story);
    if (prev === null) {
      if (followed.has(story.id) && !outlets.has(story.id)) outlets.set(story.id, figures.outlets);
      continue;
    }
    if (!prev.ids.has(story.id)) {
      const key = `story:${story.id}`;
      if (topics.has(story.topic) && !told.has(key) && now - lastChange(story) <= NEW_STORY_MAX_AGE_MS) {
        alerts.push({
          kind: 'new-story',
          storyId: story.id,
          topic: story.topic,
          title: story.title,
          outlets: figures.outlets,
          viewpoints: figures.viewpointsSurfaced,
        });
        told.add(key);
      }
      if (followed.has(story.id) && !outlets.has(story.id)) outlets.set(story.id, figures.outlets);
      continue;
    }
    const old = prev.stories.get(story.id);
    if (!followed.has(story.id) || !old) continue;

    const was = surfaced(old);
    const names = new Map(story.viewpoints.map((v) => [v.id, v.name]));
    const newViewpoints = [...surfaced(story)].filter((id) => !was.has(id) && !told.has(`viewpoint:${story.id}:${id}`));
    const stillMissing = new Set(story.missingPerspectives.map(fold));
    const nowRepresented = old.missingPerspectives.filter(
      (m) => !stillMissing.has(fold(m)) && !told.has(`represented:${story.id}:${fold(m)}`),
    );
    const known = outlets.get(story.id) ?? storyFigures(old).outlets;
    const grew = figures.outlets - known >= GROWTH_OUTLETS;

    for (const id of newViewpoints) told.add(`viewpoint:${story.id}:${id}`);
    for (const m of nowRepresented) told.add(`represented:${story.id}:${fold(m)}`);
    if (grew || !outlets.has(story.id)) outlets.set(story.id, grew ? figures.outlets : known);
    if (newViewpoints.length || nowRepresented.length || grew) {
      alerts.push({
        kind: 'story-update',
        storyId: story.id,
        topic: story.topic,
        title: story.title,
        newViewpoints: newViewpoints.map((id) => names.get(id) ?? id),
        nowRepresented,
        newOutlets: grew ? figures.outlets - known : 0,
      });
    }
  }
  // Unfollowed stories need no outlet baseline.
  for (const id of outlets.keys()) if (!followed.has(id)) outlets.delete(id);
  // The ledger only needs to outlive the stories it names; keep the newest keys.
  return { alerts, ledger: { told: [...told].slice(-MAX_TOLD), outlets: Object.fromEntries(outlets) } };
}
