// The settings the pages and the background write go through platform/settings.ts, which repairs
// them with the core's schemas on the way in as well as on the way out.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_ALERT_PREFS, type AlertPrefs } from '../../lib/alerts/prefs.ts';
import { DEFAULT_READING_MODE, type ReadingMode } from '../../lib/reading-mode.ts';
import { parseSettings, parseStatus } from '../../lib/store/settings.ts';
import { getAlertPrefs, readReadingMode, readSettings, readStatus, writeAlertPrefs, writeReadingMode } from '../../platform/settings.ts';

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

describe('a stored value that is not an object', () => {
  // Each reads as its defaults: a `readingMode` of `[]` made every click's read fail, and an
  // `alertPrefs` of `"x"` every sync's alerts.
  const readers = [
    ['storeSettings', readSettings, parseSettings(null)],
    ['storeSync', readStatus, parseStatus(null)],
    ['readingMode', readReadingMode, DEFAULT_READING_MODE],
    ['alertPrefs', getAlertPrefs, DEFAULT_ALERT_PREFS],
  ] as const;
  it.each(readers)('reads %s as its defaults', async (key, read, defaults) => {
    for (const damaged of [[], [{ mode: 'auto' }], 'junk', 7, true]) {
      await fakeBrowser.storage.local.set({ [key]: damaged });
      expect(await read()).toEqual(defaults);
    }
  });
});
