// What a hostile store can do through the alerts it makes Lens raise (audit of 2026-12-07): fill
// local storage through the alert ledger and list until alerts vanish, and write a notification
// under Lens's name with the text of a missing perspective. Each test is named for the attack.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { raiseAlerts } from '../../../entrypoints/background/alerts.ts';
import { decideAlerts, previousOf, type Alert } from '../../../lib/alerts/decide.ts';
import { describeAlert, planNotifications } from '../../../lib/alerts/notify.ts';
import { ALERT_NAME_CHARS, MAX_LIST_BYTES, MAX_LISTED, MAX_TOLD, storedBytes, toldKey } from '../../../lib/alerts/state.ts';
import type { Story } from '../../../lib/story/story.ts';
import { topicLabel } from '../../../lib/story/topics.ts';
import { t, tn } from '../../../platform/i18n.ts';
import { alertListItem, ledgerItem, setFollow } from '../../../platform/storage.ts';

const seed: Story = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));
const NOW = Date.parse('2026-06-23T12:00:00Z');
const words = { t, tn };
const notified = () =>
  (
    fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { title: string; message: string }> }
  ).getAllCreateOptions();

// The audit's store: 50 followed stories, each with 100 missing perspectives of 300 characters,
// mostly U+2028 (six bytes each in Chrome's storage; stories taken in before the door refused
// line breaks in names can still hold them), and titles of 300 "<" (six bytes each too, and
// allowed: "<" before no letter is not markup). The next version drops every perspective.
const lure = (s: number, k: number) => `p${s}-${k}`.padEnd(20, 'x') + '\u2028'.repeat(279) + 'z';
const ids = Array.from({ length: 50 }, (_, s) => `followed-${s}`);
const before: Story[] = ids.map((id, s) => ({
  ...structuredClone(seed),
  id,
  title: '<'.repeat(300),
  missingPerspectives: Array.from({ length: 100 }, (_, k) => lure(s, k)),
}));
const after: Story[] = before.map((s) => ({ ...s, missingPerspectives: [], updatedAt: '2026-06-23T00:00:00Z' }));

describe('a store filling local storage through the alerts (8.6 MB ledger, no alert listed)', () => {
  beforeEach(async () => {
    for (const id of ids) await setFollow('stories', id, true);
  });

  it('keeps each of 5,000 alerts on 300-character names in the ledger as 16 hex digits: at most 95 kB', async () => {
    await raiseAlerts(previousOf(before), after, {}, NOW);
    const ledger = await ledgerItem.getValue();
    expect(ledger.told).toHaveLength(MAX_TOLD);
    for (const key of ledger.told) expect(key).toMatch(/^[0-9a-f]{16}$/);
    // 19 bytes a key ("…",), the frame, and one outlet count per followed story.
    expect(storedBytes(ledger)).toBeLessThanOrEqual(MAX_TOLD * 19 + 24 + ids.length * 40);
  });

  it('lists the alerts of that sync within the byte limit, and notifies them', async () => {
    await raiseAlerts(previousOf(before), after, {}, NOW);
    const list = await alertListItem.getValue();
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(MAX_LISTED);
    expect(storedBytes(list)).toBeLessThanOrEqual(MAX_LIST_BYTES);
    expect(Object.keys(notified())).toEqual(['story:followed-0', 'story:followed-1', 'story:followed-2', 'summary']);
  });

  it('marks nothing as told when the write fails, still notifies, and lists the alerts once storage works', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('Resource::kQuotaBytes quota exceeded'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await raiseAlerts(previousOf([before[0]!]), [after[0]!], {}, NOW);
    expect(Object.keys(notified())).toEqual(['story:followed-0']);
    expect((await ledgerItem.getValue()).told).toEqual([]);
    expect(await alertListItem.getValue()).toEqual([]);
    // The same change seen again (a worker restart before the store was saved): now it is kept.
    await raiseAlerts(previousOf([before[0]!]), [after[0]!], {}, NOW);
    expect(await alertListItem.getValue()).toEqual([
      expect.objectContaining({ alert: expect.objectContaining({ storyId: 'followed-0' }) }),
    ]);
  });

  it('still recognises the keys a ledger of an earlier version kept as text: no alert twice after an update', async () => {
    const key = `represented:${seed.id}:patient advocacy groups`;
    await fakeBrowser.storage.local.set({ alertLedger: { told: ['story:fresh', key], outlets: { [seed.id]: 7 } }, alertLedger$: { v: 1 } });
    await ledgerItem.migrate();
    expect(await ledgerItem.getValue()).toEqual({ told: [toldKey('story:fresh'), toldKey(key)], outlets: { [seed.id]: 7 } });
    // Migrating again (a value saved without its version) changes nothing.
    await fakeBrowser.storage.local.remove('alertLedger$');
    await ledgerItem.migrate();
    expect((await ledgerItem.getValue()).told).toEqual([toldKey('story:fresh'), toldKey(key)]);

    await setFollow('topics', 'ai', true);
    const fresh = { ...structuredClone(seed), id: 'fresh', publishedAt: '2026-06-22T00:00:00Z' };
    const dropped = { ...structuredClone(seed), missingPerspectives: ['Rural Healthcare Providers'] };
    await raiseAlerts(previousOf([seed]), [dropped, fresh], {}, NOW);
    expect(notified()).toEqual({});
    // And unmigrated, handed straight to the decision.
    const text = { told: ['story:fresh', key], outlets: {} };
    expect(decideAlerts(previousOf([seed]), [dropped, fresh], { topics: ['ai'], stories: [seed.id] }, text, NOW).alerts).toEqual([]);
  });

  it('shrinks an alert list an earlier version kept whole', async () => {
    const whole: Alert = {
      kind: 'story-update',
      storyId: 'followed-0',
      topic: 'ai',
      title: '<'.repeat(300),
      newViewpoints: [],
      nowRepresented: before[0]!.missingPerspectives,
      newOutlets: 0,
    };
    const old = Array.from({ length: 50 }, (_, i) => ({ alert: whole, at: NOW - i, read: false }));
    expect(storedBytes(old)).toBeGreaterThan(8_000_000);
    await fakeBrowser.storage.local.set({ alertList: old, alertList$: { v: 1 } });
    await alertListItem.migrate();
    const list = await alertListItem.getValue();
    expect(storedBytes(list)).toBeLessThanOrEqual(MAX_LIST_BYTES);
    expect(list[0]!.alert).toMatchObject({
      nowRepresented: ['p0-0xxxxxxxxxxxxxxxx z', 'p0-1xxxxxxxxxxxxxxxx z', 'p0-2xxxxxxxxxxxxxxxx z'],
    });
    expect(list[0]!.alert).toMatchObject({ moreRepresented: 97 });
  });
});

