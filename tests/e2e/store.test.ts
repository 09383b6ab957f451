// The remote story store in the real browser: a static store on a real HTTP server (with ETags) that
// the reader points the options page at; then a changed store, then a broken one. Each test starts
// its own browser and store server state, and syncs the store it needs itself.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildStore, type BuiltStore } from '../../lib/store/build.ts';
import type { Story } from '../../lib/story/story.ts';
import { launch, screenshot, serve, type Lens, type Server } from './harness.ts';
import { storeServer, type StoreServer } from './store-server.ts';

const read = (path: string): Story => JSON.parse(readFileSync(path, 'utf8'));
const mayo = read('tests/fixtures/e2e-store/microsoft-mayo-clinic-frontier-ai-model.json');
const harbor = read('tests/fixtures/e2e-remote/harbor-city-seawall-plan.json');
// A newer version of a bundled story: the remote one must replace it.
const mayoUpdated: Story = {
  ...mayo,
  title: 'Microsoft and Mayo Clinic Widen Their Frontier AI Model Pact',
  updatedAt: '2026-11-18T09:00:00Z',
};

// The store's three states: the updated bundled story; then a new story beside it; then a change
// to that new story (which a test damages on its way).
const v1 = await buildStore([mayoUpdated], { now: new Date(Date.now() - 60_000) });
const v2 = await buildStore([mayoUpdated, harbor], { previous: v1.manifest });
const v3 = await buildStore([mayoUpdated, { ...harbor, title: 'A broken update', updatedAt: '2026-11-22T00:00:00Z' }], {
  previous: v2.manifest,
});

let store: StoreServer;
let lens: Lens;
let server: Server;

beforeAll(async () => {
  server = await serve(undefined, (req, res) => store.handler(req, res));
});
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  store = storeServer();
  lens = await launch();
});
afterEach(async () => {
  await lens?.close();
});

async function popupFor(path: string) {
  return lens.openPopup((await lens.openTab(server.page(path))).tabId);
}

/** Publishes `built`, points the options page at it and waits for the sync; returns the options page. */
async function useStore(built: BuiltStore) {
  store.publish(built);
  return lens.useStore(server.url('/store/'), built.manifest.version);
}

