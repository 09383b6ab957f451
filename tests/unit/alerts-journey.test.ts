// A reader's days with alerts, through the real background: a store host whose manifest changes
// between syncs, the sync alarm, a worker restart (storage and IndexedDB kept), notification
// clicks. Each test starts from a fresh install and walks to the state it needs.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_LISTED } from '../../lib/alerts/state.ts';
import type { BuiltStore } from '../../lib/store/build.ts';
import type { Story } from '../../lib/story/story.ts';
import { build, fakeHost, STORE_URL, story } from './store/helpers.ts';

let host: ReturnType<typeof fakeHost>;
let bg: typeof import('../../entrypoints/background/sync.ts');
let storage: typeof import('../../platform/storage.ts');
let built: BuiltStore | null = null;

const today = () => new Date().toISOString().slice(0, 10);
const notified = () =>
  (
    fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { title: string; message: string }> }
  ).getAllCreateOptions();
async function clearNotifications() {
  for (const id of Object.keys(notified())) await fakeBrowser.notifications.clear(id);
}

/** A fresh service worker: modules loaded anew, storage and IndexedDB as they were. */
async function startWorker() {
  vi.resetModules();
  bg = await import('../../entrypoints/background/sync.ts');
  storage = await import('../../platform/storage.ts');
  bg.setUpStoreSync();
  (await import('../../entrypoints/background/alerts.ts')).setUpAlertBadge();
}

async function publish(stories: Story[]) {
  built = await build(stories, built?.manifest ?? null);
  host.publish(built);
}

/** The alarm fires and its sync runs to the end. */
async function syncOnAlarm() {
  await fakeBrowser.alarms.onAlarm.trigger({ name: bg.SYNC_ALARM, scheduledTime: Date.now() } as never);
  return bg.syncNow('alarm');
}

/** Installed with a store holding `stories`; the first sync is the baseline. */
async function install(stories: Story[]) {
  await fakeBrowser.storage.local.set({ storeSettings: { storeUrl: STORE_URL, syncMinutes: 60 } });
  await publish(stories);
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
  await bg.syncNow('manual');
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  host = fakeHost();
  built = null;
  vi.stubGlobal('fetch', host.fetchFn);
  fakeBrowser.permissions.contains = (async () => true) as never;
  await startWorker();
});

const old = story('harbor-seawall', '2026-11-20', { topic: 'cities' });
const followed = story('ai-followed', '2026-11-21', { title: 'Microsoft and Mayo Clinic build a medical AI' });

