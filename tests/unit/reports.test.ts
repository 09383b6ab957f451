import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadReport, saveReport, setUpReports } from '../../entrypoints/background/reports.ts';
import type { TabReport } from '../../lib/messages.ts';
import type { Story } from '../../lib/story/story.ts';

const report: TabReport = { state: 'no-match', page: { url: 'https://example.com/a', title: 'A' } };

describe('tab reports', () => {
  it('keeps the latest report per tab in session storage', async () => {
    await saveReport(7, report);
    expect(await loadReport(7)).toEqual(report);
    expect(await loadReport(8)).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('drops a tab report when the tab loads a new page or closes', async () => {
    setUpReports();
    await saveReport(7, report);
    await saveReport(9, report);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, {} as never);
    await fakeBrowser.tabs.onRemoved.trigger(9, {} as never);
    await expect.poll(() => loadReport(7)).toBeNull();
    await expect.poll(() => loadReport(9)).toBeNull();
  });

  it('keeps the report through a jump within the page read, not a move to another page', async () => {
    // Found in a review (2026-12-07): an in-page link (`#comments`) in the article beside the side
    // panel is a navigation to Chrome ("loading", with the new address): the panel lost its story.
    setUpReports();
    await saveReport(7, report);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading', url: 'https://example.com/a#comments' }, {} as never);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, {} as never);
    expect(await loadReport(7)).toEqual(report);
    await saveReport(8, report);
    await fakeBrowser.tabs.onUpdated.trigger(8, { status: 'loading', url: 'https://example.com/a?page=2' }, {} as never);
    await expect.poll(() => loadReport(8)).toBeNull();
  });

  it('keeps the report through updates that are not a navigation', async () => {
    setUpReports();
    await saveReport(7, report);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, {} as never);
    expect(await loadReport(7)).toEqual(report);
  });
});

describe('a kept report damaged since it was written', () => {
  const story: Story = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));
  const page = { url: 'https://example.com/a', title: 'A', siteName: null };
  const match: TabReport = { state: 'match', page, story, confidence: 0.9, reasons: [{ kind: 'url', detail: 'x' }], alternatives: [] };
  const alternative = { storyId: 'b', confidence: 0.4, title: 'B' };
  const kept: TabReport[] = [
    match,
    { state: 'no-match', page, alternatives: [alternative], suggestion: { ...alternative, reasons: [] } },
    { state: 'no-match', page, sameSubject: { stories: [{ ...alternative, publishedAt: '2026-01-01' }], reasons: [] } },
    { state: 'not-article', page, reason: 'no-content' },
    { state: 'error', message: 'x' },
  ];
  const damaged: [string, unknown][] = [
    ['a string', 'junk'],
    ['a list', [match]],
    ['a state it does not know', { ...match, state: 'matched' }],
    ['no page', { ...match, page: null }],
    ['a page without its address', { ...match, page: { title: 'A' } }],
    ['a match without its story', { ...match, story: undefined }],
    ['a match whose story lost its sources', { ...match, story: { ...story, sources: undefined } }],
    ['a match whose alternatives are not a list', { ...match, alternatives: {} }],
    ['a suggestion without reasons', { ...kept[1], suggestion: alternative }],
    ['stories of the subject that are not a list', { ...kept[2], sameSubject: { stories: 'x', reasons: [] } }],
    ['an error without its message', { state: 'error' }],
  ];

  it('reads every kind of report as it was kept', async () => {
    for (const r of kept) {
      await saveReport(7, r);
      expect(await loadReport(7)).toEqual(r);
    }
  });

  it.each(damaged)('reads %s as no report', async (_, value) => {
    await fakeBrowser.storage.session.set({ 'report:7': value });
    expect(await loadReport(7)).toBeNull();
  });
});
