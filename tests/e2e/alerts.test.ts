// Alerts in the real browser: a served store changes, the extension syncs, and the notifications
// it raises are the ones chrome.notifications.getAll() lists — once, never again. Each test starts
// its own browser and store, and brings them to the state it needs (baseline, follows, syncs).
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LIST_BYTES, MAX_LISTED, MAX_TOLD, storedBytes } from '../../lib/alerts/state.ts';
import { buildStore, type BuiltStore } from '../../lib/store/build.ts';
import type { Story } from '../../lib/story/story.ts';
import { axeViolations } from './a11y.ts';
import { launch, screenshot, serve, type Lens, type Server } from './harness.ts';
import { storeServer, type StoreServer } from './store-server.ts';

const mayo: Story = JSON.parse(readFileSync('tests/fixtures/e2e-store/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));
const now = new Date().toISOString();
const scribes: Story = {
  ...mayo,
  id: 'hospitals-ai-scribes',
  title: 'Hospitals Roll Out AI Scribes Across Emergency Departments',
  publishedAt: now,
  sources: mayo.sources.map((s) => (s.url ? { ...s, url: `${s.url}scribes` } : s)),
};
// The followed story a week later: patients' advocates now heard, and three more outlets.
const mayoLater: Story = {
  ...mayo,
  updatedAt: now,
  missingPerspectives: ['Rural Healthcare Providers'],
  sources: [
    ...mayo.sources,
    ...['Patients Weekly', 'Health Affairs Today', 'Clinic Dispatch'].map((outlet, i) => ({
      n: 8 + i,
      outlet,
      viewpointId: 'medical-professionals',
      title: 'Patients weigh in',
    })),
  ],
};

let store: StoreServer;
let lens: Lens;
let server: Server;
let built: BuiltStore | undefined;

beforeAll(async () => {
  server = await serve(undefined, (req, res) => store.handler(req, res));
});
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  store = storeServer();
  built = undefined;
  lens = await launch();
});
afterEach(async () => {
  await lens?.close();
});

const notifications = () => lens.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).sort());
const clearNotifications = () =>
  lens.worker.evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });

// The store names its topics; every page says the name, not the slug ("AI").
const topicNames = { ai: 'Artificial intelligence' };

async function publishAndSync(stories: Story[]): Promise<void> {
  built = await buildStore(stories, { previous: built?.manifest, topicNames });
  store.publish(built);
  const options = await lens.openExtensionPage('options.html');
  await options.getByRole('button', { name: 'Sync now' }).click();
  await options.getByText('Sync finished.').waitFor();
  await options.close();
}

/**
 * The reader's first sync of a store holding `mayo` (the baseline: nothing is new yet), then a
 * follow of the AI topic in the options page and of the story in the popup.
 */
async function followAfterFirstSync(): Promise<void> {
  built = await buildStore([mayo], { now: new Date(Date.now() - 60_000), topicNames });
  store.publish(built);
  const options = await lens.useStore(server.url('/store/'), built.manifest.version);

  // Every topic of the store is listed with a switch.
  await options.getByLabel(/^Artificial intelligence/).check();
  await options.getByLabel(/^Cities/).waitFor();
  await screenshot(options, 'options-alerts');
  await options.close();

  const { tabId } = await lens.openTab(server.page('/fortune-morgan-stanley.html'));
  const popup = await lens.openExtensionPage('popup.html', tabId);
  await popup.getByRole('button', { name: 'Follow this story' }).click();
  await popup.getByRole('button', { name: '✓ Following this story' }).waitFor();
  expect(await popup.getByRole('button', { name: '✓ Following Artificial intelligence' }).getAttribute('aria-pressed')).toBe('true');
  await popup.close();
}

