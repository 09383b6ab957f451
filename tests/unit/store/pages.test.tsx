// @vitest-environment happy-dom
// The options page and the popup's data-age line, rendered with the fake browser behind them.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/options/App.tsx';
import { progressText, SyncPanel } from '../../../entrypoints/options/SyncPanel.tsx';
import { DataAge } from '../../../entrypoints/popup/DataAge.tsx';
import { alertPrefsItem, netLedgerItem, settingsItem } from '../../../platform/storage.ts';
import { parseStatus, type SyncStatus } from '../../../lib/store/settings.ts';
import { renderRoot } from '../render-root.ts';

const root = renderRoot();
// The fake browser has no manifest: the page reads the permissions it holds when a store changes.
beforeEach(() => {
  fakeBrowser.runtime.getManifest = (() => ({ manifest_version: 3, name: 'x', version: '1', host_permissions: [] })) as never;
});

const status = (patch: Partial<SyncStatus>) => ({ ...parseStatus(null), ...patch });
const text = () => root().textContent!.replace(/\s+/g, ' ');
/** Lets promises and effects settle. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));

describe('the sync panel', () => {
  it('shows the progress of a running sync', () => {
    expect(progressText(status({ running: true, progress: { phase: 'shards', done: 2, total: 12 } }))).toBe('Downloading shard 3 of 12…');
    expect(progressText(status({ running: true, progress: { phase: 'manifest' } }))).toBe('Checking the store for changes…');
    expect(progressText(status({ running: false, progress: null }))).toBe('');
  });

  it('says when the extension runs on its bundled stories alone', () => {
    render(
      <SyncPanel status={status({ counts: { bundled: 2, remote: 0, total: 2 } })} storeUrl={null} outcome="" onSyncNow={() => {}} />,
      root(),
    );
    expect(text()).toContain('No story store is set: Factlen Lens uses only the 2 stories built into it.');
    expect(root().querySelector('button')).toBeNull();
  });

  it('shows the store, its version, the counts and the last problem in plain words', () => {
    const s = status({
      lastSuccessAt: Date.parse('2026-11-20T10:00:00Z'),
      version: 20261120095500,
      generatedAt: '2026-11-20T09:55:00Z',
      counts: { bundled: 2, remote: 40, total: 41 },
      failures: 1,
      nextRetryAt: Date.parse('2026-11-24T12:01:00Z'),
      lastError: { code: 'hash', params: ['shards/2026-06-21-ab.json'], at: 1 },
    });
    render(<SyncPanel status={s} storeUrl="https://cdn.factlen.com/store/" outcome="" onSyncNow={() => {}} />, root());
    // The version is for machines; the reader is told when the store was published.
    expect(root().querySelector('[data-testid=store-version]')!.textContent).toMatch(/^Published Nov 20, 2026/);
    expect(root().querySelector('[data-testid=store-version]')!.getAttribute('data-version')).toBe('20261120095500');
    expect(root().querySelector('[data-testid=story-counts]')!.textContent).toBe('2 built in · 40 downloaded · 41 in use');
    expect(root().querySelector('[data-testid=last-error]')!.textContent).toContain(
      'shards/2026-06-21-ab.json does not match its fingerprint (SHA-256) in the manifest: it may be damaged or tampered with.Factlen Lens keeps using the stories it already has.Next try:',
    );
  });

  it('counts the built-in stories in the right grammatical number', () => {
    render(
      <SyncPanel status={status({ counts: { bundled: 1, remote: 0, total: 1 } })} storeUrl={null} outcome="" onSyncNow={() => {}} />,
      root(),
    );
    expect(text()).toContain('Factlen Lens uses only the 1 story built into it.');
  });

  it('shows rejected stories as text, never as markup', () => {
    const line = 'shards/x.json: story "a" (#0): title must be plain text, not markup <img src=x onerror=alert(1)>';
    render(<SyncPanel status={status({ rejected: [line] })} storeUrl="https://s.example/" outcome="" onSyncNow={() => {}} />, root());
    expect(root().querySelector('summary')!.textContent).toBe('1 problem with stories in the store');
    expect(root().querySelector('img')).toBeNull();
    expect(root().querySelector('li')!.textContent).toBe(line);
  });

  it('offers Sync now, and not twice at once', () => {
    const onSyncNow = vi.fn();
    render(<SyncPanel status={status({})} storeUrl="https://s.example/" outcome="" onSyncNow={onSyncNow} />, root());
    root().querySelector('button')!.click();
    expect(onSyncNow).toHaveBeenCalledOnce();
    render(<SyncPanel status={status({ running: true })} storeUrl="https://s.example/" outcome="" onSyncNow={onSyncNow} />, root());
    expect(root().querySelector('button')!.disabled).toBe(true);
  });
});

describe('the options page', () => {
  let sent: { type: string; storeUrl?: string | null; syncMinutes?: number }[];
  let syncNowAnswer: SyncStatus | null;
  beforeEach(() => {
    sent = [];
    syncNowAnswer = null;
    fakeBrowser.runtime.onMessage.addListener(((msg: { type: string }, _sender: unknown, reply: (r: unknown) => void) => {
      sent.push(msg);
      if (msg.type === 'listTopics') reply({ ok: true, value: [{ id: 'ai', name: 'AI', stories: 2 }] });
      else if (msg.type === 'syncNow' && syncNowAnswer) reply({ ok: true, value: syncNowAnswer });
      else reply({ ok: true, value: status({ counts: { bundled: 2, remote: 0, total: 2 } }) });
      return true;
    }) as never);
  });

  async function open() {
    await act(() => render(<App />, root()));
    await settle();
    await settle();
  }

  function submit(url: string, minutes?: string) {
    const input = root().querySelector<HTMLInputElement>('#store-url')!;
    input.value = url;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (minutes) {
      const select = root().querySelector<HTMLSelectElement>('#sync-interval')!;
      select.value = minutes;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    root()
      .querySelector('form')!
      .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  }

  it('has a main landmark, headings and a label for every field', async () => {
    await open();
    expect(root().querySelector('main h1')!.textContent).toBe('Factlen Lens settings');
    expect([...root().querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Story data',
      'Status',
      'Reading pages',
      'Alerts',
      'Network activity',
    ]);
    // A field is labelled by a label pointing at it or by the label around it.
    for (const field of root().querySelectorAll('input, select'))
      expect(field.closest('label') ?? root().querySelector(`label[for="${field.id}"]`)).not.toBeNull();
    expect([...root().querySelectorAll('#sync-interval option')].map((o) => o.textContent)).toEqual([
      'every 15 minutes',
      'every 30 minutes',
      'every hour',
      'every 3 hours',
      'every 6 hours',
      'every 12 hours',
      'once a day',
    ]);
    expect(text()).toContain('uses only the 2 stories built into it');
  });

  it('says so in plain words when the browser cannot read its settings, and reads them again on request', async () => {
    // The page stayed blank: nothing said why, and nothing offered another try.
    const read = vi.spyOn(settingsItem, 'getValue').mockRejectedValueOnce(new Error('IO error: database is locked'));
    await open();
    expect(root().querySelector('[role=alert]')!.textContent).toBe(
      "Factlen Lens couldn't read its settings from your browser's storage (IO error: database is locked). Your stories and settings are left as they are; try again, or restart the browser.",
    );
    expect(root().querySelector('#store-url')).toBeNull();
    await act(() => root().querySelector<HTMLButtonElement>('button')!.click());
    await settle();
    expect(root().querySelector('[role=alert]')).toBeNull();
    expect(root().querySelector('#store-url')).not.toBeNull();
    read.mockRestore();
  });

  it('asks for the store origin in the click that saves, then saves', async () => {
    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request as never;
    await open();
    submit('https://cdn.example.org/store/', '60');
    await settle();
    expect(request).toHaveBeenCalledWith({ origins: ['https://cdn.example.org/*'] });
    expect(sent).toContainEqual({ type: 'saveStoreSettings', storeUrl: 'https://cdn.example.org/store/', syncMinutes: 60 });
    expect(text()).toContain('Saved.');
  });

  it('changes nothing when the reader refuses the permission', async () => {
    fakeBrowser.permissions.request = (async () => false) as never;
    await open();
    submit('https://cdn.example.org/store/');
    await settle();
    expect(sent.filter((m) => m.type === 'saveStoreSettings')).toEqual([]);
    expect(root().querySelector('[role=alert]')!.textContent).toBe(
      'Factlen Lens needs your permission to download from https://cdn.example.org. Nothing was changed.',
    );
  });

  it('refuses a plain http address without asking for anything', async () => {
    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request as never;
    await open();
    submit('http://cdn.example.org/store/');
    await settle();
    expect(request).not.toHaveBeenCalled();
    expect(root().querySelector('[role=alert]')!.textContent).toMatch(
      /^The store address “http:\/\/cdn\.example\.org\/store\/” can't be used: it must start with https:\/\//,
    );
  });

  it('saves an empty address as "no store" without asking for anything', async () => {
    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request as never;
    await open();
    submit('');
    await settle();
    expect(request).not.toHaveBeenCalled();
    expect(sent).toContainEqual({ type: 'saveStoreSettings', storeUrl: '', syncMinutes: 30 });
  });

  it('drops an old "Sync failed." once a save starts a new sync', async () => {
    await fakeBrowser.storage.local.set({ storeSettings: { storeUrl: 'https://cdn.example.org/store/', syncMinutes: 30 } });
    fakeBrowser.permissions.request = (async () => true) as never;
    syncNowAnswer = status({ lastError: { code: 'offline', params: ['https://cdn.example.org'], at: 1 } });
    await open();
    root()
      .querySelector<HTMLButtonElement>('#sync-progress')!
      .previousElementSibling!.dispatchEvent(new Event('click', { bubbles: true }));
    await settle();
    expect(root().querySelector('#sync-progress')!.textContent).toBe('Sync failed.');
    submit('https://cdn.example.org/store/');
    await settle();
    expect(text()).toContain('Saved.');
    expect(root().querySelector('#sync-progress')!.textContent).toBe('');
  });

  it('drops an old error as soon as the reader edits the address, or the browser refuses it', async () => {
    await open();
    submit('http://cdn.example.org/store/');
    await settle();
    expect(root().querySelector('[role=alert]')!.textContent).toMatch(/can't be used/);
    const input = root().querySelector<HTMLInputElement>('#store-url')!;
    input.dispatchEvent(new Event('invalid', { cancelable: true }));
    await settle();
    expect(root().querySelector('.store-form [role=alert]')).toBeNull();
    submit('http://cdn.example.org/store/');
    await settle();
    input.value = 'https://cdn.example.org/st';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(root().querySelector('.store-form [role=alert]')).toBeNull();
  });

  it('explains that equal quiet hours mean no quiet hours', async () => {
    await alertPrefsItem.setValue({ paused: false, quietHours: { enabled: true, start: '22:00', end: '22:00' }, maxPerSync: 3 });
    await open();
    const alert = root().querySelector('#quiet-same')!;
    expect(alert.textContent).toBe(
      'From and To are the same time, so there are no quiet hours: notifications can come at any time. Choose two different times.',
    );
    expect(root().querySelector('#quiet-start')!.getAttribute('aria-describedby')).toBe('quiet-same');
    await act(() => alertPrefsItem.setValue({ paused: false, quietHours: { enabled: true, start: '22:00', end: '07:00' }, maxPerSync: 3 }));
    await settle();
    expect(root().querySelector('#quiet-same')).toBeNull();
  });

  it('says what each request came to in words', async () => {
    const entry = (outcome: string) => ({
      at: Date.parse('2026-11-20T10:00:00Z'),
      method: 'GET',
      url: 'https://cdn.example.org/store/manifest.json',
      bytes: 0,
      outcome,
    });
    await netLedgerItem.setValue(
      ['404, stopped early', '304', '200', '200, stopped early', 'timeout', 'network error: Failed to fetch', '503'].map(entry),
    );
    await open();
    const outcomes = [...root().querySelectorAll('[data-testid=ledger] tbody td:last-child')].map((td) => td.textContent);
    expect(outcomes).toEqual([
      'Not found on the server (HTTP 404)',
      'Unchanged since the last check',
      'Downloaded',
      'Stopped before the end: larger than announced, or not needed',
      'No answer in time',
      'Could not connect (Failed to fetch)',
      'The server failed (HTTP 503)',
    ]);
  });
});

describe('the popup’s data age', () => {
  it('says how old the data is when it is over a day old', async () => {
    await fakeBrowser.storage.local.set({ storeSync: { version: 3, lastSuccessAt: Date.now() - 3 * 86_400_000 - 60_000 } });
    await act(() => render(<DataAge />, root()));
    await settle();
    expect(root().querySelector('.popup__age')!.textContent).toContain('Story data from 3 days ago');
  });

  it('says Lens could not update it when the last sync failed too', async () => {
    const lastError = { code: 'network', params: [], at: Date.now() - 60_000 };
    await fakeBrowser.storage.local.set({ storeSync: { version: 3, lastSuccessAt: Date.now() - 3 * 86_400_000 - 60_000, lastError } });
    await act(() => render(<DataAge />, root()));
    await settle();
    expect(root().querySelector('.popup__age')!.textContent).toBe("Couldn't update: story data from 3 days ago");
  });

  it('says nothing when the data is fresh, even with a sync failed (a retry pending)', async () => {
    const lastError = { code: 'network', params: [], at: Date.now() - 60_000 };
    await fakeBrowser.storage.local.set({ storeSync: { version: 3, lastSuccessAt: Date.now() - 3600_000, lastError } });
    await act(() => render(<DataAge />, root()));
    await settle();
    expect(root().querySelector('.popup__age')).toBeNull();
  });

  it('says nothing when the data is fresh', async () => {
    await fakeBrowser.storage.local.set({ storeSync: { version: 3, lastSuccessAt: Date.now() - 3600_000 } });
    await act(() => render(<DataAge />, root()));
    await settle();
    expect(root().querySelector('.popup__age')).toBeNull();
  });
});
