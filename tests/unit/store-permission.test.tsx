// @vitest-environment happy-dom
// Which host permission the options page gives back when the reader changes their store or
// their reading mode (lib/store-permission.ts), and the page doing so.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/options/App.tsx';
import { parseStatus } from '../../lib/store/settings.ts';
import { DEFAULT_READING_MODE, ReadingMode } from '../../lib/reading-mode.ts';
import { covers, heldBesidesStore, storeOrigins, storePermissionToRelease } from '../../lib/store-permission.ts';
import { renderRoot } from './render-root.ts';

const OLD = 'https://cdn.example.org/store/';

describe('covers', () => {
  it.each([
    ['https://cdn.example.org/*', 'https://cdn.example.org/*', true],
    ['*://*/*', 'https://cdn.example.org/*', true],
    ['https://*/*', 'https://cdn.example.org/*', true],
    ['http://*/*', 'https://cdn.example.org/*', false],
    ['<all_urls>', 'http://127.0.0.1/*', true],
    ['https://*.example.org/*', 'https://cdn.example.org/*', true],
    ['https://*.example.org/*', 'https://example.org/*', true],
    ['https://*.example.org/*', 'https://badexample.org/*', false],
    ['https://example.org/*', 'https://cdn.example.org/*', false],
    ['https://cdn.example.org/store/*', 'https://cdn.example.org/*', false],
    ['https://cdn.example.org/*', '*://*/*', false],
    ['storage', 'https://cdn.example.org/*', false],
  ])('%s covers %s: %s', (wide, narrow, expected) => expect(covers(wide, narrow)).toBe(expected));
});

describe('storePermissionToRelease', () => {
  it.each([
    ['another store', OLD, 'https://other.example/store/', [], 'https://cdn.example.org/*'],
    ['no store', OLD, null, [], 'https://cdn.example.org/*'],
    ['another folder on the same origin', OLD, 'https://cdn.example.org/other/manifest.json', [], null],
    ['a first store', null, OLD, [], null],
    ['an old address that was never a store', 'http://cdn.example.org/store/', null, [], null],
    ['the build’s own store, which the manifest grants', OLD, null, ['https://cdn.example.org/*'], null],
    ['a store on a site automatic mode reads', OLD, null, ['https://cdn.example.org/*', 'https://*.cdn.example.org/*'], null],
    ['a store inside automatic mode’s every site', OLD, null, ['https://*/*', 'http://*/*'], null],
    ['a store beside automatic mode’s other sites', OLD, null, ['https://news.example/*'], 'https://cdn.example.org/*'],
  ] as const)('from a store to %s', (_, before, after, keep, expected) =>
    expect(storePermissionToRelease(before, after, keep)).toBe(expected),
  );
});

describe('storeOrigins', () => {
  it("is the reader's store, else the build's, else none", () => {
    expect(storeOrigins({ storeUrl: OLD, syncMinutes: 30 }, 'https://build.example/s/')).toEqual(['https://cdn.example.org/*']);
    expect(storeOrigins({ syncMinutes: 30 }, 'https://build.example/s/')).toEqual(['https://build.example/*']);
    expect(storeOrigins({ storeUrl: '', syncMinutes: 30 }, 'https://build.example/s/')).toEqual([]);
    expect(storeOrigins({ storeUrl: 'not a url', syncMinutes: 30 }, null)).toEqual([]);
  });
});

describe('heldBesidesStore', () => {
  it("is the manifest's host permissions and what automatic mode reads", () => {
    const manifest = { host_permissions: ['https://build.example/*'], permissions: ['storage'] };
    expect(heldBesidesStore(manifest, DEFAULT_READING_MODE)).toEqual(['https://build.example/*', 'storage']);
    const auto = ReadingMode.parse({ mode: 'auto', scope: 'listed', sites: ['cdn.example.org'] });
    expect(heldBesidesStore({ permissions: ['http://127.0.0.1/*'] }, auto)).toEqual([
      'http://127.0.0.1/*',
      'https://cdn.example.org/*',
      'https://*.cdn.example.org/*',
      'http://cdn.example.org/*',
      'http://*.cdn.example.org/*',
    ]);
  });
});

describe('the options page', () => {
  const root = renderRoot();
  const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
  let removed: string[][];
  beforeEach(async () => {
    removed = [];
    fakeBrowser.runtime.onMessage.addListener(((msg: { type: string }, _sender: unknown, reply: (r: unknown) => void) => {
      reply(msg.type === 'listTopics' ? { ok: true, value: [] } : { ok: true, value: parseStatus(null) });
      return true;
    }) as never);
    Object.assign(fakeBrowser.permissions, {
      request: vi.fn(async () => true),
      remove: vi.fn(async ({ origins }: { origins: string[] }) => (removed.push(origins), true)),
    });
    fakeBrowser.runtime.getManifest = (() => ({ manifest_version: 3, name: 'x', version: '1', host_permissions: [] })) as never;
    // The reader reads cdn.example.org automatically, and keeps their store there.
    await fakeBrowser.storage.local.set({
      storeSettings: { storeUrl: OLD, syncMinutes: 30 },
      readingMode: { mode: 'auto', scope: 'listed', sites: ['cdn.example.org', 'news.example'], never: [] },
    });
    await act(() => render(<App />, root()));
    await settle();
    await settle();
  });
  const submit = (form: Element) => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

  it('keeps the grant of an old store on a site automatic mode reads', async () => {
    const input = root().querySelector<HTMLInputElement>('#store-url')!;
    input.value = 'https://other.example/store/';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    submit(root().querySelector('.store-form')!);
    await settle();
    await settle();
    expect(root().textContent).toContain('Saved.');
    expect(removed).toEqual([]);
  });

  it("keeps the store's grant when automatic mode stops reading its site", async () => {
    root().querySelector<HTMLInputElement>('input[name=mode][value=click]')!.click();
    await settle();
    submit(root().querySelector('.mode-form')!);
    await settle();
    await settle();
    expect(removed).toHaveLength(1);
    expect(removed[0]).toContain('https://news.example/*');
    expect(removed[0]).not.toContain('https://cdn.example.org/*');
  });
});
