/**
 * The alert decision: a pure function of the previous store, the new store, what the reader
 * follows and what they were already told. No browser, no clock but the one passed in.
 */
import type { Story } from '../story/story.ts';
import { storyFigures } from '../story/figures.ts';
import { clipLine } from '../words.ts';
import { respelt, sameName } from './same-name.ts';
import { ALERT_TITLE_CHARS, fewNames, MAX_TOLD, repairLedger, toldKey } from './state.ts';

/** What the reader follows: topic slugs (the per-topic switch) and story ids. */
export interface Follows {
  topics: string[];
  stories: string[];
}

/** Everything the reader was told, persisted so no alert is ever raised twice. */
export interface Ledger {
  /**
   * Alerts already raised, each key (`story:<id>`, `viewpoint:<id>:<vp>`,
   * `represented:<id>:<name>`) as its hash (`toldKey`), newest last.
   */
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
      /** At most ALERT_NAMES names each, one line and clipped (`fewNames`); `more…` counts the rest. */
      newViewpoints: string[];
      moreViewpoints?: number;
      nowRepresented: string[];
      moreRepresented?: number;
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
 * Whether a store change can be news: a sync of the store in use. The first store, and another
 * store the reader switched to, are a baseline like the first load: a store's stories of the last
 * week are not news because the reader changed its address (they were told of each as new).
 */
export const sameStore = (before: { storeUrl: string } | null, after: { storeUrl: string } | null): boolean =>
  !!before && !!after && before.storeUrl === after.storeUrl;

/**
 * The ids of the stories after a change that can raise an alert, `decideAlerts`' `next`: the ones
 * `before` did not have, and the followed ones. (A Set of follows: each of the store's stories is
 * looked up in it, and a reader may follow thousands.)
 */
export function alertCandidates(before: ReadonlySet<string>, after: Iterable<string>, followedStories: Iterable<string>): string[] {
  const followed = new Set(followedStories);
  return [...after].filter((id) => !before.has(id) || followed.has(id));
}

/**
 * Decides which alerts to raise when the store changes from `prev` to `next`. `prev === null`
 * (the first load, bundled or synced) only records a baseline: it raises nothing. `next` needs
 * only the stories new since `prev` and the followed ones; others are ignored.
 */
export function decideAlerts(prev: PreviousStore | null, next: readonly Story[], follows: Follows, ledger: Ledger, now: number): Decision {
  // Repaired here too, not only by the stored item's migration: a ledger kept as text by an
  // earlier version is still honoured, so no alert is raised twice after an update.
  const kept = repairLedger(ledger);
  const told = new Set(kept.told);
  const isTold = (key: string) => told.has(toldKey(key));
  const tell = (key: string) => told.add(toldKey(key));
  // A Map, not an object: story ids such as `constructor` or `__proto__` are valid slugs.
  const outlets = new Map(Object.entries(kept.outlets));
  // Each alert with the time of the change it tells: newest first, whatever the store's order.
  const alerts: { alert: Alert; at: number }[] = [];
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
      if (topics.has(story.topic) && !isTold(key) && now - lastChange(story) <= NEW_STORY_MAX_AGE_MS) {
        alerts.push({
          at: lastChange(story),
          alert: {
            kind: 'new-story',
            storyId: story.id,
            topic: story.topic,
            title: clipLine(story.title, ALERT_TITLE_CHARS),
            outlets: figures.outlets,
            viewpoints: figures.viewpointsSurfaced,
          },
        });
        tell(key);
      }
      if (followed.has(story.id) && !outlets.has(story.id)) outlets.set(story.id, figures.outlets);
      continue;
    }
    const old = prev.stories.get(story.id);
    if (!followed.has(story.id) || !old) continue;

    const was = surfaced(old);
    const names = new Map(story.viewpoints.map((v) => [v.id, v.name]));
    // A viewpoint that only changed its id (or had its name's typo fixed) was heard before.
    const heard = old.viewpoints.filter((v) => was.has(v.id)).map((v) => v.name);
    const newViewpoints = [...surfaced(story)].filter(
      (id) => !was.has(id) && !heard.some((name) => sameName(name, names.get(id) ?? id)) && !isTold(`viewpoint:${story.id}:${id}`),
    );
    const stillMissing = new Set(story.missingPerspectives.map(fold));
    // A perspective the update respelt (a typo fixed) is still missing under its new name.
    const renamed = respelt(old.missingPerspectives, story.missingPerspectives);
    const represented = new Set<string>();
    const nowRepresented = old.missingPerspectives.filter((m) => {
      const key = `represented:${story.id}:${fold(m)}`;
      if (stillMissing.has(fold(m)) || represented.has(key) || isTold(key)) return false;
      if (renamed.has(m)) return false;
      represented.add(key);
      return true;
    });
    const known = outlets.get(story.id) ?? storyFigures(old).outlets;
    const grew = figures.outlets - known >= GROWTH_OUTLETS;

    for (const id of newViewpoints) tell(`viewpoint:${story.id}:${id}`);
    for (const key of represented) tell(key);
    if (grew || !outlets.has(story.id)) outlets.set(story.id, grew ? figures.outlets : known);
    if (newViewpoints.length || nowRepresented.length || grew) {
      // An alert is kept in the reader's list: it carries a few names, clipped, and counts the rest.
      const viewpoints = fewNames(newViewpoints.map((id) => names.get(id) ?? id));
      const perspectives = fewNames(nowRepresented);
      alerts.push({
        at: lastChange(story),
        alert: {
          kind: 'story-update',
          storyId: story.id,
          topic: story.topic,
          title: clipLine(story.title, ALERT_TITLE_CHARS),
          newViewpoints: viewpoints.names,
          moreViewpoints: viewpoints.more,
          nowRepresented: perspectives.names,
          moreRepresented: perspectives.more,
          newOutlets: grew ? figures.outlets - known : 0,
        },
      });
    }
  }
  // Unfollowed stories need no outlet baseline.
  for (const id of outlets.keys()) if (!followed.has(id)) outlets.delete(id);
  // The ledger only needs to outlive the stories it names; keep the newest keys.
  // Newest first: after a week away, the few notifications and the bounded list are the
  // latest news, not the oldest of the week (the store lists its shards oldest day first).
  const newest = alerts.sort((a, b) => (b.at || 0) - (a.at || 0)).map((a) => a.alert);
  return { alerts: newest, ledger: { told: [...told].slice(-MAX_TOLD), outlets: Object.fromEntries(outlets) } };
}