describe('topic and story alerts', () => {
  it('lets the reader follow topics and stories after the first sync', async () => {
    await followAfterFirstSync();
  });

  it("records a baseline on the first sync: a fresh story in a topic followed before it is not news, the next version's is", async () => {
    // Followed before the first sync: with nothing followed, "no notification" would hold whatever
    // the first sync did.
    await lens.worker.evaluate(() => chrome.storage.local.set({ follows: { topics: ['ai'], stories: [] } }));
    built = await buildStore([mayo, scribes], { now: new Date(Date.now() - 60_000), topicNames });
    store.publish(built);
    const options = await lens.useStore(server.url('/store/'), built.manifest.version);
    // The version is shown before the sync's alerts are weighed; "Sync now" answers when the sync
    // under way has finished (or syncs the same version again, which raises nothing).
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.getByText('Sync finished.').waitFor();
    await options.close();
    expect(await notifications()).toEqual([]);
    // What the baseline holds back is news one version later.
    const triage: Story = {
      ...scribes,
      id: 'hospitals-ai-triage',
      sources: scribes.sources.map((s) => (s.url ? { ...s, url: `${s.url}-triage` } : s)),
    };
    await publishAndSync([mayo, scribes, triage]);
    expect(await notifications()).toEqual([`story:${triage.id}`]);
  });

  it('notifies a new story in a followed topic', async () => {
    await followAfterFirstSync();
    await publishAndSync([mayo, scribes]);
    expect(await notifications()).toEqual(['story:hospitals-ai-scribes']);
  });

  it('notifies a followed story whose missing perspective is now represented and whose coverage grew', async () => {
    await followAfterFirstSync();
    await publishAndSync([mayo, scribes]);
    await clearNotifications();
    await publishAndSync([mayoLater, scribes]);
    expect(await notifications()).toEqual([`story:${mayo.id}`]);
  });

  it('never notifies the same change twice', async () => {
    await followAfterFirstSync();
    await publishAndSync([mayo, scribes]);
    await publishAndSync([mayoLater, scribes]);
    expect(await notifications()).toEqual(['story:hospitals-ai-scribes', `story:${mayo.id}`].sort());
    await clearNotifications();
    // The same store published again is the same version, which raises nothing before any alert
    // is weighed: a new version is needed. The story withdrawn and restored is new to the store
    // again, not to the reader, who was told of it.
    const told = built!.manifest.version;
    await publishAndSync([mayoLater]);
    await publishAndSync([mayoLater, scribes]);
    expect(built!.manifest.version).toBeGreaterThan(told);
    expect(await notifications()).toEqual([]);
  });

  it('shows the unread count on the badge until the reader opens the list', async () => {
    await followAfterFirstSync();
    await publishAndSync([mayo, scribes]);
    await publishAndSync([mayoLater, scribes]);
    expect(await lens.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('2');
    const { tabId } = await lens.openTab(server.url('/local-sports.html'));
    const popup = await lens.openExtensionPage('popup.html', tabId);
    const list = popup.locator('.alert-list');
    await list.waitFor();
    expect(await list.innerText()).toMatch(
      /Update: Microsoft and Mayo Clinic[\s\S]*3 new outlets · Now represented: Patient Advocacy Groups/,
    );
    expect(await list.innerText()).toMatch(
      /New in Artificial intelligence: Hospitals Roll Out AI Scribes Across Emergency Departments[\s\S]*7 outlets · 3 viewpoints/,
    );
    await screenshot(popup, 'popup-alerts');
    await expect.poll(() => lens.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  });
});

describe('a followed story or alert the store later removes', () => {
  it('keeps the alert, and its story says in words that it is gone, with the search', async () => {
    await followAfterFirstSync();
    await publishAndSync([mayo, scribes]);
    // Factlen withdraws the story it alerted about.
    await publishAndSync([mayo]);
    const { tabId } = await lens.openTab(server.url('/local-sports.html'));
    const popup = await lens.openExtensionPage('popup.html', tabId);
    await popup.getByText('New in Artificial intelligence: Hospitals Roll Out AI Scribes').waitFor();
    await popup.close();
    const panel = await lens.openExtensionPage(`sidepanel.html?story=${scribes.id}`);
    await panel.getByRole('heading', { name: 'This story is no longer available' }).waitFor();
    await panel.locator('#story-search-input').fill('Mayo');
    await panel.locator('.story-search__result', { hasText: mayo.title }).click();
    await panel.getByRole('heading', { level: 1, name: mayo.title }).waitFor();
    await screenshot(panel, 'sidepanel-story-gone');
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('lists a followed story the store withdrew in the settings, where it can be unfollowed', async () => {
    await followAfterFirstSync();
    await publishAndSync([mayo, scribes]);
    const panel = await lens.openExtensionPage(`sidepanel.html?story=${scribes.id}`);
    await panel.getByRole('button', { name: 'Follow this story' }).click();
    await panel.getByRole('button', { name: '✓ Following this story' }).waitFor();
    await panel.close();
    await publishAndSync([mayo]);
    const options = await lens.openExtensionPage('options.html');
    const gone = options.locator('.followed-stories__list li', { hasText: 'A story no longer in the store' });
    await gone.waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await screenshot(options, 'options-followed-gone');
    await options.locator('.followed-stories__list li', { hasText: mayo.title }).waitFor();
    await gone.getByRole('button', { name: `Unfollow ${scribes.id}` }).click();
    await gone.waitFor({ state: 'detached' });
    expect(await lens.worker.evaluate(async () => (await chrome.storage.local.get('follows')).follows)).toEqual({
      topics: ['ai'],
      stories: [mayo.id],
    });
  });
});

// The audit of 2026-12-07 in the real browser, where the 10 MB quota is: 50 followed stories each
// drop 100 missing perspectives of 300 characters, "<" (six bytes each in Chrome's count). The
// alert ledger was 8.6 MB and the alert list could not be written: no alert was listed.
describe('a store whose sync raises 5,000 alerts on long names', () => {
  it('lists and notifies them, within a bounded number of bytes that Chrome counts no higher than Lens does', async () => {
    const base: Story = JSON.parse(readFileSync('tests/fixtures/e2e-store/northvale-hospital-ai-triage.json', 'utf8'));
    const ids = Array.from({ length: 50 }, (_, s) => `followed-${s}`);
    const names = (s: number) => Array.from({ length: 100 }, (_, k) => `p${s}-${k}`.padEnd(20, 'x') + '<'.repeat(279) + '.');
    const v1 = ids.map((id, s) => ({ ...base, id, missingPerspectives: names(s) }));
    built = await buildStore(v1, { now: new Date(Date.now() - 60_000) });
    store.publish(built);
    const options = await lens.useStore(server.url('/store/'), built.manifest.version);
    await options.close();
    await lens.worker.evaluate((stories) => chrome.storage.local.set({ follows: { topics: [], stories } }), ids);

    await publishAndSync(v1.map((s) => ({ ...s, missingPerspectives: [], updatedAt: now })));
    // Three notifications and a summary of the rest (which three depends on the store's order).
    await expect.poll(notifications).toEqual([expect.stringMatching(/^story:followed-/), expect.anything(), expect.anything(), 'summary']);
    const kept = await lens.worker.evaluate(async () => {
      const { alertLedger, alertList } = await chrome.storage.local.get(['alertLedger', 'alertList']);
      const [ledgerBytes, listBytes] = await Promise.all([
        chrome.storage.local.getBytesInUse('alertLedger'),
        chrome.storage.local.getBytesInUse('alertList'),
      ]);
      return { alertLedger: alertLedger as { told: string[] }, alertList: alertList as unknown[], ledgerBytes, listBytes };
    });
    expect(kept.alertLedger.told).toHaveLength(MAX_TOLD);
    expect(kept.alertList).toHaveLength(MAX_LISTED);
    // Chrome counts a key's name and its value's JSON: never more than storedBytes says.
    expect(kept.ledgerBytes).toBeLessThanOrEqual('alertLedger'.length + storedBytes(kept.alertLedger));
    expect(kept.listBytes).toBeLessThanOrEqual('alertList'.length + storedBytes(kept.alertList));
    expect(kept.ledgerBytes).toBeLessThan(100_000);
    expect(kept.listBytes).toBeLessThanOrEqual(MAX_LIST_BYTES);
  });
});
