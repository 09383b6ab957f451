import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setUpFirstRun } from '../../entrypoints/background/first-run.ts';

describe('the first-run page', () => {
  let create: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    create = vi.fn(async () => ({}));
    fakeBrowser.tabs.create = create as never;
    setUpFirstRun();
  });

  it('opens once, on install', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: expect.stringMatching(/\/welcome\.html$/) });
  });

  it.each([{ reason: 'update', previousVersion: '0.0.9' }, { reason: 'chrome_update' }] as const)(
    'stays closed on $reason',
    async (details) => {
      await fakeBrowser.runtime.onInstalled.trigger(details);
      expect(create).not.toHaveBeenCalled();
    },
  );
});
