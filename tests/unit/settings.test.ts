// The settings the pages and the background write go through platform/settings.ts, which repairs
// them with the core's schemas on the way in as well as on the way out.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_ALERT_PREFS, type AlertPrefs } from '../../lib/alerts/prefs.ts';
import type { ReadingMode } from '../../lib/reading-mode.ts';
import { getAlertPrefs, readReadingMode, writeAlertPrefs, writeReadingMode } from '../../platform/settings.ts';

describe('the alert preferences', () => {
  it('are kept as written, and read back the same', async () => {
    const prefs: AlertPrefs = { paused: true, quietHours: { enabled: true, start: '23:00', end: '06:30' }, maxPerSync: 5 };
    await writeAlertPrefs(prefs);
    expect(await getAlertPrefs()).toEqual(prefs);
  });

  it('are repaired field by field before they are stored', async () => {
    await writeAlertPrefs({ ...DEFAULT_ALERT_PREFS, paused: true, maxPerSync: 99 });
    expect((await fakeBrowser.storage.local.get('alertPrefs')).alertPrefs).toEqual({ ...DEFAULT_ALERT_PREFS, paused: true });
  });
});

describe('the reading mode', () => {
  it('is repaired field by field before it is stored', async () => {
    await writeReadingMode({ mode: 'auto', scope: 'sometimes', sites: ['example.com'], never: ['Not A Host'] } as unknown as ReadingMode);
    const stored = { mode: 'auto', scope: 'all', sites: ['example.com'], never: [] };
    expect((await fakeBrowser.storage.local.get('readingMode')).readingMode).toEqual(stored);
    expect(await readReadingMode()).toEqual(stored);
  });
});
