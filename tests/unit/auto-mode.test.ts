import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUTO_SCRIPT_ID, syncAutoRegistration } from '../../entrypoints/background/auto-mode.ts';
import { readReadingMode } from '../../platform/settings.ts';
import { readingModeItem } from '../../platform/storage.ts';

let granted: string[];
const register = vi.fn(async () => undefined);
const unregister = vi.fn(async () => undefined);

beforeEach(() => {
  granted = [];
  register.mockClear();
  unregister.mockClear();
  Object.assign(fakeBrowser.permissions, { getAll: async () => ({ origins: granted, permissions: [] }) });
  Object.assign(fakeBrowser.scripting, { registerContentScripts: register, unregisterContentScripts: unregister });
});

describe('automatic mode registration', () => {
  it('registers nothing on click, the default', async () => {
    await syncAutoRegistration();
    expect(register).not.toHaveBeenCalled();
  });

  it('reads on the granted sites only, never on the excluded ones', async () => {
    await readingModeItem.setValue({ mode: 'auto', scope: 'listed', sites: ['example.com', 'news.org'], never: ['example.com'] });
    granted = [
      'https://example.com/*',
      'https://*.example.com/*',
      'http://example.com/*',
      'http://*.example.com/*',
      'https://store.example/*',
    ];
    await syncAutoRegistration();
    expect(register).toHaveBeenCalledWith([
      expect.objectContaining({
        id: AUTO_SCRIPT_ID,
        matches: ['https://example.com/*', 'https://*.example.com/*', 'http://example.com/*', 'http://*.example.com/*'],
        excludeMatches: ['https://example.com/*', 'https://*.example.com/*', 'http://example.com/*', 'http://*.example.com/*'],
        js: ['/auto-read.js'],
        allFrames: false,
      }),
    ]);
  });

  it('turns itself off cleanly when the reader revokes the permission', async () => {
    await readingModeItem.setValue({ mode: 'auto', scope: 'all', sites: [], never: [] });
    granted = ['https://*/*', 'http://*/*'];
    await syncAutoRegistration();
    expect(register).toHaveBeenCalledOnce();
    granted = [];
    await syncAutoRegistration();
    expect(unregister).toHaveBeenLastCalledWith({ ids: [AUTO_SCRIPT_ID] });
    expect(register).toHaveBeenCalledOnce();
    expect((await readReadingMode()).mode).toBe('click');
  });
});