describe('the remote story store', () => {
  it('runs on the bundled stories alone until a store is set, and says so', async () => {
    const options = await lens.openExtensionPage('options.html');
    await options.getByText('No story store is set: Factlen Lens uses only the 5 stories built into it.').waitFor();
    expect(await options.getByRole('button', { name: 'Sync now' }).count()).toBe(0);
    const popup = await popupFor('/harbor-seawall.html');
    expect(await popup.locator('main').getAttribute('data-state')).toBe('no-match');
    await options.close();
  });

  it('syncs a store set in the options page, and a newer remote story replaces the bundled one', async () => {
    store.publish(v1);
    const options = await lens.openExtensionPage('options.html');
    await options.getByLabel('Story store address').fill(server.url('/store/'));
    await options.getByLabel('Check for new stories').selectOption('60');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.locator('[data-testid=story-counts]', { hasText: '5 built in · 1 downloaded · 5 in use' }).waitFor();
    await options.locator(`[data-testid=store-version][data-version="${v1.manifest.version}"]`).waitFor();
    expect(await options.locator('[data-testid=last-error]').innerText()).toBe('None');
    expect(await options.locator('[data-testid=last-sync]').innerText()).not.toBe('Never');
    const alarm = await lens.worker.evaluate(() => chrome.alarms.get('store-sync'));
    expect(alarm?.periodInMinutes).toBe(60);
    await screenshot(options, 'options-synced');

    const popup = await popupFor('/fortune-morgan-stanley.html');
    expect(await popup.locator('h1').innerText()).toContain('Microsoft and Mayo Clinic Widen Their Frontier AI Model Pact');
    await options.close();
  });

  it('downloads only what changed, and a new story matches its article', async () => {
    const options = await useStore(v1);
    store.publish(v2);
    const { log } = store;
    log.length = 0;
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.getByText('Sync finished.').waitFor();
    expect(await options.locator('[data-testid=story-counts]').innerText()).toBe('5 built in · 2 downloaded · 6 in use');
    // The manifest was asked for conditionally; the unchanged shard was not downloaded again.
    expect(log[0]).toMatchObject({ path: 'manifest.json', status: 200, ifNoneMatch: expect.stringMatching(/^".+"$/) });
    const harborShard = v2.manifest.shards.find((s) => s.path.includes('2026-11-20'))!.path;
    expect(log.map((l) => l.path)).toEqual(['manifest.json', harborShard]);

    const popup = await popupFor('/harbor-seawall.html');
    expect(await popup.locator('main').getAttribute('data-state')).toBe('match');
    expect(await popup.locator('h1').innerText()).toContain('Harbor City Approves $310 Million Seawall for the Eastport Waterfront');
    expect(await popup.locator('.placement').innerText()).toBe("You're reading [1] Harbor City Dispatch");

    // Unchanged store: one conditional request, answered 304, nothing else.
    log.length = 0;
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.getByText('Sync finished.').waitFor();
    expect(log.map((l) => [l.path, l.status])).toEqual([['manifest.json', 304]]);
    await options.close();
  });

  it('keeps the last good stories when the store breaks, and says why in plain words', async () => {
    const options = await useStore(v2);
    // The changed shard is damaged on its way to the CDN: same size, different bytes.
    store.publish(v3, (path, bytes) =>
      path.includes('2026-11-20') ? Buffer.from(bytes.toString('utf8').replace('A broken update', 'A broken UPDATE')) : bytes,
    );
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.getByText('Sync failed.').waitFor();
    const error = await options.locator('[data-testid=last-error]').innerText();
    expect(error).toMatch(
      /shards\/2026-11-20-[0-9a-f]{16}\.json does not match its fingerprint \(SHA-256\) in the manifest: it may be damaged or tampered with\./,
    );
    expect(error).toContain('Factlen Lens keeps using the stories it already has.');
    expect(error).toMatch(/Next try: /);
    expect(await options.locator('[data-testid=store-version]').getAttribute('data-version')).toBe(String(v2.manifest.version));
    await screenshot(options, 'options-error');

    const popup = await popupFor('/harbor-seawall.html');
    expect(await popup.locator('h1').innerText()).toContain('Harbor City Approves $310 Million Seawall for the Eastport Waterfront');
    // Stories synced a moment ago: one failed sync is a retry pending, and the store line stays calm.
    const calm = await popupFor('/local-sports.html');
    expect(await calm.locator('.store-line').innerText()).toMatch(/^Lens knows \d+ stories, updated .+\.$/);
    // Three days on with the store still failing, a "no story" answer is from old stories: said.
    await lens.worker.evaluate(async () => {
      const { storeSync } = await chrome.storage.local.get('storeSync');
      await chrome.storage.local.set({ storeSync: { ...(storeSync as object), lastSuccessAt: Date.now() - 3 * 86_400_000 - 60_000 } });
    });
    const stale = await popupFor('/local-sports.html?store=failing');
    const line = stale.locator('.store-line', { hasText: "Lens couldn't update from the story store" });
    expect(await line.innerText()).toMatch(/: its \d+ stories are from 3 days ago\. See why in settings$/);
    await screenshot(stale, 'popup-sync-failing');
    // A page with a story says it in the footer, where it says how old the stories are.
    const matched = await popupFor('/harbor-seawall.html?store=failing');
    await matched.locator('footer', { hasText: "Couldn't update: story data from 3 days ago" }).waitFor();
    expect(await matched.locator('main').getAttribute('data-state')).toBe('match');
    // Its link opens the settings, where the error is (closed first: Chrome brings an open one forward).
    await options.close();
    const why = lens.context.waitForEvent('page', (p) => p.url().endsWith('/options.html'));
    await line.getByRole('button', { name: 'See why in settings' }).click();
    const settings = await why;
    await settings.locator('[data-testid=last-error]', { hasText: 'does not match its fingerprint' }).waitFor();

    // And a store that is not JSON at all.
    store.files.set('manifest.json', Buffer.from('<!doctype html><title>Sign in</title>'));
    await settings.getByRole('button', { name: 'Sync now' }).click();
    await settings.locator('[data-testid=last-error]', { hasText: "The store's manifest.json is not valid JSON" }).waitFor();
    await settings.close();
  });

  it('sent nothing that could tell one reader from another', async () => {
    // A first sync, a changed store, an unchanged one, and a store that is gone.
    const options = await useStore(v1);
    for (const next of [v2, v2, null]) {
      if (next) store.publish(next);
      else store.files.clear();
      await options.getByRole('button', { name: 'Sync now' }).click();
      await options.getByText(next ? 'Sync finished.' : 'Sync failed.').waitFor();
    }
    const { log } = store;
    expect(log.map((l) => l.status)).toEqual(expect.arrayContaining([200, 304, 404]));
    for (const entry of log) expect([entry.query, entry.cookie, entry.referer]).toEqual(['', undefined, undefined]);
  });

  it('says in the popup how old the stories are when the last sync is days old', async () => {
    await (await useStore(v2)).close();
    await lens.worker.evaluate(async () => {
      const { storeSync } = await chrome.storage.local.get('storeSync');
      await chrome.storage.local.set({ storeSync: { ...(storeSync as object), lastSuccessAt: Date.now() - 3 * 86_400_000 - 60_000 } });
    });
    const popup = await popupFor('/harbor-seawall.html');
    await popup.locator('footer', { hasText: 'Story data from 3 days ago' }).waitFor();
    expect(await popup.locator('main').getAttribute('data-state')).toBe('match');
    await screenshot(popup, 'popup-data-age');
    // A page with no story says it once, in its store line, not again in the footer.
    const none = await popupFor('/local-sports.html');
    await none.locator('.store-line', { hasText: /updated 3 days ago/ }).waitFor();
    expect(await none.locator('footer').innerText()).not.toContain('Story data from');
  });
});