describe('a reader following a topic', () => {
  it('is told once of a new story, not again next sync, nor after a browser restart', async () => {
    await install([old]);
    await storage.setFollow('topics', 'ai', true);
    const fresh = story('ai-scribes', today(), { title: 'Hospitals Roll Out AI Scribes' });
    await publish([old, fresh]);
    await syncOnAlarm();
    expect(notified()).toEqual({
      'story:ai-scribes': expect.objectContaining({
        title: 'New in AI: Hospitals Roll Out AI Scribes',
        message: '7 outlets · 3 viewpoints',
      }),
    });
    await clearNotifications();
    await syncOnAlarm();
    await publish([old, fresh, story('cities-2', today(), { topic: 'cities' })]);
    await syncOnAlarm();
    await startWorker();
    await fakeBrowser.runtime.onStartup.trigger();
    await bg.syncNow('startup');
    await syncOnAlarm();
    expect(notified()).toEqual({});
    expect(await storage.getAlertList()).toHaveLength(1);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('hears nothing on the first sync after install, and the bundled story never alerts', async () => {
    await storage.setFollow('topics', 'ai', true);
    await install([old, story('ai-today', today())]);
    await publish([
      old,
      story('ai-today', today()),
      story('microsoft-mayo-clinic-frontier-ai-model', today(), { updatedAt: new Date().toISOString() }),
    ]);
    await syncOnAlarm();
    expect(notified()).toEqual({});
    expect(await storage.getAlertList()).toEqual([]);
  });
});

describe('a reader following a story', () => {
  /** Installed with `followed`, which the reader then follows. */
  async function follow() {
    await install([old, followed]);
    await storage.setFollow('stories', followed.id, true);
  }
  const later = (patch: Partial<Story>): Story => ({ ...followed, ...patch, updatedAt: new Date().toISOString() });

  it('is told of a perspective now represented, by name', async () => {
    await follow();
    await publish([old, later({ missingPerspectives: ['Rural Healthcare Providers'] })]);
    await syncOnAlarm();
    expect(notified()).toEqual({
      [`story:${followed.id}`]: expect.objectContaining({
        title: 'Update: Microsoft and Mayo Clinic build a medical AI',
        message: 'Now represented: Patient Advocacy Groups',
      }),
    });
  });

  it('is told of a new viewpoint, by name', async () => {
    const narrow = { ...followed, sources: followed.sources.filter((s) => s.viewpointId !== 'healthcare-administrators') };
    await install([old, narrow]);
    await storage.setFollow('stories', followed.id, true);
    await publish([old, later({})]);
    await syncOnAlarm();
    expect(Object.values(notified()).map((n) => n.message)).toEqual(['New viewpoint: Healthcare Administrators & Analysts']);
  });

  it('hears nothing more once it unfollows the story and its topic', async () => {
    await follow();
    await storage.setFollow('topics', 'ai', true);
    await storage.setFollow('stories', followed.id, false);
    await storage.setFollow('topics', 'ai', false);
    await publish([old, later({ missingPerspectives: [] }), story('ai-new', today())]);
    await syncOnAlarm();
    expect(notified()).toEqual({});
    expect(await storage.getAlertList()).toEqual([]);
  });

  it('hears nothing of a typo fixed in a missing perspective', async () => {
    await install([old, { ...followed, missingPerspectives: ['Patient Advocacy Grups', 'Rural Healthcare Providers'] }]);
    await storage.setFollow('stories', followed.id, true);
    await publish([old, later({})]);
    await syncOnAlarm();
    expect(notified()).toEqual({});
  });

  it('hears nothing of sources reordered and renumbered', async () => {
    await follow();
    const sources = [...followed.sources].reverse().map((s, i) => ({ ...s, n: i + 1 }));
    await publish([old, later({ sources, title: 'Microsoft and Mayo Clinic build a medical AI model' })]);
    await syncOnAlarm();
    expect(notified()).toEqual({});
  });

  it('hears nothing when a viewpoint only changes its id', async () => {
    await follow();
    const rename = (id: string) => (id === 'healthcare-administrators' ? 'health-administrators' : id);
    await publish([
      old,
      later({
        viewpoints: followed.viewpoints.map((v) => ({ ...v, id: rename(v.id) })),
        sources: followed.sources.map((s) => ({ ...s, viewpointId: rename(s.viewpointId) })),
      }),
    ]);
    await syncOnAlarm();
    expect(notified()).toEqual({});
  });
});

describe('the store around what the reader follows', () => {
  it('drops a followed story without a word or a crash, and syncs on', async () => {
    await install([old, followed]);
    await storage.setFollow('stories', followed.id, true);
    await storage.setFollow('topics', 'ai', true);
    await publish([old]);
    const status = await syncOnAlarm();
    expect(status.lastError).toBeNull();
    await publish([old, story('ai-new', today())]);
    await syncOnAlarm();
    expect(Object.keys(notified())).toEqual(['story:ai-new']);
  });

  it('after a week away, 200 new stories make three notifications of the newest and a summary, and a bounded list of the newest', async () => {
    await install([old]);
    await storage.setFollow('topics', 'ai', true);
    // One every 50 minutes over the week, `ai-000` the newest: the store lists them oldest day first.
    const at = (i: number) => new Date(Date.now() - 60_000 - i * 50 * 60_000).toISOString();
    const fresh = Array.from({ length: 200 }, (_, i) => story(`ai-${String(i).padStart(3, '0')}`, today(), { publishedAt: at(i) }));
    await publish([old, ...fresh]);
    await syncOnAlarm();
    const n = notified();
    expect(Object.keys(n).sort()).toEqual(['story:ai-000', 'story:ai-001', 'story:ai-002', 'summary']);
    // The summary opens the alert list, which keeps 50 of the 200: it says so (before
    // 2026-12-07 it said "197 more" and the list it opened had 47 of them).
    expect(n.summary?.message).toBe(`197 more new stories in AI. The alert list keeps ${MAX_LISTED - 3} of them.`);
    const list = await storage.getAlertList();
    expect(list.map((a) => a.alert.storyId)).toEqual(fresh.slice(0, MAX_LISTED).map((s) => s.id));
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe(String(MAX_LISTED));
  });

  it('raises nothing from a failed, rolled back or tampered sync, and keeps the alerts it had', async () => {
    const older = await build([old, story('ai-1', today()), story('ai-rolled-back', today())]);
    await install([old]);
    await storage.setFollow('topics', 'ai', true);
    await publish([old, story('ai-1', today())]);
    await syncOnAlarm();
    await clearNotifications();
    const kept = await storage.getAlertList();
    expect(kept).toHaveLength(1);
    // Offline.
    host.route(() => {
      throw new TypeError('Failed to fetch');
    });
    expect((await bg.syncNow('manual')).lastError).not.toBeNull();
    host.route(undefined);
    // A rollback: a manifest older than the one in use, with a story the reader has not seen.
    host.publish(older);
    expect((await bg.syncNow('manual')).lastError?.code).toBe('rollback');
    // A tampered shard: its bytes are not the ones the manifest's hash names.
    await publish([old, story('ai-1', today()), story('ai-tampered', today())]);
    const text = built!.shards.map((s) => ({ path: s.ref.path, text: new TextDecoder().decode(s.bytes) }));
    const shard = text.find((s) => s.text.includes('Story ai-tampered'))!;
    host.put(shard.path, shard.text.replace('Story ai-tampered', 'Story ai-tampereD'));
    expect((await bg.syncNow('manual')).lastError?.code).toBe('hash');
    expect(notified()).toEqual({});
    expect(await storage.getAlertList()).toEqual(kept);
  });
});

describe('a click on an alert', () => {
  it('opens the story and marks its alert read, which clears the badge', async () => {
    await install([old]);
    await storage.setFollow('topics', 'ai', true);
    await publish([old, story('ai-1', today()), story('cities-1', today(), { topic: 'cities' })]);
    await storage.setFollow('topics', 'cities', true);
    await publish([old, story('ai-1', today()), story('cities-1', today(), { topic: 'cities' }), story('ai-2', today())]);
    await syncOnAlarm();
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('3');
    const { openFromNotification } = await import('../../entrypoints/background/notification-click.ts');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openFromNotification('story:ai-2', () => story('ai-2', today()));
    expect(create).toHaveBeenCalledWith({ url: expect.stringContaining('ai-2') });
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('2');
    expect((await storage.getAlertList()).filter((a) => a.read).map((a) => a.alert.storyId)).toEqual(['ai-2']);
  });
});

describe('a reader who changes stores', () => {
  it('hears nothing of the stories the other store already had, then of its new ones', async () => {
    await install([old]);
    await storage.setFollow('topics', 'ai', true);
    const other = fakeHost();
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) =>
      url.startsWith('https://mirror.example/')
        ? other.fetchFn(url.replace('https://mirror.example/', `${STORE_URL}`), init)
        : host.fetchFn(url, init),
    );
    const first = await build([old, story('ai-elsewhere', today())]);
    other.publish(first);
    await bg.saveStoreSettings({ storeUrl: 'https://mirror.example/', syncMinutes: 60 });
    await vi.waitFor(async () => expect((await bg.storeStatus()).storeUrl).toBe('https://mirror.example/manifest.json'));
    await bg.syncNow('manual');
    expect((await bg.storeStatus()).counts.remote).toBe(2);
    expect(notified()).toEqual({});
    other.publish(await build([old, story('ai-elsewhere', today()), story('ai-next', today())], first.manifest));
    await bg.syncNow('manual');
    expect(Object.keys(notified())).toEqual(['story:ai-next']);
  });
});
