import { describe, expect, it } from 'vitest';
import { storeBuildConfig } from '../../../build/store-config.ts';
import { dataAge, dataTime } from '../../../lib/store/age.ts';
import { BUILD_PUBLIC_KEY, BUILD_STORE_URL, BUILT_AT } from '../../../lib/store/build-config.ts';
import { effectiveStoreUrl, parseStatus, StoreSettings } from '../../../lib/store/settings.ts';
import { readSettings } from '../../../platform/settings.ts';
import { checkStoreUrl, resolveInStore } from '../../../lib/store/store-url.ts';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('checkStoreUrl', () => {
  it.each([
    ['https://cdn.factlen.com/store/', 'https://cdn.factlen.com/store/manifest.json', 'https://cdn.factlen.com/*'],
    ['https://cdn.factlen.com/store', 'https://cdn.factlen.com/store/manifest.json', 'https://cdn.factlen.com/*'],
    ['https://cdn.factlen.com/v2/manifest.json', 'https://cdn.factlen.com/v2/manifest.json', 'https://cdn.factlen.com/*'],
    ['http://127.0.0.1:8080/store/', 'http://127.0.0.1:8080/store/manifest.json', 'http://127.0.0.1/*'],
    ['http://localhost/', 'http://localhost/manifest.json', 'http://localhost/*'],
  ])('accepts %s', (input, manifestUrl, originPattern) => {
    expect(checkStoreUrl(input)).toMatchObject({ ok: true, manifestUrl, originPattern });
  });

  it.each([
    ['http://cdn.factlen.com/store/', 'not-https'],
    ['ftp://cdn.factlen.com/', 'not-https'],
    ['javascript:alert(1)', 'not-https'],
    ['https://user:pw@cdn.factlen.com/', 'has-credentials'],
    ['https://cdn.factlen.com/store/?reader=1', 'has-query'],
    ['cdn.factlen.com', 'not-a-url'],
    // Over the settings' limit: it was saved as "no choice", and the build's store used instead.
    [`https://cdn.factlen.com/${'a/'.repeat(1000)}`, 'too-long'],
    [`https://cdn.factlen.com/${'a'.repeat(1970)}`, 'too-long'],
  ])('refuses %s', (input, reason) => {
    expect(checkStoreUrl(input)).toEqual({ ok: false, reason });
  });

  it('resolves shard paths inside the store only', () => {
    const m = 'https://cdn.factlen.com/store/manifest.json';
    expect(resolveInStore(m, 'shards/2026-06-21-ab.json')).toBe('https://cdn.factlen.com/store/shards/2026-06-21-ab.json');
    expect(resolveInStore(m, '../other.json')).toBeNull();
    expect(resolveInStore(m, 'https://evil.example/x.json')).toBeNull();
  });
});

describe('the build-time store settings', () => {
  it('grant the build’s store origin only, and let a reader grant another later', () => {
    const c = storeBuildConfig({ FACTLEN_STORE_URL: 'https://cdn.factlen.com/store/' }, 5);
    expect(c.hostPermissions).toEqual(['https://cdn.factlen.com/*']);
    expect(c.optionalHostPermissions).toEqual(['*://*/*']);
    expect(c.define).toEqual({
      __FACTLEN_STORE_URL__: '"https://cdn.factlen.com/store/"',
      __FACTLEN_STORE_PUBLIC_KEY__: '""',
      __FACTLEN_BUILT_AT__: '5',
    });
  });

  it('ask for no host at all without a store URL', () => {
    expect(storeBuildConfig({}).hostPermissions).toEqual([]);
  });

  it('fail the build on an unusable URL or key', () => {
    expect(() => storeBuildConfig({ FACTLEN_STORE_URL: 'http://cdn.factlen.com/' })).toThrow(/FACTLEN_STORE_URL=.*https/);
    expect(() => storeBuildConfig({ FACTLEN_STORE_PUBLIC_KEY: 'abc' })).toThrow(/FACTLEN_STORE_PUBLIC_KEY/);
  });

  it('read as "not set" where nothing was defined (Node, unit tests)', () => {
    expect([BUILD_STORE_URL, BUILD_PUBLIC_KEY, BUILT_AT]).toEqual([null, null, null]);
  });
});

describe('store settings', () => {
  it('default to the build’s store every 30 minutes, and repair a bad field keeping the rest', async () => {
    expect(await readSettings()).toEqual({ syncMinutes: 30 });
    await fakeBrowser.storage.local.set({ storeSettings: { storeUrl: 'https://a.example/', syncMinutes: 'often' } });
    expect(await readSettings()).toEqual({ storeUrl: 'https://a.example/', syncMinutes: 30 });
  });

  it('tell the build’s store, the reader’s store and no store apart', () => {
    const s = (storeUrl?: string) => StoreSettings.parse({ storeUrl });
    expect(effectiveStoreUrl(s(), 'https://build.example/')).toBe('https://build.example/');
    expect(effectiveStoreUrl(s('https://mine.example/'), 'https://build.example/')).toBe('https://mine.example/');
    expect(effectiveStoreUrl(s(''), 'https://build.example/')).toBeNull();
    expect(effectiveStoreUrl(s(), null)).toBeNull();
  });

  it('repair a damaged status field by field', () => {
    expect(parseStatus({ failures: -3, version: 'x', lastSuccessAt: 5 })).toMatchObject({
      failures: 0,
      version: null,
      lastSuccessAt: 5,
      rejected: [],
    });
  });
});

describe('the data age', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  it.each([
    [now - 3600_000, null],
    [now - 86_400_000, null],
    [now - 3 * 86_400_000, '3 days ago'],
    [now - 90 * 86_400_000, '3 months ago'],
    [null, null],
  ])('of data from %s reads %s', (time, words) => {
    expect(dataAge(time, now, 'en')).toBe(words);
  });

  it('dates remote data by its last successful sync, else by the build', () => {
    expect(dataTime({ version: 3, lastSuccessAt: 100 }, 50)).toBe(100);
    expect(dataTime({ version: null, lastSuccessAt: 100 }, 50)).toBe(50);
    expect(dataTime({ version: null, lastSuccessAt: null }, null)).toBeNull();
  });
});
