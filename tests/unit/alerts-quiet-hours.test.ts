// Quiet hours hold notifications back, and their end says, once, what came meanwhile
// (entrypoints/background/alerts.ts with WXT's fake browser: storage, alarms, notifications).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QUIET_END_ALARM, raiseAlerts, setUpQuietHours } from '../../entrypoints/background/alerts.ts';
import { previousOf } from '../../lib/alerts/decide.ts';
import { DEFAULT_ALERT_PREFS, quietHoursEnd, type AlertPrefs } from '../../lib/alerts/prefs.ts';
import { markRead } from '../../lib/alerts/state.ts';
import type { Story } from '../../lib/story/story.ts';
import { alertListItem, alertPrefsItem, setFollow } from '../../platform/storage.ts';

const seed: Story = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));
const story = (id: string): Story => ({ ...structuredClone(seed), id, title: `Story ${id}`, url: `https://factlen.com/stories/${id}` });
// Local times, so the tests hold in any time zone.
const local = (day: number, h: number, m = 0) => new Date(2026, 5, day, h, m);
const quiet = (start: string, end: string, paused = false): AlertPrefs => ({
  ...DEFAULT_ALERT_PREFS,
  paused,
  quietHours: { enabled: true, start, end },
});
const created = () =>
  (
    fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { title: string; message: string }> }
  ).getAllCreateOptions();
/** The alarm fires at `at`, as the browser fires it. */
async function fireAt(at: Date) {
  vi.setSystemTime(at);
  await fakeBrowser.alarms.onAlarm.trigger({ name: QUIET_END_ALARM, scheduledTime: at.getTime(), persistAcrossSessions: false });
  // The listener starts the work and returns: let it finish.
  await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get('quietHeld')).toEqual({}));
}

describe('quietHoursEnd', () => {
  it.each([
    ['later that night, across midnight', quiet('22:00', '07:00'), local(23, 23, 30), local(24, 7)],
    ['after midnight', quiet('22:00', '07:00'), local(24, 3), local(24, 7)],
    ['within the same day', quiet('09:00', '17:00'), local(23, 10), local(23, 17)],
  ])('gives the end of quiet hours %s', (_, prefs, now, end) => {
    expect(quietHoursEnd(prefs, now)).toEqual(end);
  });

  it('gives none outside quiet hours or when they are off', () => {
    expect(quietHoursEnd(quiet('22:00', '07:00'), local(23, 12))).toBeNull();
    expect(quietHoursEnd(DEFAULT_ALERT_PREFS, local(23, 23))).toBeNull();
  });
});

describe('the end of quiet hours', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await setFollow('topics', 'ai', true);
    await alertPrefsItem.setValue(quiet('22:00', '07:00'));
    setUpQuietHours();
  });
  afterEach(() => vi.useRealTimers());

  /** Two syncs in the night, each with a new story. */
  async function night() {
    await raiseAlerts(previousOf([seed]), [seed, story('a')], {}, local(23, 23, 30).getTime());
    await raiseAlerts(previousOf([seed, story('a')]), [seed, story('a'), story('b')], {}, local(24, 2).getTime());
    expect(created()).toEqual({});
    expect(await alertListItem.getValue()).toHaveLength(2);
  }

  it('sums up in one notification what came while they held notifications back', async () => {
    await night();
    expect(await fakeBrowser.alarms.get(QUIET_END_ALARM)).toMatchObject({ scheduledTime: local(24, 7).getTime() });
    await fireAt(local(24, 7));
    expect(created()).toEqual({
      'quiet-hours': expect.objectContaining({ title: 'Factlen Lens', message: '2 alerts came during quiet hours' }),
    });
  });

  it('counts only what is still unread, and says nothing when all was read', async () => {
    await night();
    await alertListItem.setValue(markRead(await alertListItem.getValue())!);
    await fireAt(local(24, 7));
    expect(created()).toEqual({});
  });

  it('says nothing when alerts were paused meanwhile', async () => {
    await night();
    await alertPrefsItem.setValue(quiet('22:00', '07:00', true));
    await fireAt(local(24, 7));
    expect(created()).toEqual({});
  });

  it('waits for quiet hours the reader moved later', async () => {
    await night();
    await alertPrefsItem.setValue(quiet('22:00', '09:00'));
    vi.setSystemTime(local(24, 7));
    await fakeBrowser.alarms.onAlarm.trigger({
      name: QUIET_END_ALARM,
      scheduledTime: local(24, 7).getTime(),
      persistAcrossSessions: false,
    });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(QUIET_END_ALARM)).toMatchObject({ scheduledTime: local(24, 9).getTime() }),
    );
    expect(created()).toEqual({});
    await fireAt(local(24, 9));
    expect(created()['quiet-hours']?.message).toBe('2 alerts came during quiet hours');
  });

  it("sums up overdue quiet hours before a sync's own alerts, in a notification of its own", async () => {
    await night();
    // The alarm is late (the browser was asleep): a sync at 08:00 comes first.
    await raiseAlerts(previousOf([seed, story('a'), story('b')]), [seed, story('a'), story('b'), story('c')], {}, local(24, 8).getTime());
    expect(Object.keys(created()).sort()).toEqual(['quiet-hours', 'story:c']);
    expect(created()['quiet-hours']?.message).toBe('2 alerts came during quiet hours');
    expect(await fakeBrowser.storage.local.get('quietHeld')).toEqual({});
  });
});