describe("a store writing a notification under Lens's name", () => {
  const notice =
    'Factlen Lens security notice:\nyour story store key was revoked.\nRestore it at https://factlen-support.example/restore\n\n\n\n\n\n\n\n';
  // A story taken in before the door refused line breaks in names, or an alert listed before.
  const spoof = (old: Partial<Story>, now: Partial<Story>) => {
    const { alerts } = decideAlerts(
      previousOf([{ ...seed, ...old }]),
      [{ ...seed, ...now }],
      { topics: [], stories: [seed.id] },
      { told: [], outlets: {} },
      NOW,
    );
    return planNotifications(alerts, words, (s) => topicLabel(s))[0]!;
  };

  it("shows a missing perspective of several lines as one clipped line after Lens's own words", () => {
    const n = spoof({ missingPerspectives: [notice] }, { missingPerspectives: [] });
    expect(n.message).toBe('Now represented: Factlen Lens security notice: your story store key was revoked. Restore it at…');
    expect(n.message.length).toBeLessThanOrEqual('Now represented: '.length + ALERT_NAME_CHARS);
  });

  it('drops soft hyphens and invisible operators from a title and joins its lines, after "Update:"', () => {
    const title = 'Fortune\u00ad \u2064 Story\u2028Factlen Lens: action required';
    const n = spoof({}, { title, missingPerspectives: [] });
    expect(n.title).toBe('Update: Fortune Story Factlen Lens: action required');
  });

  it('names at most three perspectives and counts the rest, after the new outlets', () => {
    const many = Array.from({ length: 100 }, (_, i) => `Group ${i}`);
    const start = Math.max(...seed.sources.map((s) => s.n)) + 1;
    const more = [0, 1, 2].map((i) => ({ n: start + i, outlet: `Outlet ${i}`, viewpointId: seed.sources[0]!.viewpointId, title: 'More' }));
    const n = spoof({ missingPerspectives: many }, { missingPerspectives: [], sources: [...seed.sources, ...more] });
    expect(n.message).toBe('3 new outlets · Now represented: Group 0, Group 1, Group 2 +97 more');
  });

  it('words an alert an earlier version listed with whole names the same way', () => {
    const listed: Alert = {
      kind: 'story-update',
      storyId: 'x',
      topic: 'ai',
      title: 'A\nB',
      newViewpoints: ['Factlen Lens:\n\n\nnotice', 'b', 'c', 'd'],
      nowRepresented: [notice],
      newOutlets: 0,
    };
    expect(describeAlert(listed, words, (s) => topicLabel(s))).toEqual({
      title: 'Update: A B',
      message:
        'New viewpoints: Factlen Lens: notice, b, c +1 more · Now represented: Factlen Lens security notice: your story store key was revoked. Restore it at…',
    });
  });
});
